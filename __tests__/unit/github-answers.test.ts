/**
 * Reading GitHub's answers: which are rate limits, which came from GitHub at all, and what each
 * failure blames. The answers are built the way @octokit/request hands them over (a RequestError
 * whose response.data is the parsed JSON, the raw text, or an ArrayBuffer).
 */
import { RequestError } from '@octokit/request-error'
import type { TokenState } from '../../src/common/errors.js'
import {
  apiUrlMeant,
  isGitHubService,
  rateLimitOf,
  readAnswer,
  type OctokitAnswer,
} from '../../src/github/answer.js'
import { explainGitHubError, type ErrorContext } from '../../src/github/errors.js'
import { SecretValues } from '../../src/common/secrets.js'

const NOW = Date.parse('2026-11-29T02:00:00Z')
const API = 'https://api.github.com'
const URL_OF_KEY = `${API}/repos/o/r/actions/secrets/public-key`
const REQUEST_ID = 'C4A2:3B1F0E:1D2E3F:4A5B6C:66F0A1B2'
const HTML =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>'

function answer(overrides: Partial<OctokitAnswer> = {}): OctokitAnswer {
  return {
    status: 200,
    url: URL_OF_KEY,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': REQUEST_ID,
    },
    data: {},
    ...overrides,
  }
}

/** What Octokit throws for a status of 400 and over. */
function failure(
  status: number,
  data: unknown,
  headers: Record<string, string> = {},
  url = URL_OF_KEY,
): RequestError {
  return new RequestError('(Octokit puts the whole body here)', status, {
    request: { method: 'GET', url, headers: {} },
    response: { status, url, headers, data },
  })
}

const json = {
  'content-type': 'application/json; charset=utf-8',
  'x-github-request-id': REQUEST_ID,
}

function context(overrides: { apiUrl?: string; tokenState?: TokenState } = {}): ErrorContext {
  return {
    doing: 'read the Actions secrets public key of repository o/r',
    subject: 'repository o/r',
    subjectSetting: 'repository',
    tokenInput: 'github-token',
    permission: 'the repository permission "Secrets: Read and write"',
    tokenState: overrides.tokenState ?? 'unchanged',
    secrets: new SecretValues(() => {}),
    apiUrl: overrides.apiUrl ?? API,
    now: NOW,
  }
}

/** Everything a person reads: the message and the next step. */
const said = (error: { message: string; nextStep: string }): string =>
  `${error.message}\n${error.nextStep}`

describe('readAnswer', () => {
  it('tells a JSON document from what Octokit hands over for other bodies', () => {
    expect(readAnswer(answer({ data: { message: 'Not Found' } }))).toMatchObject({
      json: true,
      empty: false,
      message: 'Not Found',
      requestId: REQUEST_ID,
    })
    // text/html (and any text/* or charset=utf-8 type): the text.
    expect(readAnswer(answer({ data: HTML }))).toMatchObject({ json: false, message: '' })
    // application/json that does not parse: Octokit hands over the raw text.
    expect(readAnswer(answer({ data: '{"key_id": ' }))).toMatchObject({ json: false })
    // Any other type (application/octet-stream, image/png): an ArrayBuffer.
    expect(readAnswer(answer({ data: new TextEncoder().encode('%PDF').buffer }))).toMatchObject({
      json: false,
      empty: false,
    })
    // A 201 or 204 without a body.
    expect(readAnswer(answer({ status: 201, data: '' }))).toMatchObject({
      json: false,
      empty: true,
    })
  })

  it('names what answered: the host, and the server and via headers', () => {
    const facts = readAnswer(
      answer({
        url: 'https://ghes.example.com:8443/api/v3/x',
        headers: { server: 'nginx/1.25', via: '1.1 squid' },
      }),
    )
    expect(facts).toMatchObject({
      host: 'ghes.example.com:8443',
      server: 'nginx/1.25',
      via: '1.1 squid',
      requestId: undefined,
    })
  })
})

