/**
 * One scenario per row of the README's "When something fails" table: the bundled action, run as the
 * runner runs it, against emulators that inject the fault. Each ends either with the secret holding
 * a working token, or with a failed step whose log says how to make it so; none leaks a secret.
 */
import { request } from 'undici'
import { MINUTE } from '../../emulators/clock.js'
import type { ActionRun } from '../../emulators/actions-runner.js'
import { findLeaks } from '../support/leaks.js'
import { parseGhApi, recoveryCommandIn, requestUrl } from '../support/recovery-command.js'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  WORKFLOW_TOKEN,
  startScenario,
  type Scenario,
} from '../support/scenario.js'

let world: Scenario
/** Every token the test saw, to check that no run printed one. */
let known: string[]

afterEach(async () => {
  await world.close()
})

async function start(options?: Parameters<typeof startScenario>[0]): Promise<void> {
  world = await startScenario(options)
  known = [world.storedToken() ?? '']
}

/** The run, after checking it leaked nothing: not the inputs, not any token issued meanwhile. */
async function run(options?: Parameters<Scenario['run']>[0]): Promise<ActionRun> {
  const result = await world.run(options)
  known.push(
    world.storedToken() ?? '',
    result.outputs['access-token'] ?? '',
    result.outputs['refresh-token'] ?? '',
  )
  const secrets = Object.fromEntries(
    [CLIENT_SECRET, GITHUB_TOKEN, WORKFLOW_TOKEN, ...known].map((value, i) => [
      `secret #${i}`,
      value,
    ]),
  )
  expect(findLeaks(result, secrets)).toEqual([])
  return result
}

const tokenRequests = (): number => world.atlassian.requests.length
const status = (token: string | undefined): string => world.atlassian.authority.status(token ?? '')
const errorText = (result: ActionRun): string => result.errors.join('\n')
const secretPath = (name: string): string => `/repos/${REPOSITORY}/actions/secrets/${name}`
/** The PUTs of one secret: the token's own writes, not its lock's. */
const putsOf = (name = SECRET_NAME): Scenario['github']['requests'] =>
  world.github.requests.filter((r) => r.method === 'PUT' && r.path === secretPath(name))

describe('the token endpoint fails for a moment', () => {
  it('retries through a connection reset and a 503, then stores the newest token', async () => {
    await start()
    world.atlassian.injectFaults(
      { kind: 'reset-before' },
      {
        kind: 'answer',
        status: 503,
        body: 'busy',
        contentType: 'text/plain',
        headers: { 'retry-after': '0' },
      },
    )
    const result = await run()

    expect(result.exitCode).toBe(0)
    expect(tokenRequests()).toBe(3)
    expect(status(world.storedToken())).toBe('newest')
    expect(result.stdout).toMatch(
      /Refresh: attempt 1 failed \(the connection was reset: ECONNRESET\); trying again in \d\.\d s\./,
    )
    expect(result.stdout).toContain('Refresh: attempt 2 failed (HTTP 503); trying again in 0.0 s.')
  })

  it('recovers a lost answer by presenting the same token again inside the leeway', async () => {
    await start()
    const original = world.storedToken()
    world.atlassian.injectFaults({ kind: 'lose-answer' })
    const result = await run()

    expect(result.exitCode).toBe(0)
    const presented = world.atlassian.requests.map(
      (r) => (r.body as { refresh_token: string }).refresh_token,
    )
    expect(presented).toEqual([original, original])
    expect(status(world.storedToken())).toBe('newest')
  })
})

