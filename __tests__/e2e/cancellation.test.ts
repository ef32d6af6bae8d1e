/**
 * A job cancelled at each point where it can be: the bundled action gets real signals (SIGINT,
 * then SIGTERM, then SIGKILL, as the runner sends them) while the emulators hold a request open.
 * Once the job is being cancelled no request that spends the refresh token may start; what is in
 * flight decides what the log says, at once; a new token that still arrives is secured first.
 */
import type { ChildProcess } from 'node:child_process'
import { MINUTE } from '../../emulators/clock.js'
import type { ActionRun } from '../../emulators/actions-runner.js'
import { runRefresh } from '../support/cli.js'
import {
  Holds,
  runControlled as controlledRun,
  until,
  type Controlled,
} from '../support/controlled.js'
import { findLeaks } from '../support/leaks.js'
import {
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  WORKFLOW_TOKEN,
  startScenario,
  type RunOptions,
  type Scenario,
} from '../support/scenario.js'

let world: Scenario
const holds = new Holds()

afterEach(async () => {
  holds.releaseAll()
  await world.close()
})

/** A promise the emulator waits on, until the test lets the answers go. */
const held = (): Promise<void> => holds.hold().wait
const runControlled = (options: RunOptions = {}): Controlled => controlledRun(world, options)

function expectNoLeaks(result: ActionRun, extra: (string | undefined)[] = []): void {
  const secrets = Object.fromEntries(
    [CLIENT_SECRET, GITHUB_TOKEN, WORKFLOW_TOKEN, world.storedToken(), ...extra].map((value, i) => [
      `secret #${i}`,
      value,
    ]),
  )
  expect(findLeaks(result, secrets)).toEqual([])
}

const tokenRequests = (): number => world.atlassian.requests.length
const status = (token: string | undefined): string => world.atlassian.authority.status(token ?? '')
const errorText = (result: ActionRun): string => result.errors.join('\n')
/** The writes of the token's own secret, not of its lock. */
const tokenWrites = (): unknown[] =>
  world.github.requests.filter(
    (r) => r.method === 'PUT' && r.path === `/repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`,
  )

it('cancelled during the preflight: the refresh grant never starts', async () => {
  world = await startScenario()
  const original = world.storedToken()
  world.github.injectFaults({ on: 'public-key', hold: held() })
  const run = runControlled()
  await until(
    () => world.github.requests.some((r) => r.path.endsWith('/public-key')),
    'the preflight',
  )
  await until(() => run.stdout().includes('::add-mask::'), 'the action to start')
  run.child().kill('SIGINT')
  const result = await run.result

  expect(result.exitCode).toBe(1)
  expect(tokenRequests()).toBe(0)
  expect(world.storedToken()).toBe(original)
  expect(result.outputs).toMatchObject({ outcome: 'cancelled', rotated: 'false' })
  expect(result.warnings.join('\n')).toMatch(
    /Received SIGINT at .* UTC: the job is being cancelled/,
  )
  expect(result.warnings.join('\n')).toContain('Nothing was sent to Atlassian and nothing will be')
  expect(errorText(result)).toMatch(
    /The job was cancelled \(SIGINT at .* UTC\) before the refresh grant was sent/,
  )
  expect(errorText(result)).toContain('still works: this run did not replace it')
  expect(result.summary).toContain('Atlassian token rotation cancelled')
  expectNoLeaks(result)

  // Nothing was spent: the next run rotates as usual.
  holds.releaseAll()
  expect((await world.run()).exitCode).toBe(0)
  expect(status(world.storedToken())).toBe('newest')
})

it('cancelled while waiting to retry the refresh: no new attempt starts', async () => {
  world = await startScenario()
  world.atlassian.injectFaults({
    kind: 'answer',
    status: 503,
    body: 'busy',
    contentType: 'text/plain',
    headers: { 'retry-after': '60' },
  })
  const run = runControlled()
  await until(() => run.stdout().includes('trying again in 60.0 s'), 'the retry wait')
  run.child().kill('SIGINT')
  const result = await run.result

  expect(result.exitCode).toBe(1)
  expect(tokenRequests()).toBe(1)
  expect(result.outputs['outcome']).toBe('cancelled')
  const warning = result.warnings.join('\n')
  expect(warning).toContain('No new attempt of the refresh starts.')
  expect(warning).toMatch(/was sent to Atlassian at .* UTC without a usable answer/)
  expect(warning).toMatch(/still accepted until .* UTC \(the 10-minute leeway\): re-run/)
  expect(errorText(result)).toContain('while the refresh grant had no usable answer yet')
  expect(errorText(result)).toMatch(/Re-run the workflow before \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/)
  expectNoLeaks(result)
})

