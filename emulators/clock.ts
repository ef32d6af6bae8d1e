/** A clock the tests move by hand, so the 10-minute leeway and the 90/365-day limits need no waiting. */
export class ManualClock {
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

export const MINUTE = 60_000
export const DAY = 24 * 60 * MINUTE
