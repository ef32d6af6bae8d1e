/**
 * The lock next to the secret (src/rotation/rotation-lock.ts), against the GitHub emulator over
 * real HTTP with real sealing, on a clock the test moves: waiting costs no real time, and what
 * other rotations do happens while this one sleeps.
 */
import { createGitHubClient } from '../../src/github/client.js'
import type { PublicKey, SecretMetadata, StoreAccess } from '../../src/github/secret-store.js'
import { secretTarget, type SecretTarget } from '../../src/github/targets.js'
import { openNetwork, type OpenNetwork } from '../../src/common/network.js'
import { ActionError } from '../../src/common/errors.js'
import { actionWording, word, type Text } from '../../src/common/settings.js'
import type { Clock } from '../../src/common/retry.js'
import { SecretValues } from '../../src/common/secrets.js'
import {
  deleteCommand,
  LOCK_BREAK_WITHIN_MS,
  LOCK_HOLD_MS,
  LOCK_STALE_MS,
  lookAtLock,
  releaseLock,
  takeLock,
  type LockSeen,
  type LockStep,
} from '../../src/rotation/rotation-lock.js'
import { ManualClock } from '../../emulators/clock.js'
import { GitHubEmulator, type Scope } from '../../emulators/github.js'

const REPOSITORY = 'octo-org/sync'
const SECRET = 'ATLASSIAN_REFRESH_TOKEN'
const LOCK = 'ATLASSIAN_REFRESH_TOKEN_LOCK'
const SECOND = 1000
const START = Date.UTC(2026, 11, 1, 2, 0, 0)

let clock: ManualClock
let github: GitHubEmulator
let network: OpenNetwork
/** Run while the lock's waiter sleeps, at the emulated moment given (ms after START). */
let during: { at: number; what: () => void }[]
let slept: number[]
let said: string[]

/** The waiter's clock: a sleep moves the emulated time on, and lets the others act meanwhile. */
const testClock: Clock = {
  now: () => clock.now(),
  sleep: (ms) => {
    slept.push(ms)
    const until = clock.now() + ms
    for (const event of [...during].sort((a, b) => a.at - b.at)) {
      if (START + event.at <= until) {
        clock.advance(Math.max(0, START + event.at - clock.now()))
        event.what()
        during.splice(during.indexOf(event), 1)
      }
    }
    clock.advance(until - clock.now())
    return Promise.resolve()
  },
}

beforeEach(async () => {
  clock = new ManualClock(START)
  github = await new GitHubEmulator(() => clock.now()).start()
  github.addRepository(REPOSITORY)
  github.addOrganization('octo-org')
  github.addToken('ghp_writer', {
    kind: 'fine-grained-pat',
    repositories: [REPOSITORY],
    secrets: 'write',
    organizationSecrets: { organizations: ['octo-org'], access: 'write' },
  })
  network = openNetwork({ env: {} })
  during = []
  slept = []
  said = []
})
afterEach(async () => {
  await network.close()
  await github.close()
})

const repositoryTarget = secretTarget({
  kind: 'repository',
  repository: { owner: 'octo-org', repo: 'sync' },
})

function access(target: SecretTarget = repositoryTarget, maxAttempts = 1): StoreAccess {
  return {
    github: createGitHubClient({
      token: 'ghp_writer',
      baseUrl: github.apiUrl,
      network,
      timeoutMs: 5_000,
    }),
    target,
    secrets: new SecretValues(() => {}),
    retry: {
      clock: testClock,
      deadline: clock.now() + 60_000,
      maxAttempts,
      baseDelayMs: 1,
      maxDelayMs: 1,
      random: () => 0,
    },
  }
}

