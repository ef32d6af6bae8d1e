/**
 * Getting the first refresh token: the consent address a person opens in a browser, the answer the
 * browser brings back to the callback URL, and the authorization-code grant that turns its code
 * into tokens. Split like the refresh grant: building and reading are pure; sending is separate.
 *
 * Provider rules (../shared/FACTS.md, "Atlassian OAuth 2.0 (3LO)"): the consent URL's parameters;
 * a refresh token only when `scope` holds `offline_access`; `redirect_uri` in the grant must equal
 * the app's callback URL. The answer's fields and errors are RFC 6749 §4.1.2 and §4.1.2.1.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { ActionError, OAuthError } from '../common/errors.js'
import type { HttpAnswer, HttpOptions } from '../common/http.js'
import { classifyNetworkFailure } from '../common/network-failure.js'
import {
  describeAttempts,
  transientVerdict,
  withRetries,
  type RetryOptions,
} from '../common/retry.js'
import type { SecretValues } from '../common/secrets.js'
import { scopeNames } from './token-answer-mask.js'
import {
  describeRefusal,
  postGrant,
  processTokenResponse,
  type TokenSet,
} from './token-endpoint.js'

export const DEFAULT_AUTHORIZE_URL = 'https://auth.atlassian.com/authorize'
/** Without it in the consent's scope, Atlassian issues no refresh token at all. */
export const OFFLINE_ACCESS = 'offline_access'

export interface ConsentRequest {
  /** https://auth.atlassian.com/authorize */
  authorizeUrl: URL
  clientId: string
  /** Scopes separated by spaces (or commas); `offline_access` is added when missing. */
  scope: string
  /** The app's callback URL, exactly as registered in the developer console. */
  redirectUri: string
  /** From {@link newState}: ties the answer to this request (RFC 6749 §10.12). */
  state: string
}

/** The scopes, each once, separated by single spaces, with `offline_access` added when missing. */
export function withOfflineAccess(scope: string): string {
  const scopes = [...new Set(scope.split(/[\s,]+/).filter((s) => s !== ''))]
  if (!scopes.includes(OFFLINE_ACCESS)) scopes.push(OFFLINE_ACCESS)
  return scopes.join(' ')
}

