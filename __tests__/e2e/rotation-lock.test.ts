/**
 * One rotation at a time: the bundled action (and the bundled command line tool), run as the runner
 * and a terminal run them, against both emulators, with the lock next to the secret. Another
 * rotation's progress is held at the emulators, so each test sets the order of events rather than
 * racing them; the waiter's polls are real seconds (a few), since it is a separate process.
 */
import type { ActionRun } from '../../emulators/actions-runner.js'
import { MINUTE } from '../../emulators/clock.js'
import { findLeaks } from '../support/leaks.js'
import { runRefresh } from '../support/cli.js'
import {
  Holds,
  runControlled as controlledRun,
  until,
  type Controlled,
} from '../support/controlled.js'
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

const LOCK = `${SECRET_NAME}_LOCK`
const LOCK_PATH = `/repos/${REPOSITORY}/actions/secrets/${LOCK}`

let world: Scenario
const holds = new Holds()
afterEach(async () => {
  holds.releaseAll()
  await world.close()
})

const held = (): { wait: Promise<void>; release: () => void } => holds.hold()
const runControlled = (options: RunOptions = {}): Controlled => controlledRun(world, options)

/**
 * A rotation killed (SIGKILL, as a lost runner) after Atlassian processed its grant and before its
 * answer came: it took the lock and never released it, and its new token is lost.
 */
async function killAfterItsGrant(): Promise<void> {
  const answer = held()
  world.atlassian.injectFaults({ kind: 'hold-answer', release: answer.wait })
  const killed = runControlled()
  await until(() => grants() === 1, 'the grant')
  killed.child().kill('SIGKILL')
  await killed.result
  answer.release()
}

const grants = (): number => world.atlassian.requests.length
const status = (token: string | undefined): string => world.atlassian.authority.status(token ?? '')
const lockRequests = (): string[] =>
  world.github.requests.filter((r) => r.path === LOCK_PATH).map((r) => r.method)

function expectNoLeaks(run: ActionRun, extra: (string | undefined)[]): void {
  const secrets = Object.fromEntries(
    [CLIENT_SECRET, GITHUB_TOKEN, WORKFLOW_TOKEN, ...extra].map((value, i) => [
      `secret #${i}`,
      value,
    ]),
  )
  expect(findLeaks(run, secrets)).toEqual([])
}

describe('two rotations started together from the same stored token', () => {
  it('one rotates; the other waits for the lock, then stops as superseded without spending its token', async () => {
    world = await startScenario()
    const original = world.storedToken()
    // The first rotation to reach Atlassian is held there (its grant processed, its answer not
    // yet sent) until the other one is seen waiting for the lock.
    const answer = held()
    world.atlassian.injectFaults({ kind: 'hold-answer', release: answer.wait })

    const first = runControlled()
    const second = runControlled()
    const waiting = (): Controlled | undefined =>
      [first, second].find((run) =>
        run.stdout().includes(`Another rotation holds the lock ${LOCK}`),
      )
    await until(
      () => grants() === 1 && waiting() !== undefined,
      'one rotation to wait for the other',
    )
    answer.release()
    const [a, b] = await Promise.all([first.result, second.result])

    const runs = [a, b]
    const rotated = runs.find((run) => run.outputs['outcome'] === 'rotated')
    const superseded = runs.find((run) => run.outputs['outcome'] === 'superseded')
    expect(rotated?.exitCode).toBe(0)
    expect(superseded).toBeDefined()
    // One grant only: the waiting rotation never presented its (now superseded) token.
    expect(grants()).toBe(1)
    expect(world.atlassian.requests[0]?.body).toMatchObject({ refresh_token: original })
    const stored = world.storedToken()
    expect(stored).not.toBe(original)
    expect(status(stored)).toBe('newest')
    expect(rotated?.outputs['refresh-token']).toBe(stored)
    // The waiter said why it waited, then why it stopped; it fails (on-superseded: fail).
    expect(superseded?.exitCode).toBe(1)
    // What is left of lock-wait-seconds when it starts waiting: a machine under load loses a second.
    expect(superseded?.stdout).toMatch(/waiting up to 3[89]\d s for it to end/)
    expect(superseded?.errors.join('\n')).toContain('Another rotation got there first')
    expect(superseded?.summary).toContain('Another rotation got there first')
    expect(rotated?.summary).toContain(`<tr><th align="left">Lock</th><td>${LOCK} taken</td></tr>`)
    // Both released what they took: nothing is left.
    expect(world.github.secret(REPOSITORY, LOCK)).toBeUndefined()
    expect(lockRequests().filter((method) => method === 'DELETE')).toHaveLength(2)
    for (const run of runs) expectNoLeaks(run, [original, stored])
  }, 60_000)

  it('an action and a refresh from a terminal: the terminal waits, then stops without spending', async () => {
    world = await startScenario()
    const original = world.storedToken()
    const answer = held()
    world.atlassian.injectFaults({ kind: 'hold-answer', release: answer.wait })
    const obtainedAt = new Date().toISOString()

    const action = runControlled()
    await until(() => grants() === 1, "the action's grant")
    let terminalSaid = ''
    const terminal = runRefresh(
      world,
      ['--token-obtained-at', obtainedAt],
      { ATLASSIAN_REFRESH_TOKEN: original ?? '' },
      {
        onStderr: (stderr) => {
          terminalSaid = stderr
        },
        timeoutMs: 45_000,
      },
    )
    await until(
      () => terminalSaid.includes('Another rotation holds the lock'),
      'the terminal to wait',
    )
    answer.release()
    const [run, cli] = await Promise.all([action.result, terminal])

    expect(run.outputs['outcome']).toBe('rotated')
    expect(cli.exitCode).toBe(7)
    expect(cli.stderr).toContain('Another rotation got there first')
    expect(grants()).toBe(1)
    expect(status(world.storedToken())).toBe('newest')
    expect(world.github.secret(REPOSITORY, LOCK)).toBeUndefined()
    expect(cli.stderr).not.toContain(original ?? '')
    expect(cli.stdout).not.toContain(original ?? '')
  }, 60_000)
})

