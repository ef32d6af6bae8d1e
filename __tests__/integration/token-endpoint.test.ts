/** The token endpoint client against the emulator, over real HTTP: what each network fault means. */
import { Agent } from 'undici'
import { refreshGrant } from '../../src/atlassian/token-endpoint.js'
import { ActionError } from '../../src/errors.js'
import { SecretValues } from '../../src/secrets.js'
import { AtlassianEmulator } from '../../emulators/atlassian.js'
import { ManualClock } from '../../emulators/clock.js'

let atlassian: AtlassianEmulator
let firstToken: string
const dispatcher = new Agent()
const secrets = new SecretValues(() => {})

beforeEach(async () => {
  const clock = new ManualClock()
  atlassian = await new AtlassianEmulator({ now: () => clock.now() }).start()
  firstToken = atlassian.registerApp('app', 'app-secret')
})
afterEach(async () => {
  await atlassian.close()
})
afterAll(async () => {
  await dispatcher.close()
})

function grant(timeoutMs = 5_000, tokenUrl = atlassian.tokenUrl): ReturnType<typeof refreshGrant> {
  return refreshGrant(
    {
      tokenUrl: new URL(tokenUrl),
      clientId: 'app',
      clientSecret: 'app-secret',
      refreshToken: firstToken,
    },
    { dispatcher, timeoutMs, maxBodyBytes: 4096 },
    secrets,
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

describe('refreshGrant over HTTP', () => {
  it('rotates against the emulator', async () => {
    const tokens = await grant()
    expect(tokens.refreshToken).toBeDefined()
    expect(atlassian.authority.status(tokens.refreshToken ?? '')).toBe('newest')
  })

  it('reports a refused connection as certainly not sent: the token is unchanged', async () => {
    const url = atlassian.tokenUrl
    await atlassian.close()
    const error = await failureOf(grant(5_000, url))
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_UNREACHABLE', tokenState: 'unchanged' })
    expect(error.message).toContain('ECONNREFUSED')
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
    const error = await failureOf(grant(300))
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_UNREACHABLE', tokenState: 'maybe-rotated' })
    expect(error.message).toMatch(/TIMEOUT|ABORT/i)
  })

  it('does not follow a redirect: the credentials are sent exactly once, to token-url', async () => {
    atlassian.injectFaults({
      kind: 'answer',
      status: 307,
      body: '',
      headers: { location: `${atlassian.tokenUrl}?again=1` },
    })
    const error = await failureOf(grant())
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
