/**
 * What one answer to a GitHub REST call says about itself: who produced it (GitHub's API, GitHub's
 * web interface, or something in between), whether it is a rate limit and how long it asks to
 * wait. Plain functions of the answer, so each rule is tested without a network.
 *
 * How @octokit/request (10.x, `fetch-wrapper.js`, `getResponseData`) hands a body over, at every
 * status except 204/205 (whose body it never reads):
 *   - content type application/json (or application/scim+json): the parsed value, or the raw text
 *     when it does not parse;
 *   - no content type, any text/* type, or any type with charset=utf-8: the text;
 *   - anything else: an ArrayBuffer.
 * A status under 400 resolves as a success with that data, 3xx included (./client.ts never follows
 * redirects); 400 and over rejects with a RequestError whose `response.data` is that data and whose
 * `message` is the whole body when it is text: an HTML page, for one. Nothing here shows either.
 */
import { parseRetryAfter } from '../common/retry.js'
import { isRecord } from '../common/is-record.js'

/** An answer as @octokit/request hands it over (a success, or a RequestError's `response`). */
export interface OctokitAnswer {
  status: number
  url: string
  headers: Record<string, string | number | undefined>
  data: unknown
}

export interface AnswerFacts {
  status: number
  /** The address the request went to. */
  url: string
  /** The host that answered, with its port: where the request went. */
  host: string
  /**
   * GitHub's API puts an x-github-request-id on every answer; a proxy, gateway or load balancer
   * answering in its place does not.
   */
  requestId: string | undefined
  /** What answered, in its own words, when it says (for an answer that did not come from GitHub). */
  server: string | undefined
  via: string | undefined
  /** As sent, or '' when none was. */
  contentType: string
  /** The body was a JSON document: what GitHub's REST API always answers, errors included. */
  json: boolean
  /** The body was empty (a 201 or 204 from GitHub, or nothing at all). */
  empty: boolean
  /** `message` of a JSON body: GitHub's own words. '' otherwise. */
  message: string
  /** A text body that is not JSON, for matching only: it is never shown (it may be a whole page). */
  text: string
  location: string | undefined
  header(name: string): string | undefined
}

export function readAnswer(answer: OctokitAnswer): AnswerFacts {
  const header = (name: string): string | undefined => {
    const value = answer.headers[name]
    return value === undefined ? undefined : String(value)
  }
  const { data } = answer
  const binary = isBinary(data)
  const empty =
    data === undefined ||
    (typeof data === 'string' && data.trim() === '') ||
    (binary && data.byteLength === 0)
  const json = !empty && typeof data !== 'string' && !binary
  const message =
    json && isRecord(data) && typeof data['message'] === 'string' ? data['message'] : ''
  return {
    status: answer.status,
    url: answer.url,
    host: hostOf(answer.url),
    requestId: header('x-github-request-id'),
    server: header('server'),
    via: header('via'),
    contentType: header('content-type') ?? '',
    json,
    empty,
    message,
    text: typeof data === 'string' ? data.slice(0, 4096) : '',
    location: header('location'),
    header,
  }
}

/** GitHub's wait when a rate limit names none (docs: "Rate limits for the REST API"). */
export const SECONDARY_LIMIT_MINIMUM_WAIT_MS = 60_000

export interface RateLimit {
  /**
   * `primary`: the token's hourly allowance is spent (x-ratelimit-remaining: 0). `secondary`: too
   * many requests in a short time, or too many at once.
   */
  kind: 'primary' | 'secondary'
  /** How long to wait, and on whose word. */
  wait:
    | { source: 'retry-after'; ms: number; header: string }
    | { source: 'reset'; at: Date }
    | { source: 'minimum'; ms: number }
}

/**
 * Whether the answer is a rate limit, and the wait it calls for. GitHub ("Rate limits for the REST
 * API", "Best practices for using the REST API"): a limit answers 403 or 429; a spent primary limit
 * has x-ratelimit-remaining: 0; a secondary limit carries an error message saying so, and maybe a
 * retry-after. The wait: retry-after's seconds when present; else until x-ratelimit-reset when
 * x-ratelimit-remaining is 0; "otherwise, wait for at least one minute before retrying".
 * A plain 403 ("Resource not accessible by …") is none of these: it is a permission problem.
 */
export function rateLimitOf(answer: AnswerFacts, now: number): RateLimit | undefined {
  if (answer.status !== 403 && answer.status !== 429) return undefined
  const retryAfter = answer.header('retry-after')
  const spent = answer.header('x-ratelimit-remaining') === '0'
  const saysSo = RATE_LIMIT_WORDS.test(answer.message) || RATE_LIMIT_WORDS.test(answer.text)
  if (answer.status === 403 && retryAfter === undefined && !spent && !saysSo) return undefined

  const kind = spent ? 'primary' : 'secondary'
  const afterMs = parseRetryAfter(retryAfter, now)
  if (retryAfter !== undefined && afterMs !== undefined) {
    return { kind, wait: { source: 'retry-after', ms: afterMs, header: retryAfter } }
  }
  const reset = Number(answer.header('x-ratelimit-reset'))
  if (spent && Number.isSafeInteger(reset) && reset * 1000 > now) {
    return { kind, wait: { source: 'reset', at: new Date(reset * 1000) } }
  }
  return { kind, wait: { source: 'minimum', ms: SECONDARY_LIMIT_MINIMUM_WAIT_MS } }
}

/** GitHub's messages: "You have exceeded a secondary rate limit", "abuse detection mechanism". */
const RATE_LIMIT_WORDS = /\brate limit|abuse detection/i

/**
 * The REST base that a "github-api-url" value was probably meant to be, when it is not one: the
 * web address of github.com or of a GitHub Enterprise Server, whose API lives at https://HOST/api/v3
 * (docs: "Getting started with the REST API"). Undefined when the value already has the API's shape.
 */
export function apiUrlMeant(given: string): string | undefined {
  if (!URL.canParse(given)) return undefined
  const url = new URL(given)
  const path = url.pathname.replace(/\/+$/, '')
  if (url.hostname === 'api.github.com' && path === '') return undefined
  if (url.hostname === 'github.com' || url.hostname === 'www.github.com') {
    return 'https://api.github.com'
  }
  // GitHub Enterprise Cloud with data residency: the API is api.SUBDOMAIN.ghe.com.
  if (url.hostname.endsWith('.ghe.com')) {
    return url.hostname.startsWith('api.') && path === ''
      ? undefined
      : `https://api.${url.hostname.replace(/^api\./, '')}`
  }
  if (path === '/api/v3') return undefined
  return `${url.protocol}//${url.host}/api/v3`
}

/** Whether the API is GitHub's own service (status at githubstatus.com) rather than a server of one's own. */
export function isGitHubService(apiUrl: string): boolean {
  if (!URL.canParse(apiUrl)) return false
  const host = new URL(apiUrl).hostname
  return host === 'api.github.com' || host.endsWith('.ghe.com')
}

/** An ArrayBuffer or a view of one, from any realm (a test VM's included). */
function isBinary(value: unknown): value is { byteLength: number } {
  if (typeof value !== 'object' || value === null) return false
  const tag = Object.prototype.toString.call(value)
  return tag === '[object ArrayBuffer]' || ArrayBuffer.isView(value)
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url
}
