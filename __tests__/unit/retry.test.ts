import { ActionError } from '../../src/common/errors.js'
import {
  backoffDelay,
  describeAttempts,
  parseRetryAfter,
  transientVerdict,
  withRetries,
  type Clock,
  type RetryOptions,
} from '../../src/common/retry.js'

/** A clock that only moves when the code under test sleeps. */
function fakeClock(start = 1_000_000): Clock & { slept: number[] } {
  let now = start
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    sleep: (ms, signal) => {
      if (signal?.aborted) return Promise.reject(new Error('cancelled'))
      slept.push(ms)
      now += ms
      return Promise.resolve()
    },
  }
}

function options(clock: Clock, overrides: Partial<RetryOptions> = {}): RetryOptions {
  return {
    clock,
    deadline: clock.now() + 120_000,
    maxAttempts: 8,
    baseDelayMs: 1000,
    maxDelayMs: 30_000,
    random: () => 0,
    ...overrides,
  }
}

const transient = (reason = 'HTTP 503', retryAfter?: string): ActionError =>
  new ActionError('TOKEN_ENDPOINT_HTTP', 'failed', 'maybe-rotated', 'retry', {
    transient: { reason, retryAfter },
  })

/** An operation failing `failures` times with `error`, then returning 'done'. */
function flaky(
  failures: number,
  error: () => Error,
): { calls: number[]; operation: () => Promise<string> } {
  const calls: number[] = []
  return {
    calls,
    operation: () => {
      calls.push(calls.length + 1)
      return calls.length <= failures ? Promise.reject(error()) : Promise.resolve('done')
    },
  }
}

describe('backoffDelay', () => {
  it('doubles from the base up to the ceiling, half of it jittered', () => {
    const at = (random: number) => (attempt: number) =>
      backoffDelay(attempt, { baseDelayMs: 1000, maxDelayMs: 8000, random: () => random })
    expect([1, 2, 3, 4, 5, 6].map(at(0))).toEqual([500, 1000, 2000, 4000, 4000, 4000])
    expect([1, 2, 3, 4, 5, 6].map(at(0.999999))).toEqual([1000, 2000, 4000, 8000, 8000, 8000])
  })
})

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-29T02:00:00Z')
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Sun, 29 Nov 2026 02:00:30 GMT', 30_000],
    ['Sun, 29 Nov 2026 01:00:00 GMT', 0],
  ])('reads %j as %i ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected)
  })
  it.each([undefined, '', 'soon', '-5', '1.5'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined()
  })
})

