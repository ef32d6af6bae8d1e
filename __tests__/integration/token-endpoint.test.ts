/**
 * The token endpoint client against the emulator, over real HTTP: what each network fault means for
 * the token, and how retries behave. Waits go through a recording clock, so nothing sleeps.
 */
import { refreshGrant } from '../../src/atlassian/token-endpoint.js'
import { openNetwork } from '../../src/common/network.js'
import { ActionError } from '../../src/common/errors.js'
import type { Clock } from '../../src/common/retry.js'
import { SecretValues } from '../../src/common/secrets.js'
import { AtlassianEmulator } from '../../emulators/atlassian.js'
import { ManualClock } from '../../emulators/clock.js'
import { sampleOddAnswers } from '../support/token-answers.js'

let atlassian: AtlassianEmulator
let firstToken: string
let waits: number[]
const network = openNetwork({ env: {} })
const secrets = new SecretValues(() => {})

/** Real time for the requests; each wait is recorded and then counted as having passed. */
function recordingClock(beforeRetry?: () => Promise<void>): Clock {
  let skipped = 0
  return {
    now: () => Date.now() + skipped,
    sleep: async (ms) => {
      waits.push(ms)
      skipped += ms
      await beforeRetry?.()
    },
  }
}

beforeEach(async () => {
  waits = []
  const clock = new ManualClock()
  atlassian = await new AtlassianEmulator({ now: () => clock.now() }).start()
  firstToken = atlassian.registerApp('app', 'app-secret')
})
afterEach(async () => {
  await atlassian.close()
})
afterAll(async () => {
  await network.close()
})

interface GrantOptions {
  timeoutMs?: number
  tokenUrl?: string
  maxAttempts?: number
  budgetMs?: number
  maxBodyBytes?: number
  /** Runs during each wait, before the next attempt. */
  beforeRetry?: () => Promise<void>
}