describe('the token endpoint stays down', () => {
  it('gives up inside the time budget and says until when a re-run is safe', async () => {
    await start()
    const original = world.storedToken()
    world.atlassian.injectFaults(
      ...Array.from({ length: 20 }, () => ({ kind: 'lose-answer' as const })),
    )
    const result = await run({ inputs: { 'retry-budget-seconds': '2' } })

    expect(result.exitCode).toBe(1)
    expect(world.storedToken()).toBe(original)
    const error = errorText(result)
    expect(error).toMatch(/stopped: the next attempt would start past the time budget/)
    expect(error).toContain('Atlassian may have rotated it')
    expect(error).toMatch(
      /still accepted until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(the 10-minute leeway\): a re-run before then recovers it/,
    )
    // And it does: once the endpoint is back, a re-run inside the leeway presents the same token
    // and gets the newest pair.
    world.atlassian.clearFaults()
    const rerun = await run()
    expect(rerun.exitCode).toBe(0)
    expect(status(world.storedToken())).toBe('newest')
  })
})

describe('the token endpoint answers something that is not a token answer', () => {
  const page = `<!DOCTYPE html><html>Log in again: ${'x'.repeat(1000)}</html>`
  // [what, fault, how the error describes it, fragments of the body that must not be shown]
  const cases: [string, Parameters<Scenario['atlassian']['injectFaults']>[0], string, string[]][] =
    [
      [
        'an HTML page with status 200',
        { kind: 'answer', status: 200, body: page, contentType: 'text/html' },
        'answered HTTP 200, text/html, 1,042 bytes, but it is not a JSON object',
        ['Log in', 'DOCTYPE', 'xxxxxxxx'],
      ],
      [
        'invalid JSON',
        { kind: 'answer', status: 200, body: '{"access_token": ', contentType: 'application/json' },
        'answered HTTP 200, application/json, 17 bytes, but it is not a JSON object',
        ['{"access_token"'],
      ],
      [
        '200 with neither token',
        { kind: 'answer', status: 200, body: '{"expires_in":3600,"scope":"read:me"}' },
        'answered HTTP 200, application/json, 37 bytes, but it holds neither a refresh token nor an access token ("access_token" is missing)',
        ['"expires_in":3600'],
      ],
      [
        'a 200 whose refresh_token cannot be read',
        {
          kind: 'shape-answer',
          shape: (issued) => {
            known.push(issued.accessToken, issued.refreshToken ?? '')
            return {
              status: 200,
              body: JSON.stringify({
                access_token: issued.accessToken,
                refresh_token: `${issued.refreshToken ?? ''}\n${issued.refreshToken ?? ''}`,
                expires_in: 3600,
              }),
            }
          },
        },
        '"refresh_token" is a string with whitespace inside, not a token',
        ['"expires_in":3600'],
      ],
      [
        'a 404 page',
        {
          kind: 'answer',
          status: 404,
          body: '<h1>Not Found: /oauth/tokn</h1>',
          contentType: 'text/html; charset=utf-8',
        },
        'answered HTTP 404, text/html; charset=utf-8, 31 bytes, which is neither a token answer nor an OAuth error',
        ['Not Found', '/oauth/tokn'],
      ],
      [
        'a body over the size cap',
        { kind: 'answer', status: 200, body: 'x'.repeat(300 * 1024), contentType: 'text/plain' },
        'answered HTTP 200 (text/plain) with more than 262144 bytes',
        ['xxxxxxxx'],
      ],
      [
        'a redirect',
        {
          kind: 'answer',
          status: 302,
          body: 'Moved to the sign-in page',
          headers: { location: 'https://elsewhere.example/token?x=1' },
        },
        'redirect (HTTP 302 to https://elsewhere.example/token)',
        ['sign-in page', 'x=1'],
      ],
    ]
  it.each(cases)(
    'refuses %s, writes nothing, and describes it by status, content type and length without quoting it',
    async (_, fault, described, unquoted) => {
      await start()
      const original = world.storedToken()
      world.atlassian.injectFaults(fault)
      const result = await run()

      expect(result.exitCode).toBe(1)
      expect(tokenRequests()).toBe(1)
      expect(world.storedToken()).toBe(original)
      // The only secret written was the lock, taken before the grant and released after it.
      // (Whether the scheduled run then keeps its schedule alive depends on whether the token
      // may be rotated: e2e/health.test.ts.)
      const writes = world.github.requests.filter(
        (r) => r.method !== 'GET' && !r.path.endsWith('/enable'),
      )
      expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
        `PUT ${secretPath(`${SECRET_NAME}_LOCK`)}`,
        `DELETE ${secretPath(`${SECRET_NAME}_LOCK`)}`,
      ])
      const said = [errorText(result), result.stdout, result.summary].join('\n')
      expect(errorText(result)).toContain(described)
      for (const fragment of unquoted) expect(said).not.toContain(fragment)
    },
  )

  it('after an unreadable rotated token, a re-run inside the leeway gets the newest pair', async () => {
    await start()
    world.atlassian.injectFaults({
      kind: 'shape-answer',
      shape: (issued) => ({
        status: 200,
        body: JSON.stringify({ access_token: issued.accessToken, refresh_token: 42 }),
      }),
    })
    const failed = await run()
    expect(failed.exitCode).toBe(1)
    expect(errorText(failed)).toContain('a re-run before then recovers it')

    const rerun = await run()
    expect(rerun.exitCode).toBe(0)
    expect(status(world.storedToken())).toBe('newest')
  })
})

