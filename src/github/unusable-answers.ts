/**
 * The answers that are not GitHub's verdict on the request itself, worded so that the blame lands
 * where it belongs: a rate limit (a 403 that is not a permission problem), a server fault (GitHub's
 * only when GitHub's API sent it), a redirect, and a page that is not the API at all (the
 * "github-api-url" or a proxy, never the repository or the token).
 */
import { named, text, tokenIn, type Setting } from '../common/settings.js'
import { ActionError, type TokenState } from '../common/errors.js'
import type { SecretValues } from '../common/secrets.js'
import { apiUrlMeant, isGitHubService, type AnswerFacts, type RateLimit } from './answer.js'

/** What the wording needs to know about the call that got the answer. */
export interface AnswerContext {
  /** "read the Actions secrets public key of repository o/r". */
  doing: string
  /** "repository o/r". */
  subject: string
  /** The setting that names the subject, to check when GitHub cannot find it. */
  subjectSetting: Setting
  tokenInput: 'github-token' | 'workflow-token'
  tokenState: TokenState
  secrets: SecretValues
  /** The "github-api-url" the client was given, to say what it should be when it is wrong. */
  apiUrl: string
  /** Epoch ms, for the waits a rate limit asks for. */
  now: number
}

/** The last words of every next step: what to do once the cause is fixed. */
export function finishFor(tokenState: TokenState): string {
  return tokenState === 'rotated-not-stored'
    ? ' Then store the recovery value below by hand.'
    : ' Then re-run.'
}

export function isRedirect(status: number): boolean {
  return status >= 300 && status < 400
}

/** GitHub's own words, when its API answered: `"message"` of the JSON body, secrets removed. */
export function quotedMessage(answer: AnswerFacts, secrets: SecretValues): string {
  const message = secrets.scrub(answer.message.slice(0, 200))
  return message ? ` "${message}"` : ''
}

/** A full stop, unless a quotation ends the sentence with one already: `…limit."` */
function endSentence(text: string): string {
  return /[.!?]"$/.test(text) ? text : `${text}.`
}

/** A 403 or 429 rate limit: transient, retried after the wait GitHub asks for. */
export function rateLimited(
  answer: AnswerFacts,
  limit: RateLimit,
  context: AnswerContext,
): ActionError {
  const { doing, tokenInput, tokenState, secrets, now } = context
  // GitHub's API marks each answer with a request id; a proxy or gateway that limits the runner's
  // requests does not, and then neither GitHub nor the token in "github-token" is to blame.
  const fromGitHub = answer.requestId !== undefined
  const said = endSentence(
    fromGitHub
      ? `Could not ${doing}: GitHub answered HTTP ${answer.status}${quotedMessage(answer, secrets)}`
      : `Could not ${doing}: ${answer.host} answered HTTP ${answer.status} without the x-github-request-id header of GitHub's answers`,
  )
  const what = !fromGitHub
    ? `A rate limit of something between the runner and GitHub (a proxy or gateway), not GitHub's, and not a missing permission.`
    : limit.kind === 'primary'
      ? text`GitHub's rate limit for ${tokenIn(tokenInput)} is spent (x-ratelimit-remaining: 0): a rate limit, not a missing permission.`
      : text`This is GitHub's secondary rate limit (too many requests in a short time with ${tokenIn(tokenInput)}, from this run or others), not a missing permission.`
  const { wait } = limit
  const waitMs = wait.source === 'reset' ? wait.at.getTime() - now : wait.ms
  const seconds = Math.max(0, Math.ceil(waitMs / 1000))
  const asked =
    wait.source === 'retry-after'
      ? `GitHub asked to wait ${seconds} s (retry-after: ${secrets.scrub(wait.header.slice(0, 40))}).`
      : wait.source === 'reset'
        ? `GitHub says it resets at ${wait.at.toISOString()} (in ${seconds} s).`
        : `GitHub named no time to wait (no retry-after); its documentation asks to wait at least ${seconds} s before retrying.`
  const forHowLong =
    wait.source === 'reset'
      ? `until ${wait.at.toISOString()}`
      : `${wait.source === 'minimum' ? 'at least ' : ''}${seconds} s`
  return new ActionError(
    'GITHUB_RATE_LIMITED',
    text`${said} ${what} ${fromGitHub ? asked : asked.replace(/^GitHub /, 'It ').replace(/its documentation/, "GitHub's documentation")}`,
    tokenState,
    fromGitHub
      ? `Wait ${forHowLong}, and avoid other heavy use of the same token meanwhile.${finishFor(tokenState)}`
      : `Wait ${forHowLong}; if it keeps happening, ask whoever runs the proxy or gateway in front of ${answer.host} about its limits.${finishFor(tokenState)}`,
    {
      transient: {
        reason: `${limit.kind === 'primary' ? 'rate limit spent' : 'secondary rate limit'} (HTTP ${answer.status})`,
        retryAfter:
          wait.source === 'retry-after'
            ? wait.header
            : wait.source === 'reset'
              ? wait.at.toUTCString()
              : undefined,
        waitAtLeastMs: wait.source === 'minimum' ? wait.ms : undefined,
      },
    },
  )
}

/**
 * A 5xx. GitHub's API marks every answer with x-github-request-id; without it, the answer came from
 * whatever stands between the runner and GitHub, and blaming GitHub would send people to the wrong
 * place. Both are transient: either may pass.
 */
