/**
 * Retrying transient failures inside a deadline.
 *
 * Why a deadline and not just a count: a refresh whose answer was lost may already have disabled the
 * stored token. Presenting that token again is safe only inside Atlassian's 10-minute leeway, so all
 * the retries of one refresh must end well inside it (../shared/FACTS.md, "How the leeway works").
 * The same deadline machinery bounds the GitHub calls around it.
 *
 * Time comes from an injected {@link Clock}, so tests move it instead of waiting.
 */
import { ActionError } from './errors.js'
import { rerun, text } from './settings.js'

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Resolves after `ms`; rejects early if `signal` aborts (the run is being cancelled). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(new Error('cancelled'))
        return
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      const onAbort = (): void => {
        clearTimeout(timer)
        reject(new Error('cancelled'))
      }
      signal?.addEventListener('abort', onAbort, { once: true })
    }),
}

export interface RetryInfo {
  attempt: number
  reason: string
  delayMs: number
  /** What was being attempted, when the caller said: "read the public key of …". */
  doing?: string
}

/** What one failed attempt means for the next. */
export type RetryVerdict =
  | { retry: false }
  /**
   * `afterMs`: how long the server asked us to wait (Retry-After, rate-limit reset). `atLeastMs`:
   * the least wait when the server named none but one is known to be needed; it doubles each time
   * it is needed again.
   */
  | { retry: true; reason: string; afterMs?: number; atLeastMs?: number }

export interface RetryOptions {
  clock: Clock
  /** No attempt starts, and no wait ends, after this moment (epoch ms). */
  deadline: number
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** First backoff; it doubles each time, up to `maxDelayMs`. */
  baseDelayMs: number
  maxDelayMs: number
  /** In [0, 1): the jitter source. */
  random: () => number
  /** Called before each wait: the place to tell the user what is happening. */
  onRetry?: (info: RetryInfo) => void
  /** Called as each attempt starts (1 for the first). */
  onAttempt?: (attempt: number) => void
  /**
   * Awaited before each attempt, after the cancellation check: a last look at the world before
   * sending (the secret write checks that nobody wrote the secret meanwhile). A rejection ends
   * the retries with it, as a failure of the attempt would.
   */
  beforeAttempt?: (attempt: number) => Promise<void>
  /** Aborted when the run is being cancelled: no attempt starts after that, the first included. */
  signal?: AbortSignal
  /**
   * The call secures a new token that exists nowhere else yet (the secret write after a refresh):
   * its first attempt starts even when the run is being cancelled, and no attempt is aborted
   * midway; only the waits and the retries stop.
   */
  securing?: boolean
}

export const DEFAULT_BACKOFF = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 30_000 } as const

/** Exponential backoff with "equal jitter": half fixed, half random, so parallel runs spread out. */
export function backoffDelay(
  attempt: number,
  options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + (options.random() * ceiling) / 2)
}

/**
 * `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in milliseconds from `now`;
 * undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined
  const text = value.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // An HTTP date names its day and month; Date.parse alone would also take "-5" or "1.5".
  if (!/[a-z]{3}/i.test(text)) return undefined
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Why retrying stopped, attached to the error that is finally thrown. */
export interface RetryHistory {
  attempts: number
  /** Why the last attempt was not retried although it was transient (deadline, cancellation). */
  stoppedBecause: string | undefined
}

/**
 * Runs `operation` until it succeeds, `classify` says a failure is not transient, the attempts run
 * out, or the next wait would pass the deadline. `operation` gets the time left, to bound its own
 * request timeout. The error that ends it all is thrown, with `onGiveUp` given the history first.
 */
