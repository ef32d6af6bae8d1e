/**
 * The token endpoint's answers, hand-picked: one case for each rule of reading, masking and
 * describing them (the generated ones are in token-response.property.test.ts).
 */
import { processTokenResponse, type TokenSet } from '../../src/atlassian/token-endpoint.js'
import { ActionError, OAuthError } from '../../src/common/errors.js'
import type { HttpAnswer } from '../../src/common/http.js'
import { SecretValues } from '../../src/common/secrets.js'
import { httpAnswer } from '../support/token-answers.js'

const TOKEN_URL = new URL('https://auth.atlassian.com/oauth/token')
const ACCESS = 'eyJhbGciOi.access-Token-value.sig0'
const REFRESH = 'eyJhbGciOi.refresh-Token-value.sig1'
const ID_TOKEN = 'eyJhbGciOi.id-Token-value.sig2'

const answer = (
  status: number,
  body: unknown,
  contentType = 'application/json',
  extra: Parameters<typeof httpAnswer>[3] = {},
): HttpAnswer =>
  httpAnswer(
    status,
    typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
    contentType,
    extra,
  )

const valid = {
  access_token: ACCESS,
  refresh_token: REFRESH,
  expires_in: 3600,
  scope: 'read:confluence-content.all offline_access',
  token_type: 'Bearer',
}

/** The complete answer without one of its fields. */
function without(field: keyof typeof valid): Record<string, unknown> {
  return Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field))
}

function setup(): { masked: string[]; secrets: SecretValues } {
  const masked: string[] = []
  return { masked, secrets: new SecretValues((value) => masked.push(value)) }
}

function tokensOf(a: HttpAnswer, secrets = setup().secrets): TokenSet {
  return processTokenResponse(a, TOKEN_URL, secrets)
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

/** Any 20 characters in a row of the body, found in what the error says, is a quote. */
function quotes(error: ActionError, body: string): string[] {
  const said = `${error.message}\n${error.nextStep}`
  const found: string[] = []
  for (let i = 0; i + 20 <= body.length; i += 1) {
    const window = body.slice(i, i + 20)
    if (said.includes(window)) found.push(window)
  }
  return found
}

describe('reading the body', () => {
  const json = JSON.stringify(valid)

  it.each([
    [
      'a UTF-8 byte order mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]),
    ],
    [
      'a UTF-16LE byte order mark',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]),
    ],
    [
      'a UTF-16BE byte order mark',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(json, 'utf16le').swap16()]),
    ],
    ['whitespace around it', `\r\n\t  ${json}  \n\n`],
  ])('reads an answer with %s', (_, body) => {
    expect(tokensOf(answer(200, body)).refreshToken).toBe(REFRESH)
  })

  it('reads UTF-16 without a byte order mark when the charset says so', () => {
    const body = Buffer.from(json, 'utf16le')
    expect(tokensOf(answer(200, body, 'application/json; charset=UTF-16LE')).refreshToken).toBe(
      REFRESH,
    )
  })

  it('lets a byte order mark win over a charset that says otherwise', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)])
    expect(tokensOf(answer(200, body, 'application/json; charset=utf-16le')).refreshToken).toBe(
      REFRESH,
    )
  })

  it('falls back to UTF-8 for a charset nobody knows', () => {
    expect(tokensOf(answer(200, json, 'application/json; charset="x-no-such"')).accessToken).toBe(
      ACCESS,
    )
  })

  it.each(['text/html', 'text/plain; charset=iso-8859-1', '', 'application/x-www-form-urlencoded'])(
    'reads JSON whatever the content type says (%s): proxies relabel answers',
    (contentType) => {
      expect(tokensOf(answer(200, json, contentType)).refreshToken).toBe(REFRESH)
    },
  )

  it('reads a form-encoded answer when it is labelled as one', () => {
    const body = new URLSearchParams({ ...valid, expires_in: '3600' }).toString()
    const { masked, secrets } = setup()
    const tokens = tokensOf(answer(200, body, 'application/x-www-form-urlencoded'), secrets)
    expect(tokens).toEqual({
      accessToken: ACCESS,
      refreshToken: REFRESH,
      expiresIn: 3600,
      scope: 'read:confluence-content.all offline_access',
      tokenType: 'Bearer',
      warnings: [],
    })
    expect(masked).toEqual([ACCESS, REFRESH])
  })

  it('refuses a form-encoded answer labelled as something else', () => {
    const body = new URLSearchParams(valid as unknown as Record<string, string>).toString()
    const error = failure(answer(200, body, 'text/plain'))
    expect(error.code).toBe('INVALID_TOKEN_RESPONSE')
    expect(error.message).toContain('it is not a JSON object')
  })

  it('refuses a form answer that names refresh_token twice: which one is the new token?', () => {
    const body = `access_token=${ACCESS}&refresh_token=${REFRESH}&refresh_token=${ID_TOKEN}`
    const { masked, secrets } = setup()
    const error = failure(answer(200, body, 'application/x-www-form-urlencoded'), secrets)
    expect(error).toMatchObject({ code: 'INVALID_TOKEN_RESPONSE', tokenState: 'maybe-rotated' })
    expect(error.message).toContain('"refresh_token" is a list, not a token')
    expect(masked).toEqual(expect.arrayContaining([ACCESS, REFRESH, ID_TOKEN]))
  })
})

