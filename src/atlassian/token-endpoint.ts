/**
 * Atlassian's OAuth 2.0 token endpoint: the refresh grant, split into sending the request and
 * processing the answer (the processing is pure, so it is tested without a network). Reading the
 * answer is in three steps, each in its own module: the body (./token-answer-body.ts), masking
 * every credential in it (./token-answer-mask.ts), and what a usable answer gives (./token-set.ts).
 *
 * Provider rules: developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens, and
 * ../shared/FACTS.md ("Atlassian OAuth 2.0 (3LO)").
 */
import { named, renew, rerun, text, type Text } from '../common/settings.js'
import { describeAnswerShape, describeContentType } from '../common/body-text.js'
import { ActionError, OAuthError, type TokenState } from '../common/errors.js'
import { BodyTooLargeError, send, type HttpAnswer, type HttpOptions } from '../common/http.js'
import {
  describeAttempts,
  transientVerdict,
  withRetries,
  type RetryOptions,
} from '../common/retry.js'
import { classifyNetworkFailure } from '../common/network-failure.js'
import type { SecretValues } from '../common/secrets.js'
import { readAnswerBody } from './token-answer-body.js'
import { maskTokenAnswer, printableErrorField } from './token-answer-mask.js'
import { readTokenFields, type TokenSet } from './token-set.js'
import { isRecord } from '../common/is-record.js'

export interface RefreshGrantRequest {
  tokenUrl: URL
  clientId: string
  clientSecret: string
  refreshToken: string
}

export type { TokenSet } from './token-set.js'

/** What a failed POST to the token endpoint means for what was sent (a refresh token, a code). */
export interface GrantFailureMeaning {
  /** The state when the request may have reached Atlassian before failing. */
  ifReached: TokenState
  nextStepIfReached: string | Text
  nextStepIfNotSent: string | Text
  /** For an answer too large to be a token answer. */
  nextStepIfTooLarge: string | Text
}

/**
 * POSTs a grant as JSON (the form Atlassian documents) and returns the raw answer. Network failures
 * become an {@link ActionError} that says whether the request may have reached Atlassian.
 */
export async function postGrant(
  tokenUrl: URL,
  grant: Record<string, string>,
  http: HttpOptions,
  meaning: GrantFailureMeaning,
): Promise<HttpAnswer> {
  try {
    return await send(
      tokenUrl,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(grant),
      },
      http,
    )
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      throw new ActionError(
        'INVALID_TOKEN_RESPONSE',
        `The token endpoint ${tokenUrl.origin} answered HTTP ${error.status} (${describeContentType(error.contentType)}) with more than ${error.limit} bytes; a token answer is a few kilobytes. Nothing was stored.`,
        meaning.ifReached,
        meaning.nextStepIfTooLarge,
      )
    }
    const failure = classifyNetworkFailure(error)
    const reached = failure.mayHaveReachedServer
    throw new ActionError(
      'TOKEN_ENDPOINT_UNREACHABLE',
      `The request to the token endpoint ${tokenUrl.origin} failed (${failure.description}).`,
      reached ? meaning.ifReached : 'unchanged',
      reached ? meaning.nextStepIfReached : meaning.nextStepIfNotSent,
      {
        cause: error,
        ...(failure.permanent ? {} : { transient: { reason: failure.description } }),
      },
    )
  }
}

/** POSTs the refresh grant. A failure after sending may have rotated the token. */
export function sendRefreshGrant(
  grant: RefreshGrantRequest,
  http: HttpOptions,
): Promise<HttpAnswer> {
  return postGrant(
    grant.tokenUrl,
    {
      grant_type: 'refresh_token',
      client_id: grant.clientId,
      client_secret: grant.clientSecret,
      refresh_token: grant.refreshToken,
    },
    http,
    {
      ifReached: 'maybe-rotated',
      nextStepIfReached: text`${rerun} within the time given above.`,
      nextStepIfNotSent:
        'Check the network from the runner to the token endpoint (proxy settings: HTTPS_PROXY / NO_PROXY), then re-run.',
      nextStepIfTooLarge: text`Check that ${named('token-url')} is Atlassian's token endpoint (https://auth.atlassian.com/oauth/token).`,
    },
  )
}

