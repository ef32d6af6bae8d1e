/**
 * Calling GitHub's REST API: every call retried when the failure is transient, and every failure
 * turned into an error that blames what failed (the token, GitHub, "github-api-url", a proxy) and
 * names the fix. What an answer says about itself is read in ./answer.ts.
 */
import { input, named, renew, text, tokenIn, type Setting } from '../common/settings.js'
import { RequestError } from '@octokit/request-error'
import { ActionError, type TokenState } from '../common/errors.js'
import { classifyNetworkFailure } from '../common/network-failure.js'
import {
  describeAttempts,
  transientVerdict,
  withRetries,
  type RetryOptions,
} from '../common/retry.js'
import type { SecretValues } from '../common/secrets.js'
import { isRecord } from '../common/is-record.js'
import { rateLimitOf, readAnswer, type AnswerFacts } from './answer.js'
import type { GitHubClient } from './client.js'
import {
  finishFor,
  isRedirect,
  moved,
  notTheApi,
  rateLimited,
  serverFault,
  type AnswerContext,
} from './unusable-answers.js'

export interface GitHubCall {
  github: GitHubClient
  route: string
  params: Record<string, unknown>
  /** For messages: "read the Actions secrets public key of repository o/r". */
  doing: string
  /** What a 404 may mean is missing: "repository o/r". */
  subject: string
  /** The setting that names it: what to check when GitHub cannot find it. */
  subjectSetting: Setting
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

/**
 * One REST call, retried on network faults, 5xx and rate limits inside `retry`'s deadline. Only a
 * 2xx answer whose body is JSON (or empty) comes back: a redirect, or any other body, is GitHub's web
 * interface or a proxy answering, never GitHub's REST API (./answer.ts).
 */
export async function callGitHub(call: GitHubCall): Promise<GitHubAnswer> {
  const { clock } = call.retry
  const context = (): ErrorContext => ({
    ...call,
    apiUrl: call.github.request.endpoint.DEFAULTS.baseUrl,
    now: clock.now(),
  })
  return withRetries(
    async (remainingMs) => {
      let response
      try {
        // A cancelled run stops waiting for GitHub at once, except for a write that secures a
        // new token: that one is allowed to finish.
        const timeout = AbortSignal.timeout(remainingMs)
        const { signal, securing } = call.retry
        response = await call.github.request(call.route, {
          ...call.params,
          request: { signal: signal && !securing ? AbortSignal.any([signal, timeout]) : timeout },
        })
      } catch (error) {
        throw explainGitHubError(error, context())
      }
      // Octokit resolves every status under 400 with whatever body came.
      const answer = readAnswer(response)
      if (isRedirect(answer.status) || !(answer.json || answer.empty)) {
        throw explainAnswer(answer, context())
      }
      const data: unknown = response.data
      return { status: response.status, data, headers: response.headers }
    },
    (error) => transientVerdict(error, clock.now()),
    {
      ...call.retry,
      onRetry: (info) => call.retry.onRetry?.({ ...info, doing: call.doing }),
    },
    (error, history) => (error instanceof ActionError ? describeAttempts(error, history) : error),
  )
}

export type ErrorContext = AnswerContext & Pick<GitHubCall, 'permission'>

/** Turns an Octokit failure into an error that blames the right thing and names the fix. */
export function explainGitHubError(error: unknown, context: ErrorContext): ActionError {
  if (!isRequestError(error) || error.response === undefined) {
    const failure = classifyNetworkFailure(error)
    return new ActionError(
      'GITHUB_UNREACHABLE',
      `Could not ${context.doing}: GitHub's API did not answer (${context.secrets.scrub(failure.description)}).`,
      context.tokenState,
      text`Check ${named('github-api-url')} and the network from the runner to it (proxy settings: HTTPS_PROXY / NO_PROXY).${finishFor(context.tokenState)}`,
      {
        cause: error,
        ...(failure.permanent ? {} : { transient: { reason: failure.description } }),
      },
    )
  }
  return explainAnswer(
    readAnswer({
      status: error.status,
      url: error.response.url || error.request.url,
      headers: error.response.headers,
      data: error.response.data,
    }),
    context,
  )
}

/**
 * An answer Octokit turned into an error. Recognised by its shape too: under a runner stand-in that
 * brings its own copy of @octokit/request (`npm run local-action`: @github/local-action stubs
 * @actions/github), the error is another copy's RequestError, and `instanceof` alone would take
 * every answer, a 404 too, for a network failure.
 */
function isRequestError(error: unknown): error is RequestError {
  if (error instanceof RequestError) return true
  return (
    error instanceof Error &&
    error.name === 'HttpError' &&
    'status' in error &&
    typeof error.status === 'number' &&
    'request' in error &&
    isRecord(error.request)
  )
}

/**
 * Any answer that is not a usable success, in the order that blames the right thing: a rate limit
 * first (its 403 is no permission problem), then a server fault (GitHub's only when GitHub's API
 * sent it), then anything that is not GitHub's API answering (never the repository's or the
 * token's fault), and only then what GitHub's own error says.
 */
function explainAnswer(answer: AnswerFacts, context: ErrorContext): ActionError {
  const limit = rateLimitOf(answer, context.now)
  if (limit) return rateLimited(answer, limit, context)
  if (answer.status >= 500) return serverFault(answer, context)
  if (isRedirect(answer.status) && answer.json && answer.requestId !== undefined) {
    return moved(answer, context)
  }
  if (!answer.json || isRedirect(answer.status)) return notTheApi(answer, context)
  return refused(answer, context)
}

/** GitHub's API refused the request: the token, its permission, or what was asked for. */
function refused(answer: AnswerFacts, context: ErrorContext): ActionError {
  const { doing, subject, tokenInput, permission, tokenState, secrets } = context
  const { status } = answer
  const finish = finishFor(tokenState)
  const message = secrets.scrub(answer.message.slice(0, 200))
  const said = `Could not ${doing}: GitHub answered HTTP ${status}${message ? ` "${message}"` : ''}.`
  const accepted = answer.header('x-accepted-github-permissions')
  const needs = text`${input(tokenInput)} needs ${permission}.${accepted ? ` (GitHub says this request accepts the token permissions: ${accepted}.)` : ''}`

  if (status === 401) {
    return new ActionError(
      'GITHUB_AUTH',
      text`${said} ${input(tokenInput)} is not a valid token: it is wrong, expired or revoked.`,
      tokenState,
      text`Create a new token and ${renew(tokenInput)}. ${needs}${finish}`,
    )
  }
  if (status === 403) {
    // GitHub names the kind of token it refused: "by integration" is an installation token (the
    // workflow's GITHUB_TOKEN is one), "by personal access token" a fine-grained PAT.
    const kind = /personal access token/i.test(message)
      ? text`${tokenIn(tokenInput)}, a fine-grained personal access token, lacks the permission.`
      : /integration/i.test(message)
        ? tokenInput === 'github-token'
          ? text`${input('github-token')} is an installation token without the permission. If it is the workflow's GITHUB_TOKEN (secrets.GITHUB_TOKEN or github.token), that is the cause: GITHUB_TOKEN can never read or write Actions secrets, whatever "permissions:" says. Use a fine-grained personal access token, or a GitHub App installation token (actions/create-github-app-token) whose app has the permission.`
          : text`${tokenIn(tokenInput)} lacks the permission.`
        : text`${input(tokenInput)} may not do this. If the organization uses SAML single sign-on, authorize the token for it.`
    return new ActionError(
      'GITHUB_FORBIDDEN',
      text`${said} ${kind}`,
      tokenState,
      text`${needs}${finish}`,
    )
  }
  if (status === 404) {
    return new ActionError(
      'GITHUB_NOT_FOUND',
      text`${said} Either ${subject} does not exist, or ${tokenIn(tokenInput)} cannot see it (GitHub answers 404 rather than 403 for what a token may not see).`,
      tokenState,
      text`Check ${input(context.subjectSetting)}. For a fine-grained token, check that its resource owner is the ${context.subjectSetting === 'organization' ? 'organization' : "repository's owner"}${context.subjectSetting === 'organization' ? '' : ' and that the repository is among its selected repositories'}. ${needs}${finish}`,
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
    text`Check ${named('github-api-url')} and ${named('repository')}.${finish}`,
  )
}

export { isRecord }

/** A GitHub answer quoted in an error: at most 200 characters, secrets removed. */
export function quote(data: unknown, secrets: SecretValues): string {
  const text =
    typeof data === 'string' ? data : data === undefined ? '(nothing)' : JSON.stringify(data)
  const scrubbed = secrets.scrub(text).replace(/\s+/g, ' ')
  return JSON.stringify(scrubbed.length > 200 ? `${scrubbed.slice(0, 200)}…` : scrubbed)
}