describe('withRetries', () => {
  it('returns at once when the first attempt succeeds', async () => {
    const clock = fakeClock()
    const { calls, operation } = flaky(0, transient)
    await expect(
      withRetries(operation, (e) => transientVerdict(e, clock.now()), options(clock)),
    ).resolves.toBe('done')
    expect(calls).toEqual([1])
    expect(clock.slept).toEqual([])
  })

  it('retries transient failures with growing waits and tells onRetry each time', async () => {
    const clock = fakeClock()
    const retries: string[] = []
    const { calls, operation } = flaky(3, transient)
    const result = await withRetries(operation, (e) => transientVerdict(e, clock.now()), {
      ...options(clock),
      onRetry: ({ attempt, reason, delayMs }) => retries.push(`${attempt}:${reason}:${delayMs}`),
    })
    expect(result).toBe('done')
    expect(calls).toEqual([1, 2, 3, 4])
    expect(clock.slept).toEqual([500, 1000, 2000])
    expect(retries).toEqual(['1:HTTP 503:500', '2:HTTP 503:1000', '3:HTTP 503:2000'])
  })

  it('waits what the server asked instead of the backoff', async () => {
    const clock = fakeClock()
    const { operation } = flaky(1, () => transient('HTTP 429', '9'))
    await withRetries(operation, (e) => transientVerdict(e, clock.now()), options(clock))
    expect(clock.slept).toEqual([9000])
  })

  it('never retries a failure that is not transient', async () => {
    const clock = fakeClock()
    const final = new ActionError('OAUTH_INVALID_GRANT', 'no', 'rejected', 'consent')
    const { calls, operation } = flaky(5, () => final)
    await expect(
      withRetries(operation, (e) => transientVerdict(e, clock.now()), options(clock)),
    ).rejects.toBe(final)
    expect(calls).toEqual([1])
  })

  it('stops after the last attempt and reports why', async () => {
    const clock = fakeClock()
    const { calls, operation } = flaky(10, transient)
    const error = await withRetries(
      operation,
      (e) => transientVerdict(e, clock.now()),
      options(clock, { maxAttempts: 3 }),
      (e, history) => describeAttempts(e as ActionError, history),
    ).catch((e: unknown) => e)
    expect(calls).toEqual([1, 2, 3])
    expect((error as Error).message).toBe('failed (3 attempts; stopped: no attempts left.)')
  })

  it('never starts an attempt past the deadline, and hands each attempt the time left', async () => {
    const clock = fakeClock()
    const remaining: number[] = []
    const error = await withRetries(
      (left) => {
        remaining.push(left)
        return Promise.reject(transient())
      },
      (e) => transientVerdict(e, clock.now()),
      options(clock, { deadline: clock.now() + 4_000 }),
      (e, history) => describeAttempts(e as ActionError, history),
    ).catch((e: unknown) => e)
    // Waits of 0.5, 1 and 2 s fit in the 4 s; the next (4 s) would end past the deadline.
    expect(remaining).toEqual([4000, 3500, 2500, 500])
    expect((error as Error).message).toContain(
      'stopped: the next attempt would start past the time budget',
    )
  })

  it('gives up at once when the server asks for a wait longer than the time left', async () => {
    const clock = fakeClock()
    const { calls, operation } = flaky(1, () => transient('HTTP 503', '600'))
    const error = await withRetries(
      operation,
      (e) => transientVerdict(e, clock.now()),
      options(clock),
      (e, history) => describeAttempts(e as ActionError, history),
    ).catch((e: unknown) => e)
    expect(calls).toEqual([1])
    expect((error as Error).message).toContain(
      'the server asked to wait 600 s, past the time budget',
    )
  })

  it('waits the least wait a failure calls for when the server named none, doubling it each time', async () => {
    const clock = fakeClock()
    const atLeastAMinute = (): ActionError =>
      new ActionError('GITHUB_RATE_LIMITED', 'limited', 'unchanged', 'wait', {
        transient: { reason: 'secondary rate limit (HTTP 403)', waitAtLeastMs: 60_000 },
      })
    const { calls, operation } = flaky(3, atLeastAMinute)
    await withRetries(
      operation,
      (e) => transientVerdict(e, clock.now()),
      options(clock, { deadline: clock.now() + 480_000 }),
    )
    // GitHub: at least a minute, then "an exponentially increasing amount of time".
    expect(clock.slept).toEqual([60_000, 120_000, 240_000])
    expect(calls).toEqual([1, 2, 3, 4])
  })

  it('gives up at once, without waiting, when the least wait passes the time budget', async () => {
    const clock = fakeClock()
    const { calls, operation } = flaky(
      1,
      () =>
        new ActionError('GITHUB_RATE_LIMITED', 'limited', 'unchanged', 'wait', {
          transient: { reason: 'secondary rate limit (HTTP 403)', waitAtLeastMs: 60_000 },
        }),
    )
    const error = await withRetries(
      operation,
      (e) => transientVerdict(e, clock.now()),
      options(clock, { deadline: clock.now() + 30_000 }),
      (e, history) => describeAttempts(e as ActionError, history),
    ).catch((e: unknown) => e)
    expect(calls).toEqual([1])
    expect(clock.slept).toEqual([])
    expect((error as Error).message).toBe(
      'limited (1 attempt; stopped: the next attempt must wait at least 60 s, past the time budget.)',
    )
  })

  it("prefers the server's Retry-After to a least wait", () => {
    const error = new ActionError('GITHUB_RATE_LIMITED', 'limited', 'unchanged', 'wait', {
      transient: { reason: 'r', retryAfter: '5', waitAtLeastMs: 60_000 },
    })
    expect(transientVerdict(error, 0)).toEqual({ retry: true, reason: 'r', afterMs: 5000 })
  })

  it('starts no new attempt once the run is being cancelled', async () => {
    const clock = fakeClock()
    const cancel = new AbortController()
    const { calls, operation } = flaky(5, () => {
      cancel.abort()
      return transient()
    })
    const error = await withRetries(
      operation,
      (e) => transientVerdict(e, clock.now()),
      { ...options(clock), signal: cancel.signal },
      (e, history) => describeAttempts(e as ActionError, history),
    ).catch((e: unknown) => e)
    expect(calls).toEqual([1])
    expect((error as Error).message).toContain('stopped: the run is being cancelled')
  })
})

describe('describeAttempts', () => {
  it('leaves a single, plain failure alone', () => {
    const error = transient()
    expect(describeAttempts(error, { attempts: 1, stoppedBecause: undefined })).toBe(error)
  })

  it('can make the token state graver, keeping code and next step', () => {
    const error = new ActionError(
      'TOKEN_ENDPOINT_UNREACHABLE',
      'refused',
      'unchanged',
      'check network',
    )
    const amended = describeAttempts(
      error,
      { attempts: 2, stoppedBecause: 'no attempts left' },
      'maybe-rotated',
    )
    expect(amended).toMatchObject({
      code: 'TOKEN_ENDPOINT_UNREACHABLE',
      tokenState: 'maybe-rotated',
      nextStep: 'check network',
      message: 'refused (2 attempts; stopped: no attempts left.)',
    })
  })
})
