/**
 * `status`: how healthy an integration is, from a terminal, spending nothing. It reads only what
 * GitHub shows without a token being used: the secret's last write (its metadata), the consent date
 * (the variable `authorize --record-consent-variable` writes, or --consented-at), and, with
 * --workflow, whether the rotation workflow is enabled and how its recent runs ended. The verdict
 * is the health core's (../health/health.ts). Nothing is sent to Atlassian: a refresh token cannot
 * be tried without spending it.
 *
 * A refused read does not stop the others: the verdict then rests on what could be read, and says
 * so ("partial"), naming the permission that was missing.
 */
import { ActionError } from '../common/errors.js'
import { parseEndpointUrl } from '../common/endpoint-url.js'
import { LIMITS, quoteValue, tooLong } from '../common/input-limits.js'
import { asText, text, type Setting, type Text } from '../common/settings.js'
import { commandLine } from '../common/shell-quote.js'
import {
  listRecentRuns,
  readWorkflow,
  type WorkflowAccess,
  type WorkflowInfo,
  type WorkflowRunInfo,
} from '../github/workflows.js'
import { fetchSecretMetadata } from '../github/secret-store.js'
import { secretTarget, type RepositoryRef, type TargetInput } from '../github/targets.js'
import { readVariable } from '../github/variables.js'
import { assessHealth, type WorkflowFacts } from '../health/health.js'
import {
  checkSecretName,
  parseIsoMoment,
  parseRepository,
  readTarget,
} from '../rotation/request.js'
import { gitHubClient, retryOptions, type Command, type CommandContext } from './context.js'
import { CliError, EXIT, type ExitCode } from './exit-codes.js'
import { findGitHubToken } from './github-token.js'
import { listProblems, TOOL, type CommandSpec, type FlagSpec } from './options.js'
import { ENDPOINT_FLAGS, gitHubApiUrl, TARGET_FLAGS } from './shared-flags.js'
import {
  renderStatus,
  statusJson,
  statusWording,
  type Reading,
  type StatusReport,
  type Unread,
} from './status-report.js'

/** How many of the workflow's latest runs are read. */
const RECENT_RUNS = 10
const DEFAULT_CONSENT_VARIABLE = 'ATLASSIAN_CONSENTED_AT'

/** The target flags that say where the secret is; who may use it is no concern of a reading. */
const WHERE: Record<string, string> = {
  repository:
    'The repository holding the secret (default: GITHUB_REPOSITORY, when set); also where the consent variable and --workflow are read. With --environment, the repository of the environment.',
  environment: 'Read an environment secret of --repository, in this environment.',
  organization:
    'Read an organization secret; --repository then names the repository of the consent variable and the workflow.',
}

const FLAGS: FlagSpec[] = [
  {
    name: 'secret-name',
    kind: 'string',
    value: 'NAME',
    description: 'The secret that holds the refresh token, e.g. ATLASSIAN_REFRESH_TOKEN.',
  },
  ...TARGET_FLAGS.filter((flag) => WHERE[flag.name] !== undefined).map((flag) => ({
    ...flag,
    description: WHERE[flag.name] ?? flag.description,
  })),
  {
    name: 'workflow',
    kind: 'string',
    value: 'FILE|ID',
    description:
      'The workflow that rotates the token, by file name (rotate-atlassian-token.yml) or id: check that it is enabled and that its latest runs succeeded. Optional; without it the workflow is not checked.',
  },
  {
    name: 'consent-variable',
    kind: 'string',
    value: 'NAME',
    description: `The repository variable holding the consent date, as \`authorize --record-consent-variable\` writes it. Default: ${DEFAULT_CONSENT_VARIABLE}.`,
  },
  {
    name: 'consented-at',
    kind: 'string',
    value: 'DATE',
    description:
      'The consent date (ISO 8601), instead of reading the variable: counts the 365 days from it.',
  },
  {
    name: 'json',
    kind: 'boolean',
    env: false,
    description:
      'Print one JSON document (verdict, reasons, figures, what was not read) instead of lines; its shape is in the README.',
  },
  ...ENDPOINT_FLAGS.filter((flag) => flag.name === 'github-api-url'),
]

