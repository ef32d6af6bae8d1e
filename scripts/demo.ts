/**
 * `npm run demo`: the bundled action rotating a token against the built-in emulators of Atlassian's
 * token endpoint and GitHub's secrets API, for someone without an Atlassian app yet. Shows the log
 * as the runner would show it (masked), the outputs and the summary, then checks what was stored.
 * Exits non-zero if anything is not as it should be, so CI runs it too.
 */
import { AtlassianEmulator } from '../emulators/atlassian.js'
import { maskLikeRunner, runAction, type ActionRun } from '../emulators/actions-runner.js'
import { DAY, MINUTE, RunningClock } from '../emulators/clock.js'
import { GitHubEmulator } from '../emulators/github.js'

const REPOSITORY = 'octo-org/confluence-sync'
const SECRET_NAME = 'ATLASSIAN_REFRESH_TOKEN'
const CLIENT_ID = 'demo-client-id'
const CLIENT_SECRET = 'demo-client-secret-do-not-use'
const GITHUB_TOKEN = 'github_pat_demo_secrets_read_and_write'
/**
 * The workflow's own GITHUB_TOKEN, with `actions: write`: it reads its run (for the stale-token
 * guard) and re-enables its workflow on a scheduled run (keep-schedule-alive).
 */
const WORKFLOW_TOKEN = 'ghs_demo_workflow_token_actions_write'
/** The workflow the runner names in GITHUB_WORKFLOW_REF. */
const WORKFLOW_PATH = '.github/workflows/rotate.yml'

const bold = (text: string): string => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text)
const failures: string[] = []
function check(ok: boolean, what: string): void {
  console.log(`  ${ok ? '✓' : '✗'} ${what}`)
  if (!ok) failures.push(what)
}

/** The step's log as the Actions UI shows it: masks applied, commands turned into what they mean. */
function showLog(run: ActionRun): void {
  let inGroup = false
  for (const line of maskLikeRunner(run.stdout + run.stderr, run.masks).split('\n')) {
    if (line === '' || line.startsWith('::add-mask::')) continue
    if (line === '::endgroup::') {
      inGroup = false
      continue
    }
    if (inGroup) continue
    if (line.startsWith('::group::')) {
      // The UI shows a group collapsed until clicked.
      console.log(`  │ ▸ ${line.slice('::group::'.length)}`)
      inGroup = true
      continue
    }
    const annotation = /^::(error|warning|notice)[^:]*::(.*)$/.exec(line)
    const text = annotation
      ? `${(annotation[1] ?? '').replace(/^./, (c) => c.toUpperCase())}: ${annotation[2] ?? ''}`
      : line
    console.log(`  │ ${text.replace(/%0A/g, '\n  │ ')}`)
  }
}

function showOutputs(run: ActionRun): void {
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(`  ${name.padEnd(16)} ${maskLikeRunner(value, run.masks)}`)
  }
}