describe('rateLimitOf', () => {
  const limit = (status: number, data: unknown, headers: Record<string, string> = {}) =>
    rateLimitOf(readAnswer(answer({ status, data, headers: { ...json, ...headers } })), NOW)

  it.each([
    [
      'a 403 whose message says so, with no retry-after',
      403,
      'You have exceeded a secondary rate limit.',
    ],
    ['the older abuse-detection wording', 403, 'You have triggered an abuse detection mechanism.'],
    ['a 429 without any header', 429, undefined],
  ])('reads %s as a secondary limit calling for at least a minute', (_, status, message) => {
    expect(limit(status, message === undefined ? '' : { message })).toEqual({
      kind: 'secondary',
      wait: { source: 'minimum', ms: 60_000 },
    })
  })

  it("waits the server's retry-after, whatever the message", () => {
    expect(limit(403, { message: 'Forbidden' }, { 'retry-after': '30' })).toEqual({
      kind: 'secondary',
      wait: { source: 'retry-after', ms: 30_000, header: '30' },
    })
  })

  it('waits for the reset when the primary limit is spent', () => {
    const reset = NOW / 1000 + 600
    expect(
      limit(
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      ),
    ).toEqual({ kind: 'primary', wait: { source: 'reset', at: new Date(reset * 1000) } })
  })

  it('falls back to a minute when a spent limit names a reset already past', () => {
    expect(
      limit(429, '', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 - 5) }),
    ).toEqual({ kind: 'primary', wait: { source: 'minimum', ms: 60_000 } })
  })

  it.each([
    ['a permission refusal', 403, { message: 'Resource not accessible by integration' }],
    ['a 404, even with a retry-after', 404, { message: 'Not Found' }],
  ])('leaves %s alone', (_, status, data) => {
    expect(limit(status, data, { 'x-ratelimit-remaining': '4999' })).toBeUndefined()
    if (status === 404) expect(limit(status, data, { 'retry-after': '5' })).toBeUndefined()
  })
})

describe('apiUrlMeant', () => {
  it.each([
    ['https://ghes.example.com', 'https://ghes.example.com/api/v3'],
    ['https://ghes.example.com/', 'https://ghes.example.com/api/v3'],
    ['https://ghes.example.com/api', 'https://ghes.example.com/api/v3'],
    ['https://github.com', 'https://api.github.com'],
    ['https://octocorp.ghe.com', 'https://api.octocorp.ghe.com'],
  ])('reads %s as meaning %s', (given, meant) => {
    expect(apiUrlMeant(given)).toBe(meant)
  })

  it.each([
    'https://api.github.com',
    'https://ghes.example.com/api/v3',
    'https://api.octocorp.ghe.com',
  ])('accepts %s as a REST API base', (given) => {
    expect(apiUrlMeant(given)).toBeUndefined()
  })

  it("knows GitHub's own services from a server of one's own", () => {
    expect(isGitHubService('https://api.github.com')).toBe(true)
    expect(isGitHubService('https://api.octocorp.ghe.com')).toBe(true)
    expect(isGitHubService('https://ghes.example.com/api/v3')).toBe(false)
  })
})