function step(overrides: Partial<LockStep> = {}): LockStep {
  const target = overrides.target ?? repositoryTarget
  const scope: Scope =
    target.kind === 'organization'
      ? { kind: 'organization', organization: 'octo-org' }
      : { kind: 'repository', repository: REPOSITORY }
  const publicKey: PublicKey = github.publicKey(scope)
  return {
    store: () => access(target),
    target,
    secretName: SECRET,
    githubApiUrl: 'https://api.github.com',
    request: { name: LOCK, waitMs: 390 * SECOND },
    publicKey,
    clock: testClock,
    random: () => 0.5,
    signal: new AbortController().signal,
    readSecret: undefined,
    info: (message) => said.push(words(message)),
    notice: (message, title) => said.push(`${title}: ${words(message)}`),
    ...overrides,
  }
}

const words = (message: string | Text): string =>
  typeof message === 'string' ? message : word(message, actionWording)

/** Another rotation takes the lock now, as its PUT would. */
function anotherTakes(): void {
  github.setSecret(REPOSITORY, LOCK, 'another rotation')
}

describe('taking the lock', () => {
  it('creates the lock when it is free: 201, nobody to wait for, no second look at the secret', async () => {
    const held = await takeLock(step(), { held: false })

    expect(held).toMatchObject({ name: LOCK, contended: false, waitedMs: 0, broke: undefined })
    expect(held.takenAt).toBe(START)
    expect(github.secret(REPOSITORY, LOCK)?.createdAt.getTime()).toBe(START)
    expect(slept).toEqual([])
    expect(said).toEqual([])
  })

  it('waits for another rotation to release it, says so once, then takes it and says it must look again', async () => {
    anotherTakes()
    during.push({ at: 11 * SECOND, what: () => github.deleteSecret(REPOSITORY, LOCK) })
    const first = await lookAtLock(access(), LOCK)

    const held = await takeLock(step(), first)

    expect(held.contended).toBe(true)
    expect(held.broke).toBeUndefined()
    // Polls every 3–5 s (here 4 s with the jitter at one half) until the release at 11 s.
    expect(slept).toEqual([4000, 4000, 4000])
    expect(held.waitedMs).toBe(12 * SECOND)
    expect(github.secret(REPOSITORY, LOCK)?.createdAt.getTime()).toBe(START + 12 * SECOND)
    expect(said).toHaveLength(1)
    expect(said[0]).toContain(
      `Another rotation holds the lock ${LOCK} (taken at 2026-12-01 02:00:00 UTC)`,
    )
    expect(said[0]).toContain('waiting up to 390 s')
  })

  it('counts a lock created between its look and its write as held: the 204 is not a take', async () => {
    // Another rotation's PUT lands just before this one's.
    github.injectFaults({ on: 'put', secret: LOCK, before: anotherTakes })
    during.push({ at: 5 * SECOND, what: () => github.deleteSecret(REPOSITORY, LOCK) })

    const held = await takeLock(step(), { held: false })

    expect(held.contended).toBe(true)
    expect(held.takenAt).toBeGreaterThanOrEqual(START + 5 * SECOND)
    expect(github.secret(REPOSITORY, LOCK)?.createdAt.getTime()).toBe(held.takenAt)
  })

  it('gives up at the end of the wait without touching the holder’s lock, and says exactly what to do', async () => {
    anotherTakes()
    const first = await lookAtLock(access(), LOCK)

    const error = await takeLock(
      step({ request: { name: LOCK, waitMs: 20 * SECOND } }),
      first,
    ).then(
      () => undefined,
      (reason: unknown) => reason,
    )

    expect(error).toBeInstanceOf(ActionError)
    const problem = error as ActionError
    expect(problem.code).toBe('LOCK_HELD')
    expect(problem.tokenState).toBe('unchanged')
    expect(problem.message).toContain('it was taken at 2026-12-01 02:00:00 UTC')
    expect(problem.message).toContain('did not send its refresh token to Atlassian')
    expect(problem.nextStep).toContain('"lock-wait-seconds"')
    expect(problem.nextStep).toContain(
      `gh api --hostname 'github.com' --method DELETE 'repos/octo-org/sync/actions/secrets/${LOCK}'`,
    )
    // Waited no longer than allowed, and the holder's lock is as it was.
    expect(clock.now() - START).toBeLessThanOrEqual(20 * SECOND)
    expect(github.secret(REPOSITORY, LOCK)?.value).toBe('another rotation')
    expect(github.secret(REPOSITORY, LOCK)?.updatedAt.getTime()).toBe(START)
  })

  it('waits longer than any one retry budget: each look has a budget of its own', async () => {
    anotherTakes()
    // Each request may retry for 60 s; the holder ends after more than three times that.
    during.push({ at: 200 * SECOND, what: () => github.deleteSecret(REPOSITORY, LOCK) })
    const first = await lookAtLock(access(), LOCK)

    const held = await takeLock(step(), first)

    expect(held.waitedMs).toBeGreaterThanOrEqual(200 * SECOND)
    expect(held.waitedFor).toEqual(new Date(START))
    expect(github.secret(REPOSITORY, LOCK)?.createdAt.getTime()).toBe(held.takenAt)
  })

  it('never takes a 204 after a lost answer for its own write: it waits, and breaks it once abandoned', async () => {
    // The first attempt creates the lock and its answer is lost; the second one gets 204. That
    // lock may as well be another rotation's (created while the first attempt was in flight).
    github.injectFaults({ on: 'put', secret: LOCK, loseAnswer: true })

    const held = await takeLock(step({ store: () => access(repositoryTarget, 2) }), { held: false })

    expect(held.contended).toBe(true)
    expect(held.broke?.since.getTime()).toBe(START)
    expect(held.waitedMs).toBeGreaterThanOrEqual(LOCK_STALE_MS)
  })

  it('records the moment the rotation it waited for took the lock', async () => {
    anotherTakes()
    during.push({ at: 4 * SECOND, what: () => github.deleteSecret(REPOSITORY, LOCK) })
    const held = await takeLock(step(), await lookAtLock(access(), LOCK))
    expect(held.waitedFor).toEqual(new Date(START))
  })

  it('with no wait at all, fails at once on a held lock', async () => {
    anotherTakes()
    const first = await lookAtLock(access(), LOCK)
    await expect(
      takeLock(step({ request: { name: LOCK, waitMs: 0 } }), first),
    ).rejects.toMatchObject({ code: 'LOCK_HELD' })
    expect(slept).toEqual([])
  })
})

