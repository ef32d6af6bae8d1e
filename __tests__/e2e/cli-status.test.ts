/**
 * `status`: the bundled tool run as a child process against both emulators, for a healthy, an
 * at-risk and a dead integration. Each world is seeded with the secret's last write, the consent
 * variable and the rotation workflow's state and runs; the tool reads the real clock, so dates are
 * seeded relative to now, an hour clear of a day's edge and days clear of every limit.
 *
 * Every test also checks that nothing was spent: not one request reached Atlassian.
 */
import { endpointsOf, runCli, type CliRun } from '../support/cli.js'
import {
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  startScenario,
  type Scenario,
} from '../support/scenario.js'
import type { GitHubTokenGrant } from '../../emulators/github.js'
import type { StatusJson } from '../../src/cli/status-report.js'

const DAY = 24 * 60 * 60 * 1000
const HOUR = 60 * 60 * 1000
const WORKFLOW = 'rotate-atlassian-token.yml'
const VARIABLE = 'ATLASSIAN_CONSENTED_AT'

/** `days` days and an hour ago, so whole-day counts do not depend on when the test runs. */
const daysAgo = (days: number): Date => new Date(Date.now() - days * DAY - HOUR)
const isoDay = (date: Date): string => date.toISOString().slice(0, 10)

/** Reads everything status reads; writes nothing. */
const READER: GitHubTokenGrant = {
  kind: 'fine-grained-pat',
  repositories: [REPOSITORY],
  secrets: 'read',
  variables: 'read',
  actions: 'read',
}

let world: Scenario | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

interface Seed {
  lastWriteDaysAgo: number
  consentDaysAgo?: number
  workflowState?: 'active' | 'disabled_inactivity' | 'disabled_manually'
  /** Conclusions of the latest runs, newest first, one every three days. */
  runs?: string[]
  grant?: GitHubTokenGrant
}

async function seededWorld(seed: Seed): Promise<Scenario> {
  const w = await startScenario({ githubToken: seed.grant ?? READER })
  world = w
  const secret = w.github.secret(REPOSITORY, SECRET_NAME)
  if (!secret) throw new Error('the scenario stores no secret')
  w.github.restoreSecret(REPOSITORY, { ...secret, updatedAt: daysAgo(seed.lastWriteDaysAgo) })
  if (seed.consentDaysAgo !== undefined) {
    w.github.setVariable(REPOSITORY, VARIABLE, isoDay(daysAgo(seed.consentDaysAgo)))
  }
  const workflow = w.github.addWorkflow(REPOSITORY, WORKFLOW, {
    name: 'Rotate Atlassian token',
    state: seed.workflowState ?? 'active',
  })
  const runs = seed.runs ?? ['success', 'success']
  // Oldest first, so that the run numbers grow as they do on GitHub.
  runs
    .map((conclusion, i) => ({ conclusion, createdAt: daysAgo(1 + 3 * i) }))
    .reverse()
    .forEach((run) => w.github.addWorkflowRun(REPOSITORY, workflow.id, run))
  return w
}

function status(
  w: Scenario,
  extra: string[] = [],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return runCli(['status', '--secret-name', SECRET_NAME, '--repository', REPOSITORY, ...extra], {
    env: { ...endpointsOf(w), GH_TOKEN: GITHUB_TOKEN, ...env },
  })
}

function json(run: CliRun): StatusJson {
  return JSON.parse(run.stdout) as StatusJson
}

/** Nothing spent: no request to Atlassian at all, and the secret as it was. */
function expectNothingSpent(w: Scenario, storedBefore: string | undefined): void {
  expect(w.atlassian.requests).toEqual([])
  expect(w.timeline.filter((line) => !line.startsWith('GET '))).toEqual([])
  expect(w.storedToken()).toBe(storedBefore)
}