describe('explainGitHubError', () => {
  describe('rate limits', () => {
    it('calls a secondary limit without retry-after a rate limit, with the wait GitHub asks for', () => {
      const error = explainGitHubError(
        failure(403, { message: 'You have exceeded a secondary rate limit.' }, json),
        context(),
      )
      expect(error.code).toBe('GITHUB_RATE_LIMITED')
      expect(error.tokenState).toBe('unchanged')
      expect(error.transient).toEqual({
        reason: 'secondary rate limit (HTTP 403)',
        retryAfter: undefined,
        waitAtLeastMs: 60_000,
      })
      expect(error.message).toContain("GitHub's secondary rate limit")
      expect(error.message).toContain('not a missing permission')
      expect(error.message).toContain('asks to wait at least 60 s')
      expect(error.nextStep).toContain('Wait at least 60 s')
      expect(said(error)).not.toMatch(/lacks the permission|needs the repository permission/)
    })

    it("blames a proxy's 429 on the proxy, not on GitHub or the token", () => {
      const error = explainGitHubError(
        failure(429, 'Too Many Requests', { 'content-type': 'text/plain', server: 'squid' }),
        context(),
      )
      expect(error.code).toBe('GITHUB_RATE_LIMITED')
      expect(error.transient?.waitAtLeastMs).toBe(60_000)
      expect(error.message).toContain(
        'api.github.com answered HTTP 429 without the x-github-request-id header',
      )
      expect(error.message).toContain('something between the runner and GitHub')
      expect(said(error)).not.toMatch(/GitHub's secondary rate limit|the token in "github-token"/)
      expect(error.nextStep).toContain('proxy or gateway in front of api.github.com')
    })

    it('says how long retry-after asked for', () => {
      const error = explainGitHubError(
        failure(
          403,
          { message: 'You have exceeded a secondary rate limit.' },
          {
            ...json,
            'retry-after': '90',
          },
        ),
        context({ tokenState: 'rotated-not-stored' }),
      )
      expect(error.message).toContain('GitHub asked to wait 90 s (retry-after: 90).')
      expect(error.transient?.retryAfter).toBe('90')
      expect(error.tokenState).toBe('rotated-not-stored')
      expect(error.nextStep).toContain('Then store the recovery value below by hand.')
    })

    it("calls a 429 without headers a rate limit, not a fault on GitHub's side", () => {
      const error = explainGitHubError(failure(429, '', {}), context())
      expect(error.code).toBe('GITHUB_RATE_LIMITED')
      expect(error.transient?.waitAtLeastMs).toBe(60_000)
      expect(said(error)).not.toContain("GitHub's side")
    })

    it('says when a spent primary limit resets', () => {
      const reset = NOW / 1000 + 3600
      const error = explainGitHubError(
        failure(
          403,
          { message: 'API rate limit exceeded' },
          {
            ...json,
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(reset),
          },
        ),
        context(),
      )
      expect(error.message).toContain(
        `it resets at ${new Date(reset * 1000).toISOString()} (in 3600 s)`,
      )
      expect(error.transient?.retryAfter).toBe(new Date(reset * 1000).toUTCString())
      expect(error.nextStep).toContain(`Wait until ${new Date(reset * 1000).toISOString()}`)
    })

    it('keeps a plain 403 a permission problem', () => {
      const error = explainGitHubError(
        failure(403, { message: 'Resource not accessible by personal access token' }, json),
        context(),
      )
      expect(error.code).toBe('GITHUB_FORBIDDEN')
      expect(error.transient).toBeUndefined()
    })
  })

  describe('answers that are not JSON', () => {
    it.each([
      ['an HTML 404 page', 404, HTML, 'text/html; charset=utf-8'],
      [
        "a proxy's HTML 403 block page",
        403,
        '<html><body>Access denied</body></html>',
        'text/html',
      ],
      ["a proxy's 407 sign-in page", 407, 'Proxy Authentication Required', 'text/plain'],
      [
        'a binary body',
        400,
        new TextEncoder().encode('\u0000\u0001').buffer,
        'application/octet-stream',
      ],
    ])(
      'blames "github-api-url" or a proxy for %s, never the repository or the token',
      (_, status, data, type) => {
        const error = explainGitHubError(
          failure(
            status,
            data,
            { 'content-type': type },
            'https://ghes.example.com/repos/o/r/actions/secrets/public-key',
          ),
          context({ apiUrl: 'https://ghes.example.com' }),
        )
        expect(error.code).toBe('GITHUB_NOT_API')
        expect(error.transient).toBeUndefined()
        expect(error.message).toContain('"github-api-url" is "https://ghes.example.com"')
        expect(error.message).toContain('https://ghes.example.com/api/v3 would be')
        expect(error.message).toContain("a proxy's own page")
        expect(error.nextStep).toContain('Set "github-api-url" to https://ghes.example.com/api/v3')
        expect(said(error)).not.toMatch(/cannot see it|does not exist|token|permission/)
        expect(said(error)).not.toContain('<')
      },
    )

    it('blames the proxy when "github-api-url" already has the API\'s shape', () => {
      const error = explainGitHubError(
        failure(404, HTML, { 'content-type': 'text/html' }),
        context(),
      )
      expect(error.code).toBe('GITHUB_NOT_API')
      expect(error.message).toContain("which has the REST API's shape")
      expect(error.nextStep).toContain('HTTPS_PROXY / NO_PROXY')
      expect(said(error)).not.toContain('<')
    })
  })

  describe('server faults', () => {
    it("names the host and its headers when the answer lacks GitHub's request id", () => {
      const error = explainGitHubError(
        failure(502, HTML, { 'content-type': 'text/html', server: 'nginx', via: '1.1 gateway' }),
        context(),
      )
      expect(error.code).toBe('GITHUB_UNEXPECTED')
      expect(error.message).toContain(
        'api.github.com answered HTTP 502 (server: nginx; via: 1.1 gateway)',
      )
      expect(error.message).toContain('did not come from GitHub')
      expect(error.transient?.reason).toBe('HTTP 502 from api.github.com, not from GitHub')
      expect(said(error)).not.toContain("GitHub's side")
      expect(said(error)).not.toContain('<')
    })

    it("calls a 5xx carrying the request id GitHub's side, with the id and the status page", () => {
      const error = explainGitHubError(
        failure(502, HTML, { 'content-type': 'text/html', 'x-github-request-id': REQUEST_ID }),
        context(),
      )
      expect(error.message).toContain(`(x-github-request-id ${REQUEST_ID})`)
      expect(error.message).toContain("a fault on GitHub's side")
      expect(error.nextStep).toContain('https://www.githubstatus.com')
      expect(error.transient?.reason).toBe('HTTP 502')
      expect(said(error)).not.toContain('<')
    })

    it("sends a GitHub Enterprise Server's faults to its administrators", () => {
      const error = explainGitHubError(
        failure(503, { message: 'Service Unavailable' }, json, 'https://ghes.example.com/api/v3/x'),
        context({ apiUrl: 'https://ghes.example.com/api/v3' }),
      )
      expect(error.message).toContain('"Service Unavailable"')
      expect(error.nextStep).toContain('ghes.example.com is a GitHub Enterprise Server')
    })
  })
})
