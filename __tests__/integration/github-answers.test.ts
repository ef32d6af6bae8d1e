/**
 * The GitHub calls against the emulator, over real HTTP and through the real Octokit: rate limits
 * are waited out only as long as GitHub asks and the budget allows, and answers that did not come
 * from GitHub's API blame "github-api-url" or the proxy. Waits go through a clock that only moves
 * when the code sleeps, so nothing waits for real.
 */
import { ActionError } from '../../src/common/errors.js'
import { openNetwork } from '../../src/common/network.js'
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js'
import {
  fetchPublicKey,
  fetchSecretMetadata,
  storeSecret,
  type StoreAccess,
} from '../../src/github/secret-store.js'
import { secretTarget } from '../../src/github/targets.js'
import { readVariable } from '../../src/github/variables.js'
import { fetchSecretsReadAt } from '../../src/github/workflow-run.js'
import type { Clock, RetryOptions } from '../../src/common/retry.js'
import { sealForGitHub } from '../../src/github/sealing.js'
import { SecretValues } from '../../src/common/secrets.js'
import { GitHubEmulator, type GitHubFault } from '../../emulators/github.js'

const REPOSITORY = 'octo-org/app'
const TOKEN = 'github_pat_11INTEGRATION0answers0token'
const SECONDARY = 'You have exceeded a secondary rate limit.'
const PAGE = '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>'

let github: GitHubEmulator
const network = openNetwork({ env: {} })
const secrets = new SecretValues(() => {})
/** Each wait, with how many requests GitHub had seen when it began. */
let waits: { ms: number; afterRequests: number }[]

/** A clock that moves only when the code under test sleeps. */
function sleepingClock(): Clock {
  let now = Date.now()
  return {
    now: () => now,
    sleep: (ms) => {
      waits.push({ ms, afterRequests: github.requests.length })
      now += ms
      return Promise.resolve()
    },
  }
}

function retry(budgetMs: number): RetryOptions {
  const clock = sleepingClock()
  return {
    clock,
    deadline: clock.now() + budgetMs,
    maxAttempts: 8,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    random: () => 0.5,
  }
}

function client(baseUrl = github.apiUrl): GitHubClient {
  return createGitHubClient({ token: TOKEN, baseUrl, network, timeoutMs: 5_000 })
}

function store(budgetMs = 120_000, baseUrl?: string): StoreAccess {
  return {
    github: client(baseUrl),
    target: secretTarget({
      kind: 'repository',
      repository: { owner: 'octo-org', repo: 'app' },
    }),
    secrets,
    retry: retry(budgetMs),
  }
}

async function failureOf(promise: Promise<unknown>): Promise<ActionError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof ActionError))
    throw new Error(`expected an ActionError, got ${String(error)}`)
  return error
}

async function startGitHub(basePath = ''): Promise<void> {
  github = await new GitHubEmulator(() => Date.now(), { basePath }).start()
  github.addRepository(REPOSITORY)
  github.addToken(TOKEN, {
    kind: 'fine-grained-pat',
    repositories: [REPOSITORY],
    secrets: 'write',
    actions: 'read',
    variables: 'write',
  })
  github.addRun(REPOSITORY, '77', '1', { createdAt: new Date(), runStartedAt: new Date() })
}

beforeEach(() => {
  waits = []
})
afterEach(async () => {
  await github.close()
})
afterAll(async () => {
  await network.close()
})