function grant(options: GrantOptions = {}): ReturnType<typeof refreshGrant> {
  const clock = recordingClock(options.beforeRetry)
  return refreshGrant(
    {
      tokenUrl: new URL(options.tokenUrl ?? atlassian.tokenUrl),
      clientId: 'app',
      clientSecret: 'app-secret',
      refreshToken: firstToken,
    },
    {
      network,
      timeoutMs: options.timeoutMs ?? 5_000,
      maxBodyBytes: options.maxBodyBytes ?? 4096,
    },
    secrets,
    {
      clock,
      deadline: clock.now() + (options.budgetMs ?? 120_000),
      maxAttempts: options.maxAttempts ?? 1,
      baseDelayMs: 1000,
      maxDelayMs: 30_000,
      random: () => 0.5,
    },
  )
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

describe('refreshGrant over HTTP, one attempt', () => {
  it('rotates against the emulator', async () => {
    const tokens = await grant()
    expect(tokens.refreshToken).toBeDefined()
    expect(atlassian.authority.status(tokens.refreshToken ?? '')).toBe('newest')
  })

  it('reports a refused connection as certainly not sent: the token is unchanged', async () => {
    const url = atlassian.tokenUrl
    await atlassian.close()
    const error = await failureOf(grant({ tokenUrl: url }))
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_UNREACHABLE', tokenState: 'unchanged' })
    expect(error.message).toContain('failed (connection refused: ECONNREFUSED)')
    atlassian = await new AtlassianEmulator({ now: () => 0 }).start() // for afterEach
  })

  it('reports a lost answer as maybe rotated — and the emulator did rotate', async () => {
    atlassian.injectFaults({ kind: 'lose-answer' })
    const error = await failureOf(grant())
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_UNREACHABLE', tokenState: 'maybe-rotated' })
    expect(atlassian.authority.status(firstToken)).toBe('previous')
  })

  it('reports a connection reset after sending as maybe rotated', async () => {
    atlassian.injectFaults({ kind: 'reset-before' })
    const error = await failureOf(grant())
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_UNREACHABLE', tokenState: 'maybe-rotated' })
  })

  it('gives up on a server that never answers after the timeout', async () => {
    atlassian.injectFaults({ kind: 'hang' })
    const error = await failureOf(grant({ timeoutMs: 300 }))
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_UNREACHABLE', tokenState: 'maybe-rotated' })
    expect(error.message).toContain('(no answer within the time limit: TIMEOUT)')
  })

  it('does not follow a redirect: the credentials are sent exactly once, to token-url', async () => {
    atlassian.injectFaults({
      kind: 'answer',
      status: 307,
      body: '',
      headers: { location: `${atlassian.tokenUrl}?again=1` },
    })
    const error = await failureOf(grant({ maxAttempts: 5 }))
    expect(error.message).toContain('redirect (HTTP 307')
    expect(atlassian.requests).toHaveLength(1)
  })

  it('refuses an answer larger than the cap, unread', async () => {
    atlassian.injectFaults({
      kind: 'answer',
      status: 200,
      body: 'x'.repeat(100_000),
      contentType: 'text/plain',
    })
    const error = await failureOf(grant())
    expect(error).toMatchObject({ code: 'INVALID_TOKEN_RESPONSE' })
    expect(error.message).toContain('more than 4096 bytes')
  })
})

describe('refreshGrant reads odd answers around the tokens Atlassian really issued', () => {
  const status = (token: string | undefined): string => atlassian.authority.status(token ?? '')

  it('stores nothing wrong from a 200 without expires_in: the new refresh token, and a warning', async () => {
    atlassian.injectFaults({
      kind: 'shape-answer',
      shape: (issued) => ({
        status: 200,
        body: JSON.stringify({
          access_token: issued.accessToken,
          refresh_token: issued.refreshToken,
          token_type: 'bearer',
        }),
      }),
    })
    const tokens = await grant()
    expect(status(tokens.refreshToken)).toBe('newest')
    expect(tokens.expiresIn).toBeUndefined()
    expect(tokens.tokenType).toBe('bearer')
    expect(tokens.warnings).toEqual([expect.stringContaining('no "expires_in"')])
  })

  it('reads UTF-16 with a byte order mark, labelled as HTML by a proxy', async () => {
    atlassian.injectFaults({
      kind: 'shape-answer',
      shape: (issued) => ({
        status: 200,
        body: Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(
            `\n ${JSON.stringify({ access_token: issued.accessToken, refresh_token: issued.refreshToken, expires_in: 3600, token_type: 'Bearer' })}\n`,
            'utf16le',
          ),
        ]),
        contentType: 'text/html; charset=iso-8859-1',
      }),
    })
    const tokens = await grant()
    expect(status(tokens.refreshToken)).toBe('newest')
    expect(tokens.warnings).toEqual([])
  })

  it('reads a form-encoded answer', async () => {
    atlassian.injectFaults({
      kind: 'shape-answer',
      shape: (issued) => ({
        status: 200,
        body: new URLSearchParams({
          access_token: issued.accessToken,
          refresh_token: issued.refreshToken ?? '',
          expires_in: String(issued.expiresIn),
          scope: issued.scope,
          token_type: 'Bearer',
        }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      }),
    })
    const tokens = await grant()
    expect(status(tokens.refreshToken)).toBe('newest')
    expect(tokens.expiresIn).toBe(3600)
  })

  it('keeps the refresh token of an answer without access token', async () => {
    atlassian.injectFaults({
      kind: 'shape-answer',
      shape: (issued) => ({
        status: 200,
        body: JSON.stringify({ refresh_token: issued.refreshToken, expires_in: 3600 }),
      }),
    })
    const tokens = await grant()
    expect(status(tokens.refreshToken)).toBe('newest')
    expect(tokens.accessToken).toBeUndefined()
    expect(tokens.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('no usable access token')]),
    )
  })

  it('refuses an unreadable refresh token as maybe rotated — and the emulator did rotate', async () => {
    let issuedRefresh = ''
    atlassian.injectFaults({
      kind: 'shape-answer',
      shape: (issued) => {
        issuedRefresh = issued.refreshToken ?? ''
        return {
          status: 200,
          body: JSON.stringify({
            access_token: issued.accessToken,
            refresh_token: `${issued.refreshToken ?? ''} trailing-words`,
          }),
        }
      },
    })
    const masked: string[] = []
    const error = await failureOf(
      refreshGrant(
        {
          tokenUrl: new URL(atlassian.tokenUrl),
          clientId: 'app',
          clientSecret: 'app-secret',
          refreshToken: firstToken,
        },
        { network, timeoutMs: 5_000, maxBodyBytes: 64 * 1024 },
        new SecretValues((value) => masked.push(value)),
        {
          clock: recordingClock(),
          deadline: Date.now() + 60_000,
          maxAttempts: 3,
          baseDelayMs: 1000,
          maxDelayMs: 30_000,
          random: () => 0.5,
        },
      ),
    )
    expect(error).toMatchObject({ code: 'INVALID_TOKEN_RESPONSE', tokenState: 'maybe-rotated' })
    expect(error.message).toContain('"refresh_token" is a string with whitespace inside')
    expect(error.message).not.toContain(issuedRefresh)
    expect(masked).toContain(`${issuedRefresh} trailing-words`)
    expect(atlassian.requests).toHaveLength(1)
    expect(status(firstToken)).toBe('previous')
  })

  // The helper the end-to-end runs use: its expectations hold against the real reader.
  it.each(sampleOddAnswers(24, 20261201).map((sample) => [sample.description, sample] as const))(
    'sampled: %s',
    async (_, sample) => {
      atlassian.injectFaults(sample.fault)
      // The action's own cap: some samples hold tokens 16 KiB long.
      const outcome = await grant({ maxAttempts: 2, maxBodyBytes: 256 * 1024 }).then(
        (tokens) => ({ tokens, error: undefined }),
        (error: unknown) => ({ tokens: undefined, error }),
      )
      if (sample.expected.retried) {
        expect(status(outcome.tokens?.refreshToken)).toBe('newest')
        return
      }
      if (outcome.error !== undefined) expect(outcome.error).toBeInstanceOf(ActionError)
      expect(outcome.tokens?.refreshToken !== undefined).toBe(sample.expected.refreshTokenKept)
      if (sample.expected.refreshTokenKept) {
        expect(status(outcome.tokens?.refreshToken)).toBe('newest')
      }
      expect(outcome.tokens?.accessToken !== undefined).toBe(sample.expected.accessTokenUsable)
    },
  )
})

