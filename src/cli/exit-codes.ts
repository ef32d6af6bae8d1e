/**
 * The command line tool's exit codes: one per kind of outcome a script (or a person) acts on
 * differently. Each command declares the ones it returns (CommandSpec.exitCodes); its --help lists
 * those, and the README all of them.
 */
import { asText, word, type Text } from '../common/settings.js'
import { cliWording } from './wording.js'
import { ActionError, type ErrorCode } from '../common/errors.js'

export const EXIT = {
  /** Done. */
  OK: 0,
  /** Something this tool did not foresee: a bug, or an environment it does not know. */
  UNEXPECTED: 1,
  /** A flag or environment variable is missing or malformed; nothing was sent. */
  USAGE: 2,
  /** The consent produced no usable code: declined, a state mismatch, a bad address, timed out. */
  AUTHORIZATION: 3,
  /** Atlassian refused or could not be reached (token endpoint, list of sites). */
  ATLASSIAN: 4,
  /** GitHub refused or could not be reached (token, permission, secret, variable). */
  GITHUB: 5,
  /**
   * A new refresh token was issued but the secret does not (or may not) hold it: it could not be
   * stored, or another rotation wrote the secret too. Its sealed copy is printed.
   */
  NOT_STORED: 6,
  /** Another rotation rewrote the secret after the token given was read: it was not sent. */
  SUPERSEDED: 7,
  /**
   * The lock next to the secret was held for the whole wait, or was abandoned by a rotation that
   * may have spent the token: nothing was sent.
   */
  LOCK_HELD: 8,
  /** `status`: the integration works, but something will stop it unless someone acts. */
  AT_RISK: 9,
  /** `status`: the refresh token (or the whole consent) is most likely dead: consent again. */
  DEAD: 10,
  /** Interrupted (Ctrl-C), by the shell's convention 128 + SIGINT. */
  INTERRUPTED: 130,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** For --help and the README: what each code means, in one line. */
export const EXIT_CODE_HELP: readonly [ExitCode, string][] = [
  [EXIT.OK, 'done'],
  [EXIT.UNEXPECTED, 'unexpected failure (please report it), or an environment it cannot start in'],
  [EXIT.USAGE, 'usage: a flag or environment variable is missing or wrong; nothing was sent'],
  [
    EXIT.AUTHORIZATION,
    'no usable consent: declined, state mismatch, bad pasted address, or timed out',
  ],
  [EXIT.ATLASSIAN, 'Atlassian refused or was unreachable (token endpoint, sites)'],
  [EXIT.GITHUB, 'GitHub refused or was unreachable (token, permission, secret, variable)'],
  [
    EXIT.NOT_STORED,
    'a new refresh token was issued but the secret does not (or may not) hold it: its sealed copy is printed',
  ],
  [
    EXIT.SUPERSEDED,
    'another rotation rewrote the secret since the token given was read: it was not sent (nothing lost)',
  ],
  [
    EXIT.LOCK_HELD,
    'the lock next to the secret stayed held, or was abandoned by a rotation that may have spent the token: nothing was sent',
  ],
  [
    EXIT.AT_RISK,
    'status: at risk; it works now, but stops unless someone acts (the reasons say what)',
  ],
  [EXIT.DEAD, 'status: dead; the refresh token or its consent is past its limit: consent again'],
  [EXIT.INTERRUPTED, 'interrupted (Ctrl-C)'],
]

/**
 * A failure of the tool itself (usage, the local callback), with its exit code and next step: the
 * parts of the one failure shape (./failure.ts).
 */
export class CliError extends Error {
  override readonly name = 'CliError'
  /** What happened and what to do, with the settings they name kept as data. */
  readonly said: Text
  readonly next: Text
  /** Where the token is now, when the failure leaves one at stake. */
  readonly state: Text | undefined

  constructor(
    readonly exitCode: ExitCode,
    message: string | Text,
    nextStep: string | Text,
    options?: { cause?: unknown; state?: string | Text },
  ) {
    const said = asText(message)
    super(word(said, cliWording()), options)
    this.said = said
    this.next = asText(nextStep)
    this.state = options?.state === undefined ? undefined : asText(options.state)
  }
}

const BY_CODE: Record<ErrorCode, ExitCode> = {
  INVALID_INPUT: EXIT.USAGE,
  AUTHORIZATION_DENIED: EXIT.AUTHORIZATION,
  STATE_MISMATCH: EXIT.AUTHORIZATION,
  AUTHORIZATION_RESPONSE_INVALID: EXIT.AUTHORIZATION,
  NO_REFRESH_TOKEN: EXIT.ATLASSIAN,
  OAUTH_INVALID_GRANT: EXIT.ATLASSIAN,
  OAUTH_INVALID_CLIENT: EXIT.ATLASSIAN,
  OAUTH_ERROR: EXIT.ATLASSIAN,
  TOKEN_ENDPOINT_UNREACHABLE: EXIT.ATLASSIAN,
  TOKEN_ENDPOINT_HTTP: EXIT.ATLASSIAN,
  INVALID_TOKEN_RESPONSE: EXIT.ATLASSIAN,
  SITES_UNAVAILABLE: EXIT.ATLASSIAN,
  SITE_NOT_REACHED: EXIT.ATLASSIAN,
  GITHUB_AUTH: EXIT.GITHUB,
  GITHUB_FORBIDDEN: EXIT.GITHUB,
  GITHUB_NOT_FOUND: EXIT.GITHUB,
  GITHUB_NOT_API: EXIT.GITHUB,
  GITHUB_RATE_LIMITED: EXIT.GITHUB,
  GITHUB_REJECTED_VALUE: EXIT.GITHUB,
  GITHUB_UNEXPECTED: EXIT.GITHUB,
  GITHUB_UNREACHABLE: EXIT.GITHUB,
  SUPERSEDED: EXIT.SUPERSEDED,
  TOKEN_AGE_UNKNOWN: EXIT.USAGE,
  ROTATIONS_OVERLAPPED: EXIT.NOT_STORED,
  LOCK_HELD: EXIT.LOCK_HELD,
  LOCK_ABANDONED: EXIT.LOCK_HELD,
  LOCK_TIME_UP: EXIT.GITHUB,
  RUNNER_FILE: EXIT.UNEXPECTED,
  CANCELLED: EXIT.INTERRUPTED,
  UNEXPECTED: EXIT.UNEXPECTED,
}

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode
  if (error instanceof ActionError) return BY_CODE[error.code]
  return EXIT.UNEXPECTED
}