/**
 * Reads the token endpoint's answer (any status) and returns what a usable one gives, or throws an
 * {@link ActionError} that says what came back by status, content type and length only: even an
 * error page may embed tokens nobody has masked. Every string in the answer that could be a
 * credential is masked the moment the answer is parsed, before anything can print it, even if the
 * answer is then refused.
 */
export function processTokenResponse(
  answer: HttpAnswer,
  tokenUrl: URL,
  secrets: SecretValues,
): TokenSet {
  const body = readAnswerBody(answer)
  if (body.readable) maskTokenAnswer(body.value, answer.status, secrets)
  const origin = tokenUrl.origin
  const shape = describeAnswerShape(answer)

  if (answer.status >= 300 && answer.status < 400) {
    throw new ActionError(
      'TOKEN_ENDPOINT_HTTP',
      `The token endpoint ${origin} answered with a redirect (HTTP ${answer.status}${answer.location ? ` to ${secrets.scrub(safeLocation(answer.location))}` : ''}). Redirects are not followed: they would send the client secret and refresh token to another address.`,
      'unchanged',
      text`Set ${named('token-url')} to the final address of the token endpoint (Atlassian: https://auth.atlassian.com/oauth/token).`,
    )
  }

  // 5xx and 429 are worth another attempt, whatever the body says. A 5xx may come after the server
  // processed the grant; a 429 or another 4xx refuses it unprocessed.
  if (answer.status >= 500 || answer.status === 429) {
    throw new ActionError(
      'TOKEN_ENDPOINT_HTTP',
      `The token endpoint ${origin} answered ${shape}.`,
      answer.status >= 500 ? 'maybe-rotated' : 'unchanged',
      text`This is a fault on the provider's side: ${rerun} (within the time given above, if one is given), and check https://developer.status.atlassian.com if it persists.`,
      { transient: { reason: `HTTP ${answer.status}`, retryAfter: answer.retryAfter } },
    )
  }
  if (answer.status < 200 || answer.status > 299) {
    // OAuth errors (RFC 6749 §5.2) are answers about the grant itself: sending it again cannot help.
    if (body.readable && isRecord(body.value) && typeof body.value['error'] === 'string') {
      throw oauthError(answer.status, body.value, origin, secrets)
    }
    throw new ActionError(
      'TOKEN_ENDPOINT_HTTP',
      `The token endpoint ${origin} answered ${shape}, which is neither a token answer nor an OAuth error.`,
      'unchanged',
      text`Check ${named('token-url')}: it should be https://auth.atlassian.com/oauth/token.`,
    )
  }

  const refuse = (problem: string): ActionError =>
    new ActionError(
      'INVALID_TOKEN_RESPONSE',
      `The token endpoint ${origin} answered ${shape}, but ${problem}. Nothing was stored.`,
      'maybe-rotated',
      text`Check that ${named('token-url')} is Atlassian's token endpoint (https://auth.atlassian.com/oauth/token), then re-run within the time given above.`,
    )
  if (!body.readable || !isRecord(body.value)) {
    throw refuse('it is not a JSON object, so it holds no token that can be read')
  }
  const reading = readTokenFields(body.value, answer.status, origin)
  if (!reading.ok) throw refuse(reading.problem)
  return reading.tokens
}

/**
 * Sends the refresh grant and validates the answer, retrying transient failures inside the
 * deadline in `retry`. Retrying is safe there: if an answer was lost after Atlassian rotated, the
 * token sent is now the "previous" one, which Atlassian exchanges again during the leeway; the token
 * to keep is the one from the last answer.
 */