describe('status', () => {
  it('says healthy and exits 0 for a recent rotation, a far consent and succeeding runs', async () => {
    const w = await seededWorld({ lastWriteDaysAgo: 2, consentDaysAgo: 100 })
    const stored = w.storedToken()

    const human = await status(w, ['--workflow', WORKFLOW])
    const machine = await status(w, ['--workflow', WORKFLOW, '--json'])

    expect(human.exitCode).toBe(0)
    expect(human.stdout).toMatch(
      new RegExp(`^${SECRET_NAME} \\(repository ${REPOSITORY}\\): healthy\\n`),
    )
    expect(human.stdout).toContain(`Last rotation   ${isoDay(daysAgo(2))} (2 days ago)`)
    expect(human.stdout).toContain('(87 days left)')
    expect(human.stdout).toContain(`(variable ${VARIABLE}); every token of it dies on`)
    expect(human.stdout).toContain(`.github/workflows/${WORKFLOW}: enabled; latest 2 runs:`)
    expect(human.stdout).not.toContain('Why')
    expect(human.stderr).toBe('')

    expect(machine.exitCode).toBe(0)
    expect(json(machine)).toMatchObject({
      version: 1,
      verdict: 'healthy',
      partial: false,
      secret: { name: SECRET_NAME, exists: true },
      figures: {
        daysSinceLastRotation: 2,
        daysUntilRefreshTokenExpiry: 87,
        daysUntilReconsent: 264,
      },
      consent: { source: 'variable', variable: VARIABLE },
      workflow: {
        name: WORKFLOW,
        state: 'active',
        runs: [{ conclusion: 'success' }, { conclusion: 'success' }],
      },
      reasons: [],
      unread: [],
      reauthorize: null,
    })
    // GitHub's timestamps are whole seconds.
    const written = w.github.secret(REPOSITORY, SECRET_NAME)?.updatedAt.getTime() ?? 0
    expect(json(machine).secret.lastWrittenAt).toBe(
      new Date(Math.floor(written / 1000) * 1000).toISOString(),
    )
    expectNothingSpent(w, stored)
    // It reads the secret's metadata, the variable, the workflow and its runs: nothing else.
    expect(new Set(w.timeline)).toEqual(
      new Set([
        `GET /repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`,
        `GET /repos/${REPOSITORY}/actions/variables/${VARIABLE}`,
        `GET /repos/${REPOSITORY}/actions/workflows/${WORKFLOW}`,
        `GET /repos/${REPOSITORY}/actions/workflows/${w.github.workflow(REPOSITORY, WORKFLOW)?.id ?? 0}/runs?per_page=10`,
      ]),
    )
  })

  it('says at risk, and why, and exits 9: an old rotation, a disabled workflow, failing runs, a near consent', async () => {
    const w = await seededWorld({
      lastWriteDaysAgo: 45,
      consentDaysAgo: 350,
      workflowState: 'disabled_inactivity',
      runs: ['failure', 'failure', 'success'],
    })
    const stored = w.storedToken()

    const human = await status(w, ['--workflow', WORKFLOW])
    const machine = await status(w, ['--workflow', WORKFLOW, '--json'])

    expect(human.exitCode).toBe(9)
    expect(human.stdout).toContain(': at risk\n')
    expect(human.stdout).toContain(`not enabled (disabled_inactivity)`)
    expect(human.stdout).toContain('Why:')
    expect(human.stdout).toContain('was last written 45 days ago')
    expect(human.stdout).toContain('GitHub disabled it after 60 days without activity')
    expect(human.stdout).toContain(`\`gh workflow enable ${WORKFLOW} --repo ${REPOSITORY}\``)
    expect(human.stdout).toContain(`The latest 2 finished runs of ${WORKFLOW} failed`)
    expect(human.stdout).toContain('(14 days left)')
    // The advice names the action's input, not a flag this command lacks.
    expect(human.stdout).toContain('the action\'s "keep-schedule-alive" input')
    expect(human.stdout).not.toContain('To bring it back')

    expect(machine.exitCode).toBe(9)
    const document = json(machine)
    expect(document.verdict).toBe('at-risk')
    expect(document.reasons.map((reason) => reason.code).sort()).toEqual(
      ['reconsent-near', 'rotation-overdue', 'runs-failing', 'workflow-disabled'].sort(),
    )
    expect(document.reasons.every((reason) => reason.verdict === 'at-risk')).toBe(true)
    expect(document.figures).toMatchObject({ daysSinceLastRotation: 45, daysUntilReconsent: 14 })
    expect(document.workflow?.state).toBe('disabled_inactivity')
    // The consent ends within 30 days: the command that renews it is offered already.
    expect(document.reauthorize).toContain('authorize --client-id')
    expect(human.stdout).toContain('To consent again before the limit')
    expectNothingSpent(w, stored)
  })

  it('says dead, with the authorize command that brings it back, and exits 10', async () => {
    const w = await seededWorld({ lastWriteDaysAgo: 95, consentDaysAgo: 370 })
    const stored = w.storedToken()

    const human = await status(w, ['--workflow', WORKFLOW])
    const machine = await status(w, ['--workflow', WORKFLOW, '--json'])

    const command = `atlassian-token-rotation authorize --client-id "$CLIENT_ID" --callback "$CALLBACK_URL" --repository ${REPOSITORY} --secret-name ${SECRET_NAME} --record-consent-variable ${VARIABLE} --github-api-url ${w.github.apiUrl}`
    expect(human.exitCode).toBe(10)
    expect(human.stdout).toContain(': dead\n')
    expect(human.stdout).toContain('Why, and what to do:')
    expect(human.stdout).toContain("reached Atlassian's 365-day limit")
    expect(human.stdout).toContain("past Atlassian's 90-day limit")
    expect(human.stdout).toContain(
      `To bring it back, consent again and store the new refresh token:\n  ${command}\n`,
    )

    expect(machine.exitCode).toBe(10)
    const document = json(machine)
    expect(document.verdict).toBe('dead')
    expect(
      document.reasons
        .slice(0, 2)
        .map((reason) => reason.code)
        .sort(),
    ).toEqual(['consent-expired', 'refresh-token-expired'])
    expect(document.figures.daysUntilRefreshTokenExpiry).toBe(-6) // 5 days and an hour past: the sixth day past has begun
    expect(document.reauthorize).toBe(command)
    expectNothingSpent(w, stored)
  })

  it('says the workflow is not checked without --workflow, and the consent date is unknown without the variable', async () => {
    const w = await seededWorld({ lastWriteDaysAgo: 2 })

    const run = await status(w)

    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(': healthy\n')
    expect(run.stdout).toContain(
      'Workflow        not checked (optional): name the rotation workflow with --workflow',
    )
    expect(run.stdout).toContain(`unknown: the variable ${VARIABLE} does not exist`)
    expect(w.timeline.some((line) => line.includes('/actions/workflows/'))).toBe(false)
    expectNothingSpent(w, w.storedToken())
  })

  it('takes the consent date from --consented-at instead of the variable', async () => {
    const w = await seededWorld({ lastWriteDaysAgo: 2, consentDaysAgo: 10 })

    const run = await status(w, ['--json', '--consented-at', isoDay(daysAgo(370))])

    expect(run.exitCode).toBe(10)
    expect(json(run)).toMatchObject({
      verdict: 'dead',
      consent: { source: 'flag', variable: null },
    })
    expect(w.timeline.some((line) => line.includes('/variables/'))).toBe(false)
  })

  it('names the missing permission and marks a healthy-looking verdict partial, exiting 5', async () => {
    const w = await seededWorld({
      lastWriteDaysAgo: 2,
      consentDaysAgo: 100,
      grant: { ...READER, actions: 'none' },
    })

    const human = await status(w, ['--workflow', WORKFLOW])
    const machine = await status(w, ['--workflow', WORKFLOW, '--json'])

    expect(human.exitCode).toBe(5)
    expect(human.stdout).toContain(': healthy (partial: not everything could be read, see below)')
    expect(human.stdout).toContain('Not read (the verdict rests on the rest):')
    expect(human.stdout).toContain(
      `the workflow: Could not read the workflow ${WORKFLOW} of ${REPOSITORY}: GitHub answered HTTP 403`,
    )
    expect(human.stdout).toContain(
      `The GitHub token needs the repository permission "Actions: Read" on ${REPOSITORY}`,
    )
    expect(machine.exitCode).toBe(5)
    expect(json(machine)).toMatchObject({
      verdict: 'healthy',
      partial: true,
      unread: [
        {
          what: 'workflow',
          status: 'refused',
          permission: expect.stringContaining('"Actions: Read"') as unknown,
        },
      ],
      // What could be read still counts.
      figures: { daysSinceLastRotation: 2 },
    })
  })

  it('reports a workflow that does not exist as not read, and the check as partial', async () => {
    const w = await seededWorld({ lastWriteDaysAgo: 2, consentDaysAgo: 100 })

    const run = await status(w, ['--workflow', 'rotate-other.yml', '--json'])

    expect(run.exitCode).toBe(5)
    expect(json(run)).toMatchObject({
      verdict: 'healthy',
      partial: true,
      workflow: { name: 'rotate-other.yml', state: null, runs: null },
      unread: [{ what: 'workflow', status: 'failed', permission: null }],
    })
    expect(json(run).unread[0]?.said).toContain('GitHub answered HTTP 404')
    expect(json(run).unread[0]?.next).toContain('Check --workflow')
  })

  it("counts on GitHub's clock (its Date header), as the action does, not the terminal's", async () => {
    const w = await seededWorld({ lastWriteDaysAgo: 2, consentDaysAgo: 100 })
    // GitHub's clock runs 43 days ahead of this machine's: by GitHub's, the write is 45 days old.
    w.clock.advance(43 * DAY)

    const run = await status(w, ['--json'])

    expect(run.exitCode).toBe(9)
    expect(json(run)).toMatchObject({
      verdict: 'at-risk',
      figures: { daysSinceLastRotation: 45 },
      reasons: [{ code: 'rotation-overdue' }],
    })
  })

  it('exits 5, not 9, for a secret it cannot find: a mistyped name is no limit coming', async () => {
    const w = await seededWorld({ lastWriteDaysAgo: 2, consentDaysAgo: 100 })

    const run = await runCli(
      ['status', '--secret-name', 'ATLASSIAN_REFRESH_TOKNE', '--repository', REPOSITORY, '--json'],
      { env: { ...endpointsOf(w), GH_TOKEN: GITHUB_TOKEN } },
    )

    expect(run.exitCode).toBe(5)
    expect(json(run)).toMatchObject({
      verdict: 'at-risk',
      secret: { name: 'ATLASSIAN_REFRESH_TOKNE', exists: false },
      reasons: [{ code: 'last-write-unknown' }],
    })
    expect(w.atlassian.requests).toEqual([])
  })

  it('still gives the verdict of what it read when the secret is refused: at risk, partial, exit 5', async () => {
    const w = await seededWorld({
      lastWriteDaysAgo: 2,
      consentDaysAgo: 100,
      grant: { ...READER, secrets: 'none' },
    })

    const run = await status(w, ['--workflow', WORKFLOW, '--json'])

    expect(run.exitCode).toBe(5)
    expect(json(run)).toMatchObject({
      verdict: 'at-risk',
      partial: true,
      secret: { exists: null, lastWrittenAt: null },
      reasons: [{ code: 'last-write-unknown' }],
      unread: [
        {
          what: 'secret',
          status: 'refused',
          permission: expect.stringContaining('"Secrets: Read"') as unknown,
        },
      ],
    })
  })

  it('exits 5 when nothing can be read: a token GitHub does not know', async () => {
    const w = await seededWorld({ lastWriteDaysAgo: 2 })

    const run = await status(w, ['--workflow', WORKFLOW], { GH_TOKEN: 'github_pat_unknown' })

    expect(run.exitCode).toBe(5)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('is not a valid token')
    expect(run.stderr).not.toContain('github_pat_unknown')
    expectNothingSpent(w, w.storedToken())
  })

  it('exits 2 for a missing secret name or a workflow that is not a file name, reading nothing', async () => {
    const w = await seededWorld({ lastWriteDaysAgo: 2 })

    const missing = await runCli(['status', '--repository', REPOSITORY], {
      env: { ...endpointsOf(w), GH_TOKEN: GITHUB_TOKEN },
    })
    const badWorkflow = await status(w, ['--workflow', 'rotate token'])

    expect(missing.exitCode).toBe(2)
    expect(missing.stderr).toContain('--secret-name is required')
    expect(badWorkflow.exitCode).toBe(2)
    expect(badWorkflow.stderr).toContain("--workflow must be the workflow's file name")
    expect(w.timeline).toEqual([])
  })

  it('reads an environment secret, and names the environment in the authorize command', async () => {
    const w = await startScenario({
      store: { kind: 'environment', repository: REPOSITORY, environment: 'production eu' },
      githubToken: { ...READER, secrets: 'none', environments: 'read' },
    })
    world = w
    w.github.setVariable(REPOSITORY, VARIABLE, isoDay(daysAgo(370)))

    const run = await status(w, ['--environment', 'production eu', '--json'])

    expect(run.exitCode).toBe(10)
    expect(json(run)).toMatchObject({
      verdict: 'dead',
      partial: false,
      secret: { target: `environment "production eu" of ${REPOSITORY}`, exists: true },
      figures: { daysSinceLastRotation: 0 },
    })
    expect(json(run).reauthorize).toContain(
      `--repository ${REPOSITORY} --environment 'production eu' --secret-name ${SECRET_NAME}`,
    )
    expect(w.timeline).toContain(
      `GET /repos/${REPOSITORY}/environments/production%20eu/secrets/${SECRET_NAME}`,
    )
    expectNothingSpent(w, w.storedToken())
  })

  it('reads an organization secret, and the variable and workflow of --repository', async () => {
    const w = await startScenario({
      store: { kind: 'organization', organization: 'octo-org' },
      githubToken: {
        ...READER,
        secrets: 'none',
        organizationSecrets: { organizations: ['octo-org'], access: 'read' },
      },
    })
    world = w
    w.github.setVariable(REPOSITORY, VARIABLE, isoDay(daysAgo(100)))
    w.github.addWorkflow(REPOSITORY, WORKFLOW)

    const withRepository = await status(w, ['--organization', 'octo-org', '--workflow', WORKFLOW])
    const alone = await runCli(
      [
        'status',
        '--secret-name',
        SECRET_NAME,
        '--organization',
        'octo-org',
        '--workflow',
        WORKFLOW,
      ],
      { env: { ...endpointsOf(w), GH_TOKEN: GITHUB_TOKEN } },
    )

    expect(withRepository.exitCode).toBe(0)
    expect(withRepository.stdout).toContain(`${SECRET_NAME} (organization octo-org): healthy`)
    expect(withRepository.stdout).toContain(`.github/workflows/${WORKFLOW}: enabled; no runs yet`)
    expect(w.timeline).toContain(`GET /orgs/octo-org/actions/secrets/${SECRET_NAME}`)
    // Without a repository there is no variable or workflow to read: said, not guessed.
    expect(alone.exitCode).toBe(0)
    expect(alone.stdout).toContain(`${WORKFLOW}: not checked: an organization secret`)
    expect(alone.stdout).toContain(
      "Consent         not checked: an organization secret's consent variable",
    )
    expectNothingSpent(w, w.storedToken())
  })

  it('--help lists exactly the exit codes status gives', async () => {
    const run = await runCli(['status', '--help'])

    expect(run.exitCode).toBe(0)
    // A code's meaning may wrap onto lines indented under it.
    const codes = /Exit codes:\n((?: {2}\d+ .*\n| {7}\S.*\n)+)/.exec(run.stdout)?.[1] ?? ''
    expect([...codes.matchAll(/^ {2}(\d+) /gm)].map((match) => Number(match[1]))).toEqual([
      0, 1, 2, 5, 9, 10,
    ])
    expect(run.stdout).toMatch(/\n {2}9 +status: at risk/)
    expect(run.stdout).toContain('The exit code is the verdict: 0 healthy, 9 at risk, 10 dead.')
    expect(run.stdout).toContain('--workflow FILE|ID')
    expect(run.stdout).toContain('"Actions: Read" for --workflow')
  })
})