const spec: CommandSpec = {
  name: 'status',
  summary: 'say how healthy an integration is (healthy, at risk, dead), spending nothing',
  usage: 'status --secret-name NAME --repository OWNER/REPO [--workflow FILE.yml] [--json]',
  description: [
    'Reads when the secret was last written (every rotation writes it), the consent date (the variable authorize records), and with --workflow whether the rotation workflow is enabled and how its latest runs ended. From these it gives the verdict: healthy; at risk, and why (no rotation for over 30 days, failing runs, a disabled workflow, fewer than 30 days before the 90-day or the 365-day limit); or dead, and the command that brings it back (authorize).',
    'Nothing is sent to Atlassian and no token is spent: a refresh token cannot be tried without disabling it. A read GitHub refuses is named with the permission it needs, and the verdict then rests on the rest (partial).',
    'The exit code is the verdict: 0 healthy, 9 at risk, 10 dead. It is 5 when GitHub refused or failed every read, when the secret could not be read or does not exist (check --secret-name and the target), and when what could be read looks healthy but a read was refused: a partial check is never 0.',
  ],
  flags: FLAGS,
  environment: [
    [
      'GH_TOKEN, GITHUB_TOKEN',
      'The GitHub token that reads; without either, the token of `gh auth token`. Needs "Secrets: Read" on the target (environments: "Environments: Read"; organizations: organization "Secrets: Read"), "Variables: Read" for the consent variable, and "Actions: Read" for --workflow.',
    ],
  ],
  examples: [
    `${TOOL} status --secret-name ATLASSIAN_REFRESH_TOKEN --repository octo-org/confluence-sync --workflow rotate-atlassian-token.yml`,
    `${TOOL} status --secret-name ATLASSIAN_REFRESH_TOKEN --repository octo-org/confluence-sync --json | jq -r .verdict`,
  ],
  exitCodes: [EXIT.OK, EXIT.UNEXPECTED, EXIT.USAGE, EXIT.GITHUB, EXIT.AT_RISK, EXIT.DEAD],
}

interface Plan {
  secretName: string
  target: TargetInput
  /** Where the consent variable and the workflow live; undefined for an organization secret without --repository. */
  repository: RepositoryRef | undefined
  consent: { source: 'flag'; date: Date } | { source: 'variable'; variable: string }
  workflow: string | undefined
  json: boolean
  githubApiUrl: string
}

function readPlan(
  flags: Parameters<Command['run']>[0],
  env: Record<string, string | undefined>,
): Plan {
  const problems: Text[] = []
  const problem = (_setting: Setting, message: string | Text): void => {
    problems.push(asText(message))
  }
  const secretName = flags.string('secret-name') ?? ''
  if (secretName === '') {
    problem(
      'secret-name',
      '--secret-name is required: the secret that holds the refresh token, e.g. ATLASSIAN_REFRESH_TOKEN.',
    )
  }
  checkSecretName('secret-name', secretName, problem)
  const target = readTarget(
    (name) => (WHERE[name] === undefined ? '' : (flags.string(name) ?? '')),
    env,
    problem,
  )
  let repository = target?.kind === 'organization' ? undefined : target?.repository
  if (target?.kind === 'organization') {
    const given = flags.string('repository') ?? env['GITHUB_REPOSITORY'] ?? ''
    repository = given === '' ? undefined : parseRepository(given)
    if (given !== '' && repository === undefined) {
      problem(
        'repository',
        `--repository must be "owner/name", e.g. "octo-org/confluence-sync"; got ${quoteValue(given)}.`,
      )
    }
  }

  let consent: Plan['consent']
  const consentedAt = flags.string('consented-at')
  if (consentedAt !== undefined) {
    const time = parseIsoMoment(consentedAt)
    if (Number.isNaN(time)) {
      problem(
        'consented-at',
        `--consented-at must be an ISO 8601 date such as 2026-01-31 (or a date and time with its zone); got ${quoteValue(consentedAt)}.`,
      )
    }
    consent = { source: 'flag', date: new Date(time) }
  } else {
    const variable = flags.string('consent-variable') ?? DEFAULT_CONSENT_VARIABLE
    checkSecretName('consent-variable', variable, problem, 'variable')
    consent = { source: 'variable', variable }
  }

  const workflow = readWorkflowName(flags.string('workflow'), problem)
  const githubApiUrl = parseEndpointUrl('github-api-url', gitHubApiUrl(flags, env), problem)
  if (problems.length > 0 || target === undefined || githubApiUrl === undefined) {
    throw new CliError(
      EXIT.USAGE,
      listProblems(problems),
      `Run \`${TOOL} status --help\` for the options. Nothing was read.`,
    )
  }
  return {
    secretName,
    target,
    repository,
    consent,
    workflow,
    json: flags.boolean('json'),
    githubApiUrl: githubApiUrl.href.replace(/\/+$/, ''),
  }
}