describe('a lock left by a rotation that was killed', () => {
  it('is broken once abandoned, said so, and the next rotation stores the newest token', async () => {
    world = await startScenario()
    const original = world.storedToken()
    await killAfterItsGrant()
    expect(world.github.secret(REPOSITORY, LOCK)).toBeDefined()
    expect(status(original)).toBe('previous')

    // Six minutes on, by GitHub's clock: no live rotation holds a lock that long.
    world.clock.advance(6 * MINUTE)
    const next = await world.run()

    expect(next.exitCode).toBe(0)
    expect(next.outputs['outcome']).toBe('rotated')
    expect(next.stdout).toMatch(
      new RegExp(
        `::notice title=Abandoned lock broken::Broke an abandoned lock: ${LOCK} was taken at `,
      ),
    )
    expect(next.summary).toContain('by breaking an abandoned lock of')
    // The token the killed run exchanged was still the previous one, inside Atlassian's leeway:
    // it was accepted, and the family goes on with the newest token stored.
    expect(world.atlassian.requests[1]?.body).toMatchObject({ refresh_token: original })
    expect(status(world.storedToken())).toBe('newest')
    expect(world.github.secret(REPOSITORY, LOCK)).toBeUndefined()
  }, 60_000)
})

describe('a lock left by a rotation killed after its refresh, found too late', () => {
  it('stops without spending: presenting the token after the leeway would revoke the consent', async () => {
    world = await startScenario()
    const original = world.storedToken()
    // The secret was last written a while before the killed run took the lock. (GitHub's times are
    // whole seconds: a write in the same second as the lock's creation counts as the holder's.)
    world.clock.advance(60_000)
    await killAfterItsGrant()

    // Found 20 minutes later: the token in the secret was exchanged by the killed run, and
    // Atlassian's leeway for it is over.
    world.clock.advance(20 * MINUTE)
    const next = await world.run()

    expect(next.exitCode).toBe(1)
    expect(grants()).toBe(1)
    expect(status(original)).toBe('previous')
    expect(world.storedToken()).toBe(original)
    expect(next.stdout).toContain('::error title=Token in doubt after an abandoned lock::')
    const error = next.errors.join('\n')
    expect(error).toContain('has not been written since')
    expect(error).toContain('"Recovery value"')
    expect(error).toContain(`gh api --method DELETE '${world.github.apiUrl}${LOCK_PATH}'`)
    // The lock is left for the person to look at.
    expect(world.github.secret(REPOSITORY, LOCK)).toBeDefined()
  }, 60_000)
})

describe('cancellation and the lock', () => {
  it('cancelled while waiting for the lock: nothing is sent, and the holder keeps its lock', async () => {
    world = await startScenario()
    world.github.setSecret(REPOSITORY, LOCK, 'another rotation')
    const run = runControlled()
    await until(() => run.stdout().includes('Another rotation holds the lock'), 'the wait')
    run.child().kill('SIGINT')
    const result = await run.result

    expect(result.outputs['outcome']).toBe('cancelled')
    expect(grants()).toBe(0)
    expect(world.github.secret(REPOSITORY, LOCK)?.value).toBe('another rotation')
    expect(lockRequests().filter((method) => method !== 'GET')).toEqual([])
  }, 60_000)

  it('cancelled while its refresh is in flight: it stores the answer, then still releases its lock', async () => {
    world = await startScenario()
    const answer = held()
    world.atlassian.injectFaults({ kind: 'hold-answer', release: answer.wait })
    const run = runControlled()
    await until(() => grants() === 1, 'the grant')
    run.child().kill('SIGINT')
    await until(() => run.stdout().includes('Job cancelled'), 'the cancellation to be said')
    answer.release()
    const result = await run.result

    expect(result.outputs['outcome']).toBe('cancelled')
    expect(status(world.storedToken())).toBe('newest')
    expect(world.github.secret(REPOSITORY, LOCK)).toBeUndefined()
    expect(lockRequests()).toContain('DELETE')
  }, 60_000)
})

