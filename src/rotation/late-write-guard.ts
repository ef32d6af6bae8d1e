/**
 * The look at the secret before a late write: between the preflight and a write that comes late,
 * another rotation may have stored its own new token, which this run must not overwrite unless its
 * own token is certainly the newer (./write-back.ts, checkBeforeWrite).
 */
import type { RotationRequest } from './request.js'
import type { SecretMetadata, StoreAccess } from '../github/secret-store.js'
import { utc, type Recovery } from './explain.js'
import type { Clock, RetryOptions } from '../common/retry.js'
import type { Cancellation } from './cancellation.js'
import type { TokenCustody } from './custody.js'
import type { RotationEvents } from './events.js'
import type { Preflight } from './preflight.js'
import { checkBeforeWrite, notOverwrittenError } from './write-back.js'

/** Before a late write, no late write may go over another rotation's newer token. */
export const LATE_WRITE_MS = 5_000

/**
 * Looks at the secret again before a write attempt that comes late — the first attempt more than
 * {@link LATE_WRITE_MS} after the preflight read the secret (a slow refresh), or any retry — since
 * another rotation may have stored its own new token in the meantime (./write-back.ts,
 * checkBeforeWrite). An in-time first write skips it: the window is as short as GitHub's
 * timestamps are coarse, and the check after the write still runs.
 */
export class LateWriteGuard {
  /** The secret as this run saw it last: the preflight's view, then each check's. */
  lastSeen: SecretMetadata | undefined
  /** When each attempt of the write was sent and when it failed (this machine's clock). */
  readonly #attempts: { from: number; to: number | undefined }[] = []
  #warned = false

  get attempts(): number {
    return this.#attempts.length
  }

  /** An attempt of the write is being sent. */
  sending(): void {
    this.#attempts.push({ from: this.step.clock.now(), to: undefined })
  }

  /** The last attempt failed (a wait for the next one begins). */
  failed(): void {
    const last = this.#attempts[this.#attempts.length - 1]
    if (last) last.to = this.step.clock.now()
  }

  constructor(
    private readonly step: {
      request: RotationRequest
      checked: Preflight
      checkedAt: Date
      custody: TokenCustody
      cancellation: Cancellation
      clock: Clock
      store: (retry: RetryOptions) => StoreAccess
      retryFor: (what: string) => RetryOptions
      say: RotationEvents
    },
  ) {
    this.lastSeen = step.checked.metadata
  }

  async beforeAttempt(attempt: number): Promise<void> {
    const { request, custody, cancellation, clock, say } = this.step
    const lastSeen = this.lastSeen
    // A cancelled job has seconds left: the write that secures the token goes first.
    if (lastSeen === undefined || cancellation.requested()) return
    const late = clock.now() - this.step.checkedAt.getTime() > LATE_WRITE_MS
    if (attempt === 1 && !late) return
    const sentAt = custody.grantSentAt
    if (sentAt === undefined) return
    // This run's refresh, in GitHub's clock (the preflight's Date header against this machine's).
    const skew = lastSeen.serverNow
      ? lastSeen.serverNow.getTime() - this.step.checkedAt.getTime()
      : 0
    const refreshSentAt = new Date(sentAt.getTime() + skew)
    const inServerClock = (local: number): Date => new Date(local + skew)
    const check = await checkBeforeWrite(
      this.step.store({ ...this.step.retryFor('Check'), deadline: clock.now() + 10_000 }),
      request.secretName,
      lastSeen,
      refreshSentAt,
      this.#attempts.map(({ from, to }) => ({
        from: inServerClock(from),
        to: inServerClock(to ?? clock.now()),
      })),
    )
    switch (check.kind) {
      case 'unchanged':
      case 'unverified':
        return
      case 'own-write':
        this.lastSeen = check.seen
        return
      case 'rewritten-before-refresh':
        this.lastSeen = check.seen
        if (!this.#warned) {
          this.#warned = true
          say.warning(
            `${request.secretName} was written at ${utc(check.seen.updatedAt ?? sentAt)} by another rotation, after this run read it but before this run sent its refresh (${utc(refreshSentAt)}): this run's token is the newer one and replaces it. Give every workflow that rotates this token the same \`concurrency:\` group.`,
            'Another rotation wrote the secret',
          )
        }
        return
      case 'rewritten-after-refresh': {
        this.lastSeen = check.seen
        const recovery = custody.recovery
        if (recovery) custody.sealed({ ...recovery, secretAsSeen: asSeen(check.seen) })
        throw notOverwrittenError(
          request.secretName,
          this.step.checked.metadata?.updatedAt === undefined ? undefined : this.step.checkedAt,
          check.rewrittenAt,
          refreshSentAt,
        )
      }
    }
  }
}

/** How the recovery command recognises the secret as this run saw it. */
export function asSeen(metadata: SecretMetadata | undefined): Recovery['secretAsSeen'] {
  if (metadata === undefined) return undefined
  if (metadata.updatedAt === undefined) return 'absent'
  return metadata.updatedAtText === undefined ? undefined : { updatedAt: metadata.updatedAtText }
}