/** 256 random bits, URL-safe: unguessable, so a forged answer cannot carry it. */
export function newState(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * The address that asks the user for consent, with the parameters in the order Atlassian documents
 * them. Spaces are encoded as %20, as in Atlassian's examples (not `+`).
 */
export function consentUrl(request: ConsentRequest): URL {
  const parameters: [string, string][] = [
    ['audience', 'api.atlassian.com'],
    ['client_id', request.clientId],
    ['scope', withOfflineAccess(request.scope)],
    ['redirect_uri', request.redirectUri],
    ['state', request.state],
    ['response_type', 'code'],
    ['prompt', 'consent'],
  ]
  const url = new URL(request.authorizeUrl)
  url.search = parameters.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')
  url.hash = ''
  return url
}

/**
 * Takes the authorization code from the address the browser landed on (the callback URL with
 * `?code=…&state=…`), as a local listener receives it or as a person pastes it. Refuses an answer
 * whose `state` is not this request's: it was not started here (a forged or stale answer, or a
 * second attempt's address pasted into the first). Refuses the user's refusal (`error=`), too.
 *
 * The parameters are read from the query and, failing that, from the fragment: a single-page site
 * (the Confluence site the guides use as callback) may move them there before it can be copied.
 */
export function readAuthorizationResponse(address: string, expectedState: string): string {
  const text = address.trim().replace(/^(['"<])(.*)(['">])$/s, '$2')
  const parameters = answerParameters(text)
  const invalid = (what: string): ActionError =>
    new ActionError(
      'AUTHORIZATION_RESPONSE_INVALID',
      `The address ${what}. It should be the callback URL with "?code=…&state=…" appended, as the browser shows it after you accept.`,
      'unchanged',
      'Copy the whole address from the browser\'s address bar after accepting (it starts with the callback URL), and paste it in one line. If the browser showed a page without "code=" in its address, run authorize again.',
    )
  if (parameters === undefined) throw invalid('is not a web address (nothing to read "code" from)')

  const single = (name: string): string | undefined => {
    const values = parameters.getAll(name)
    if (values.length > 1) throw invalid(`holds "${name}" more than once`)
    return values[0]
  }
  const code = single('code')
  const state = single('state')
  const error = single('error')
  if (code === undefined && error === undefined) {
    throw invalid('holds no "code" (and no "error")')
  }
  if (state === undefined || !sameState(state, expectedState)) {
    throw new ActionError(
      'STATE_MISMATCH',
      state === undefined
        ? 'The address holds no "state", so it cannot be tied to this authorization: a code without it could be anyone\'s.'
        : 'The address holds another "state" than the consent address this run made: the answer belongs to another authorization (an older attempt, another terminal, or a forged link). Its code was not used.',
      'unchanged',
      'Open the consent address printed by this run (not an older one), accept, and paste the address you land on then.',
    )
  }
  if (error !== undefined) {
    const description = single('error_description')
    const said = `${JSON.stringify(error.slice(0, 60))}${description ? ` ("${description.slice(0, 200)}")` : ''}`
    throw new ActionError(
      'AUTHORIZATION_DENIED',
      error === 'access_denied'
        ? `The consent was declined in the browser (${said}): no code was issued.`
        : `Atlassian answered the consent with an error, ${said}: no code was issued.`,
      'unchanged',
      error === 'access_denied'
        ? 'Run authorize again and choose "Accept". The account that accepts must be able to use the site the integration reads.'
        : 'Check --client-id, --callback (it must equal the app\'s callback URL in https://developer.atlassian.com/console/myapps/, "Authorization") and --scope (only scopes the app has under "Permissions").',
    )
  }
  if (code === undefined || code === '' || code.length > 4096 || /\s/.test(code)) {
    throw invalid('holds an empty or malformed "code"')
  }
  return code
}

function answerParameters(text: string): URLSearchParams | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    // A bare query string ("?code=…&state=…" or "code=…&state=…") is accepted too.
    if (!/^\??[\w.~-]+=/.test(text)) return undefined
    return new URLSearchParams(text.replace(/^\?/, ''))
  }
  const inQuery = url.searchParams
  if (inQuery.has('code') || inQuery.has('error') || inQuery.has('state')) return inQuery
  // "#code=…&state=…" or a router's "#/path?code=…&state=…".
  const fragment = url.hash.replace(/^#/, '')
  return new URLSearchParams(
    fragment.includes('?') ? fragment.slice(fragment.indexOf('?') + 1) : fragment,
  )
}

/** Compares in constant time: hashing first makes the lengths equal, as timingSafeEqual needs. */
function sameState(received: string, expected: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()
  return timingSafeEqual(digest(received), digest(expected))
}

export interface AuthorizationCodeGrantRequest {
  tokenUrl: URL
  clientId: string
  clientSecret: string
  code: string
  /** Must equal the `redirect_uri` of the consent that issued the code. */
  redirectUri: string
}

/**
 * The answer to a consent: a first refresh token is part of it, or the grant fails. The access
 * token may be missing (then `warnings` says so): the refresh token is what the consent is for.
 */
export interface ConsentTokens extends TokenSet {
  refreshToken: string
}

/** POSTs the authorization-code grant. A code is single-use, but no refresh token is at stake. */
export function sendAuthorizationCodeGrant(
  grant: AuthorizationCodeGrantRequest,
  http: HttpOptions,
): Promise<HttpAnswer> {
  const nextStep =
    'Check the network to the token endpoint (proxy settings: HTTPS_PROXY / NO_PROXY) and --token-url, then run authorize again.'
  return postGrant(
    grant.tokenUrl,
    {
      grant_type: 'authorization_code',
      client_id: grant.clientId,
      client_secret: grant.clientSecret,
      code: grant.code,
      redirect_uri: grant.redirectUri,
    },
    http,
    {
      ifReached: 'unchanged',
      nextStepIfReached: nextStep,
      nextStepIfNotSent: nextStep,
      nextStepIfTooLarge: 'Check --token-url: it should be https://auth.atlassian.com/oauth/token.',
    },
  )
}

/**
 * Exchanges an authorization code for the consent's first tokens. The code is registered with
 * `secrets` before it is sent, the tokens the moment they are parsed. Transient failures are
 * retried inside `retry`'s deadline; a retry after an answer was lost presents a code Atlassian may
 * already have used, which it then refuses, and the error says so.
 */
export async function authorizationCodeGrant(
  grant: AuthorizationCodeGrantRequest,
  http: HttpOptions,
  secrets: SecretValues,
  retry: RetryOptions,
): Promise<ConsentTokens> {
  secrets.add(grant.code)
  // Once an attempt may have reached Atlassian, the code may be spent whatever comes after.
  let codeMayBeSpent = false
  const tokens = await withRetries(
    async () => {
      try {
        const answer = await sendAuthorizationCodeGrant(grant, {
          ...http,
          // Never cut to the time left: an attempt aborted early may lose an answer Atlassian
          // already acted on. The budget bounds when attempts start; the longest budget plus a
          // whole request still ends inside the 10-minute leeway.
          timeoutMs: http.timeoutMs,
        })
        return processTokenResponse(answer, grant.tokenUrl, secrets)
      } catch (error) {
        const explained = explainCodeGrantError(error, grant.tokenUrl, codeMayBeSpent)
        if (mayHaveReachedAtlassian(error)) codeMayBeSpent = true
        throw explained
      }
    },
    (error) => transientVerdict(error, retry.clock.now()),
    retry,
    (error, history) => (error instanceof ActionError ? describeAttempts(error, history) : error),
  )
  if (tokens.refreshToken === undefined) {
    throw new ActionError(
      'NO_REFRESH_TOKEN',
      `The token endpoint ${grant.tokenUrl.origin} exchanged the code for an access token but issued no refresh token${describeGrantedScopes(tokens.scope)}. Atlassian issues a refresh token only when the consent's scope includes offline_access, and this consent's did not.`,
      'unchanged',
      'Run authorize again and open the consent address it prints as it is (it always asks for offline_access): an address edited by hand, or copied from elsewhere, may have lost it.',
    )
  }
  return { ...tokens, refreshToken: tokens.refreshToken }
}

/** " (granted scopes: a b)", naming only words that are scope names: the rest may be anything. */
function describeGrantedScopes(scope: string | undefined): string {
  if (scope === undefined) return ''
  const { names, others } = scopeNames(scope)
  const rest =
    others === 0
      ? ''
      : `${names.length > 0 ? ', and ' : ''}${others} word${others === 1 ? '' : 's'} not shown`
  return names.length + others === 0 ? '' : ` (granted scopes: ${names.join(' ')}${rest})`
}

function mayHaveReachedAtlassian(error: unknown): boolean {
  if (!(error instanceof ActionError)) return false
  if (error.code === 'TOKEN_ENDPOINT_UNREACHABLE') {
    return classifyNetworkFailure(error.cause).mayHaveReachedServer
  }
  // The shared processing marks answers that may come after the grant was processed (5xx, a 200
  // that is not a token answer) as "maybe-rotated".
  return error.tokenState === 'maybe-rotated'
}

/**
 * The token endpoint's errors, said about a code rather than a stored refresh token (the shared
 * processing phrases them for the refresh grant).
 */
function explainCodeGrantError(error: unknown, tokenUrl: URL, codeMayBeSpent: boolean): unknown {
  if (!(error instanceof ActionError)) return error
  if (!(error instanceof OAuthError)) {
    // Keep what happened and whether it is worth another attempt; the next step is this command's.
    return new ActionError(
      error.code,
      error.message,
      'unchanged',
      'Check --token-url (Atlassian: https://auth.atlassian.com/oauth/token) and the network to it, then run authorize again.',
      { cause: error, ...(error.transient && { transient: error.transient }) },
    )
  }
  const said = `${tokenUrl.origin} refused the authorization code: ${describeRefusal(error)}.`
  switch (error.error) {
    case 'invalid_grant':
      return new OAuthError(
        'OAUTH_INVALID_GRANT',
        `${said} A code works once, for a few minutes, and only with the callback URL it was issued for: it was already exchanged (an address pasted twice, or a page reloaded), it expired, or --callback is not the callback of the consent.${codeMayBeSpent ? ' An earlier attempt of this run may have reached Atlassian and used it.' : ''}`,
        'unchanged',
        'Run authorize again and finish within a few minutes; use each address once.',
        error.status,
        error.error,
        error.errorDescription,
      )
    case 'invalid_client':
    case 'access_denied':
    case 'unauthorized_client':
      return new OAuthError(
        'OAUTH_INVALID_CLIENT',
        `${said} The OAuth app's credentials were not accepted.`,
        'unchanged',
        'Check --client-id and ATLASSIAN_CLIENT_SECRET against the app in https://developer.atlassian.com/console/myapps/ ("Settings").',
        error.status,
        error.error,
        error.errorDescription,
      )
    default:
      return new OAuthError(
        'OAUTH_ERROR',
        said,
        'unchanged',
        'Check the app in https://developer.atlassian.com/console/myapps/, --client-id, --callback and --token-url.',
        error.status,
        error.error,
        error.errorDescription,
      )
  }
}