it('cancelled while the refresh is in flight: says so at once, then secures the answer first', async () => {
  world = await startScenario()
  const original = world.storedToken()
  world.atlassian.injectFaults({ kind: 'hold-answer', release: held() })
  const run = runControlled()
  await until(() => tokenRequests() === 1, 'the refresh grant')
  run.child().kill('SIGINT')
  // Said before the answer comes: what the grant in flight means for the token.
  await until(
    () => run.stdout().includes('::warning title=Job cancelled::Received SIGINT'),
    'the warning',
  )
  const warning =
    run
      .stdout()
      .split('\n')
      .find((line) => line.startsWith('::warning title=Job cancelled::')) ?? ''
  expect(warning).toMatch(
    /was sent to Atlassian at .* UTC and the answer has not come yet. If Atlassian processes it, the stored token becomes the previous one, still accepted until .* UTC \(the 10-minute leeway\): re-run the workflow before then/,
  )
  expect(tokenWrites()).toHaveLength(0)
  holds.releaseAll()
  const result = await run.result

  // The answer came before the runner's kill: the new token was sealed, shown, then stored.
  expect(status(world.storedToken())).toBe('newest')
  expect(status(original)).toBe('previous')
  const group = result.stdout.indexOf('::group::Recovery value for ATLASSIAN_REFRESH_TOKEN')
  expect(group).toBeGreaterThan(
    result.stdout.indexOf('::warning title=Job cancelled::Received SIGINT'),
  )
  expect(result.exitCode).toBe(1)
  expect(result.outputs).toMatchObject({
    outcome: 'cancelled',
    rotated: 'true',
    'secret-updated': 'true',
  })
  expect(errorText(result)).toContain('after the new refresh token was stored')
  expect(errorText(result)).toContain('the integration is safe')
  expect(result.summary).toContain('Atlassian token rotation cancelled')
  expectNoLeaks(result, [result.outputs['access-token']])
})

it('killed while the refresh is in flight: the log already said how to recover, and it works', async () => {
  world = await startScenario()
  const original = world.storedToken()
  // Atlassian processes the grant (the stored token is now the previous one) but the answer never
  // reaches the action before the runner kills it.
  world.atlassian.injectFaults({ kind: 'hold-answer', release: held() })
  const run = runControlled()
  await until(() => tokenRequests() === 1, 'the refresh grant')
  run.child().kill('SIGINT')
  await until(
    () => run.stdout().includes('::warning title=Job cancelled::Received SIGINT'),
    'the warning',
  )
  run.child().kill('SIGTERM')
  await until(() => run.stdout().includes('Received SIGTERM as well'), 'the second signal')
  run.child().kill('SIGKILL')
  const result = await run.result

  expect(result.exitCode).toBeNull()
  expect(world.storedToken()).toBe(original)
  expect(status(original)).toBe('previous')
  const leeway = /still accepted until (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC/.exec(
    result.warnings.join('\n'),
  )
  expect(leeway).not.toBeNull()

  // The re-run the warning asks for, before the time it names, recovers the integration. The
  // killed run never released its lock: 7 minutes on, the lock is abandoned by its age and the
  // re-run breaks it at once, still inside the leeway.
  world.clock.advance(7 * MINUTE)
  expect(world.clock.now()).toBeLessThan(Date.parse(`${(leeway?.[1] ?? '').replace(' ', 'T')}Z`))
  const rerun = await world.run()
  expect(rerun.exitCode).toBe(0)
  expect(rerun.stdout).toContain('::notice title=Abandoned lock broken::')
  expect(status(world.storedToken())).toBe('newest')
})

it('cancelled while the write waits to retry: stops, and leaves the recovery value', async () => {
  world = await startScenario()
  world.github.injectFaults({
    on: 'put',
    secret: SECRET_NAME,
    status: 503,
    body: { message: 'Unavailable' },
    headers: { 'retry-after': '60' },
  })
  const run = runControlled()
  await until(() => run.stdout().includes('trying again in 60.0 s'), 'the retry wait')
  const started = Date.now()
  run.child().kill('SIGINT')
  const result = await run.result

  expect(Date.now() - started).toBeLessThan(10_000)
  expect(result.exitCode).toBe(1)
  expect(result.outputs['outcome']).toBe('cancelled')
  expect(result.warnings.join('\n')).toContain('its sealed copy is in the "Recovery value" group')
  const error = errorText(result)
  expect(error).toContain('after Atlassian issued a new refresh token and before it was stored')
  expect(error).toContain('Recovery value')
  expect(error).toMatch(/gh api --method PUT '/)
  expect(result.outputs['recovery-encrypted-value']).toBeDefined()
  expect(tokenWrites()).toHaveLength(1)
  expect(world.github.secret(REPOSITORY, SECRET_NAME)?.value).not.toBe(
    result.outputs['refresh-token'],
  )
})

it('the command line tool: Ctrl-C while the refresh is in flight says the same, and secures the answer', async () => {
  world = await startScenario()
  const original = world.storedToken() ?? ''
  world.atlassian.injectFaults({ kind: 'hold-answer', release: held() })
  let child: ChildProcess | undefined
  let warned = false
  const running = runRefresh(
    world,
    [],
    { ATLASSIAN_REFRESH_TOKEN: original },
    {
      onStderr: (stderr, process) => {
        child = process
        if (!warned && stderr.includes('the answer has not come yet')) {
          warned = true
          holds.releaseAll()
        }
      },
    },
  )
  await until(() => tokenRequests() === 1 && child !== undefined, 'the refresh grant')
  child?.kill('SIGINT')
  const result = await running

  expect(warned).toBe(true)
  expect(result.exitCode).toBe(130)
  expect(result.stderr).toMatch(
    /warning: Received SIGINT at .* UTC: the job is being cancelled. The refresh token in the secret ATLASSIAN_REFRESH_TOKEN of repository octo-org\/confluence-sync was sent to Atlassian at .* UTC and the answer has not come yet/,
  )
  expect(result.stderr).toContain('Press Ctrl-C again to stop at once')
  expect(status(world.storedToken())).toBe('newest')
  expect(result.stderr).not.toContain(world.storedToken() ?? '-')
  expect(result.stderr).not.toContain(original)
})