describe('masking, before anything else', () => {
  it('masks every credential under any key and at any depth, and nothing that names a type, scope or lifetime', () => {
    const { masked, secrets } = setup()
    tokensOf(
      answer(200, {
        ...valid,
        id_token: ID_TOKEN,
        debug: { session: { keys: ['K3y0fSession00001', { deep: 'Deep0Secret0Value' }] } },
        count: 12,
      }),
      secrets,
    )
    expect(masked.sort()).toEqual(
      [ACCESS, REFRESH, ID_TOKEN, 'K3y0fSession00001', 'Deep0Secret0Value'].sort(),
    )
  })

  it('masks a word of the scope that is no scope name, and only it', () => {
    const { masked, secrets } = setup()
    const tokens = tokensOf(
      answer(200, { ...valid, scope: 'read:page:confluence Sneaky0Token0Here offline_access' }),
      secrets,
    )
    expect(masked).toContain('Sneaky0Token0Here')
    expect(masked).not.toContain('read:page:confluence')
    expect(masked).not.toContain('offline_access')
    expect(tokens.scope).toBe('read:page:confluence Sneaky0Token0Here offline_access')
  })

  it.each(['Bearer', 'bearer', 'MAC', 'DPoP', 'N_A'])(
    'leaves the token type %s unmasked',
    (type) => {
      const { masked, secrets } = setup()
      tokensOf(answer(200, { ...valid, token_type: type }), secrets)
      expect(masked).toEqual([ACCESS, REFRESH])
    },
  )

  it('masks a token type that is no known type name', () => {
    const { masked, secrets } = setup()
    tokensOf(answer(200, { ...valid, token_type: 'Str4ngeTypeValue' }), secrets)
    expect(masked).toContain('Str4ngeTypeValue')
  })

  it('masks expires_in when it is text that is not a number of seconds', () => {
    const { masked, secrets } = setup()
    tokensOf(answer(200, { ...valid, expires_in: 'Expires0Secret0Value' }), secrets)
    expect(masked).toContain('Expires0Secret0Value')
  })

  it('masks a multi-line value line by line, then whole (the runner masks within a line)', () => {
    const { masked, secrets } = setup()
    failure(
      answer(200, { ...valid, refresh_token: 'First0Line0Token\r\nSecond0Line0Token' }),
      secrets,
    )
    // Lines first, so that the whole value's ::add-mask:: line shows nothing not yet masked.
    expect(masked).toEqual([
      ACCESS,
      'First0Line0Token',
      'Second0Line0Token',
      'First0Line0Token\r\nSecond0Line0Token',
    ])
  })

  it("leaves an error answer's printable error, error_description and error_uri unmasked", () => {
    const { masked, secrets } = setup()
    failure(
      answer(403, {
        error: 'invalid_grant',
        error_description: 'Unknown or invalid refresh token.',
        error_uri: 'https://developer.atlassian.com/cloud/oauth/errors',
      }),
      secrets,
    )
    expect(masked).toEqual([])
  })

  it('masks error fields that are not RFC 6749 §5.2 text, and those of an answer claiming success', () => {
    const { masked, secrets } = setup()
    failure(
      answer(400, {
        error: 'Weird0Error\nCode0Value',
        error_description: 'say "no" Quoted0Description',
        error_uri: `https://errors.example/${'a'.repeat(2100)}`,
      }),
      secrets,
    )
    expect(masked).toEqual(
      expect.arrayContaining([
        'Weird0Error\nCode0Value',
        'Weird0Error',
        'Code0Value',
        'say "no" Quoted0Description',
        `https://errors.example/${'a'.repeat(2100)}`,
      ]),
    )

    const success = setup()
    tokensOf(answer(200, { ...valid, error: 'Odd0Error0In0Success' }), success.secrets)
    expect(success.masked).toContain('Odd0Error0In0Success')
  })

  it('masks the tokens of an answer it then refuses, of any status', () => {
    for (const status of [200, 400, 502]) {
      const { masked, secrets } = setup()
      failure(
        answer(status, { refresh_token: 42, access_token: ACCESS, id_token: ID_TOKEN }),
        secrets,
      )
      expect(masked).toEqual(expect.arrayContaining([ACCESS, ID_TOKEN]))
    }
  })

  it('walks nesting deeper than the call stack goes, and refuses it as an ActionError', () => {
    const { masked, secrets } = setup()
    const depth = 200_000
    const body = `${'['.repeat(depth)}"Deep0Nested0Token"${']'.repeat(depth)}`
    const error = failure(answer(200, body), secrets)
    expect(error.code).toBe('INVALID_TOKEN_RESPONSE')
    expect(masked).toEqual(['Deep0Nested0Token'])
  })

  it('skips values under 4 characters: they cannot be told from ordinary words in a log', () => {
    const { masked, secrets } = setup()
    tokensOf(answer(200, { ...valid, note: 'ok', other: '  abcd  ' }), secrets)
    expect(masked).toEqual([ACCESS, REFRESH, 'abcd'])
  })
})

