/**
 * How a rotation tells its door (the action, the command line tool) what is happening, while it
 * happens. The door decides how to show it: workflow commands in a runner log, lines on a terminal.
 */
import type { Text } from '../common/settings.js'
import type { Recovery, RunContext } from './explain.js'

export interface RotationEvents {
  /** Messages name settings as data (../common/settings.ts): the door words them. */
  info(message: string | Text): void
  /** `title`: a few words naming what happened, for doors that show a heading (the runner's
   * annotations). */
  notice(message: string | Text, title?: string): void
  warning(message: string | Text, title?: string): void
  /** For a log that shows details only on request: one line per HTTP request, for instance. */
  debug(message: string): void
  /**
   * The new refresh token, sealed under GitHub's public key, before it is written: the door shows
   * it where the person will find it if the write never completes.
   */
  recovery(recovery: Recovery, context: RunContext): void
}

/**
 * The events, each call made safe: a door that fails to print (a closed pipe, a full disk) must
 * never interrupt a rotation between the refresh grant's answer and the secret write, when the
 * only working token is in this process.
 */
export function guarded(events: RotationEvents): RotationEvents {
  const safely =
    <A extends unknown[]>(call: (...args: A) => void) =>
    (...args: A): void => {
      try {
        call(...args)
      } catch {
        // Nothing better to do: the failure to speak must not become a failure to store.
      }
    }
  return {
    info: safely((message: string | Text) => events.info(message)),
    notice: safely((message: string | Text, title?: string) => events.notice(message, title)),
    warning: safely((message: string | Text, title?: string) => events.warning(message, title)),
    debug: safely((message: string) => events.debug(message)),
    recovery: safely((recovery: Recovery, context: RunContext) =>
      events.recovery(recovery, context),
    ),
  }
}