describe('an abandoned lock', () => {
  it(`is broken once older than ${LOCK_STALE_MS / 60_000} minutes by GitHub's clock: deleted, created again, and said`, async () => {
    anotherTakes()
    clock.advance(LOCK_STALE_MS)
    const first = await lookAtLock(access(), LOCK)
    expect(first).toEqual({ held: true, since: new Date(START), ageMs: LOCK_STALE_MS })

    const held = await takeLock(step(), first)

    expect(held.broke).toEqual({ since: new Date(START), ageMs: LOCK_STALE_MS })
    expect(held.contended).toBe(true)
    // A random pause (here half of 3 s) and a second look come before the break.
    expect(slept).toEqual([1500])
    const lock = github.secret(REPOSITORY, LOCK)
    expect(lock?.createdAt.getTime()).toBe(START + LOCK_STALE_MS + 1500)
    expect(lock?.value).not.toBe('another rotation')
    expect(said).toEqual([
      expect.stringContaining(
        `Abandoned lock broken: Broke an abandoned lock: ${LOCK} was taken at 2026-12-01 02:00:00 UTC by a rotation that never released it`,
      ),
    ])
  })

  it('is not broken by a second breaker once the first has taken it anew: that one is waited for', async () => {
    anotherTakes()
    clock.advance(LOCK_STALE_MS + 30 * SECOND)
    const first = await lookAtLock(access(), LOCK)
    // During this run's pause before breaking, another rotation breaks it and takes it anew.
    during.push({
      at: LOCK_STALE_MS + 30 * SECOND + 1,
      what: () => {
        github.deleteSecret(REPOSITORY, LOCK)
        anotherTakes()
      },
    })
    const takenAnew = START + LOCK_STALE_MS + 30 * SECOND + 1
    during.push({
      at: takenAnew - START + 9 * SECOND,
      what: () => github.deleteSecret(REPOSITORY, LOCK),
    })

    const held = await takeLock(step(), first)

    expect(held.broke).toBeUndefined()
    expect(held.contended).toBe(true)
    expect(said[0]).toContain('Another rotation holds the lock')
    expect(github.secret(REPOSITORY, LOCK)?.createdAt.getTime()).toBe(held.takenAt)
    expect(held.takenAt).toBeGreaterThanOrEqual(takenAnew + 9 * SECOND)
  })

  it('is waited for, not broken, while younger than the limit, even near it', async () => {
    anotherTakes()
    clock.advance(LOCK_STALE_MS - 2 * SECOND)
    const first = await lookAtLock(access(), LOCK)

    const held = await takeLock(step(), first)

    // One poll later it has come of age, and is broken.
    expect(slept[0]).toBe(4000)
    expect(held.broke?.since).toEqual(new Date(START))
  })
})

