import {
  actionWording,
  asText,
  concat,
  mentions,
  word,
  type Setting,
  type Text,
} from './settings.js'

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
  /** The refresh token was rotated and stored: what failed came after, and the token is safe. */
  | 'stored'
  /**
   * This run stored its new token, but another rotation wrote the secret too, after this run's
   * preflight: the secret may hold the older of two new tokens, which the next rotation would
   * present as a superseded token (Atlassian then revokes the consent).
   */
  | 'overlapped'
  /**
   * This run sent nothing, but a rotation killed before it stored its new token may have spent the
   * stored one: if it did, that rotation's new token (in its log, if it printed its recovery value)
   * is the only working one, and the stored token must not be presented again.
   */
  | 'in-doubt'

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'GITHUB_AUTH'
  | 'GITHUB_FORBIDDEN'
  | 'GITHUB_NOT_FOUND'
  /** The answer did not come from GitHub's REST API: a web page, a proxy's page, a redirect. */
  | 'GITHUB_NOT_API'
  | 'GITHUB_RATE_LIMITED'
  | 'GITHUB_REJECTED_VALUE'
  | 'GITHUB_UNEXPECTED'
  | 'GITHUB_UNREACHABLE'
  | 'OAUTH_INVALID_GRANT'
  | 'OAUTH_INVALID_CLIENT'
  | 'OAUTH_ERROR'
  | 'TOKEN_ENDPOINT_UNREACHABLE'
  | 'TOKEN_ENDPOINT_HTTP'
  | 'INVALID_TOKEN_RESPONSE'
  /** Another rotation rewrote the secret after this run read it: the token in hand is superseded. */
  | 'SUPERSEDED'
  /** Nothing says when the token given was read, and the secret exists: it may be superseded. */
  | 'TOKEN_AGE_UNKNOWN'
  /** Another rotation held the lock for the whole wait: nothing was sent. */
  | 'LOCK_HELD'
  /** An abandoned lock whose holder may have spent the token, too old to break safely. */
  | 'LOCK_ABANDONED'
  /** The time this run may hold the lock ran out before the refresh: nothing was sent. */
  | 'LOCK_TIME_UP'
  /** Another rotation wrote the secret between this run's preflight and the end of its write. */
  | 'ROTATIONS_OVERLAPPED'
  /** A file of the runner's (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY) could not be written. */
  | 'RUNNER_FILE'
  | 'SITES_UNAVAILABLE'
  | 'SITE_NOT_REACHED'
  /** The authorization step (consent in a browser, before any token exists). */
  | 'AUTHORIZATION_DENIED'
  | 'STATE_MISMATCH'
  | 'AUTHORIZATION_RESPONSE_INVALID'
  | 'NO_REFRESH_TOKEN'
  | 'CANCELLED'
  | 'UNEXPECTED'

/** Marks a failure that may pass if the same request is sent again (network fault, 5xx, 429). */
export interface Transient {
  /** Short, for the log line announcing the retry: "HTTP 503", "ECONNRESET". */
  reason: string
  /** The server's Retry-After header, if it sent one. */
  retryAfter?: string | undefined
  /**
   * When the server named no wait but one is needed (GitHub's secondary rate limit: "wait for at
   * least one minute before retrying"): the first wait, in milliseconds.
   */
  waitAtLeastMs?: number | undefined
}

/**
 * A failure explained for the person who has to act on it: what happened (`said`), where the
 * refresh token is now (`tokenState`), and the exact next step (`next`). Both texts keep the
 * settings they name as data (./settings.ts), so each door words them: {@link explain}.
 * `message` and `nextStep` are the action's words, for logs and for the action door.
 */
export class ActionError extends Error {
  override readonly name = 'ActionError'
  readonly transient: Transient | undefined
  readonly said: Text
  readonly next: Text
  /** The HTTP status of the answer that failed, when one came. */
  readonly status: number | undefined

  constructor(
    readonly code: ErrorCode,
    message: string | Text,
    readonly tokenState: TokenState,
    nextStep: string | Text,
    options?: { cause?: unknown; transient?: Transient; status?: number },
  ) {
    const said = asText(message)
    super(word(said, actionWording), options)
    this.said = said
    this.next = asText(nextStep)
    this.transient = options?.transient
    this.status = options?.status
  }

  get nextStep(): string {
    return word(this.next, actionWording)
  }

  /** The setting to fix, when the next step names one: the first it names. */
  get setting(): Setting | undefined {
    return mentions(this.next)[0] ?? mentions(this.said)[0]
  }

  /** The same failure with more said about it, and possibly a graver token state. */
  amend(addition: string | Text, tokenState: TokenState = this.tokenState): ActionError {
    return new ActionError(this.code, concat([this.said, addition], ' '), tokenState, this.next, {
      cause: this,
      ...(this.status !== undefined && { status: this.status }),
    })
  }
}

/** What a failure said, with the settings it names kept as data. */
export function saidOf(error: unknown): Text {
  if (error instanceof ActionError) return error.said
  return [error instanceof Error ? error.message : String(error)]
}

/** An OAuth error answer from the token endpoint (RFC 6749 §5.2): `error` and `error_description`. */
export class OAuthError extends ActionError {
  constructor(
    code: ErrorCode,
    message: string | Text,
    tokenState: TokenState,
    nextStep: string | Text,
    override readonly status: number,
    readonly error: string,
    readonly errorDescription: string | undefined,
  ) {
    super(code, message, tokenState, nextStep)
  }
}
