/**
 * The consent's modules against loopback servers, over real HTTP: the authorization-code grant
 * against the Atlassian emulator, the local callback listener as a browser meets it, and the
 * repository variable that keeps the consent date against the GitHub emulator (held to GitHub's
 * OpenAPI description).
 */
import { request } from 'undici'
import { authorizationCodeGrant, consentUrl, newState } from '../../src/atlassian/authorization.js'
import { isLoopbackCallback, listenForCallback } from '../../src/cli/callback-server.js'
import { isLoopbackHost } from '../../src/common/endpoint-url.js'
import { CliError } from '../../src/cli/exit-codes.js'
import { ActionError } from '../../src/common/errors.js'
import { createGitHubClient } from '../../src/github/client.js'
import { readVariable, writeVariable } from '../../src/github/variables.js'
import { openNetwork } from '../../src/common/network.js'
import type { Clock } from '../../src/common/retry.js'
import { SecretValues } from '../../src/common/secrets.js'
import { AtlassianEmulator } from '../../emulators/atlassian.js'
import { ManualClock } from '../../emulators/clock.js'
import { GitHubEmulator } from '../../emulators/github.js'
import { loadGitHubContract } from '../../emulators/openapi-contract.js'
import { freePort } from '../support/cli.js'

const CALLBACK = 'https://example.atlassian.net/wiki/'
const instantClock: Clock = { now: () => Date.now(), sleep: () => Promise.resolve() }
const retry = {
  clock: instantClock,
  deadline: Date.now() + 60_000,
  maxAttempts: 3,
  baseDelayMs: 1,
  maxDelayMs: 1,
  random: () => 0.5,
}

