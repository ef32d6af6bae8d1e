import { processTokenResponse } from '../../src/atlassian/token-endpoint.js'
import { ActionError, OAuthError } from '../../src/errors.js'
import type { HttpAnswer } from '../../src/http.js'
import { SecretValues } from '../../src/secrets.js'

const TOKEN_URL = new URL('https://auth.atlassian.com/oauth/token')
const ACCESS = 'eyJhbGciOi.access-token-value.sig'
const REFRESH = 'eyJhbGciOi.refresh-token-value.sig'

function answer(status: number, body: unknown, contentType = 'application/json'): HttpAnswer {
  return {
    status,
    headers: { 'content-type': contentType },
    contentType,
    location: undefined,
    retryAfter: undefined,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }
}

function setup(): { masked: string[]; secrets: SecretValues } {
  const masked: string[] = []
  return { masked, secrets: new SecretValues((value) => masked.push(value)) }
}

function failure(a: HttpAnswer, secrets = setup().secrets): ActionError {
  try {
    processTokenResponse(a, TOKEN_URL, secrets)
  } catch (error) {
    if (error instanceof ActionError) return error
    throw error
  }
  throw new Error('expected the answer to be refused')
}

describe('processTokenResponse', () => {
  it('returns the tokens of a valid answer and masks both tokens', () => {
    const { masked, secrets } = setup()
    const tokens = processTokenResponse(
      answer(200, {
        access_token: ACCESS,
        refresh_token: REFRESH,
        expires_in: 3600,
        scope: 'a b',
        token_type: 'Bearer',
      }),
      TOKEN_URL,
      secrets,
    )
    expect(tokens).toEqual({
      accessToken: ACCESS,
      refreshToken: REFRESH,
      expiresIn: 3600,
      scope: 'a b',
      tokenType: 'Bearer',
    })
    expect(masked).toEqual([ACCESS, REFRESH])
  })

  it('accepts expires_in as a numeric string, and answers without refresh_token, scope or token_type', () => {
    const tokens = processTokenResponse(
      answer(200, { access_token: ACCESS, expires_in: '3600' }),
      TOKEN_URL,
      setup().secrets,
    )
    expect(tokens).toEqual({
      accessToken: ACCESS,
      refreshToken: undefined,
      expiresIn: 3600,
      scope: undefined,
      tokenType: undefined,
    })
  })

  it.each([
    ['no access_token', { expires_in: 3600 }, '"access_token" is missing'],
    ['an empty access_token', { access_token: '', expires_in: 3600 }, '"access_token" is missing'],
    ['a numeric access_token', { access_token: 42, expires_in: 3600 }, '"access_token" is missing'],
    ['no expires_in', { access_token: ACCESS }, '"expires_in" is missing'],
    ['a negative expires_in', { access_token: ACCESS, expires_in: -5 }, '"expires_in"'],
    ['a non-numeric expires_in', { access_token: ACCESS, expires_in: 'soon' }, '"expires_in"'],
    [
      'a refresh_token with spaces',
      { access_token: ACCESS, refresh_token: 'a b', expires_in: 1 },
      '"refresh_token" is not a token',
    ],
    [
      'a numeric refresh_token',
      { access_token: ACCESS, refresh_token: 7, expires_in: 1 },
      '"refresh_token" is not a token',
    ],
    [
      'a MAC token type',
      { access_token: ACCESS, expires_in: 1, token_type: 'mac' },
      '"token_type" is not "Bearer"',
    ],
    [
      'a scope that is not a string',
      { access_token: ACCESS, expires_in: 1, scope: ['a'] },
      '"scope" is not a string',
    ],
    ['a JSON array', [ACCESS], 'not a JSON object'],
  ])('refuses a 200 answer with %s, nothing stored', (_, body, message) => {
    const error = failure(answer(200, body))
    expect(error.code).toBe('INVALID_TOKEN_RESPONSE')
    expect(error.message).toContain(message)
    expect(error.message).toContain('Nothing was stored')
    expect(error.tokenState).toBe('maybe-rotated')
  })

  it('quotes an HTML answer by status, content type and first bytes, with secrets removed', () => {
    const { secrets } = setup()
    secrets.add('client-secret-xyz')
    const html = `<html><body>Sign in again. client_secret=client-secret-xyz ${'x'.repeat(400)}</body></html>`
    const error = failure(answer(200, html, 'text/html; charset=utf-8'), secrets)
    expect(error.message).toContain('HTTP 200')
    expect(error.message).toContain('text/html; charset=utf-8')
    expect(error.message).toContain('<html><body>Sign in again. client_secret=***')
    expect(error.message).not.toContain('client-secret-xyz')
    expect(error.message.length).toBeLessThan(700)
  })

  it('masks tokens from an answer it then refuses', () => {
    const { masked, secrets } = setup()
    const error = failure(
      answer(200, { access_token: ACCESS, refresh_token: REFRESH, expires_in: 'later' }),
      secrets,
    )
    expect(masked).toEqual([ACCESS, REFRESH])
    expect(error.message).not.toContain(ACCESS)
    expect(error.message).not.toContain(REFRESH)
    expect(error.message).toContain('***')
  })

  it('explains invalid_grant with its causes and the way back', () => {
    const error = failure(
      answer(403, {
        error: 'invalid_grant',
        error_description: 'Unknown or invalid refresh token.',
      }),
    )
    expect(error).toBeInstanceOf(OAuthError)
    expect(error).toMatchObject({
      code: 'OAUTH_INVALID_GRANT',
      tokenState: 'rejected',
      error: 'invalid_grant',
      status: 403,
    })
    expect(error.message).toContain('"invalid_grant" ("Unknown or invalid refresh token.")')
    for (const cause of ['already used', '90 days', '365 days', 'revoked'])
      expect(error.message).toContain(cause)
    expect(error.nextStep).toContain('Consent again')
    expect(error.nextStep).toContain('concurrency:')
  })

  it('treats unauthorized_client like invalid_grant (reported for an already-rotated token)', () => {
    expect(failure(answer(403, { error: 'unauthorized_client' })).code).toBe('OAUTH_INVALID_GRANT')
  })

  it.each(['access_denied', 'invalid_client'])(
    'reports %s as a client credentials problem; the token is unchanged',
    (code) => {
      const error = failure(answer(401, { error: code, error_description: 'Unauthorized' }))
      expect(error).toMatchObject({ code: 'OAUTH_INVALID_CLIENT', tokenState: 'unchanged' })
      expect(error.nextStep).toContain('"client-id" and "client-secret"')
    },
  )

  it('passes other OAuth errors through with their description', () => {
    const error = failure(
      answer(400, { error: 'invalid_request', error_description: 'Missing parameter' }),
    )
    expect(error).toMatchObject({ code: 'OAUTH_ERROR' })
    expect(error.message).toContain('"invalid_request" ("Missing parameter")')
  })

  it('scrubs known secrets from error descriptions', () => {
    const { secrets } = setup()
    secrets.add(REFRESH)
    const error = failure(
      answer(403, { error: 'invalid_grant', error_description: `token ${REFRESH} is unknown` }),
      secrets,
    )
    expect(error.message).toContain('token *** is unknown')
  })

  it.each([
    [502, 'maybe-rotated'],
    [500, 'maybe-rotated'],
    [404, 'unchanged'],
    [429, 'unchanged'],
  ] as const)('reports HTTP %i without an OAuth body; token %s', (status, state) => {
    const error = failure(answer(status, '<h1>Bad gateway</h1>', 'text/html'))
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_HTTP', tokenState: state })
    expect(error.message).toContain(`HTTP ${status}`)
    expect(error.message).toContain('<h1>Bad gateway</h1>')
  })

  it('refuses a redirect and names where it pointed, without its query', () => {
    const error = failure({
      ...answer(302, ''),
      location: 'https://evil.example/collect?client_secret=x',
    })
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_HTTP', tokenState: 'unchanged' })
    expect(error.message).toContain('redirect (HTTP 302 to https://evil.example/collect)')
    expect(error.message).not.toContain('client_secret=x')
  })
})