describe('a secondary rate limit without retry-after', () => {
  const secondary: GitHubFault = { on: 'public-key', status: 403, body: { message: SECONDARY } }

  it('is retried no sooner than 60 s later when the budget allows', async () => {
    await startGitHub()
    github.injectFaults(secondary)
    const key = await fetchPublicKey(store(120_000), 'unchanged')

    expect(key.keyId).toBe(github.publicKey(REPOSITORY).keyId)
    expect(github.requests).toHaveLength(2)
    // One wait, between the first request and the second, of GitHub's minimum.
    expect(waits).toEqual([{ ms: 60_000, afterRequests: 1 }])
  })

  it('waits longer each time it comes back, as GitHub asks', async () => {
    await startGitHub()
    github.injectFaults(secondary, secondary)
    await fetchPublicKey(store(300_000), 'unchanged')
    expect(waits.map((w) => w.ms)).toEqual([60_000, 120_000])
  })

  it('is given up at once, without waiting, when 60 s passes the budget', async () => {
    await startGitHub()
    github.injectFaults(secondary)
    const error = await failureOf(fetchPublicKey(store(30_000), 'unchanged'))

    expect(waits).toEqual([])
    expect(github.requests).toHaveLength(1)
    expect(error.code).toBe('GITHUB_RATE_LIMITED')
    expect(error.tokenState).toBe('unchanged')
    expect(error.message).toContain('not a missing permission')
    expect(error.message).toContain('at least 60 s')
    expect(error.message).toContain(
      '(1 attempt; stopped: the next attempt must wait at least 60 s, past the time budget.)',
    )
  })

  it('on the write, keeps the token state the caller gave', async () => {
    await startGitHub()
    github.injectFaults({ ...secondary, on: 'put' })
    const access = store(30_000)
    const sealed = await sealForGitHub('new-refresh-token', github.publicKey(REPOSITORY).key)
    const error = await failureOf(
      storeSecret(
        access,
        'TOKEN',
        { keyId: github.publicKey(REPOSITORY).keyId, encryptedValue: sealed },
        undefined,
        'rotated-not-stored',
      ),
    )
    expect(error.code).toBe('GITHUB_RATE_LIMITED')
    expect(error.tokenState).toBe('rotated-not-stored')
    expect(github.secret(REPOSITORY, 'TOKEN')).toBeUndefined()
  })
})

it('waits a minute after a 429 without headers, then succeeds', async () => {
  await startGitHub()
  github.injectFaults({ on: 'public-key', status: 429, text: '', contentType: 'text/plain' })
  await fetchPublicKey(store(), 'unchanged')
  expect(waits).toEqual([{ ms: 60_000, afterRequests: 1 }])
})

it("waits the server's retry-after on a secondary limit", async () => {
  await startGitHub()
  github.injectFaults({
    on: 'public-key',
    status: 403,
    body: { message: SECONDARY },
    headers: { 'retry-after': '7' },
  })
  await fetchPublicKey(store(), 'unchanged')
  expect(waits).toEqual([{ ms: 7_000, afterRequests: 1 }])
})

it('never retries a permission refusal', async () => {
  await startGitHub()
  github.injectFaults({
    on: 'public-key',
    status: 403,
    body: { message: 'Resource not accessible by personal access token' },
  })
  const error = await failureOf(fetchPublicKey(store(), 'unchanged'))
  expect(error.code).toBe('GITHUB_FORBIDDEN')
  expect(waits).toEqual([])
})

describe('an answer that is not JSON', () => {
  it("meets GitHub Enterprise Server's web interface when /api/v3 is missing", async () => {
    await startGitHub('/api/v3')
    const webAddress = github.apiUrl.replace(/\/api\/v3$/, '')
    const error = await failureOf(fetchPublicKey(store(120_000, webAddress), 'unchanged'))

    expect(error.code).toBe('GITHUB_NOT_API')
    expect(error.message).toMatch(
      /answered a redirect \(HTTP 302 to http:\/\/127\.0\.0\.1:\d+\/login, a sign-in page\)/,
    )
    expect(error.message).toContain(`"github-api-url" is "${webAddress}"`)
    expect(error.nextStep).toContain(`Set "github-api-url" to ${github.apiUrl}`)
    expect(`${error.message} ${error.nextStep}`).not.toMatch(/cannot see it|<|token/)
    expect(waits).toEqual([]) // a wrong address does not get better by waiting
  })

  // Octokit resolves a 200 with the page's text, and rejects a 404 with it.
  it.each([
    [200, 'text/html; charset=utf-8', '<html><body>Sign in to your proxy</body></html>'],
    [404, 'text/html', '<html><body>Not Found</body></html>'],
    [200, 'application/json', '{"key_id": "1", '],
    [200, 'application/octet-stream', 'binary'],
    [200, undefined, 'plain words'],
  ])('blames the address or a proxy for HTTP %i with %s', async (status, contentType, text) => {
    await startGitHub()
    github.injectFaults({
      on: 'public-key',
      status,
      text,
      ...(contentType !== undefined && { contentType }),
      from: 'proxy',
    })
    const error = await failureOf(fetchPublicKey(store(), 'unchanged'))
    expect(error.code).toBe('GITHUB_NOT_API')
    expect(error.message).toContain('instead of JSON')
    expect(error.message).not.toContain(text)
  })

  // These reads take GitHub's 404 to mean "absent": a proxy's 404 page must not pass for one.
  it.each([
    [
      'the secret metadata',
      'metadata' as const,
      (access: StoreAccess) => fetchSecretMetadata(access, 'TOKEN'),
    ],
    [
      'a variable',
      'variable' as const,
      (access: StoreAccess) =>
        readVariable(
          {
            github: access.github,
            repository: { owner: 'octo-org', repo: 'app' },
            secrets,
            retry: access.retry,
          },
          'CONSENTED_AT',
        ),
    ],
    [
      'the workflow run',
      'run' as const,
      (access: StoreAccess) =>
        fetchSecretsReadAt(
          access.github,
          { repository: { owner: 'octo-org', repo: 'app' }, runId: '77', attempt: '1', job: 'j' },
          secrets,
          access.retry,
        ),
    ],
  ])('does not read a proxy\'s HTML 404 for %s as "absent"', async (_, on, read) => {
    await startGitHub()
    github.injectFaults({ on, status: 404, text: PAGE, contentType: 'text/html', from: 'proxy' })
    const error = await failureOf(read(store()))
    expect(error.code).toBe('GITHUB_NOT_API')
  })
})