/** A workflow's id, or its file name (a path under .github/workflows/ is taken as its file name). */
function readWorkflowName(
  given: string | undefined,
  problem: (setting: Setting, message: string | Text) => void,
): string | undefined {
  if (given === undefined) return undefined
  const name = given.replace(/^\.?\/?\.github\/workflows\//, '')
  const overlong = tooLong('--workflow', name, LIMITS.name, false)
  if (overlong !== undefined) {
    problem('workflow', overlong)
    return undefined
  }
  if (!/^\d+$/.test(name) && !/^[^/\\\s]+\.ya?ml$/.test(name)) {
    problem(
      'workflow',
      `--workflow must be the workflow's file name (e.g. rotate-atlassian-token.yml) or its id; got ${quoteValue(given)}.`,
    )
    return undefined
  }
  return name
}

/** The permission each read needs, in words (read access is enough for all of them). */
function secretsReadPermission(target: TargetInput): string {
  switch (target.kind) {
    case 'repository':
      return `the repository permission "Secrets: Read" on ${slug(target.repository)} (a classic personal access token: the "repo" scope)`
    case 'environment':
      return `the repository permission "Environments: Read" on ${slug(target.repository)} (a classic personal access token: the "repo" scope)`
    case 'organization':
      return `the organization permission "Secrets: Read" on ${target.organization} (a classic personal access token: the "admin:org" scope)`
  }
}

const variablesReadPermission = (repository: RepositoryRef): string =>
  `the repository permission "Variables: Read" on ${slug(repository)} (a classic personal access token: the "repo" scope)`
const actionsReadPermission = (repository: RepositoryRef): string =>
  `the repository permission "Actions: Read" on ${slug(repository)} (a classic personal access token: the "repo" scope)`

const slug = (repository: RepositoryRef): string => `${repository.owner}/${repository.repo}`

export const status: Command = {
  spec,
  async run(flags, context): Promise<ExitCode> {
    const { terminal, deps } = context
    const plan = readPlan(flags, deps.env)
    const permissions = [
      secretsReadPermission(plan.target),
      plan.repository && plan.consent.source === 'variable'
        ? variablesReadPermission(plan.repository)
        : undefined,
      plan.repository && plan.workflow ? actionsReadPermission(plan.repository) : undefined,
    ].filter((words) => words !== undefined)
    const token = await findGitHubToken(
      deps.env,
      plan.githubApiUrl,
      permissions.join('; '),
      deps.ghAuthToken,
    )
    terminal.secrets.add(token.token)
    terminal.wording = statusWording(token.source)

    const report = await readStatus(plan, context, token.token)
    if (plan.json) {
      terminal.result(JSON.stringify(statusJson(report, terminal.wording), null, 2))
    } else {
      for (const line of renderStatus(report, terminal.wording)) terminal.result(line)
    }
    return exitCodeFor(report)
  },
}

/**
 * The verdict's code. A healthy-looking partial check is a GitHub failure, never "healthy"; and so
 * is a check that found no secret to judge (refused, or not found: a mistyped --secret-name or
 * --repository, or a token that cannot see the repository, which GitHub also answers with 404),
 * unless what was read already says dead: "at risk" would send people after a limit, not a typo.
 */
export function exitCodeFor(report: Pick<StatusReport, 'health' | 'partial' | 'secret'>): ExitCode {
  if (report.health.verdict === 'dead') return EXIT.DEAD
  const { secret } = report
  if (secret.status !== 'read' || secret.value.updatedAt === undefined) return EXIT.GITHUB
  if (report.health.verdict === 'at-risk') return EXIT.AT_RISK
  return report.partial ? EXIT.GITHUB : EXIT.OK
}

async function readStatus(
  plan: Plan,
  context: CommandContext,
  githubToken: string,
): Promise<StatusReport> {
  const { terminal, deps } = context
  const github = gitHubClient(context, githubToken, plan.githubApiUrl)
  const retry = (): ReturnType<typeof retryOptions> => retryOptions(context, 'GitHub', 30_000)
  const secrets = terminal.secrets
  const target = secretTarget(plan.target)
  /** Each failure, to report as it came when nothing at all could be read. */
  const failures: ActionError[] = []

  const attempt = async <T>(permission: string, read: () => Promise<T>): Promise<Reading<T>> => {
    try {
      return { status: 'read', value: await read() }
    } catch (error) {
      if (!(error instanceof ActionError)) throw error
      failures.push(error)
      const unread: Unread =
        error.code === 'GITHUB_FORBIDDEN'
          ? { status: 'refused', permission, said: error.said }
          : { status: 'failed', said: error.said, next: error.next }
      return unread
    }
  }

  const secretRead = attempt(secretsReadPermission(plan.target), async () => {
    const metadata = await fetchSecretMetadata(
      { github, target, secrets, retry: retry() },
      plan.secretName,
    )
    return { updatedAt: metadata.updatedAt, serverNow: metadata.serverNow }
  })

  const { repository } = plan
  const consentRead = async (): Promise<StatusReport['consent']> => {
    if (plan.consent.source === 'flag') return plan.consent
    const { variable } = plan.consent
    if (repository === undefined) {
      return {
        source: 'variable',
        variable,
        repository: undefined,
        reading: {
          status: 'skipped',
          why: `an organization secret's consent variable is a repository's: name it with --repository (or give --consented-at)`,
        },
      }
    }
    let reading = await attempt(variablesReadPermission(repository), async () => {
      const found = await readVariable({ github, repository, secrets, retry: retry() }, variable)
      const value = found?.value.trim()
      const time = value === undefined ? NaN : parseIsoMoment(value)
      return { value, date: Number.isNaN(time) ? undefined : new Date(time) }
    })
    if (reading.status === 'read' && reading.value.value !== undefined && !reading.value.date) {
      reading = {
        status: 'failed',
        said: text`The variable ${variable} of ${slug(repository)} holds ${quoteValue(reading.value.value)}, which is not a date such as 2026-01-31.`,
      }
    }
    return { source: 'variable', variable, repository: slug(repository), reading }
  }

  const workflowRead = async (): Promise<StatusReport['workflow']> => {
    const name = plan.workflow
    if (name === undefined) return undefined
    if (repository === undefined) {
      const why = "an organization secret: name the workflow's repository with --repository"
      return {
        repository: undefined,
        name,
        info: { status: 'skipped', why },
        runs: { status: 'skipped', why },
      }
    }
    const permission = actionsReadPermission(repository)
    const access: WorkflowAccess = { github, repository, secrets, retry: retry() }
    const info = await attempt(permission, () => readWorkflow(access, name))
    const runs: Reading<WorkflowRunInfo[]> =
      info.status === 'read'
        ? await attempt(permission, () =>
            listRecentRuns({ ...access, retry: retry() }, info.value, RECENT_RUNS),
          )
        : { status: 'skipped', why: 'the workflow itself was not read' }
    return { repository: slug(repository), name, info, runs }
  }

  const [secret, consent, workflow] = await Promise.all([secretRead, consentRead(), workflowRead()])
  const readings: Reading<unknown>[] = [
    secret,
    ...(consent.source === 'variable' ? [consent.reading] : []),
    ...(workflow ? [workflow.info, workflow.runs] : []),
  ]
  // Nothing read from GitHub at all (a bad token, GitHub unreachable): no verdict to give.
  if (!readings.some((reading) => reading.status === 'read')) {
    const [first] = failures
    throw first ?? new Error('no read was attempted')
  }

  const consentedAt =
    consent.source === 'flag'
      ? consent.date
      : consent.reading.status === 'read'
        ? consent.reading.value.date
        : undefined
  const health = assessHealth({
    // On GitHub's clock (its Date header) when it gave one, as the action counts: the secret's
    // updated_at was written on that clock, and a laptop's clock may be hours off.
    now:
      secret.status === 'read' && secret.value.serverNow
        ? secret.value.serverNow
        : new Date(deps.clock.now()),
    lastWrite: secret.status === 'read' ? secret.value.updatedAt : undefined,
    consentedAt,
    secretName: plan.secretName,
    workflow: workflowFacts(workflow),
  })
  return {
    secretName: plan.secretName,
    target: target.description,
    secret,
    consent,
    workflow,
    health,
    partial: readings.some((r) => r.status === 'refused' || r.status === 'failed'),
    reauthorize: reauthorizeCommand(plan),
  }
}

function workflowFacts(workflow: StatusReport['workflow']): WorkflowFacts | undefined {
  if (workflow?.info.status !== 'read' || workflow.repository === undefined) return undefined
  const info: WorkflowInfo = workflow.info.value
  return {
    repository: workflow.repository,
    workflow: workflow.name,
    state: info.state,
    runs:
      workflow.runs.status === 'read'
        ? workflow.runs.value.map((run) => ({
            createdAt: run.createdAt,
            conclusion: run.status === 'completed' ? run.conclusion : null,
            htmlUrl: run.htmlUrl,
          }))
        : undefined,
  }
}

/**
 * `authorize` for the same secret, and the same consent variable: what brings a dead integration
 * back. The client ID and the callback are the app's (developer console), which status never needs.
 */
function reauthorizeCommand(plan: Plan): string {
  const where: string[] = []
  const { target } = plan
  if (target.kind === 'organization') {
    where.push('--organization', target.organization)
    if (plan.repository) where.push('--repository', slug(plan.repository))
  } else {
    where.push('--repository', slug(target.repository))
    if (target.kind === 'environment') where.push('--environment', target.environment)
  }
  const variable =
    plan.consent.source === 'variable' && plan.repository
      ? ['--record-consent-variable', plan.consent.variable]
      : []
  const api =
    plan.githubApiUrl === 'https://api.github.com' ? [] : ['--github-api-url', plan.githubApiUrl]
  // Flags and plain values as they are; anything a shell could read into is quoted.
  const plain = (word: string): string | { literal: string } =>
    /^[\w@%+=:,./-]+$/.test(word) ? { literal: word } : word
  return commandLine(
    [
      TOOL,
      'authorize',
      '--client-id',
      { literal: '"$CLIENT_ID"' },
      '--callback',
      { literal: '"$CALLBACK_URL"' },
      ...where,
      '--secret-name',
      plan.secretName,
      ...variable,
      ...api,
    ].map((word) => (typeof word === 'string' ? plain(word) : word)),
  )
}