describe('refreshGrant retries', () => {
  it('recovers a lost answer: the retry presents the old token inside the leeway and gets the newest pair', async () => {
    atlassian.injectFaults({ kind: 'lose-answer' })
    const tokens = await grant({ maxAttempts: 3 })
    expect(atlassian.requests).toHaveLength(2)
    expect(
      atlassian.requests.map((r) => (r.body as { refresh_token: string }).refresh_token),
    ).toEqual([firstToken, firstToken])
    expect(atlassian.authority.status(tokens.refreshToken ?? '')).toBe('newest')
    expect(waits).toEqual([750]) // first backoff: 1 s ceiling, half fixed + half jitter (0.5)
  })

  it('backs off exponentially through 5xx and network faults', async () => {
    atlassian.injectFaults(
      { kind: 'answer', status: 502, body: 'bad gateway', contentType: 'text/plain' },
      { kind: 'reset-before' },
      { kind: 'answer', status: 500, body: '{}' },
    )
    const tokens = await grant({ maxAttempts: 5 })
    expect(tokens.accessToken).toBeDefined()
    expect(waits).toEqual([750, 1500, 3000])
  })

  it('honours Retry-After, in seconds and as an HTTP date', async () => {
    atlassian.injectFaults(
      { kind: 'answer', status: 429, body: '', headers: { 'retry-after': '7' } },
      {
        kind: 'answer',
        status: 503,
        body: '',
        headers: { 'retry-after': new Date(Date.now() + 60_000).toUTCString() },
      },
    )
    await grant({ maxAttempts: 3 })
    expect(waits[0]).toBe(7000)
    expect(waits[1]).toBeGreaterThan(50_000) // the date is 60 s ahead, at one-second resolution
    expect(waits[1]).toBeLessThanOrEqual(67_000)
  })

  it.each([
    ['invalid_grant', 403],
    ['invalid_client', 401],
    ['access_denied', 401],
    ['unauthorized_client', 403],
  ])('never retries an OAuth %s', async (error, status) => {
    atlassian.injectFaults({ kind: 'answer', status, body: JSON.stringify({ error }) })
    await failureOf(grant({ maxAttempts: 5 }))
    expect(atlassian.requests).toHaveLength(1)
    expect(waits).toEqual([])
  })

  it('never retries an answer that is not a token answer, and describes it without quoting it', async () => {
    atlassian.injectFaults({
      kind: 'answer',
      status: 200,
      body: '<html>login</html>',
      contentType: 'text/html',
    })
    const error = await failureOf(grant({ maxAttempts: 5 }))
    expect(atlassian.requests).toHaveLength(1)
    expect(error.message).toContain(
      'answered HTTP 200, text/html, 18 bytes, but it is not a JSON object',
    )
    expect(error.message).not.toContain('login')
  })

  it('stops when the next wait would pass the time budget, and says so', async () => {
    atlassian.injectFaults(...Array.from({ length: 10 }, () => ({ kind: 'reset-before' as const })))
    const error = await failureOf(grant({ maxAttempts: 10, budgetMs: 5_000 }))
    expect(waits).toEqual([750, 1500]) // the next, 3 s, would end past the 5 s budget
    expect(error.message).toContain(
      '(3 attempts; stopped: the next attempt would start past the time budget.)',
    )
    expect(error.tokenState).toBe('maybe-rotated')
  })

  it('stops when the server asks to wait past the budget', async () => {
    atlassian.injectFaults({
      kind: 'answer',
      status: 503,
      body: '',
      headers: { 'retry-after': '600' },
    })
    const error = await failureOf(grant({ maxAttempts: 5 }))
    expect(waits).toEqual([])
    expect(error.message).toContain('the server asked to wait 600 s, past the time budget')
  })

  it('keeps "maybe rotated" when a later attempt fails before reaching the server', async () => {
    atlassian.injectFaults({ kind: 'lose-answer' })
    // The lost answer rotated the token; the retry then finds the endpoint gone (ECONNREFUSED).
    const error = await failureOf(grant({ maxAttempts: 2, beforeRetry: () => atlassian.close() }))
    expect(error.message).toContain('ECONNREFUSED')
    expect(error.message).toContain('(2 attempts')
    expect(error.tokenState).toBe('maybe-rotated')
    atlassian = await new AtlassianEmulator({ now: () => 0 }).start() // for afterEach
  })
})
