/**
 * A job being cancelled. The runner sends SIGINT, then SIGTERM about 7.5 s later, and kills the
 * process about 2.5 s after that (../shared/FACTS.md, "The runner"). From the first signal on, no
 * request that spends the refresh token may start, and what is already in flight decides what the
 * person must do: the rotation asks {@link describeCancellation} at once, while it still can.
 */
import { rerun, text, type Text } from '../common/settings.js'
import { ActionError, type TokenState } from '../common/errors.js'
import type { Clock } from '../common/retry.js'
import { utc, type RunContext } from './explain.js'
import type { TokenCustody } from './custody.js'

/** Registers a handler for the cancellation signals; returns a function that unregisters it. */
export type CancelListener = (handler: (signal: string) => void) => () => void

export class Cancellation {
  readonly #controller = new AbortController()
  readonly #stopListening: () => void
  #signal: string | undefined
  #at: Date | undefined

  constructor(
    listen: CancelListener,
    private readonly clock: Clock,
    onFirst: (cancellation: Cancellation) => void,
    onRepeat: (signal: string) => void,
  ) {
    this.#stopListening = listen((signal) => {
      if (this.#signal !== undefined) {
        onRepeat(signal)
        return
      }
      this.#signal = signal
      this.#at = new Date(this.clock.now())
      this.#controller.abort()
      onFirst(this)
    })
  }

  /** Aborted at the first signal. */
  get signal(): AbortSignal {
    return this.#controller.signal
  }

  /** A method, not a getter: it changes between two reads, which the type checker must not fold. */
  requested(): boolean {
    return this.#signal !== undefined
  }

  /** "SIGINT at 2026-12-01 02:00:00 UTC" */
  get received(): string {
    return this.#signal === undefined || this.#at === undefined
      ? 'no signal'
      : `${this.#signal} at ${utc(this.#at)}`
  }

  stop(): void {
    this.#stopListening()
  }
}

/** What a cancellation means for the token right now, said the moment it arrives. */
export function describeCancellation(
  cancellation: Cancellation,
  custody: TokenCustody,
  where: string,
): string | Text {
  const received = `Received ${cancellation.received}: the job is being cancelled.`
  const sentAt = custody.grantSentAt
  const leewayEndsAt = custody.leewayEndsAt
  switch (custody.state) {
    case 'unchanged':
      return sentAt === undefined
        ? `${received} Nothing was sent to Atlassian and nothing will be: the refresh token in ${where} is unchanged and still works.`
        : `${received} Atlassian answered without a new refresh token, so the one in ${where} stays valid.`
    case 'maybe-rotated': {
      const sent = `The refresh token in ${where} was sent to Atlassian at ${sentAt ? utc(sentAt) : 'the start of the refresh'}`
      const until = leewayEndsAt ? utc(leewayEndsAt) : 'ten minutes after that'
      return custody.grantInFlight
        ? text`${received} ${sent} and the answer has not come yet. If Atlassian processes it, the stored token becomes the previous one, still accepted until ${until} (the 10-minute leeway): ${rerun} before then. If the answer arrives before the runner stops this step, the new token is sealed and printed first, then stored.`
        : text`${received} No new attempt of the refresh starts. ${sent} without a usable answer: if Atlassian rotated it, the stored token is still accepted until ${until} (the 10-minute leeway): ${rerun} before then.`
    }
    case 'rotated-not-stored':
      return `${received} The new refresh token is being stored in ${where}; its sealed copy ${custody.recovery ? 'is in' : 'is about to be printed in'} the "Recovery value" group${custody.recovery ? ' above' : ''}. If this step ends before the write, store that value with the command shown there before ${leewayEndsAt ? utc(leewayEndsAt) : 'the leeway ends'}.`
    case 'stored':
    case 'overlapped':
    case 'rejected':
    case 'in-doubt':
      return `${received} The refresh token is already settled (${custody.state}); what remains is skipped.`
  }
}

/** What the cancellation stopped, and what the person does next, by where the token is. */
export function cancelledError(
  cancellation: Cancellation,
  state: TokenState,
  context: RunContext,
  answered: boolean,
  cause?: unknown,
): ActionError {
  const leeway = context.leewayEndsAt ? ` before ${utc(context.leewayEndsAt)}` : ''
  const what: Record<TokenState, [string | Text, string | Text]> = {
    unchanged: [
      context.grantSentAt === undefined
        ? 'before the refresh grant was sent: nothing was sent to Atlassian.'
        : answered
          ? 'after Atlassian answered without a new refresh token.'
          : 'after the refresh grant was refused or never reached Atlassian.',
      'Nothing to do: the stored token still works, and the next run rotates it.',
    ],
    'maybe-rotated': [
      'while the refresh grant had no usable answer yet.',
      text`${rerun}${leeway}, while Atlassian still accepts the stored token.`,
    ],
    rejected: [
      text`after Atlassian refused the refresh token: ${cause instanceof ActionError ? cause.said : cause instanceof Error ? cause.message : ''}`,
      cause instanceof ActionError ? cause.next : 'Consent again in a browser.',
    ],
    'rotated-not-stored': [
      'after Atlassian issued a new refresh token and before it was stored.',
      `Store the recovery value below with the command shown${leeway}.`,
    ],
    'in-doubt': [
      'before anything was sent, while a rotation that was killed may have spent the stored token.',
      'Settle the abandoned lock as the error above says before anything rotates the token.',
    ],
    stored: [
      'after the new refresh token was stored; what came after it was skipped.',
      text`Nothing to do for the token. ${rerun} if a later step needed the access token.`,
    ],
    overlapped: [
      'after the new refresh token was stored, and another rotation wrote the secret too.',
      'See the overlap reported below.',
    ],
  }
  const [message, nextStep] = what[state]
  return new ActionError(
    'CANCELLED',
    text`The job was cancelled (${cancellation.received}) ${message}`,
    state,
    nextStep,
    { cause },
  )
}