describe('authorizationCodeGrant', () => {
  let atlassian: AtlassianEmulator
  beforeEach(async () => {
    const clock = new ManualClock()
    atlassian = await new AtlassianEmulator({ now: () => clock.now() }).start()
    atlassian.registerApp('app', 'app-secret', undefined, { callbackUrl: CALLBACK })
  })
  afterEach(async () => {
    await atlassian.close()
  })

  /** What the browser brings back after the user accepts a consent for `scope`. */
  async function consent(scope = 'read:confluence-content.all'): Promise<string> {
    const state = newState()
    const address = consentUrl({
      authorizeUrl: new URL(atlassian.authorizeUrl),
      clientId: 'app',
      scope,
      redirectUri: CALLBACK,
      state,
    })
    const answer = await request(address)
    await answer.body.dump()
    const location = new URL(String(answer.headers['location']))
    expect(location.searchParams.get('state')).toBe(state)
    return location.searchParams.get('code') ?? ''
  }

  function grant(code: string, secrets = new SecretValues(() => {}), clientSecret = 'app-secret') {
    const tokenUrl = new URL(atlassian.tokenUrl)
    return authorizationCodeGrant(
      { tokenUrl, clientId: 'app', clientSecret, code, redirectUri: CALLBACK },
      { network: openNetwork({ env: {} }), timeoutMs: 5_000, maxBodyBytes: 64 * 1024 },
      secrets,
      retry,
    )
  }

  async function failure(promise: Promise<unknown>): Promise<ActionError> {
    const error: unknown = await promise.then(
      () => undefined,
      (e: unknown) => e,
    )
    if (!(error instanceof ActionError))
      throw new Error(`expected an ActionError: ${String(error)}`)
    return error
  }

  it('exchanges a code for the first tokens of a new consent, and masks the code and tokens', async () => {
    const masked: string[] = []
    const code = await consent()
    const tokens = await grant(code, new SecretValues((value) => masked.push(value)))

    expect(atlassian.authority.status(tokens.refreshToken)).toBe('newest')
    expect(tokens.scope).toBe('read:confluence-content.all offline_access')
    expect(masked).toEqual(expect.arrayContaining([code, tokens.refreshToken, tokens.accessToken]))
    expect(atlassian.requests.at(-1)?.body).toEqual({
      grant_type: 'authorization_code',
      client_id: 'app',
      client_secret: 'app-secret',
      code,
      redirect_uri: CALLBACK,
    })
  })

  it('says a reused code works once', async () => {
    const code = await consent()
    await grant(code)
    const error = await failure(grant(code))

    expect(error.code).toBe('OAUTH_INVALID_GRANT')
    expect(error.message).toContain('refused the authorization code: HTTP 403, "invalid_grant"')
    expect(error.message).toContain('A code works once')
  })

  it('refuses an answer without a refresh token, naming offline_access', async () => {
    // The emulator's consent page takes the scope as given: drop offline_access on the way.
    const state = newState()
    const address = consentUrl({
      authorizeUrl: new URL(atlassian.authorizeUrl),
      clientId: 'app',
      scope: 'read:a',
      redirectUri: CALLBACK,
      state,
    })
    address.search = address.search.replace('%20offline_access', '')
    const answer = await request(address)
    await answer.body.dump()
    const code = new URL(String(answer.headers['location'])).searchParams.get('code') ?? ''
    const error = await failure(grant(code))

    expect(error.code).toBe('NO_REFRESH_TOKEN')
    expect(error.message).toContain('offline_access')
    expect(error.message).toContain('(granted scopes: read:a)')
  })

  it('tells wrong app credentials apart', async () => {
    const error = await failure(grant(await consent(), undefined, 'wrong-secret'))
    expect(error.code).toBe('OAUTH_INVALID_CLIENT')
    expect(error.nextStep).toContain('ATLASSIAN_CLIENT_SECRET')
  })

  it('retries a 503 the server refused unprocessed', async () => {
    const code = await consent()
    atlassian.injectFaults({ kind: 'answer', status: 503, body: '{}' })
    const tokens = await grant(code)
    expect(atlassian.authority.status(tokens.refreshToken)).toBe('newest')
  })

  it('after a lost answer, says the retry met a code the first attempt had used', async () => {
    const code = await consent()
    atlassian.injectFaults({ kind: 'lose-answer' })
    const error = await failure(grant(code))
    expect(error.code).toBe('OAUTH_INVALID_GRANT')
    expect(error.message).toContain('An earlier attempt of this run may have reached Atlassian')
  })

  it('keeps the first refresh token of an answer without access token, and warns', async () => {
    const code = await consent()
    atlassian.injectFaults({
      kind: 'shape-answer',
      shape: (issued) => ({
        status: 200,
        body: JSON.stringify({ refresh_token: issued.refreshToken, token_type: 'bearer' }),
      }),
    })
    const tokens = await grant(code)
    expect(atlassian.authority.status(tokens.refreshToken)).toBe('newest')
    expect(tokens.accessToken).toBeUndefined()
    expect(tokens.warnings).toEqual([
      expect.stringContaining('no usable access token'),
      expect.stringContaining('no "expires_in"'),
    ])
  })

  it('names only the scope names of an answer without refresh token, never another word of it', async () => {
    const code = await consent()
    atlassian.injectFaults({
      kind: 'shape-answer',
      shape: (issued) => ({
        status: 200,
        body: JSON.stringify({
          access_token: issued.accessToken,
          expires_in: 3600,
          scope: 'read:a Stray0Credential0Word',
        }),
      }),
    })
    const error = await failure(grant(code))
    expect(error.code).toBe('NO_REFRESH_TOKEN')
    expect(error.message).toContain('(granted scopes: read:a, and 1 word not shown)')
    expect(error.message).not.toContain('Stray0Credential0Word')
  })

  it('describes an answer that is not a token answer by status, content type and length', async () => {
    const code = await consent()
    const page = '<html><body>Please sign in</body></html>'
    atlassian.injectFaults({
      kind: 'replace-answer',
      status: 200,
      body: page,
      contentType: 'text/html',
    })
    const error = await failure(grant(code))
    expect(error.code).toBe('INVALID_TOKEN_RESPONSE')
    expect(error.message).toContain(`answered HTTP 200, text/html, ${page.length} bytes`)
    expect(error.message).not.toContain('sign in')
    expect(error.nextStep).toContain('--token-url')
  })

  it('does not quote an error code outside RFC 6749 §5.2', async () => {
    const code = await consent()
    atlassian.injectFaults({
      kind: 'answer',
      status: 400,
      body: JSON.stringify({ error: 'odd\ncode', error_description: 'Bad "thing"' }),
    })
    const error = await failure(grant(code))
    expect(error.code).toBe('OAUTH_ERROR')
    expect(error.message).toContain('HTTP 400, an error code that is not printable.')
    expect(error.message).not.toContain('thing')
  })

  it('answers the consent page with an error page, not a redirect, for an unknown callback', async () => {
    const address = consentUrl({
      authorizeUrl: new URL(atlassian.authorizeUrl),
      clientId: 'app',
      scope: 'read:a',
      redirectUri: 'https://attacker.example/',
      state: newState(),
    })
    const answer = await request(address)
    expect(answer.statusCode).toBe(400)
    expect(await answer.body.text()).toContain("redirect_uri is not the app's callback URL")
  })
})