describe('an abandoned lock whose holder may have refreshed', () => {
  const secretWrittenAt = (at: number) => (): Promise<SecretMetadata> =>
    Promise.resolve({ updatedAt: new Date(at), visibility: undefined, serverNow: undefined })

  it("is not broken once too old to refresh inside that refresh's leeway: nothing is spent, and the way out is said", async () => {
    anotherTakes()
    clock.advance(LOCK_BREAK_WITHIN_MS + SECOND)
    const first = await lookAtLock(access(), LOCK)

    const error = await takeLock(step({ readSecret: secretWrittenAt(START - 60_000) }), first).then(
      () => undefined,
      (reason: unknown) => reason,
    )

    expect(error).toMatchObject({ code: 'LOCK_ABANDONED', tokenState: 'in-doubt' })
    const problem = error as ActionError
    expect(problem.message).toContain('has not been written since')
    expect(problem.message).toContain('would revoke the consent')
    expect(problem.nextStep).toContain('"Recovery value"')
    expect(problem.nextStep).toContain(
      `gh api --hostname 'github.com' --method DELETE 'repos/octo-org/sync/actions/secrets/${LOCK}'`,
    )
    expect(github.secret(REPOSITORY, LOCK)?.value).toBe('another rotation')
  })

  it('is broken while young enough, and says by when this run must have refreshed', async () => {
    anotherTakes()
    clock.advance(LOCK_STALE_MS + 30 * SECOND)
    const first = await lookAtLock(access(), LOCK)
    const lookedAt = clock.now()

    const held = await takeLock(step({ readSecret: secretWrittenAt(START - 60_000) }), first)

    // The leeway of a refresh sent at the lock's creation, less a minute's margin.
    expect(held.broke?.refreshBy).toBe(
      lookedAt + 10 * 60_000 - 60_000 - (LOCK_STALE_MS + 30 * SECOND),
    )
    expect(said[0]).toContain('was not written since')
  })

  it('is broken at any age once its holder wrote the secret after taking it (its release failed)', async () => {
    anotherTakes()
    clock.advance(2 * 60 * 60_000)
    const first = await lookAtLock(access(), LOCK)

    const held = await takeLock(step({ readSecret: secretWrittenAt(START + 2 * SECOND) }), first)

    expect(held.broke).toMatchObject({ since: new Date(START), refreshBy: undefined })
    expect(said[0]).toContain(`That rotation wrote ${SECRET} after taking it.`)
  })
})

describe('deletes are never sent twice', () => {
  it('a break whose delete lost its answer looks again, and leaves a lock taken meanwhile alone', async () => {
    anotherTakes()
    clock.advance(LOCK_STALE_MS)
    const first = await lookAtLock(access(), LOCK)
    // The delete is applied and its answer lost; before the next look, another rotation takes
    // the lock; it releases it 8 s later.
    github.injectFaults(
      // (The second look before breaking.)
      { on: 'metadata', secret: LOCK, before: () => undefined },
      { on: 'delete', secret: LOCK, loseAnswer: true },
      { on: 'metadata', secret: LOCK, before: anotherTakes },
    )
    const takenMeanwhile = clock.now() + 1500
    during.push({
      at: takenMeanwhile - START + 8 * SECOND,
      what: () => github.deleteSecret(REPOSITORY, LOCK),
    })

    const held = await takeLock(step({ store: () => access(repositoryTarget, 3) }), first)

    // One delete only, and the lock taken meanwhile was waited for, not broken.
    expect(github.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1)
    expect(held.broke).toBeUndefined()
    expect(held.takenAt).toBeGreaterThanOrEqual(takenMeanwhile + 8 * SECOND)
  })
})