describe('what a usable answer gives', () => {
  it('returns every field of a complete answer, without warnings', () => {
    expect(tokensOf(answer(200, valid))).toEqual({
      accessToken: ACCESS,
      refreshToken: REFRESH,
      expiresIn: 3600,
      scope: 'read:confluence-content.all offline_access',
      tokenType: 'Bearer',
      warnings: [],
    })
  })

  it('keeps the new refresh token of a 200 without expires_in, and says the lifetime is unknown', () => {
    const rest = without('expires_in')
    const tokens = tokensOf(answer(200, rest))
    expect(tokens.refreshToken).toBe(REFRESH)
    expect(tokens.expiresIn).toBeUndefined()
    expect(tokens.warnings).toHaveLength(1)
    expect(tokens.warnings[0]).toContain('no "expires_in"')
    expect(tokens.warnings[0]).toContain('RFC 6749 §5.1')
    expect(tokens.warnings[0]).toContain('lifetime is unknown')
    expect(tokens.warnings[0]).toContain('expires-in and expires-at are empty')
  })

  it.each([
    ['3600', 3600],
    [' 3600 ', 3600],
    [3599.9, 3599],
    ['3599.5', 3599],
    [1, 1],
    [366 * 24 * 3600, 366 * 24 * 3600],
  ])('reads expires_in %j as %i seconds', (value, seconds) => {
    const tokens = tokensOf(answer(200, { ...valid, expires_in: value }))
    expect(tokens.expiresIn).toBe(seconds)
    expect(tokens.warnings).toEqual([])
  })

  it.each([
    [-5, 'a negative number'],
    [0, 'less than one second'],
    [0.5, 'less than one second'],
    [1e12, 'more than 366 days'],
    ['soon', 'a string that is not a number'],
    ['1e3', 'a string that is not a number'],
    [true, 'true or false'],
    [{}, 'an object'],
  ])('keeps the tokens of an answer whose expires_in is %j, with a warning (%s)', (value, what) => {
    const tokens = tokensOf(answer(200, { ...valid, expires_in: value }))
    expect(tokens.refreshToken).toBe(REFRESH)
    expect(tokens.expiresIn).toBeUndefined()
    expect(tokens.warnings).toEqual([expect.stringContaining(`not a lifetime (${what})`)])
  })

  it.each(['bearer', 'BEARER', 'Bearer'])(
    'takes the token type %s as given, without a warning',
    (type) => {
      const tokens = tokensOf(answer(200, { ...valid, token_type: type }))
      expect(tokens.tokenType).toBe(type)
      expect(tokens.warnings).toEqual([])
    },
  )

  it('carries on without token_type, with a warning', () => {
    const rest = without('token_type')
    const tokens = tokensOf(answer(200, rest))
    expect(tokens.tokenType).toBeUndefined()
    expect(tokens.refreshToken).toBe(REFRESH)
    expect(tokens.warnings).toEqual([expect.stringContaining('gave no "token_type"')])
  })

  it('carries on with a "mac" token type, with a warning that does not quote it', () => {
    const tokens = tokensOf(answer(200, { ...valid, token_type: 'mac' }))
    expect(tokens.tokenType).toBe('mac')
    expect(tokens.refreshToken).toBe(REFRESH)
    expect(tokens.warnings).toHaveLength(1)
    expect(tokens.warnings[0]).toContain('is not "Bearer" (a string of 3 characters)')
    expect(tokens.warnings[0]).not.toMatch(/mac/i)
  })

  it('carries on with a token type that is not text, with a warning', () => {
    const tokens = tokensOf(answer(200, { ...valid, token_type: 7 }))
    expect(tokens.tokenType).toBeUndefined()
    expect(tokens.warnings).toEqual([expect.stringContaining('is not "Bearer" (a number)')])
  })

  it('reads a scope that is not text as unknown, with a warning; a missing one silently', () => {
    const listed = tokensOf(answer(200, { ...valid, scope: ['read:me'] }))
    expect(listed.scope).toBeUndefined()
    expect(listed.warnings).toEqual([expect.stringContaining('"scope" as a list')])

    const rest = without('scope')
    const missing = tokensOf(answer(200, { ...rest, other: null }))
    expect(missing.scope).toBeUndefined()
    expect(missing.warnings).toEqual([])
    expect(tokensOf(answer(200, { ...valid, scope: null })).warnings).toEqual([])
  })

  it('keeps the refresh token of a 200 without access_token, and says there is no access token', () => {
    const rest = without('access_token')
    const tokens = tokensOf(answer(200, rest))
    expect(tokens.refreshToken).toBe(REFRESH)
    expect(tokens.accessToken).toBeUndefined()
    expect(tokens.warnings).toEqual([expect.stringContaining('no usable access token')])
    expect(tokens.warnings[0]).toContain('the refresh token is kept')
  })

  it.each([
    ['a number', 42],
    ['an empty string', ''],
    ['a string with whitespace inside', 'two words'],
  ])('keeps the refresh token when access_token is %s', (what, value) => {
    const tokens = tokensOf(answer(200, { ...valid, access_token: value }))
    expect(tokens.refreshToken).toBe(REFRESH)
    expect(tokens.accessToken).toBeUndefined()
    expect(tokens.warnings).toEqual([expect.stringContaining(`"access_token" is ${what}`)])
  })

  it('takes an answer without refresh_token as "not rotated": the token sent stays valid', () => {
    const rest = without('refresh_token')
    const tokens = tokensOf(answer(200, rest))
    expect(tokens.refreshToken).toBeUndefined()
    expect(tokens.accessToken).toBe(ACCESS)
    expect(tokensOf(answer(200, { ...valid, refresh_token: null })).refreshToken).toBeUndefined()
  })

  it('trims whitespace around a token', () => {
    const tokens = tokensOf(answer(200, { ...valid, refresh_token: `\n ${REFRESH}\t` }))
    expect(tokens.refreshToken).toBe(REFRESH)
  })

  it('uses the tokens of another 2xx, with a warning', () => {
    const tokens = tokensOf(answer(201, valid))
    expect(tokens.refreshToken).toBe(REFRESH)
    expect(tokens.warnings).toEqual([expect.stringContaining('answered HTTP 201')])
  })

  it('keeps the refresh token of an answer with everything else wrong', () => {
    const tokens = tokensOf(
      answer(203, {
        refresh_token: REFRESH,
        expires_in: -1,
        token_type: 'MAC',
        scope: 4,
        error: 'x',
      }),
    )
    expect(tokens.refreshToken).toBe(REFRESH)
    expect(tokens.warnings).toHaveLength(6)
  })
})