export async function withRetries<T>(
  operation: (remainingMs: number, attempt: number) => Promise<T>,
  classify: (error: unknown) => RetryVerdict,
  options: RetryOptions,
  onGiveUp?: (error: unknown, history: RetryHistory) => unknown,
): Promise<T> {
  const { clock } = options
  let lastError: unknown
  // How many times a least wait was needed so far: each one doubles the next (GitHub: "wait for an
  // exponentially increasing amount of time between retries").
  let lengthened = 0
  for (let attempt = 1; ; attempt++) {
    // Checked at the start of every attempt, not only while waiting: a cancellation that came
    // during the previous step, or between a wait and its attempt, must still stop it.
    if (options.signal?.aborted && !(attempt === 1 && options.securing === true)) {
      if (attempt === 1) throw new CancelledBeforeStart()
      throw onGiveUp
        ? onGiveUp(lastError, {
            attempts: attempt - 1,
            stoppedBecause: 'the run is being cancelled',
          })
        : lastError
    }
    if (options.beforeAttempt) await options.beforeAttempt(attempt)
    try {
      options.onAttempt?.(attempt)
      return await operation(Math.max(1, options.deadline - clock.now()), attempt)
    } catch (error) {
      lastError = error
      const verdict = classify(error)
      const giveUp = (stoppedBecause: string | undefined): unknown =>
        onGiveUp ? onGiveUp(error, { attempts: attempt, stoppedBecause }) : error
      if (!verdict.retry) throw giveUp(undefined)
      if (attempt >= options.maxAttempts) throw giveUp('no attempts left')
      const delayMs =
        verdict.afterMs ??
        (verdict.atLeastMs === undefined
          ? backoffDelay(attempt, options)
          : verdict.atLeastMs * 2 ** lengthened++)
      const remaining = options.deadline - clock.now()
      if (delayMs >= remaining) {
        const seconds = Math.ceil(delayMs / 1000)
        throw giveUp(
          verdict.afterMs !== undefined
            ? `the server asked to wait ${seconds} s, past the time budget`
            : verdict.atLeastMs !== undefined
              ? `the next attempt must wait at least ${seconds} s, past the time budget`
              : 'the next attempt would start past the time budget',
        )
      }
      if (options.signal?.aborted) throw giveUp('the run is being cancelled')
      options.onRetry?.({ attempt, reason: verdict.reason, delayMs })
      try {
        await clock.sleep(delayMs, options.signal)
      } catch {
        throw giveUp('the run is being cancelled')
      }
    }
  }
}

/** The run was being cancelled before the first attempt: nothing was sent. */
export class CancelledBeforeStart extends ActionError {
  constructor() {
    super(
      'CANCELLED',
      'The job is being cancelled: the request was not sent.',
      'unchanged',
      text`Nothing to do: ${rerun} when you want the rotation.`,
    )
  }
}

/** Retries a failure marked transient, after the server's Retry-After when it sent one. */

/**
 * Retries a failure marked transient: after the server's Retry-After when it sent one, else after
 * the least wait the failure calls for, else with backoff.
 */
export function transientVerdict(error: unknown, now: number): RetryVerdict {
  if (!(error instanceof ActionError) || error.transient === undefined) return { retry: false }
  const { reason, waitAtLeastMs } = error.transient
  const afterMs = parseRetryAfter(error.transient.retryAfter, now)
  if (afterMs !== undefined) return { retry: true, reason, afterMs }
  if (waitAtLeastMs !== undefined) return { retry: true, reason, atLeastMs: waitAtLeastMs }
  return { retry: true, reason }
}

/** The final error, with how many attempts were made and why retrying stopped, when that matters. */
export function describeAttempts(
  error: ActionError,
  history: RetryHistory,
  tokenState = error.tokenState,
): ActionError {
  if (
    history.attempts === 1 &&
    history.stoppedBecause === undefined &&
    tokenState === error.tokenState
  ) {
    return error
  }
  const stopped = history.stoppedBecause ? `; stopped: ${history.stoppedBecause}` : ''
  return error.amend(
    `(${history.attempts} attempt${history.attempts === 1 ? '' : 's'}${stopped}.)`,
    tokenState,
  )
}