function showSummary(run: ActionRun): void {
  const text = run.summary
    .replace(/<tr><th[^>]*>(.*?)<\/th><td>(.*?)<\/td><\/tr>/g, '  $1: $2')
    .replace(/<h2>(.*?)<\/h2>/g, '  $1')
    .replace(/<\/?(table|code)>/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
  console.log(text.join('\n'))
}

const clock = new RunningClock()
const timeline: string[] = []
const atlassian = await new AtlassianEmulator({ now: () => clock.now(), timeline }).start()
const github = await new GitHubEmulator(() => clock.now(), { timeline }).start()
try {
  github.addRepository(REPOSITORY)
  github.addToken(GITHUB_TOKEN, {
    kind: 'fine-grained-pat',
    repositories: [REPOSITORY],
    secrets: 'write',
  })
  github.addToken(WORKFLOW_TOKEN, {
    kind: 'workflow',
    repositories: [REPOSITORY],
    secrets: 'none',
    actions: 'write',
  })
  github.addWorkflow(REPOSITORY, WORKFLOW_PATH)
  const firstToken = atlassian.registerApp(CLIENT_ID, CLIENT_SECRET)
  github.setSecret(REPOSITORY, SECRET_NAME, firstToken)

  console.log(bold('Emulators on loopback'))
  console.log(`  Atlassian token endpoint  ${atlassian.tokenUrl}`)
  console.log(`  GitHub REST API           ${github.apiUrl}`)
  console.log(
    `  A user consented to the app; the first refresh token is in ${REPOSITORY} secret ${SECRET_NAME}.`,
  )

  let runId = 4000
  const rotate = (): Promise<ActionRun> => {
    // A scheduled run is queued now, and reads its secrets now.
    const queuedAt = new Date(clock.now())
    github.addRun(REPOSITORY, String(++runId), '1', { createdAt: queuedAt, runStartedAt: queuedAt })
    return runAction({
      inputs: {
        'client-id': CLIENT_ID,
        'client-secret': CLIENT_SECRET,
        'refresh-token': github.secret(REPOSITORY, SECRET_NAME)?.value ?? '',
        'secret-name': SECRET_NAME,
        'github-token': GITHUB_TOKEN,
        'token-url': atlassian.tokenUrl,
      },
      context: {
        repository: REPOSITORY,
        apiUrl: github.apiUrl,
        token: WORKFLOW_TOKEN,
        runId: String(runId),
      },
    })
  }

  console.log(bold('\n1. A scheduled run: node dist/index.js, as the runner starts it'))
  const run = await rotate()
  showLog(run)
  console.log(bold('\n   Step outputs (masked values show as *** in the log)'))
  showOutputs(run)
  console.log(bold('\n   Job summary'))
  showSummary(run)

  console.log(bold('\n   Checks'))
  const stored = github.secret(REPOSITORY, SECRET_NAME)?.value
  check(run.exitCode === 0, 'the step succeeded')
  const lockPath = `/repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}_LOCK`
  const preflight = [
    `GET /repos/${REPOSITORY}/actions/secrets/public-key`,
    `GET /repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`,
    `GET /repos/${REPOSITORY}/actions/runs/${runId}/attempts/1`,
    `GET ${lockPath}`,
  ]
  const together = (lines: string[]): string => [...lines].sort().join()
  check(
    together(timeline.slice(0, 4)) === together(preflight) &&
      timeline.slice(4, 7).join() ===
        [
          `PUT ${lockPath}`,
          'POST /oauth/token',
          `PUT /repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`,
        ].join() &&
      together(timeline.slice(7, 9)) ===
        together([
          `GET /repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`,
          `DELETE ${lockPath}`,
        ]) &&
      timeline.slice(9).join() === `PUT /repos/${REPOSITORY}/actions/workflows/rotate.yml/enable`,
    'requests: public key, secret metadata, run start and the lock together; then the lock taken; then the refresh grant; then the write; then, together, a check that nobody else wrote the secret and the lock released; last, the workflow re-enabled to keep its schedule alive',
  )
  check(stored !== undefined && stored !== firstToken, 'the secret now holds a new refresh token')
  check(
    stored === run.outputs['refresh-token'],
    'GitHub opened the sealed value to exactly the rotated token',
  )
  check(
    atlassian.authority.status(stored ?? '') === 'newest',
    'Atlassian (emulated) calls it the newest token',
  )
  const everySecret = [
    CLIENT_SECRET,
    GITHUB_TOKEN,
    WORKFLOW_TOKEN,
    firstToken,
    stored ?? '',
    run.outputs['access-token'] ?? '',
  ]
  check(
    everySecret.every((value) => run.masks.includes(value)),
    'every secret was masked before it could be printed',
  )

  console.log(bold('\n2. Three days later, the next scheduled run starts from the stored token'))
  clock.advance(3 * DAY)
  const second = await rotate()
  check(
    second.exitCode === 0 && second.outputs['secret-updated'] === 'true',
    'rotated and stored again',
  )
  const newest = github.secret(REPOSITORY, SECRET_NAME)?.value ?? ''
  check(atlassian.authority.status(newest) === 'newest', 'the secret holds the newest token')

  console.log(bold('\n3. What the action protects you from'))
  console.log('  Someone presents the very first token again, long after its 10-minute leeway:')
  clock.advance(11 * MINUTE)
  const replay = atlassian.authority.refresh(CLIENT_ID, firstToken)
  check(!replay.ok, 'Atlassian refuses it (invalid_grant)')
  check(
    atlassian.authority.status(newest) === 'revoked',
    'and revokes every token of the consent: the user would have to consent again in a browser',
  )
  console.log(
    '  That is why the rotated token must be stored every time, and rotations must never overlap.',
  )
} finally {
  await Promise.all([atlassian.close(), github.close()])
}

if (failures.length > 0) {
  console.error(`\nDemo failed: ${failures.join('; ')}`)
  process.exit(1)
}
console.log('\nDemo complete.')
