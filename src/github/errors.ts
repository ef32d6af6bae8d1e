/**
 * Calling GitHub's REST API: every call retried when the failure is transient, and every failure
 * turned into an error that names the token input, the permission and the fix.
 */
import { RequestError } from '@octokit/request-error'
import { ActionError, type TokenState } from '../errors.js'
import { classifyNetworkFailure } from '../network-failure.js'
import { describeAttempts, transientVerdict, withRetries, type RetryOptions } from '../retry.js'
import type { SecretValues } from '../secrets.js'
import type { GitHubClient } from './client.js'

export interface GitHubCall {
  github: GitHubClient
  route: string
  params: Record<string, unknown>
  /** For messages: "read the Actions secrets public key of repository o/r". */
  doing: string
  /** What a 404 may mean is missing: "repository o/r". */
  subject: string
  /** The input that supplied the token, so the message names it. */
  tokenInput: 'github-token' | 'workflow-token'
  /** What that token needs here, in words. */
  permission: string
  /** Where the refresh token is if this call fails for good. */
  tokenState: TokenState
  secrets: SecretValues
  retry: RetryOptions
}

export interface GitHubAnswer {
  status: number
  data: unknown
  headers: Record<string, string | number | undefined>
}

/** One REST call, retried on network faults, 5xx and rate limits inside `retry`'s deadline. */
export async function callGitHub(call: GitHubCall): Promise<GitHubAnswer> {
  const { clock } = call.retry
  return withRetries(
    async (remainingMs) => {
      try {
        // A cancelled run stops waiting for GitHub at once, except for a write that secures a
        // new token: that one is allowed to finish.
        const timeout = AbortSignal.timeout(remainingMs)
        const { signal, securing } = call.retry
        const response = await call.github.request(call.route, {
          ...call.params,
          request: { signal: signal && !securing ? AbortSignal.any([signal, timeout]) : timeout },
        })
        const data: unknown = response.data
        return { status: response.status, data, headers: response.headers }
      } catch (error) {
        throw explainGitHubError(error, call)
      }
    },
    (error) => transientVerdict(error, clock.now()),
    {
      ...call.retry,
      onRetry: (info) => call.retry.onRetry?.({ ...info, doing: call.doing }),
    },
    (error, history) => (error instanceof ActionError ? describeAttempts(error, history) : error),
  )
}

type ErrorContext = Pick<
  GitHubCall,
  'doing' | 'subject' | 'tokenInput' | 'permission' | 'tokenState' | 'secrets'
>