describe('a 5xx', () => {
  it('from a proxy: names the host that answered and says it was not GitHub, then retries', async () => {
    await startGitHub()
    github.injectFaults(
      ...Array.from({ length: 3 }, () => ({
        on: 'public-key' as const,
        status: 502,
        text: PAGE,
        contentType: 'text/html',
        headers: { server: 'nginx' },
        from: 'proxy' as const,
      })),
    )
    const error = await failureOf(fetchPublicKey(store(3_000), 'unchanged'))
    const host = new URL(github.apiUrl).host
    expect(error.code).toBe('GITHUB_UNEXPECTED')
    expect(error.message).toContain(
      `${host} answered HTTP 502 (server: nginx) without the x-github-request-id`,
    )
    expect(error.message).toContain('did not come from GitHub')
    expect(error.message).not.toContain("GitHub's side")
    expect(error.message).not.toContain('<')
    expect(github.requests.length).toBeGreaterThan(1) // transient: retried inside the budget
  })

  it("from GitHub: GitHub's side, with the request id", async () => {
    await startGitHub()
    github.injectFaults({ on: 'public-key', status: 502, body: { message: 'Server Error' } })
    const error = await failureOf(fetchPublicKey(store(100), 'unchanged'))
    expect(error.message).toMatch(
      /GitHub answered HTTP 502 "Server Error" \(x-github-request-id [0-9A-F:]+\)\. This is a fault on GitHub's side\./,
    )
  })
})

it('says a repository was renamed when GitHub answers with its JSON redirect', async () => {
  await startGitHub()
  const moved = (on: 'public-key' | 'metadata'): GitHubFault => ({
    on,
    status: 301,
    body: { message: 'Moved Permanently', url: `${github.apiUrl}/repositories/42` },
    headers: { location: `${github.apiUrl}/repositories/42` },
  })
  github.injectFaults(moved('public-key'), moved('metadata'))
  const error = await failureOf(fetchPublicKey(store(), 'unchanged'))
  expect(error.code).toBe('GITHUB_UNEXPECTED')
  expect(error.message).toContain(
    `GitHub answered HTTP 301 "Moved Permanently" to ${github.apiUrl}/repositories/42: repository octo-org/app was renamed or transferred.`,
  )
  // Not "absent": the secret's metadata read takes GITHUB_NOT_FOUND to mean that.
  await expect(fetchSecretMetadata(store(), 'TOKEN')).rejects.toMatchObject({
    code: 'GITHUB_UNEXPECTED',
  })
})

it("every answer of the emulated API carries a request id, as GitHub's do", async () => {
  await startGitHub()
  const answer = await client().request('GET /repos/{owner}/{repo}/actions/secrets/public-key', {
    owner: 'octo-org',
    repo: 'app',
  })
  expect(answer.headers['x-github-request-id']).toMatch(/^[0-9A-F]+(:[0-9A-F]+){4}$/)
})
