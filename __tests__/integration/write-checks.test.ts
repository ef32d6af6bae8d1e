/**
 * The looks at the secret around this run's write, against the GitHub emulator on a clock the test
 * sets: before a late write (may this run's token go over what is there now?) and after it (did
 * another writer come too?).
 */
import { createGitHubClient } from '../../src/github/client.js'
import {
  fetchSecretMetadata,
  type SecretMetadata,
  type StoreAccess,
} from '../../src/github/secret-store.js'
import { secretTarget } from '../../src/github/targets.js'
import { openNetwork } from '../../src/common/network.js'
import type { Clock } from '../../src/common/retry.js'
import { checkBeforeWrite, checkWrite } from '../../src/rotation/write-back.js'
import { SecretValues } from '../../src/common/secrets.js'
import { ManualClock } from '../../emulators/clock.js'
import { GitHubEmulator } from '../../emulators/github.js'

const REPOSITORY = 'octo-org/sync'
const NAME = 'ATLASSIAN_REFRESH_TOKEN'
const SECOND = 1000
const instantClock: Clock = { now: () => Date.now(), sleep: () => Promise.resolve() }

let clock: ManualClock
let github: GitHubEmulator
let access: StoreAccess

beforeEach(async () => {
  clock = new ManualClock(Date.UTC(2026, 11, 1, 2, 0, 0))
  github = await new GitHubEmulator(() => clock.now()).start()
  github.addRepository(REPOSITORY)
  github.addToken('ghp_writer', {
    kind: 'fine-grained-pat',
    repositories: [REPOSITORY],
    secrets: 'write',
  })
  access = {
    github: createGitHubClient({
      token: 'ghp_writer',
      baseUrl: github.apiUrl,
      network: openNetwork({ env: {} }),
      timeoutMs: 5_000,
    }),
    target: secretTarget({ kind: 'repository', repository: { owner: 'octo-org', repo: 'sync' } }),
    secrets: new SecretValues(() => {}),
    retry: {
      clock: instantClock,
      deadline: Date.now() + 60_000,
      maxAttempts: 1,
      baseDelayMs: 1,
      maxDelayMs: 1,
      random: () => 0,
    },
  }
})
afterEach(async () => {
  await github.close()
})

const at = (seconds: number): Date => new Date(Date.UTC(2026, 11, 1, 2, 0, 0) + seconds * SECOND)

async function seen(): Promise<SecretMetadata> {
  return fetchSecretMetadata(access, NAME)
}

describe('before a late write', () => {
  it('finds the secret unchanged when nobody wrote it since', async () => {
    github.setSecret(REPOSITORY, NAME, 'stored')
    const before = await seen()
    clock.advance(30 * SECOND)
    expect((await checkBeforeWrite(access, NAME, before, at(10), [])).kind).toBe('unchanged')
  })

  it("lets this run's token go over a write made before this run's refresh: it is newer", async () => {
    github.setSecret(REPOSITORY, NAME, 'stored')
    const before = await seen()
    clock.advance(3 * SECOND)
    github.setSecret(REPOSITORY, NAME, 'written-by-another-rotation') // at 02:00:03
    const check = await checkBeforeWrite(access, NAME, before, at(10), [])
    expect(check.kind).toBe('rewritten-before-refresh')
  })

  it('stops for a write made after (or at about the time of) this run’s refresh', async () => {
    github.setSecret(REPOSITORY, NAME, 'stored')
    const before = await seen()
    clock.advance(9 * SECOND)
    github.setSecret(REPOSITORY, NAME, 'written-by-another-rotation') // at 02:00:09
    for (const refreshSentAt of [at(10), at(9), at(5)]) {
      expect(await checkBeforeWrite(access, NAME, before, refreshSentAt, [])).toMatchObject({
        kind: 'rewritten-after-refresh',
        rewrittenAt: at(9),
      })
    }
  })

  it('takes a write made while an earlier attempt of this write was on its way for that attempt', async () => {
    github.setSecret(REPOSITORY, NAME, 'stored')
    const before = await seen()
    clock.advance(20 * SECOND)
    github.setSecret(REPOSITORY, NAME, 'this-run-s-token') // at 02:00:20
    const attempts = [{ from: at(19), to: at(21) }]
    expect((await checkBeforeWrite(access, NAME, before, at(10), attempts)).kind).toBe('own-write')
    // An attempt long before does not explain it.
    const earlier = [{ from: at(1), to: at(2) }]
    expect((await checkBeforeWrite(access, NAME, before, at(10), earlier)).kind).toBe(
      'rewritten-after-refresh',
    )
  })
})

describe('after the write', () => {
  it('finds nobody else for a write that stands', async () => {
    github.setSecret(REPOSITORY, NAME, 'stored')
    const before = await seen()
    clock.advance(10 * SECOND)
    github.setSecret(REPOSITORY, NAME, 'this-run-s-token')
    const write = { how: 'updated' as const, at: at(10), attempts: 1 }
    expect((await checkWrite(access, NAME, before, write, at(10))).kind).toBe('alone')
  })

  it('sees a write after this one', async () => {
    github.setSecret(REPOSITORY, NAME, 'stored')
    const before = await seen()
    clock.advance(10 * SECOND)
    github.setSecret(REPOSITORY, NAME, 'this-run-s-token')
    clock.advance(5 * SECOND)
    github.setSecret(REPOSITORY, NAME, 'another-rotation-s-token')
    const write = { how: 'updated' as const, at: at(10), attempts: 1 }
    expect(await checkWrite(access, NAME, before, write, at(10))).toEqual({
      kind: 'rewritten-after',
      writtenAt: at(10),
      rewrittenAt: at(15),
    })
  })

  it('sees a secret created by someone else between the check and a single write', async () => {
    const before = await seen() // absent
    github.setSecret(REPOSITORY, NAME, 'this-run-s-token')
    const write = { how: 'updated' as const, at: at(0), attempts: 1 }
    expect((await checkWrite(access, NAME, before, write, at(0))).kind).toBe('created-meanwhile')
    // A retried write may have created it itself before its answer was lost.
    const retried = { ...write, attempts: 2 }
    expect((await checkWrite(access, NAME, before, retried, at(0))).kind).toBe('alone')
  })
})
