/**
 * How a rotation tells its door (the action, the command line tool) what is happening, while it
 * happens. The door decides how to show it: workflow commands in a runner log, lines on a terminal.
 */
import type { Recovery, RunContext } from './explain.js'

export interface RotationEvents {
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
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
    info: safely((message: string) => events.info(message)),
    notice: safely((message: string) => events.notice(message)),
    warning: safely((message: string) => events.warning(message)),
    debug: safely((message: string) => events.debug(message)),
    recovery: safely((recovery: Recovery, context: RunContext) =>
      events.recovery(recovery, context),
    ),
  }
}