describe('the token endpoint answers a token answer with odd parts', () => {
  const shaped = (
    fields: (issued: { accessToken: string; refreshToken: string | undefined }) => unknown,
    options: { contentType?: string; encode?: (text: string) => Buffer } = {},
  ): Parameters<Scenario['atlassian']['injectFaults']>[0] => ({
    kind: 'shape-answer',
    shape: (issued) => {
      // The run must not show the tokens of this answer either (checked in run()).
      known.push(issued.accessToken, issued.refreshToken ?? '')
      const text = JSON.stringify(fields(issued))
      return {
        status: 200,
        body: options.encode ? options.encode(text) : text,
        ...(options.contentType !== undefined && { contentType: options.contentType }),
      }
    },
  })

  it('stores the new token of a 200 without expires_in, warns, and leaves expires-in and expires-at empty', async () => {
    await start()
    world.atlassian.injectFaults(
      shaped((issued) => ({
        access_token: issued.accessToken,
        refresh_token: issued.refreshToken,
        token_type: 'Bearer',
      })),
    )
    const result = await run()

    expect(result.exitCode).toBe(0)
    expect(status(world.storedToken())).toBe('newest')
    expect(result.warnings).toEqual([expect.stringContaining('no "expires_in"')])
    expect(result.outputs['expires-in']).toBe('')
    expect(result.outputs['expires-at']).toBe('')
    expect(result.summary).toContain('(not reported)')
  })

  it.each([
    ['a lowercase', 'bearer', []],
    ['an absent', undefined, ['gave no "token_type"']],
    ['a "mac"', 'mac', ['is not "Bearer" (a string of 3 characters)']],
  ])('carries on with %s token_type', async (_, tokenType, warned) => {
    await start()
    world.atlassian.injectFaults(
      shaped((issued) => ({
        access_token: issued.accessToken,
        refresh_token: issued.refreshToken,
        expires_in: 3600,
        ...(tokenType !== undefined && { token_type: tokenType }),
      })),
    )
    const result = await run()

    expect(result.exitCode).toBe(0)
    expect(status(world.storedToken())).toBe('newest')
    expect(result.warnings).toEqual(warned.map((text): unknown => expect.stringContaining(text)))
  })

  it('reads a UTF-16 answer with a byte order mark and whitespace around it', async () => {
    await start()
    world.atlassian.injectFaults(
      shaped(
        (issued) => ({
          access_token: issued.accessToken,
          refresh_token: issued.refreshToken,
          expires_in: 3600,
          token_type: 'Bearer',
        }),
        {
          contentType: 'text/plain',
          encode: (text) =>
            Buffer.concat([
              Buffer.from([0xfe, 0xff]),
              Buffer.from(`\n ${text} \n`, 'utf16le').swap16(),
            ]),
        },
      ),
    )
    const result = await run()

    expect(result.exitCode).toBe(0)
    expect(status(world.storedToken())).toBe('newest')
    expect(result.warnings).toEqual([])
  })

  it('keeps the refresh token of a 200 without access_token, then fails: no access token to give', async () => {
    await start()
    world.atlassian.injectFaults(
      shaped((issued) => ({ refresh_token: issued.refreshToken, expires_in: 3600 })),
    )
    const result = await run()

    expect(status(world.storedToken())).toBe('newest')
    expect(result.exitCode).toBe(1)
    expect(result.outputs['outcome']).toBe('rotated')
    expect(result.outputs['access-token']).toBeUndefined()
    expect(errorText(result)).toContain(
      "The token endpoint's answer held no usable access token; the new refresh token it held is stored.",
    )
    expect(errorText(result)).toContain('the integration is safe')
    expect(result.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('no usable access token')]),
    )
  })

  it('masks a credential nested in an unknown field before anything is printed', async () => {
    await start()
    const nested = 'Nested0Session0Credential0Value'
    world.atlassian.injectFaults(
      shaped((issued) => ({
        access_token: issued.accessToken,
        refresh_token: issued.refreshToken,
        expires_in: 3600,
        token_type: 'Bearer',
        debug: { session: [nested] },
      })),
    )
    known.push(nested)
    const result = await run()

    expect(result.exitCode).toBe(0)
    expect(result.masks).toContain(nested)
  })
})