describe('releasing the lock', () => {
  it('deletes it while it is certainly still this run’s', async () => {
    const held = await takeLock(step(), { held: false })
    clock.advance(LOCK_HOLD_MS - SECOND)
    expect(await releaseLock(access(), held, testClock)).toEqual({ released: true })
    expect(github.secret(REPOSITORY, LOCK)).toBeUndefined()
  })

  it('leaves it after the longest hold: by then another rotation may have broken it and taken it anew', async () => {
    const held = await takeLock(step(), { held: false })
    clock.advance(LOCK_HOLD_MS)
    const release = await releaseLock(access(), held, testClock)
    expect(release.released).toBe(false)
    expect(github.secret(REPOSITORY, LOCK)).toBeDefined()
  })

  it("sends its delete once, even when GitHub fails for a moment: a retry could delete the next holder's", async () => {
    const held = await takeLock(step(), { held: false })
    github.injectFaults({ on: 'delete', status: 503 })
    const release = await releaseLock(access(repositoryTarget, 5), held, testClock)
    expect(release.released).toBe(false)
    expect(github.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1)
  })

  it('reports a delete that GitHub refuses, and never throws', async () => {
    const held = await takeLock(step(), { held: false })
    github.injectFaults({
      on: 'delete',
      status: 403,
      body: { message: 'Resource not accessible by personal access token' },
    })
    const release = await releaseLock(access(), held, testClock)
    expect(release.released).toBe(false)
    expect(words((release as { reason: string | Text }).reason)).toContain(
      'Resource not accessible',
    )
    expect(github.secret(REPOSITORY, LOCK)).toBeDefined()
  })
})

describe('where the lock lives', () => {
  it('next to an organization secret, visible to no more repositories than "private" ones', async () => {
    const target = secretTarget({
      kind: 'organization',
      organization: 'octo-org',
      visibility: undefined,
      selectedRepositories: [],
    })
    const held = await takeLock(step({ target }), { held: false })
    expect(held.contended).toBe(false)
    const lock = github.secret({ kind: 'organization', organization: 'octo-org' }, LOCK)
    expect(lock?.visibility).toBe('private')
  })

  it('is freed by a gh command for every kind of target and for GitHub Enterprise Server', () => {
    expect(deleteCommand('https://api.github.com', repositoryTarget, LOCK)).toBe(
      `gh api --hostname 'github.com' --method DELETE 'repos/octo-org/sync/actions/secrets/${LOCK}'`,
    )
    const environment = secretTarget({
      kind: 'environment',
      repository: { owner: 'octo-org', repo: 'sync' },
      environment: "prod's EU",
    })
    expect(deleteCommand('https://ghes.example/api/v3', environment, LOCK)).toBe(
      `gh api --hostname 'ghes.example' --method DELETE 'repos/octo-org/sync/environments/prod%27s%20EU/secrets/${LOCK}'`,
    )
  })

  it('looks free when the lock does not exist, and held since its creation when it does', async () => {
    expect(await lookAtLock(access(), LOCK)).toEqual({ held: false } satisfies LockSeen)
    anotherTakes()
    clock.advance(90 * SECOND)
    github.setSecret(REPOSITORY, LOCK, 'rewritten by a waiter’s 204') // updated_at moves, created_at not
    expect(await lookAtLock(access(), LOCK)).toEqual({
      held: true,
      since: new Date(START),
      ageMs: 90 * SECOND,
    })
  })
})