describe('how long a token may be', () => {
  it('keeps a refresh token longer than 16 KiB that a secret can still hold', () => {
    const long = `${'R'.repeat(30_000)}.x`
    const tokens = tokensOf(answer(200, { ...valid, refresh_token: long }))
    expect(tokens.refreshToken).toBe(long)
  })

  it('does not read an access token over 16 KiB, and keeps the refresh token', () => {
    const tokens = tokensOf(answer(200, { ...valid, access_token: 'A'.repeat(16 * 1024 + 1) }))
    expect(tokens.accessToken).toBeUndefined()
    expect(tokens.refreshToken).toBe(REFRESH)
    expect(tokens.warnings.join('\n')).toContain('more than 16 KiB')
  })
})

describe('answers that are refused', () => {
  it.each([
    ['a number', 7],
    ['an object', { value: REFRESH }],
    ['an empty string', '  '],
    ['a string with whitespace inside', `${REFRESH} ${ID_TOKEN}`],
    [
      'a string of 35,953 bytes (more than 35,952 bytes, what a secret holds once sealed)',
      'A'.repeat(35_953),
    ],
  ])(
    'refuses a refresh_token that is %s: it may be the rotated token, unreadable',
    (what, value) => {
      const body = JSON.stringify({ ...valid, refresh_token: value })
      const error = failure(answer(200, body))
      expect(error).toMatchObject({ code: 'INVALID_TOKEN_RESPONSE', tokenState: 'maybe-rotated' })
      expect(error.message).toContain(`"refresh_token" is ${what}, not a token`)
      expect(error.message).toContain('Nothing was stored')
      expect(error.nextStep).toContain('"token-url"')
      expect(error.nextStep).toContain('re-run within the time given above')
      expect(quotes(error, body)).toEqual([])
    },
  )

  it('refuses an answer with neither token', () => {
    const error = failure(answer(200, { expires_in: 3600, access_token: 5 }))
    expect(error).toMatchObject({ code: 'INVALID_TOKEN_RESPONSE', tokenState: 'maybe-rotated' })
    expect(error.message).toContain(
      'it holds neither a refresh token nor an access token ("access_token" is a number)',
    )
  })

  it.each([
    [
      'an HTML page that embeds the tokens',
      `<!DOCTYPE html><html><body>Sign in again. <pre>{"refresh_token":"${REFRESH}"}</pre>${'x'.repeat(1200)}</body></html>`,
      'text/html; charset=utf-8',
      'HTTP 200, text/html; charset=utf-8, 1,322 bytes',
    ],
    [
      'garbage',
      Buffer.from([0x00, 0xff, 0x13, 0x37, 0x80]),
      'application/json',
      'HTTP 200, application/json, 5 bytes',
    ],
    [
      'a JSON list',
      JSON.stringify([ACCESS, REFRESH]),
      'application/json',
      'HTTP 200, application/json, 76 bytes',
    ],
    [
      'truncated JSON',
      `{"access_token":"${ACCESS}","refresh_token":"${REFRESH.slice(0, 9)}`,
      '',
      'HTTP 200, no content type, 79 bytes',
    ],
    ['an empty body', '', 'text/plain', 'HTTP 200, text/plain, an empty body'],
  ])(
    'refuses %s by status, content type and length, quoting none of it',
    (_, body, type, shape) => {
      const error = failure(answer(200, body, type))
      expect(error).toMatchObject({ code: 'INVALID_TOKEN_RESPONSE', tokenState: 'maybe-rotated' })
      expect(error.message).toContain(`answered ${shape}, but it is not a JSON object`)
      expect(quotes(error, Buffer.isBuffer(body) ? body.toString('latin1') : body)).toEqual([])
      expect(error.message).not.toContain(ACCESS)
      expect(error.message).not.toContain(REFRESH.slice(0, 9))
    },
  )

  it('describes a content type that is not a plain token without quoting it', () => {
    const error = failure(answer(200, '<p>no</p>', 'text/html<script>; charset=utf-8'))
    expect(error.message).toContain('HTTP 200, an unreadable content type, 9 bytes')
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
    expect(error.message).toContain(
      'HTTP 403, "invalid_grant" ("Unknown or invalid refresh token.")',
    )
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
    expect(error).toMatchObject({ code: 'OAUTH_ERROR', errorDescription: 'Missing parameter' })
    expect(error.message).toContain('"invalid_request" ("Missing parameter")')
  })

  it.each([
    ['a line break', 'first line\nsecond line'],
    ['a double quote', 'say "hello"'],
    ['a backslash', 'C:\\tokens'],
    ['more than 200 characters', 'word '.repeat(41)],
  ])('does not quote an error description with %s (RFC 6749 §5.2)', (_, description) => {
    const error = failure(answer(400, { error: 'invalid_request', error_description: description }))
    expect(error).toMatchObject({ code: 'OAUTH_ERROR', errorDescription: undefined })
    expect(error.message).toContain('HTTP 400, "invalid_request".')
    expect(error.message).not.toContain(description.slice(0, 10))
  })

  it('does not quote an error code outside RFC 6749 §5.2, and says so', () => {
    const code = 'Leaked0Code0Value\nmore'
    const error = failure(answer(400, { error: code, error_description: 'Missing parameter' }))
    expect(error).toMatchObject({ code: 'OAUTH_ERROR', error: '' })
    expect(error.message).toContain('HTTP 400, an error code that is not printable')
    expect(error.message).not.toContain('Leaked0Code0Value')
  })

  it('scrubs known secrets from a quoted error description', () => {
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
    [429, 'unchanged'],
  ] as const)(
    'reports HTTP %i by status, content type and length; token %s; worth a retry',
    (status, state) => {
      const body = `<h1>Bad gateway</h1><p>${REFRESH}</p>`
      const error = failure(answer(status, body, 'text/html'))
      expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_HTTP', tokenState: state })
      expect(error.transient).toBeDefined()
      expect(error.message).toBe(
        `The token endpoint https://auth.atlassian.com answered HTTP ${status}, text/html, ${body.length} bytes.`,
      )
    },
  )

  it('reports another 4xx without an OAuth error by status, content type and length', () => {
    const body = `<h1>Not found</h1><!-- ${ACCESS} -->`
    const error = failure(answer(404, body, 'text/html'))
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_HTTP', tokenState: 'unchanged' })
    expect(error.transient).toBeUndefined()
    expect(error.message).toContain(`answered HTTP 404, text/html, ${body.length} bytes`)
    expect(quotes(error, body)).toEqual([])
    expect(error.nextStep).toContain('"token-url"')
  })

  it('refuses a redirect and names where it pointed, without its query', () => {
    const error = failure(
      answer(302, '', 'text/html', { location: 'https://evil.example/collect?client_secret=x' }),
    )
    expect(error).toMatchObject({ code: 'TOKEN_ENDPOINT_HTTP', tokenState: 'unchanged' })
    expect(error.message).toContain('redirect (HTTP 302 to https://evil.example/collect)')
    expect(error.message).not.toContain('client_secret=x')
  })
})