describe('GitHub fails for a moment', () => {
  it('retries the preflight through a 502 and a secondary rate limit', async () => {
    await start()
    world.github.injectFaults(
      { on: 'public-key', status: 502, body: { message: 'Server Error' } },
      {
        on: 'public-key',
        status: 403,
        body: { message: 'You have exceeded a secondary rate limit.' },
        headers: { 'retry-after': '0' },
      },
    )
    const result = await run()

    expect(result.exitCode).toBe(0)
    expect(status(world.storedToken())).toBe('newest')
    expect(result.stdout).toContain(
      `Preflight: attempt 2 to read the Actions secrets public key of repository ${REPOSITORY} failed (secondary rate limit (HTTP 403)); trying again in 0.0 s.`,
    )
  })

  it('retries the write through a 500 and a dropped connection, and stores the token', async () => {
    await start()
    world.github.injectFaults(
      { on: 'put', secret: SECRET_NAME, status: 500, body: { message: 'Server Error' } },
      { on: 'put', secret: SECRET_NAME, reset: true },
    )
    const result = await run()

    expect(result.exitCode).toBe(0)
    expect(putsOf()).toHaveLength(3)
    expect(status(world.storedToken())).toBe('newest')
  })

  it('seals again under the new key when the key was replaced between the preflight and the write', async () => {
    await start()
    world.github.injectFaults({
      on: 'put',
      secret: SECRET_NAME,
      before: () => world.github.rotateKey(REPOSITORY),
    })
    const result = await run()

    expect(result.exitCode).toBe(0)
    expect(world.github.requests.filter((r) => r.path.endsWith('/public-key'))).toHaveLength(2)
    const keyIds = putsOf().map((r) => (r.body as { key_id: string }).key_id)
    expect(keyIds).toHaveLength(2)
    expect(keyIds[1]).toBe(world.github.publicKey(REPOSITORY).keyId)
    expect(status(world.storedToken())).toBe('newest')
  })
})

