/**
 * Where the working refresh token is when a run stops. Every failure names one of these, because the
 * first question at 2 a.m. is "is my integration still alive, and what do I do before it dies?".
 */
export type TokenState =
  /** The stored token was not exchanged (never sent, or refused before use): it still works. */
  | 'unchanged'
  /**
   * The refresh token was sent but no usable answer came back. Atlassian may have rotated it; if so,
   * the stored token is the "previous" one, still accepted during the 10-minute leeway
   * (see ../shared/FACTS.md, rotation rules).
   */
  | 'maybe-rotated'
  /** Atlassian refused the stored refresh token: the consent has to be given again. */
  | 'rejected'
  /** A new refresh token was issued and the secret was not updated: it exists only in this run. */
  | 'rotated-not-stored'

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'GITHUB_AUTH'
  | 'GITHUB_FORBIDDEN'
  | 'GITHUB_NOT_FOUND'
  | 'GITHUB_UNEXPECTED'
  | 'GITHUB_UNREACHABLE'
  | 'OAUTH_INVALID_GRANT'
  | 'OAUTH_INVALID_CLIENT'
  | 'OAUTH_ERROR'
  | 'TOKEN_ENDPOINT_UNREACHABLE'
  | 'TOKEN_ENDPOINT_HTTP'
  | 'INVALID_TOKEN_RESPONSE'
  | 'UNEXPECTED'

/**
 * A failure explained for the person who has to act on it: what happened (`message`), where the
 * refresh token is now (`tokenState`), and the exact next step (`nextStep`).
 */
export class ActionError extends Error {
  override readonly name = 'ActionError'

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly tokenState: TokenState,
    readonly nextStep: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
  }
}

/** An OAuth error answer from the token endpoint (RFC 6749 §5.2): `error` and `error_description`. */
export class OAuthError extends ActionError {
  constructor(
    code: ErrorCode,
    message: string,
    tokenState: TokenState,
    nextStep: string,
    readonly status: number,
    readonly error: string,
    readonly errorDescription: string | undefined,
  ) {
    super(code, message, tokenState, nextStep)
  }
}
