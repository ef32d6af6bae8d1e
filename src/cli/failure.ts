/**
 * The one shape of every failure the command line tool reports, whichever command, check or
 * refusal it comes from (the dispatcher's usage errors, a flag's, an input's, a refusal from
 * Atlassian or GitHub, a bug):
 *
 *   error: <what happened>
 *   <more of what happened, and where the token is now when one is at stake>
 *   Next step: <what to do now>
 *   <what the next step refers to: a command to run, the recovery value>
 *
 * "error: " opens it, so that it stands out among progress lines (and `grep '^error: '` finds
 * it); "Next step: " is never missing, because a person reading a failure at 2 a.m. needs one.
 * Nothing else in the tool prints either: every failure goes through {@link reportFailure}.
 */
import { ActionError } from '../common/errors.js'
import { asText, concat, type Text } from '../common/settings.js'
import { CliError } from './exit-codes.js'
import { TOOL } from './options.js'
import type { Terminal } from './terminal.js'

export interface Failure {
  /** What happened (the first line follows "error: "). */
  said: string | Text
  /** Where the token is now, when a token is at stake. */
  state?: string | Text | undefined
  /** What to do now (follows "Next step: "). */
  next: string | Text
  /** What the next step refers to, printed after it. */
  after?: string | Text | undefined
}

/** The failure's lines, in the one shape; settings are worded by the terminal that prints them. */
export function failureText(failure: Failure): Text {
  const parts: Text[] = [concat(['error: ', failure.said])]
  if (failure.state !== undefined) parts.push(asText(failure.state))
  parts.push(concat(['Next step: ', failure.next]))
  if (failure.after !== undefined) parts.push(asText(failure.after))
  return concat(parts, '\n')
}

/** What a thrown error says, as a failure: the tool's and the rotation's own, or a bug. */
export function failureOf(error: unknown): Failure {
  if (error instanceof CliError) {
    return { said: error.said, state: error.state, next: error.next }
  }
  if (error instanceof ActionError) return { said: error.said, next: error.next }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return {
    said: `Unexpected failure: ${detail}`,
    next: `Run it again; if it fails the same way, open an issue at the ${TOOL} repository with this output (secrets are removed from it).`,
  }
}

/** Prints a failure (or a thrown error, as a failure) on standard error, scrubbed of secrets. */
export function reportFailure(terminal: Terminal, failure: Failure): void {
  terminal.say(failureText(failure))
}

export function reportError(terminal: Terminal, error: unknown): void {
  reportFailure(terminal, failureOf(error))
}
