/** The clock of an emulated world: it tells the time, and a test can move it on. */
export interface EmulatedClock {
  now(): number
  advance(ms: number): void
}

/** A clock the tests move by hand, so the 10-minute leeway and the 90/365-day limits need no waiting. */
export class ManualClock implements EmulatedClock {
  #now: number

  constructor(start: Date | number = Date.UTC(2026, 10, 29, 2, 0, 0)) {
    this.#now = typeof start === 'number' ? start : start.getTime()
  }

  now(): number {
    return this.#now
  }

  advance(ms: number): void {
    this.#now += ms
  }
}

/**
 * The servers' clock beside a real process: it runs on with real time, as GitHub's and
 * Atlassian's do while the action works, and a test can still jump it ahead (days, the leeway).
 * The action compares its own clock with servers' Date headers, which only works if both move.
 */
export class RunningClock implements EmulatedClock {
  #offset = 0

  constructor(private readonly realNow: () => number = Date.now) {}

  now(): number {
    return this.realNow() + this.#offset
  }

  advance(ms: number): void {
    this.#offset += ms
  }
}

export const MINUTE = 60_000
export const DAY = 24 * 60 * MINUTE