export function serverFault(answer: AnswerFacts, context: AnswerContext): ActionError {
  const { doing, tokenState, secrets, apiUrl } = context
  const finish = finishFor(tokenState)
  const retryAfter = answer.header('retry-after')
  if (answer.requestId !== undefined) {
    const requestId = secrets.scrub(answer.requestId.slice(0, 100))
    return new ActionError(
      'GITHUB_UNEXPECTED',
      `Could not ${doing}: GitHub answered HTTP ${answer.status}${quotedMessage(answer, secrets)} (x-github-request-id ${requestId}). This is a fault on GitHub's side.`,
      tokenState,
      isGitHubService(apiUrl)
        ? `See https://www.githubstatus.com; if it lasts, give GitHub Support the request id.${finish}`
        : `${answer.host} is a GitHub Enterprise Server: if it lasts, tell its administrators, with the request id (https://www.githubstatus.com covers only GitHub's own services).${finish}`,
      { transient: { reason: `HTTP ${answer.status}`, retryAfter } },
    )
  }
  const itself = [
    answer.server === undefined ? undefined : `server: ${answer.server}`,
    answer.via === undefined ? undefined : `via: ${answer.via}`,
  ]
    .filter((part) => part !== undefined)
    .map((part) => secrets.scrub(part.slice(0, 120)))
    .join('; ')
  return new ActionError(
    'GITHUB_UNEXPECTED',
    `Could not ${doing}: ${answer.host} answered HTTP ${answer.status}${itself ? ` (${itself})` : ''} without the x-github-request-id header that every answer of GitHub's API carries. The answer did not come from GitHub but from something between the runner and it: a proxy that inspects TLS, a gateway or a load balancer.`,
    tokenState,
    text`If it lasts, check that proxy or gateway (and HTTPS_PROXY / NO_PROXY on the runner), and that ${named('github-api-url')} is GitHub's REST API.${finish}`,
    {
      transient: {
        reason: `HTTP ${answer.status} from ${answer.host}, not from GitHub`,
        retryAfter,
      },
    },
  )
}

/**
 * GitHub's JSON redirect: its API answers 301 (307 for writes) for a renamed or transferred
 * repository. Never followed (../common/http.ts): a write must not go where nobody asked it to. Not
 * GITHUB_NOT_FOUND either, which some reads take to mean "absent".
 */
export function moved(answer: AnswerFacts, context: AnswerContext): ActionError {
  const { doing, subject, tokenState, secrets } = context
  const to = answer.location ? ` to ${describeLocation(answer, secrets)}` : ''
  return new ActionError(
    'GITHUB_UNEXPECTED',
    `Could not ${doing}: GitHub answered HTTP ${answer.status}${quotedMessage(answer, secrets)}${to}: ${subject} was renamed or transferred.`,
    tokenState,
    text`Use its new name in the input that names it (${named('repository')} or ${named('organization')}).${finishFor(tokenState)}`,
  )
}

/**
 * A body that is not JSON, or a redirect: GitHub's web interface (on GitHub Enterprise Server, a
 * "github-api-url" without /api/v3 meets its sign-in redirect), or a proxy's own page. The body is
 * never quoted: it is a page, and it would bury the one line that says what to fix.
 */
export function notTheApi(answer: AnswerFacts, context: AnswerContext): ActionError {
  const { doing, apiUrl, tokenState, secrets } = context
  const finish = finishFor(tokenState)
  const body = answer.empty
    ? 'an empty body'
    : answer.contentType
      ? `a ${secrets.scrub(mediaType(answer.contentType))} body`
      : 'a body without a content type'
  const what = isRedirect(answer.status)
    ? `a redirect (HTTP ${answer.status}${answer.location ? ` to ${describeLocation(answer, secrets)}` : ''})`
    : `HTTP ${answer.status} with ${body}`
  const meant = apiUrlMeant(apiUrl)
  const given = text`${named('github-api-url')} is ${JSON.stringify(secrets.scrub(apiUrl))}`
  const why = meant
    ? text`${given}, which is not the address of a REST API: ${meant} would be. The other usual cause is a proxy's own page (a sign-in, block or error page) answering in GitHub's place.`
    : text`${given}, which has the REST API's shape, so the usual cause is a proxy or gateway between the runner and ${answer.host} answering with its own page (a sign-in, block or error page).`
  const shape =
    'the REST API base: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server'
  return new ActionError(
    'GITHUB_NOT_API',
    text`Could not ${doing}: ${answer.host} answered ${what} instead of JSON, so it was not GitHub's REST API that answered. ${why}`,
    tokenState,
    meant
      ? text`Set ${named('github-api-url')} to ${meant} (${shape}).${finish}`
      : text`Check the proxy settings (HTTPS_PROXY / NO_PROXY) and any gateway in front of ${answer.host}; ${named('github-api-url')} must stay ${shape}.${finish}`,
  )
}

/** Where a redirect points, without its query (a sign-in page's return address is long). */
function describeLocation(answer: AnswerFacts, secrets: SecretValues): string {
  const base = URL.canParse(answer.url) ? answer.url : `https://${answer.host}`
  const location = answer.location ?? ''
  if (!URL.canParse(location, base)) return 'an unreadable address'
  const url = new URL(location, base)
  const signIn = /\/(login|session|signin|sign_in|saml|sso)\b/i.test(url.pathname)
  return `${secrets.scrub(`${url.origin}${url.pathname}`)}${signIn ? ', a sign-in page' : ''}`
}

/** "text/html" of "text/html; charset=utf-8". */
function mediaType(contentType: string): string {
  return ((contentType.split(';')[0] ?? '').trim() || contentType).slice(0, 80)
}
