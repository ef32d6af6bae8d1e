/**
 * Annotation titles: the few words the run's page shows above each failure. Where the refresh
 * token is comes first when the reader must act on it before anything else; otherwise the kind
 * of failure.
 */
import type { ActionError, ErrorCode, TokenState } from '../common/errors.js'

const BY_STATE: Partial<Record<TokenState, string>> = {
  'rotated-not-stored': 'Refresh token rotated but not stored',
  'maybe-rotated': 'Refresh token may have been rotated',
  overlapped: 'Two rotations overlapped',
}

// A Record, so that a new error code cannot go without a title.
const BY_CODE: Record<ErrorCode, string> = {
  INVALID_INPUT: 'Invalid input',
  GITHUB_AUTH: 'GitHub token not accepted',
  GITHUB_FORBIDDEN: 'GitHub token lacks a permission',
  GITHUB_NOT_FOUND: 'Not found on GitHub',
  GITHUB_NOT_API: "Answer not from GitHub's API",
  GITHUB_RATE_LIMITED: 'GitHub rate limit',
  GITHUB_REJECTED_VALUE: 'GitHub rejected the secret value',
  GITHUB_UNEXPECTED: 'Unexpected answer from GitHub',
  GITHUB_UNREACHABLE: 'GitHub unreachable',
  OAUTH_INVALID_GRANT: 'Refresh token refused',
  OAUTH_INVALID_CLIENT: 'OAuth app credentials refused',
  OAUTH_ERROR: 'Token endpoint refused the refresh',
  TOKEN_ENDPOINT_UNREACHABLE: 'Token endpoint unreachable',
  TOKEN_ENDPOINT_HTTP: 'Token endpoint failed',
  INVALID_TOKEN_RESPONSE: 'Unusable token answer',
  SUPERSEDED: 'Superseded by another rotation',
  TOKEN_AGE_UNKNOWN: 'Stored token may be superseded',
  ROTATIONS_OVERLAPPED: 'Two rotations overlapped',
  LOCK_HELD: 'Another rotation holds the lock',
  LOCK_ABANDONED: 'Token in doubt after an abandoned lock',
  LOCK_TIME_UP: 'Time under the lock ran out',
  RUNNER_FILE: "Runner's files not written",
  SITES_UNAVAILABLE: 'Cloud id not found',
  SITE_NOT_REACHED: 'Site not reached',
  AUTHORIZATION_DENIED: 'Consent declined',
  STATE_MISMATCH: 'Consent answer not ours',
  AUTHORIZATION_RESPONSE_INVALID: 'Unusable consent answer',
  NO_REFRESH_TOKEN: 'No refresh token issued',
  CANCELLED: 'Rotation cancelled',
  UNEXPECTED: 'Unexpected failure',
}

export function titleOf(problem: ActionError): string {
  return BY_STATE[problem.tokenState] ?? BY_CODE[problem.code]
}

/** The title of an input's problem: the input, as the workflow names it. */
export function inputTitle(input: string): string {
  return `Input "${input}"`
}