describe('the local callback listener', () => {
  it('takes one answer on the callback path, turns the rest away, and stops listening', async () => {
    const port = await freePort()
    const callback = new URL(`http://localhost:${port}/callback`)
    expect(isLoopbackCallback(callback)).toBe(true)
    const listener = await listenForCallback(callback, (address) => ({
      ok: address.includes('code='),
      message: 'Checked.',
    }))
    const get = async (path: string, host = `localhost:${port}`) => {
      const answer = await request(`http://127.0.0.1:${port}${path}`, { headers: { host } })
      return { status: answer.statusCode, headers: answer.headers, text: await answer.body.text() }
    }
    try {
      expect((await get('/favicon.ico')).status).toBe(404)
      // A page elsewhere that made the browser resolve its own name to 127.0.0.1 (DNS rebinding).
      expect((await get('/callback?code=x&state=y', `evil.example:${port}`)).status).toBe(421)
      const page = await get('/callback?code=c0de&state=s')
      expect(page.status).toBe(200)
      expect(page.text).toContain('You can close this tab')
      expect(page.headers['referrer-policy']).toBe('no-referrer')
      expect(page.headers['cache-control']).toBe('no-store')
      expect(await listener.received).toBe(`http://localhost:${port}/callback?code=c0de&state=s`)
    } finally {
      await listener.close()
    }
    await expect(get('/callback?code=again&state=s')).rejects.toThrow()
  })

  it('says clearly when the port is taken', async () => {
    const port = await freePort()
    const callback = new URL(`http://127.0.0.1:${port}/callback`)
    const first = await listenForCallback(callback, () => ({ ok: true, message: '' }))
    try {
      const error: unknown = await listenForCallback(callback, () => ({
        ok: true,
        message: '',
      })).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(CliError)
      expect((error as CliError).exitCode).toBe(3)
      expect((error as CliError).message).toContain(`port ${port} on 127.0.0.1 is in use`)
    } finally {
      await first.close()
    }
  })

  it('listens for http callbacks on exactly the hosts plain http is accepted for', () => {
    for (const [url, listens] of [
      ['http://127.0.0.1:8765/cb', true],
      ['http://127.45.6.7:8765/cb', true],
      ['http://127.1:8765/cb', true],
      ['http://[::1]:8765/cb', true],
      ['http://[0:0:0:0:0:0:0:1]:8765/cb', true],
      ['http://LOCALHOST:8765/cb', true],
      ['https://localhost:8765/cb', false],
      ['http://[::ffff:127.0.0.1]:8765/cb', false],
      ['http://128.0.0.1:8765/cb', false],
      ['http://example.atlassian.net/', false],
    ] as const) {
      const callback = new URL(url)
      expect([url, isLoopbackCallback(callback)]).toEqual([url, listens])
      expect([url, isLoopbackHost(callback.hostname)]).toEqual([
        url,
        listens || url.startsWith('https://localhost'),
      ])
    }
  })

  // Linux routes all of 127.0.0.0/8 to the loopback interface; other systems may not.
  const linuxOnly = process.platform === 'linux' ? it : it.skip
  linuxOnly('catches the answer at another address of 127.0.0.0/8', async () => {
    const port = await freePort()
    const callback = new URL(`http://127.0.0.2:${port}/callback`)
    const listener = await listenForCallback(callback, () => ({ ok: true, message: 'Checked.' }))
    try {
      const answer = await request(`http://127.0.0.2:${port}/callback?code=c&state=s`)
      expect(answer.statusCode).toBe(200)
      await answer.body.dump()
      expect(await listener.received).toBe(`http://127.0.0.2:${port}/callback?code=c&state=s`)
    } finally {
      await listener.close()
    }
  })
})

describe('the consent date variable', () => {
  it('is created, then updated, with the documented requests', async () => {
    const clock = new ManualClock()
    const contract = await loadGitHubContract()
    const github = await new GitHubEmulator(() => clock.now(), {
      contract: (method, path, body) => contract.check(method, path, body),
    }).start()
    github.addRepository('octo-org/sync').addToken('ghp_variables', {
      kind: 'fine-grained-pat',
      repositories: ['octo-org/sync'],
      secrets: 'none',
      variables: 'write',
    })
    const client = createGitHubClient({
      token: 'ghp_variables',
      baseUrl: github.apiUrl,
      network: openNetwork({ env: {} }),
      timeoutMs: 5_000,
    })
    const access = {
      github: client,
      repository: { owner: 'octo-org', repo: 'sync' },
      secrets: new SecretValues(() => {}),
      retry,
    }
    try {
      expect(await readVariable(access, 'ATLASSIAN_CONSENTED_AT')).toBeUndefined()
      expect(
        await writeVariable(access, { name: 'ATLASSIAN_CONSENTED_AT', value: '2026-01-31' }),
      ).toBe('created')
      expect(
        await writeVariable(access, { name: 'ATLASSIAN_CONSENTED_AT', value: '2027-01-15' }),
      ).toBe('updated')
      expect(await readVariable(access, 'ATLASSIAN_CONSENTED_AT')).toEqual({
        name: 'ATLASSIAN_CONSENTED_AT',
        value: '2027-01-15',
      })
      expect(github.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /repos/octo-org/sync/actions/variables/ATLASSIAN_CONSENTED_AT',
        'PATCH /repos/octo-org/sync/actions/variables/ATLASSIAN_CONSENTED_AT',
        'POST /repos/octo-org/sync/actions/variables',
        'PATCH /repos/octo-org/sync/actions/variables/ATLASSIAN_CONSENTED_AT',
        'GET /repos/octo-org/sync/actions/variables/ATLASSIAN_CONSENTED_AT',
      ])
      expect(github.contractViolations).toEqual([])
    } finally {
      await github.close()
    }
  })
})