describe('a lock that cannot be released', () => {
  it('leaves the run green with a warning, and the next run breaks it by its age', async () => {
    world = await startScenario()
    world.github.injectFaults({
      on: 'delete',
      secret: LOCK,
      status: 403,
      body: { message: 'Resource not accessible by personal access token' },
    })

    const first = await world.run()

    expect(first.exitCode).toBe(0)
    expect(first.outputs['outcome']).toBe('rotated')
    const warning = first.warnings.find((text) =>
      text.includes(`Could not release the lock ${LOCK}`),
    )
    expect(warning).toContain('Resource not accessible by personal access token')
    expect(warning).toContain('The refresh token is not affected')
    expect(warning).toContain(`gh api --method DELETE '${world.github.apiUrl}${LOCK_PATH}'`)
    expect(first.stdout).toContain('::warning title=Lock not released::')
    expect(world.github.secret(REPOSITORY, LOCK)).toBeDefined()
    const afterFirst = world.storedToken()
    expect(status(afterFirst)).toBe('newest')

    world.clock.advance(6 * MINUTE + 5_000)
    const second = await world.run()

    expect(second.exitCode).toBe(0)
    expect(second.outputs['outcome']).toBe('rotated')
    expect(second.stdout).toContain('::notice title=Abandoned lock broken::')
    expect(world.atlassian.requests[1]?.body).toMatchObject({ refresh_token: afterFirst })
    expect(status(world.storedToken())).toBe('newest')
    expect(world.github.secret(REPOSITORY, LOCK)).toBeUndefined()
  }, 60_000)
})

describe('a lock held for the whole wait', () => {
  it('fails the step without spending the token, and says since when, by whom and what to do', async () => {
    world = await startScenario()
    const original = world.storedToken()
    world.github.setSecret(REPOSITORY, LOCK, 'another rotation')

    const run = await world.run({ inputs: { 'lock-wait-seconds': '0' } })

    expect(run.exitCode).toBe(1)
    expect(run.outputs['outcome']).toBe('failed')
    expect(grants()).toBe(0)
    expect(world.storedToken()).toBe(original)
    expect(status(original)).toBe('newest')
    expect(run.stdout).toContain('::error title=Another rotation holds the lock::')
    const error = run.errors.join('\n')
    expect(error).toContain(`Another rotation holds the lock ${LOCK} of repository ${REPOSITORY}`)
    expect(error).toContain('the token is unchanged')
    expect(error).toContain('raise "lock-wait-seconds"')
    // Its lock is as it was: this run wrote nothing over it, and did not delete it.
    expect(lockRequests()).toEqual(['GET'])
    expect(world.github.secret(REPOSITORY, LOCK)?.value).toBe('another rotation')
  })

  it('makes the command line tool exit 8', async () => {
    world = await startScenario()
    world.github.setSecret(REPOSITORY, LOCK, 'another rotation')
    const cli = await runRefresh(world, ['--lock-wait-seconds', '0'])
    expect(cli.exitCode).toBe(8)
    expect(cli.stderr).toContain(`Another rotation holds the lock ${LOCK}`)
    expect(cli.stderr).toContain('raise --lock-wait-seconds')
    expect(grants()).toBe(0)
  })
})

describe('the lock switched off, and a dry run', () => {
  it('with lock: false, never reads, writes or deletes a lock', async () => {
    world = await startScenario()
    const run = await world.run({ inputs: { lock: 'false' } })
    expect(run.outputs['outcome']).toBe('rotated')
    expect(world.timeline.filter((line) => line.includes(LOCK))).toEqual([])
    expect(run.summary).toContain('<td>off (lock: false)')
  })

  it('a dry run says the lock is free, and takes nothing', async () => {
    world = await startScenario()
    const run = await world.run({ inputs: { 'dry-run': 'true' } })
    expect(run.outputs['outcome']).toBe('dry-run')
    expect(run.stdout).toContain(`Lock: ${LOCK} is free: a real run would take it.`)
    expect(lockRequests()).toEqual(['GET'])
  })

  it('a dry run says since when another rotation holds it, or that a real run would break it', async () => {
    world = await startScenario()
    world.github.setSecret(REPOSITORY, LOCK, 'another rotation')
    const heldRun = await world.run({ inputs: { 'dry-run': 'true' } })
    expect(heldRun.stdout).toMatch(
      new RegExp(
        `Lock: ${LOCK} is held since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC by another rotation: a real run would wait for it\\.`,
      ),
    )
    world.clock.advance(7 * MINUTE)
    const staleRun = await world.run({ inputs: { 'dry-run': 'true' } })
    expect(staleRun.stdout).toContain('and never released (abandoned): a real run would break it.')
    expect(world.github.secret(REPOSITORY, LOCK)?.value).toBe('another rotation')
    expect(grants()).toBe(0)
  })
})
