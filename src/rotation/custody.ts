/**
 * Where the working refresh token is, step by step: the one fact that every failure, every
 * cancellation and every summary must state. The rotation records each move here as it makes it,
 * so that whatever interrupts it (an error, a signal) finds the answer without guessing.
 *
 *   unchanged ──grant sent──▶ maybe-rotated ──answer with a new token──▶ rotated-not-stored
 *       ▲                          │ answer without one                        │ written
 *       └──────────────────────────┘                                 stored ◀──┘
 */
import type { TokenSet } from '../atlassian/token-endpoint.js'
import type { TokenState } from '../common/errors.js'
import { leewayEnd, type Recovery } from './explain.js'

export class TokenCustody {
  #state: TokenState = 'unchanged'
  #grantSentAt: Date | undefined
  #grantInFlight = false
  #recovery: Recovery | undefined
  #answer: TokenSet | undefined

  get state(): TokenState {
    return this.#state
  }

  /** When the refresh grant was first sent: the stored token's leeway counts from here. */
  get grantSentAt(): Date | undefined {
    return this.#grantSentAt
  }

  /** Until when Atlassian still accepts the stored token, once it may have been exchanged. */
  get leewayEndsAt(): Date | undefined {
    return this.#grantSentAt && leewayEnd(this.#grantSentAt)
  }

  /** True while an attempt of the refresh grant waits for its answer. */
  get grantInFlight(): boolean {
    return this.#grantInFlight
  }

  /** The refresh grant's usable answer, once it came: the outputs still need it if a write fails. */
  get answer(): TokenSet | undefined {
    return this.#answer
  }

  /** The sealed copy of a new refresh token, once there is one. */
  get recovery(): Recovery | undefined {
    return this.#recovery
  }

  /** An attempt of the refresh grant is about to be sent. */
  grantSending(at: Date): void {
    this.#grantSentAt ??= at
    this.#grantInFlight = true
    this.#state = 'maybe-rotated'
  }

  /** The attempt ended, with an answer or without. */
  grantSettled(): void {
    this.#grantInFlight = false
  }

  /** Atlassian answered without a new refresh token: the one sent stays the valid one. */
  noNewToken(answer: TokenSet): void {
    this.#answer = answer
    this.#state = 'unchanged'
  }

  /** Atlassian issued a new refresh token, which disabled the stored one. */
  newTokenIssued(answer: TokenSet): void {
    this.#answer = answer
    this.#state = 'rotated-not-stored'
  }

  sealed(recovery: Recovery): void {
    this.#recovery = recovery
  }

  stored(): void {
    this.#state = 'stored'
  }

  /** Stored, but another rotation wrote the secret too. */
  overlapped(): void {
    this.#state = 'overlapped'
  }
}