export async function refreshGrant(
  grant: RefreshGrantRequest,
  http: HttpOptions,
  secrets: SecretValues,
  retry: RetryOptions,
): Promise<TokenSet> {
  // Once any attempt may have reached Atlassian, the token may be rotated whatever comes after.
  let mayHaveRotated = false
  return withRetries(
    async () => {
      try {
        const answer = await sendRefreshGrant(grant, {
          ...http,
          // Never cut to the time left: an attempt aborted early may lose an answer Atlassian
          // already acted on. The budget bounds when attempts start; the longest budget plus a
          // whole request still ends inside the 10-minute leeway.
          timeoutMs: http.timeoutMs,
        })
        return processTokenResponse(answer, grant.tokenUrl, secrets)
      } catch (error) {
        if (error instanceof ActionError && error.tokenState === 'maybe-rotated')
          mayHaveRotated = true
        throw error
      }
    },
    (error) => transientVerdict(error, retry.clock.now()),
    retry,
    (error, history) => {
      if (!(error instanceof ActionError)) return error
      const state =
        mayHaveRotated && error.tokenState === 'unchanged' ? 'maybe-rotated' : error.tokenState
      return describeAttempts(error, history, state)
    },
  )
}

/**
 * An OAuth error answer. Its `error` and `error_description` are quoted only when they keep to
 * RFC 6749 §5.2's characters and lengths (./token-answer-mask.ts), scrubbed of known secrets;
 * anything else in them is not text a server meant for people.
 */
function oauthError(
  status: number,
  fields: Record<string, unknown>,
  origin: string,
  secrets: SecretValues,
): OAuthError {
  const code = printableErrorField('error', fields['error'])
  const printable = printableErrorField('error_description', fields['error_description'])
  const description = printable === undefined ? undefined : secrets.scrub(printable)
  const error = code === undefined ? '' : secrets.scrub(code)
  const said = `${origin} refused the refresh: ${describeRefusal({ status, error, errorDescription: description })}.`
  switch (code) {
    case 'invalid_grant':
    case 'unauthorized_client':
      // unauthorized_client: reported by third parties for a refresh token that was already rotated.
      return new OAuthError(
        'OAUTH_INVALID_GRANT',
        `${said} Atlassian no longer accepts the stored refresh token. Likely causes: it was already used (another run, job or copy rotated it and the newer token was not stored, or an old token was presented after the 10-minute leeway, which revokes every token of the consent); it went 90 days without a refresh; 365 days have passed since the consent; the user revoked the app's access or changed their password.`,
        'rejected',
        'Consent again in a browser (the authorization URL with scope including offline_access and prompt=consent), exchange the code for tokens, and store the new refresh token in the secret. Add a `concurrency:` group to every workflow that rotates this token so that runs never overlap.',
        status,
        error,
        description,
      )
    case 'invalid_client':
    case 'access_denied':
      // access_denied (HTTP 401): reported by third parties for a wrong client secret. The client is
      // authenticated before the refresh token is looked at, so the token was not exchanged.
      return new OAuthError(
        'OAUTH_INVALID_CLIENT',
        `${said} The OAuth app's credentials were not accepted.`,
        'unchanged',
        text`Check ${named('client-id')} and ${named('client-secret')} against the app in https://developer.atlassian.com/console/myapps/ (Settings). If the secret was rotated there, ${renew('client-secret')}.`,
        status,
        error,
        description,
      )
    default:
      return new OAuthError(
        'OAUTH_ERROR',
        said,
        'unchanged',
        text`Check the OAuth app settings in https://developer.atlassian.com/console/myapps/ and ${named('client-id')}, ${named('client-secret')} and ${named('token-url')}.`,
        status,
        error,
        description,
      )
  }
}

/** "HTTP 403, "invalid_grant" ("Unknown or invalid refresh token.")", from what may be shown. */
export function describeRefusal(
  refusal: Pick<OAuthError, 'status' | 'error' | 'errorDescription'>,
): string {
  const code = refusal.error === '' ? 'an error code that is not printable' : `"${refusal.error}"`
  return `HTTP ${refusal.status}, ${code}${refusal.errorDescription ? ` ("${refusal.errorDescription}")` : ''}`
}

/** A redirect target without its query string, which could carry anything. */
function safeLocation(location: string): string {
  try {
    const url = new URL(location)
    return `${url.origin}${url.pathname}`
  } catch {
    return '(an unparsable address)'
  }
}