/** Turns an Octokit failure into an error that names the token, the permission and the fix. */
export function explainGitHubError(error: unknown, context: ErrorContext): ActionError {
  const { doing, subject, tokenInput, permission, tokenState, secrets } = context
  const finish =
    tokenState === 'rotated-not-stored'
      ? ' Then store the recovery value below by hand.'
      : ' Then re-run.'
  if (!(error instanceof RequestError) || error.response === undefined) {
    const failure = classifyNetworkFailure(error)
    return new ActionError(
      'GITHUB_UNREACHABLE',
      `Could not ${doing}: GitHub's API did not answer (${secrets.scrub(failure.description)}).`,
      tokenState,
      `Check "github-api-url" and the network from the runner to it (proxy settings: HTTPS_PROXY / NO_PROXY).${finish}`,
      {
        cause: error,
        ...(failure.permanent ? {} : { transient: { reason: failure.description } }),
      },
    )
  }

  const status = error.status
  const headers = error.response.headers
  const header = (name: string): string | undefined => {
    const value = headers[name]
    return value === undefined ? undefined : String(value)
  }
  const message = secrets.scrub(githubMessage(error))
  const said = `Could not ${doing}: GitHub answered HTTP ${status}${message ? ` "${message}"` : ''}.`
  const accepted = header('x-accepted-github-permissions')
  const needs = `The "${tokenInput}" input needs ${permission}.${accepted ? ` (GitHub says this request accepts the token permissions: ${accepted}.)` : ''}`

  // Rate limits (docs: "Rate limits for the REST API"): a secondary limit answers 403 or 429 with
  // retry-after; a spent primary limit answers with x-ratelimit-remaining: 0 and the reset time.
  const retryAfter = header('retry-after')
  const reset = Number(header('x-ratelimit-reset'))
  if (
    (status === 403 || status === 429) &&
    (retryAfter !== undefined || header('x-ratelimit-remaining') === '0')
  ) {
    const until =
      retryAfter === undefined && Number.isFinite(reset) ? new Date(reset * 1000) : undefined
    return new ActionError(
      'GITHUB_RATE_LIMITED',
      `${said} GitHub's rate limit for the token in "${tokenInput}" was reached${until ? `; it resets at ${until.toISOString()}` : ''}.`,
      tokenState,
      `Wait for the limit to reset, and avoid other heavy API use with the same token at the same time.${finish}`,
      {
        transient: {
          reason: `rate limited (HTTP ${status})`,
          retryAfter: retryAfter ?? until?.toUTCString(),
        },
      },
    )
  }
  if (status >= 500 || status === 429) {
    return new ActionError(
      'GITHUB_UNEXPECTED',
      said,
      tokenState,
      `This is a fault on GitHub's side (https://www.githubstatus.com).${finish}`,
      { transient: { reason: `HTTP ${status}`, retryAfter } },
    )
  }
  if (status === 401) {
    return new ActionError(
      'GITHUB_AUTH',
      `${said} The "${tokenInput}" input is not a valid token: it is wrong, expired or revoked.`,
      tokenState,
      `Create a new token and update the secret that feeds "${tokenInput}". ${needs}${finish}`,
    )
  }
  if (status === 403) {
    // GitHub names the kind of token it refused: "by integration" is an installation token (the
    // workflow's GITHUB_TOKEN is one), "by personal access token" a fine-grained PAT.
    const kind = /personal access token/i.test(message)
      ? `The fine-grained personal access token in "${tokenInput}" lacks the permission.`
      : /integration/i.test(message)
        ? tokenInput === 'github-token'
          ? `The "github-token" input is an installation token without the permission. If it is the workflow's GITHUB_TOKEN (secrets.GITHUB_TOKEN or github.token), that is the cause: GITHUB_TOKEN can never read or write Actions secrets, whatever "permissions:" says. Use a fine-grained personal access token, or a GitHub App installation token (actions/create-github-app-token) whose app has the permission.`
          : `The token in "${tokenInput}" lacks the permission.`
        : `The "${tokenInput}" input may not do this. If the organization uses SAML single sign-on, authorize the token for it.`
    return new ActionError('GITHUB_FORBIDDEN', `${said} ${kind}`, tokenState, `${needs}${finish}`)
  }
  if (status === 404) {
    return new ActionError(
      'GITHUB_NOT_FOUND',
      `${said} Either ${subject} does not exist, or the token in "${tokenInput}" cannot see it (GitHub answers 404 rather than 403 for what a token may not see).`,
      tokenState,
      `Check the "repository" input. For a fine-grained token, check that its resource owner is the repository's owner and that the repository is among its selected repositories. ${needs}${finish}`,
    )
  }
  if (status === 422) {
    return new ActionError(
      'GITHUB_REJECTED_VALUE',
      `${said} GitHub refused the request's content.`,
      tokenState,
      `This is unexpected: please open an issue with this log.${finish}`,
    )
  }
  return new ActionError(
    'GITHUB_UNEXPECTED',
    said,
    tokenState,
    `Check "github-api-url" and "repository".${finish}`,
  )
}

function githubMessage(error: RequestError): string {
  const data = error.response?.data
  if (isRecord(data) && typeof data['message'] === 'string') return data['message'].slice(0, 200)
  return ''
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A GitHub answer quoted in an error: at most 200 characters, secrets removed. */
export function quote(data: unknown, secrets: SecretValues): string {
  const text =
    typeof data === 'string' ? data : data === undefined ? '(nothing)' : JSON.stringify(data)
  const scrubbed = secrets.scrub(text).replace(/\s+/g, ' ')
  return JSON.stringify(scrubbed.length > 200 ? `${scrubbed.slice(0, 200)}…` : scrubbed)
}