describe('GitHub refuses before the refresh', () => {
  it('stops on a spent rate limit, names when it resets, and never calls the token endpoint', async () => {
    await start()
    const reset = Math.floor(Date.now() / 1000) + 3600
    world.github.injectFaults({
      on: 'public-key',
      status: 403,
      body: { message: 'API rate limit exceeded' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
    })
    const result = await run()

    expect(result.exitCode).toBe(1)
    expect(tokenRequests()).toBe(0)
    expect(errorText(result)).toContain(`it resets at ${new Date(reset * 1000).toISOString()}`)
    expect(errorText(result)).toContain('past the time budget')
    expect(errorText(result)).toContain('still works: this run did not replace it')
  })

  it('stops on a public key answer of the wrong shape', async () => {
    await start()
    world.github.injectFaults({
      on: 'public-key',
      status: 200,
      body: { key_id: '1', key: 'c2hvcnQ=' },
    })
    const result = await run()

    expect(result.exitCode).toBe(1)
    expect(tokenRequests()).toBe(0)
    expect(errorText(result)).toContain(
      'is not {key_id, key} with a 32-byte base64 key: "{\\"key_id\\":\\"1\\",\\"key\\":\\"c2hvcnQ=\\"}"',
    )
  })
})

describe('GitHub answers in a way that blames something else than the token', () => {
  const secondaryLimit = {
    status: 403,
    body: { message: 'You have exceeded a secondary rate limit.' },
  }

  it('gives up at once on a secondary rate limit before the refresh when a minute passes the budget', async () => {
    await start()
    const original = world.storedToken()
    world.github.injectFaults({ on: 'public-key', ...secondaryLimit })
    const result = await run({ inputs: { 'retry-budget-seconds': '30' } })

    expect(result.exitCode).toBe(1)
    expect(tokenRequests()).toBe(0)
    expect(world.storedToken()).toBe(original)
    expect(result.stdout).not.toContain('trying again')
    const error = errorText(result)
    expect(error).toContain("GitHub's secondary rate limit")
    expect(error).toContain('not a missing permission')
    expect(error).toContain('asks to wait at least 60 s')
    expect(error).toContain(
      'stopped: the next attempt must wait at least 60 s, past the time budget',
    )
    expect(error).toContain('still works: this run did not replace it')
    expect(error).not.toContain('lacks the permission')
  })

  it('keeps the recovery value when a secondary rate limit stops the write after the refresh', async () => {
    await start()
    const original = world.storedToken()
    world.github.injectFaults({ on: 'put', secret: SECRET_NAME, ...secondaryLimit })
    const result = await run({ inputs: { 'retry-budget-seconds': '30' } })

    expect(result.exitCode).toBe(1)
    expect(tokenRequests()).toBe(1)
    expect(world.storedToken()).toBe(original) // the new token was not stored
    expect(putsOf()).toHaveLength(1)
    const error = errorText(result)
    expect(error).toContain("GitHub's secondary rate limit")
    expect(error).toContain('not a missing permission')
    expect(error).toContain('the new token was NOT stored')
    expect(error).toContain('Recovery value')
    expect(result.outputs['recovery-encrypted-value']).toBeDefined()
    expect(error).toContain(result.outputs['recovery-encrypted-value'])
  })

  it('names "github-api-url" when it is the GitHub Enterprise Server host without /api/v3', async () => {
    await start({ basePath: '/api/v3' })
    const original = world.storedToken()
    const webAddress = world.github.apiUrl.replace(/\/api\/v3$/, '')
    const result = await run({ inputs: { 'github-api-url': webAddress } })

    expect(result.exitCode).toBe(1)
    expect(tokenRequests()).toBe(0)
    expect(world.storedToken()).toBe(original)
    const error = errorText(result)
    expect(error).toContain(`"github-api-url" is "${webAddress}"`)
    expect(error).toContain(`Set "github-api-url" to ${world.github.apiUrl}`)
    expect(error).not.toMatch(/cannot see it|does not exist|<html/)
  })

  const page = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'
  it.each([
    [
      'without',
      'proxy' as const,
      /127\.0\.0\.1:\d+ answered HTTP 502 \(server: nginx\) without the x-github-request-id header/,
      'did not come from GitHub',
    ],
    [
      'with',
      'github' as const,
      /GitHub answered HTTP 502 \(x-github-request-id [0-9A-F:]+\)/,
      "This is a fault on GitHub's side",
    ],
  ])('tells a 502 page %s x-github-request-id apart', async (_, from, origin, blame) => {
    await start()
    world.github.injectFaults(
      ...Array.from({ length: 10 }, () => ({
        on: 'public-key' as const,
        status: 502,
        text: page,
        contentType: 'text/html',
        headers: { server: 'nginx' },
        from,
      })),
    )
    const result = await run({ inputs: { 'retry-budget-seconds': '2' } })

    expect(result.exitCode).toBe(1)
    expect(tokenRequests()).toBe(0)
    const error = errorText(result)
    expect(error).toMatch(origin)
    expect(error).toContain(blame)
    expect(error).not.toContain('<html')
  })
})

describe('the write fails for good after the rotation', () => {
  it('leaves a recovery value that, stored as the message says, restores the integration', async () => {
    await start()
    world.github.injectFaults(
      ...Array.from({ length: 10 }, () => ({
        on: 'put' as const,
        secret: SECRET_NAME,
        status: 503,
        body: { message: 'Unavailable' },
      })),
    )
    const result = await run({ inputs: { 'retry-budget-seconds': '2' } })

    expect(result.exitCode).toBe(1)
    const error = errorText(result)
    expect(error).toContain('the new token was NOT stored')
    expect(error).toMatch(/old token is still accepted until .* a re-run before then is safe/)
    // The recovery value was printed before the first write attempt, in a collapsed group.
    const group = result.stdout.indexOf('::group::Recovery value for ATLASSIAN_REFRESH_TOKEN')
    expect(group).toBeGreaterThan(-1)
    expect(result.outputs['recovery-encrypted-value']).toBeDefined()
    expect(
      result.stdout.indexOf(result.outputs['recovery-encrypted-value'] ?? '-'),
    ).toBeGreaterThan(group)
    expect(result.summary).toContain(result.outputs['recovery-encrypted-value'])

    // GitHub is back; the person stores the value exactly as the message says.
    world.github.clearFaults()
    const command = parseGhApi(recoveryCommandIn(error))
    expect(command.method).toBe('PUT')
    const stored = await request(requestUrl(command, world.github.apiUrl), {
      method: 'PUT',
      headers: { authorization: `token ${GITHUB_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(command.strings)),
    })
    await stored.body.dump()
    expect(stored.statusCode).toBe(204)
    expect(status(world.storedToken())).toBe('newest')

    world.clock.advance(3 * 24 * 60 * MINUTE)
    expect((await run()).exitCode).toBe(0)
  })
})

describe('the stale-token guard', () => {
  /** Another run rotates the token a minute after this run was queued, and stores its new one. */
  function anotherRunRotatesAfterQueueing(): { queuedAt: number; heldToken: string } {
    const queuedAt = world.clock.now()
    const heldToken = world.storedToken() ?? ''
    world.clock.advance(MINUTE)
    const outcome = world.atlassian.authority.refresh(CLIENT_ID, heldToken)
    if (!outcome.ok || !outcome.tokens.refreshToken) throw new Error('setup: rotation failed')
    world.github.setSecret(REPOSITORY, SECRET_NAME, outcome.tokens.refreshToken)
    known.push(outcome.tokens.refreshToken)
    return { queuedAt, heldToken }
  }

  it.each([
    ['inside the leeway', 2 * MINUTE],
    ['after the leeway', 15 * MINUTE],
  ])(
    'never presents a token superseded by another run (%s), and says nothing is lost',
    async (_, later) => {
      await start()
      const { queuedAt, heldToken } = anotherRunRotatesAfterQueueing()
      const newest = world.storedToken()
      world.clock.advance(later)

      const result = await run({ queuedAt, inputs: { 'refresh-token': heldToken } })

      expect(result.exitCode).toBe(1)
      expect(tokenRequests()).toBe(0) // the superseded token was never presented
      expect(status(newest)).toBe('newest') // so the consent is intact
      expect(world.storedToken()).toBe(newest)
      expect(result.outputs).toMatchObject({
        outcome: 'superseded',
        rotated: 'false',
        'secret-updated': 'false',
      })
      const error = errorText(result)
      expect(error).toContain('Another rotation got there first')
      expect(error).toContain('It was not sent to Atlassian')
      expect(error).toContain('Nothing is lost: the secret holds the newer token.')
      expect(error).toContain('still works: this run did not replace it')
      expect(error).toContain('re-run the workflow')
      expect(result.summary).toContain('superseded by another rotation')
      // The re-run the message asks for reads the current secret and succeeds.
      expect((await run()).exitCode).toBe(0)
      expect(status(world.storedToken())).toBe('newest')
    },
  )

  it('lets a scheduled rotation pass when superseded, with "on-superseded: succeed"', async () => {
    await start()
    const { queuedAt, heldToken } = anotherRunRotatesAfterQueueing()
    const newest = world.storedToken()

    const result = await run({
      queuedAt,
      inputs: { 'refresh-token': heldToken, 'on-superseded': 'succeed' },
    })

    expect(result.exitCode).toBe(0)
    expect(result.errors).toEqual([])
    expect(tokenRequests()).toBe(0)
    expect(world.storedToken()).toBe(newest)
    expect(result.outputs['outcome']).toBe('superseded')
    expect(result.stdout).toMatch(
      /^::notice title=Superseded by another rotation::Another rotation got there first/m,
    )
  })

  it('goes ahead with a warning naming the missing permission, and the case it leaves open', async () => {
    await start({ workflowActions: 'none' })
    const result = await run()

    expect(result.exitCode).toBe(0)
    const warning = result.warnings.join('\n')
    expect(warning).toContain('Could not check whether another rotation rewrote')
    expect(warning).toContain('A run that waited in a concurrency group behind another rotation')
    expect(warning).toContain('actions: read')
    expect(result.summary).toContain('skipped')
  })

  it('without the run, still stops for a rewrite after the step started', async () => {
    await start({ workflowActions: 'none' })
    const heldToken = world.storedToken() ?? ''
    // Another rotation writes while this step waits for the secret's metadata, a little over a
    // second after the step started: certainly after the token in hand was read.
    let release = (): void => {}
    world.github.injectFaults({
      on: 'metadata',
      secret: SECRET_NAME,
      hold: new Promise<void>((resolve) => {
        release = resolve
      }),
    })
    const running = run()
    setTimeout(() => {
      const outcome = world.atlassian.authority.refresh(CLIENT_ID, heldToken)
      if (!outcome.ok || !outcome.tokens.refreshToken) throw new Error('setup: rotation failed')
      world.github.setSecret(REPOSITORY, SECRET_NAME, outcome.tokens.refreshToken)
      known.push(outcome.tokens.refreshToken)
      release()
    }, 2500)
    const result = await running

    expect(result.exitCode).toBe(1)
    expect(tokenRequests()).toBe(0)
    expect(result.outputs['outcome']).toBe('superseded')
    expect(errorText(result)).toContain('after this step started')
    expect(status(world.storedToken())).toBe('newest')
  })
})

describe('two rotations that overlap', () => {
  it('says so loudly when the secret is written again right after this run wrote it', async () => {
    await start()
    const heldToken = world.storedToken() ?? ''
    // The other rotation presents the same token (the previous one, inside the leeway) after this
    // run did, and writes its token a few seconds after this run's write.
    world.github.injectFaults({
      on: 'put',
      secret: SECRET_NAME,
      after: () => {
        const other = world.atlassian.authority.refresh(CLIENT_ID, heldToken)
        if (!other.ok || !other.tokens.refreshToken) throw new Error('setup: rotation failed')
        world.clock.advance(5_000)
        world.github.setSecret(REPOSITORY, SECRET_NAME, other.tokens.refreshToken)
        known.push(other.tokens.refreshToken)
      },
    })
    const result = await run()

    expect(result.exitCode).toBe(1)
    expect(result.outputs['outcome']).toBe('rotated')
    expect(result.outputs['secret-updated']).toBe('true')
    const error = errorText(result)
    expect(error).toMatch(
      /Two rotations of this token overlapped: this run wrote its new refresh token to ATLASSIAN_REFRESH_TOKEN at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, and something else wrote ATLASSIAN_REFRESH_TOKEN again at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/,
    )
    expect(error).toContain('Check which rotation refreshed last: this run sent its refresh at')
    expect(error).toContain('concurrency:')
    expect(result.stdout).toMatch(
      /^::error title=Two rotations overlapped::Two rotations of this token overlapped/m,
    )
    // This run's token, sealed, stays at hand (outputs and log) while the question is open.
    expect(result.outputs['recovery-encrypted-value']).toBeDefined()
    // Here the other run refreshed last, so the secret holds the newest token, as the message
    // says can happen.
    expect(status(world.storedToken())).toBe('newest')
  })

  it('does not overwrite a token another rotation stored while this run waited to retry its write', async () => {
    await start()
    const heldToken = world.storedToken() ?? ''
    let theirs = ''
    // This run refreshed (its token is issued); its first write fails. Meanwhile another rotation,
    // started later from the same token, refreshes (the previous token, inside the leeway: its
    // token is the newest) and stores its token.
    world.github.injectFaults({
      on: 'put',
      secret: SECRET_NAME,
      status: 502,
      body: { message: 'Server Error' },
      headers: { 'retry-after': '0' },
      before: () => {
        const other = world.atlassian.authority.refresh(CLIENT_ID, heldToken)
        if (!other.ok || !other.tokens.refreshToken) throw new Error('setup: rotation failed')
        theirs = other.tokens.refreshToken
        known.push(theirs)
        world.clock.advance(5_000)
        world.github.setSecret(REPOSITORY, SECRET_NAME, theirs)
      },
    })
    const result = await run()

    // The newest token, the other rotation's, stays; this run's is kept sealed for the person.
    expect(world.storedToken()).toBe(theirs)
    expect(status(theirs)).toBe('newest')
    expect(putsOf()).toHaveLength(1)
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toMatchObject({ outcome: 'failed', 'secret-updated': 'false' })
    expect(result.outputs['recovery-encrypted-value']).toBeDefined()
    const error = errorText(result)
    expect(error).toMatch(
      /Two rotations of this token overlapped: ATLASSIAN_REFRESH_TOKEN was written at .* UTC by another rotation, .* and after this run sent its own refresh at .* UTC/,
    )
    expect(error).toContain('this run did not overwrite the secret')
    expect(error).toContain('may not hold the newest of their tokens')
    // Its recovery command would store nothing over the secret as it is now, unless it stays so.
    expect(error).toMatch(/if \[ "\$\(gh api .* --jq '\.updated_at'\)" = '[^']+' \]; then gh api/)
  })

  it('a write retried after a lost answer is no overlap, even for a secret it created', async () => {
    await start()
    const name = 'ATLASSIAN_REFRESH_TOKEN_FIRST'
    // The first write creates the secret, then its answer is lost; the retry updates it.
    world.github.injectFaults({ on: 'put', secret: name, loseAnswer: true })
    const result = await run({ inputs: { 'secret-name': name } })

    expect(result.exitCode).toBe(0)
    expect(result.outputs['outcome']).toBe('rotated')
    expect(putsOf(name)).toHaveLength(2)
    expect(status(world.github.secret(REPOSITORY, name)?.value)).toBe('newest')
  })

  it('says so when a secret this run saw absent was created before its write', async () => {
    await start()
    const name = 'ATLASSIAN_REFRESH_TOKEN_NEW'
    world.github.injectFaults({
      on: 'put',
      secret: name,
      before: () => {
        world.github.setSecret(REPOSITORY, name, 'written-by-someone-else')
      },
    })
    const result = await run({ inputs: { 'secret-name': name } })

    expect(result.exitCode).toBe(1)
    const error = errorText(result)
    expect(error).toContain(`${name} did not exist when this run checked it`)
    expect(error).toContain('GitHub said it updated an existing secret')
    expect(status(world.github.secret(REPOSITORY, name)?.value)).toBe('newest')
  })
})
