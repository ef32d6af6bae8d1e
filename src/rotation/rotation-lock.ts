/**
 * One rotation at a time, wherever it runs: a lock that lives next to the secret, in the same
 * store, and needs no permission beyond the one that writes the secret.
 *
 * GitHub's secret PUT answers 201 when it creates a secret and 204 when it updates one
 * (../shared/FACTS.md, "GitHub secrets REST API"): creating `<SECRET>_LOCK` is a test-and-set.
 * 201: the lock is this run's. 204: another rotation holds it, since the lock's `created_at` (a
 * later PUT keeps it). Its value means nothing and can never be read back; it is sealed like any
 * secret, because GitHub refuses a value it cannot open.
 *
 * Time rules, all in GitHub's clock where two parties compare (`created_at` against the Date
 * header of the same answer), so no machine's clock skew enters:
 * - a holder finishes everything it does under the lock within {@link LOCK_HOLD_MS} of taking it
 *   (../rotation/rotate.ts caps every retry there) and never deletes the lock after that, since by
 *   then it may be someone else's;
 * - a lock older than {@link LOCK_STALE_MS} is therefore abandoned (its holder was killed), and is
 *   broken: deleted, then created again, and it is ours only on a 201.
 * - a holder killed after its refresh was sent leaves a disabled token in the secret, which
 *   Atlassian accepts only within its 10-minute leeway, counted from that refresh (no earlier than
 *   the lock's `created_at`). So an abandoned lock whose holder never wrote the secret is broken
 *   only while this run's own refresh can still end inside that leeway (LOCK_BREAK_WITHIN_MS), and
 *   that refresh is cut off there; an older one stops the run without spending anything, since
 *   presenting the token would revoke the consent together with the new token that the dead holder
 *   may have printed. A lock whose holder wrote the secret after taking it (its release failed) is
 *   broken at any age: the stale-token guard judges the token as usual.
 *
 * Deletes are never retried blindly: a delete whose answer was lost may have removed the lock, and
 * a retry could then remove the next holder's. A release is one attempt; a break looks again first.
 *
 * The one race: two rotations that break the same abandoned lock at once may both hold it (the
 * second delete removes the first's new lock). A jittered second look before breaking makes it
 * need both to look within one round trip of each other. If it happens, both present the same
 * token, which Atlassian accepts for both inside the leeway, and the check after each write looks
 * for the other; a write in the same second as the other's cannot be told apart from it.
 */
import { randomBytes } from 'node:crypto'
import { ActionError, saidOf, type TokenState } from '../common/errors.js'
import type { Clock } from '../common/retry.js'
import { named, rerun, text, type Text } from '../common/settings.js'
import {
  deleteSecret,
  fetchSecretMetadata,
  type OrganizationAccess,
  type PublicKey,
  type SecretMetadata,
  type StoreAccess,
} from '../github/secret-store.js'
import type { SecretTarget } from '../github/targets.js'
import { secretCommand } from './recovery-command.js'
import { LEEWAY_MS, utc } from './explain.js'
import { writeBack } from './write-back.js'

/** The longest a holder keeps the lock: every retry under it ends by then. */
export const LOCK_HOLD_MS = 5 * 60_000
/** Older than this by GitHub's clock, a lock is abandoned: a holder releases within LOCK_HOLD_MS. */
export const LOCK_STALE_MS = 6 * 60_000
/** Kept clear of the leeway's end: requests in flight, and GitHub's clock read to the second. */
const LEEWAY_SAFETY_MS = 60_000
/**
 * An abandoned lock whose holder never wrote the secret is broken only up to this age, which
 * leaves this run at least a minute to refresh inside the leeway of the holder's possible refresh.
 */
export const LOCK_BREAK_WITHIN_MS = 8 * 60_000
/** The default wait: outlasts any live holder, and reaches the age at which a lock is broken. */
export const DEFAULT_LOCK_WAIT_SECONDS = 390
export const MAX_LOCK_WAIT_SECONDS = 3_600
/** Between two looks at a held lock: a holder usually ends within seconds. */
const POLL_MS = 3_000
const POLL_JITTER_MS = 2_000
/** Before breaking, a random pause and a second look: two breakers rarely look at the same moment. */
const BREAK_JITTER_MS = 3_000

const LOCK_SUFFIX = '_LOCK'

/**
 * The lock's name by default: next to the secret it guards. A name at GitHub's length limit is cut
 * to make room: the same for every rotation of that secret, which is all a lock's name must be.
 */
export function defaultLockName(secretName: string, maxLength: number): string {
  return `${secretName.slice(0, maxLength - LOCK_SUFFIX.length)}${LOCK_SUFFIX}`
}

export interface LockRequest {
  /** The secret that is the lock. */
  name: string
  /** How long to wait for another rotation to release it. */
  waitMs: number
}

/** What a look at the lock found. */
export type LockSeen =
  | { held: false }
  /** `since`: its `created_at`; `age`: in GitHub's clock, when the answer had a Date header. */
  | { held: true; since: Date; ageMs: number | undefined }

/** The lock, held by this run. */
export interface HeldLock {
  name: string
  /** This machine's clock, before the write that created it: no later than its `created_at`. */
  takenAt: number
  /** Someone else held it first (or took it first): the secret must be read again. */
  contended: boolean
  /** How long this run waited for it. */
  waitedMs: number
  /** When the live rotation this run waited for had taken the lock (its `created_at`). */
  waitedFor: Date | undefined
  /**
   * It was abandoned and this run broke it: when its holder had taken it, and, when that holder
   * never wrote the secret (it may have refreshed), by when this run's refresh must end (this
   * machine's clock) so as to stay inside the leeway of that refresh.
   */
  broke: { since: Date; ageMs: number | undefined; refreshBy: number | undefined } | undefined
}

/** How the lock went, for the job summary and the outputs. */
export type LockReport =
  | { state: 'off' }
  | { state: 'free'; name: string }
  /** `stale`: abandoned and breakable; `tooOld`: abandoned by a holder that may have refreshed. */
  | { state: 'held'; name: string; since: Date; stale: boolean; tooOld: boolean }
  | { state: 'unknown'; name: string; reason: string | Text }
  | { state: 'taken'; name: string; waitedMs: number; broke: Date | undefined }

/** One line for the log and the job summary. */
export function describeLock(report: LockReport): string | Text {
  switch (report.state) {
    case 'off':
      return 'off (lock: false): nothing keeps another rotation from overlapping this one'
    case 'free':
      return `${report.name} is free: a real run would take it`
    case 'held':
      if (report.tooOld) {
        return `${report.name} was taken at ${utc(report.since)} and never released, and the secret was not written since: a real run would stop without sending the token (its holder may have spent it)`
      }
      return report.stale
        ? `${report.name} was taken at ${utc(report.since)} and never released (abandoned): a real run would break it`
        : `${report.name} is held since ${utc(report.since)} by another rotation: a real run would wait for it`
    case 'unknown':
      return text`${report.name} could not be read (${report.reason}): a real run would try to take it`
    case 'taken': {
      const waited =
        report.waitedMs >= 1000 ? `, after waiting ${Math.round(report.waitedMs / 1000)} s` : ''
      return report.broke
        ? `${report.name} taken${waited}, by breaking an abandoned lock of ${utc(report.broke)}`
        : `${report.name} taken${waited}`
    }
  }
}

/** What the preflight's first look says about the lock, for a dry run. */
export function reportFirstLook(
  name: string,
  look: PromiseSettledResult<LockSeen> | undefined,
  /** When the guarded secret was last written, as the preflight read it. */
  secretUpdatedAt: Date | undefined,
): LockReport {
  if (look === undefined) return { state: 'off' }
  if (look.status === 'rejected') return { state: 'unknown', name, reason: saidOf(look.reason) }
  const seen = look.value
  if (!seen.held) return { state: 'free', name }
  const stale = seen.ageMs !== undefined && seen.ageMs >= LOCK_STALE_MS
  const holderWrote = secretUpdatedAt !== undefined && secretUpdatedAt >= seen.since
  return {
    state: 'held',
    name,
    since: seen.since,
    stale: stale && (holderWrote || (seen.ageMs ?? 0) <= LOCK_BREAK_WITHIN_MS),
    tooOld: stale && !holderWrote && (seen.ageMs ?? 0) > LOCK_BREAK_WITHIN_MS,
  }
}

export interface LockStep {
  /** The store, with a fresh retry budget for each request: the wait may outlast any one budget. */
  store: () => StoreAccess
  target: SecretTarget
  /** The secret the lock guards, for messages. */
  secretName: string
  githubApiUrl: string
  request: LockRequest
  /** What not going ahead means, after "Two rotations of one token must not overlap, ". */
  heldMeans?: string
  /** Said while waiting, after the lock's state: what is held meanwhile. */
  whileWaiting?: string
  /**
   * Reads the guarded secret: did the holder of an abandoned lock write it after taking the lock?
   * Undefined for `authorize`, which never presents a refresh token and may always break.
   */
  readSecret: (() => Promise<SecretMetadata>) | undefined
  publicKey: PublicKey
  clock: Clock
  random: () => number
  /** Aborted when the job is being cancelled: the wait ends at once. */
  signal: AbortSignal
  info: (message: string | Text) => void
  notice: (message: string | Text, title: string) => void
}

/** Looks at the lock without taking it: the preflight's first look, and a dry run's report. */
export async function lookAtLock(store: StoreAccess, name: string): Promise<LockSeen> {
  const metadata = await fetchSecretMetadata(store, name)
  if (metadata.updatedAt === undefined) return { held: false }
  // A lock is never rewritten by its holder: its creation is when it was taken.
  const since = metadata.createdAt ?? metadata.updatedAt
  return {
    held: true,
    since,
    ageMs: metadata.serverNow ? metadata.serverNow.getTime() - since.getTime() : undefined,
  }
}

/**
 * Takes the lock, waiting for another holder within `waitMs` and breaking an abandoned lock.
 * Every failure leaves the refresh token unspent; a lock still held at the end of the wait is the
 * LOCK_HELD error.
 */
export async function takeLock(step: LockStep, first: LockSeen): Promise<HeldLock> {
  const { clock, request } = step
  const started = clock.now()
  const deadline = started + request.waitMs
  const look = (): Promise<LockSeen> => lookAtLock(step.store(), request.name)
  let seen = first
  let contended = first.held
  let announced = false
  let waitedFor: Date | undefined
  const taken = (takenAt: number, broke: HeldLock['broke']): HeldLock => ({
    name: request.name,
    takenAt,
    contended: contended || broke !== undefined,
    waitedMs: takenAt - started,
    waitedFor,
    broke,
  })
  for (;;) {
    if (seen.held && (seen.ageMs === undefined || seen.ageMs < LOCK_STALE_MS)) {
      waitedFor = seen.since
    }
    if (!seen.held) {
      const attempt = await create(step)
      if (attempt.created) return taken(attempt.takenAt, undefined)
      // Someone created it between the look and the write (this write only updated theirs).
      contended = true
      seen = await look()
      continue
    }
    if (seen.ageMs !== undefined && seen.ageMs >= LOCK_STALE_MS) {
      const stale = { ...seen, ageMs: seen.ageMs }
      const lookedAt = clock.now()
      const holderWrote = await wroteSince(step, stale.since)
      if (!holderWrote && stale.ageMs > LOCK_BREAK_WITHIN_MS) throw abandonedError(step, stale)
      const broken = await breakLock(step, seen)
      if (broken.taken) {
        step.notice(
          text`Broke an abandoned lock: ${request.name} was taken at ${utc(seen.since)} by a rotation that never released it (a run or a command killed before it ended), ${minutes(stale.ageMs)} ago; no rotation holds a lock longer than ${minutes(LOCK_HOLD_MS)}. ${holderWrote ? `That rotation wrote ${step.secretName} after taking it.` : `${step.secretName} was not written since: if that rotation sent its refresh, the token is still accepted within Atlassian's 10-minute leeway, and this run refreshes inside it.`} This run holds the lock now.`,
          'Abandoned lock broken',
        )
        return taken(broken.takenAt, {
          since: stale.since,
          ageMs: stale.ageMs,
          refreshBy: holderWrote
            ? undefined
            : lookedAt + LEEWAY_MS - LEEWAY_SAFETY_MS - stale.ageMs,
        })
      }
      seen = broken.seen
      if (clock.now() > deadline && seen.held)
        throw lockHeldError(step, seen, clock.now() - started)
      continue
    }
    const pause = POLL_MS + Math.floor(step.random() * POLL_JITTER_MS)
    if (clock.now() + pause > deadline) {
      throw lockHeldError(step, seen, clock.now() - started)
    }
    if (!announced) {
      announced = true
      step.info(
        `Another rotation holds the lock ${request.name} (taken at ${utc(seen.since)}): waiting up to ${Math.round((deadline - clock.now()) / 1000)} s for it to end. ${step.whileWaiting ?? 'Nothing has been sent to Atlassian.'}`,
      )
    }
    await clock.sleep(pause, step.signal)
    seen = await look()
  }
}

/**
 * Creates the lock: created when the write answered 201 (204: it existed). A 204 after a retried
 * write (its first answer lost) may be this run's own lock; it is never taken for that on a guess,
 * since it may as well be another rotation's: it is waited for like any other, and broken when old.
 */
async function create(step: LockStep): Promise<{ created: boolean; takenAt: number }> {
  const takenAt = step.clock.now()
  const written = await writeBack(step.store(), {
    secretName: step.request.name,
    // Any value: it is never read. Random, so that no two writes carry the same one.
    value: randomBytes(16).toString('hex'),
    publicKey: step.publicKey,
    organization: lockVisibility(step.target),
    tokenState: 'unchanged',
  })
  return { created: written.how === 'created', takenAt }
}

/**
 * Whether the guarded secret was written at or after `since` (always, for `authorize`). GitHub's
 * times are whole seconds: a write in the very second the lock was taken counts as the holder's,
 * since a holder that wrote within a second and then failed to release is far likelier than one
 * killed between its refresh and its write in the second of the secret's previous write.
 */
async function wroteSince(step: LockStep, since: Date): Promise<boolean> {
  if (step.readSecret === undefined) return true
  const { updatedAt } = await step.readSecret()
  return updatedAt !== undefined && updatedAt.getTime() >= since.getTime()
}

/** A failure that another try may not meet: no answer, GitHub failing, a rate limit. */
function mayPassLater(error: unknown): boolean {
  if (!(error instanceof ActionError)) return false
  return (
    error.code === 'GITHUB_UNREACHABLE' ||
    error.code === 'GITHUB_RATE_LIMITED' ||
    (error.status ?? 0) >= 500
  )
}

/** One attempt only: a delete is never sent again blindly (see the header). */
function onceOnly(store: StoreAccess): StoreAccess {
  return { ...store, retry: { ...store.retry, maxAttempts: 1 } }
}

/**
 * Deletes an abandoned lock and creates it again. First a random pause and a second look: if the
 * lock is no longer the abandoned one (released, or broken by another rotation), it is not broken.
 */
async function breakLock(
  step: LockStep,
  stale: Extract<LockSeen, { held: true }>,
): Promise<{ taken: true; takenAt: number } | { taken: false; seen: LockSeen }> {
  await step.clock.sleep(Math.floor(step.random() * BREAK_JITTER_MS), step.signal)
  const again = await lookAtLock(step.store(), step.request.name)
  if (!again.held || again.since.getTime() !== stale.since.getTime()) {
    return { taken: false, seen: again }
  }
  try {
    await deleteSecret(onceOnly(step.store()), step.request.name, 'unchanged')
  } catch (error) {
    // Maybe deleted, maybe not: look again rather than send it again.
    if (!mayPassLater(error)) throw error
    return { taken: false, seen: await lookAtLock(step.store(), step.request.name) }
  }
  const attempt = await create(step)
  if (attempt.created) return { taken: true, takenAt: attempt.takenAt }
  return { taken: false, seen: await lookAtLock(step.store(), step.request.name) }
}

/**
 * An organization secret's PUT needs a visibility. The lock's value means nothing, so which
 * repositories may see that it exists does not matter: "private", which needs no repository list.
 */
function lockVisibility(target: SecretTarget): OrganizationAccess | undefined {
  return target.kind === 'organization'
    ? { visibility: 'private', selectedRepositoryIds: undefined }
    : undefined
}

/** What releasing the lock did. */
export type LockRelease =
  | { released: true }
  /** Left in place; the next rotation breaks it by age. `reason` for the warning. */
  | { released: false; reason: string | Text }

/**
 * Releases the lock, but only while it is certainly still this run's: after LOCK_HOLD_MS another
 * rotation may have broken it and taken it anew, and deleting that one would let a third in.
 */
export async function releaseLock(
  store: StoreAccess,
  held: HeldLock,
  clock: Clock,
): Promise<LockRelease> {
  const heldUntil = held.takenAt + LOCK_HOLD_MS
  if (clock.now() >= heldUntil) {
    return {
      released: false,
      reason: `this run has held it for more than ${minutes(LOCK_HOLD_MS)}, after which it may no longer be this run's`,
    }
  }
  try {
    await deleteSecret(
      onceOnly({
        ...store,
        retry: { ...store.retry, deadline: Math.min(store.retry.deadline, heldUntil) },
      }),
      held.name,
      'stored',
    )
    return { released: true }
  } catch (error) {
    return { released: false, reason: saidOf(error) }
  }
}

/** The warning for a lock left behind: harmless, and how to free it sooner. */
export function lockLeftWarning(
  held: HeldLock,
  reason: string | Text,
  target: SecretTarget,
  githubApiUrl: string,
): Text {
  return text`Could not release the lock ${held.name} (${reason}). The refresh token is not affected. The next rotation within ${minutes(LOCK_STALE_MS)} of this one waits for the lock and then breaks it as abandoned; to free it now: ${deleteCommand(githubApiUrl, target, held.name)}`
}

function lockHeldError(
  step: LockStep,
  seen: Extract<LockSeen, { held: true }>,
  waitedMs: number,
): ActionError {
  const { request, target } = step
  const tokenState: TokenState = 'unchanged'
  return new ActionError(
    'LOCK_HELD',
    `Another rotation holds the lock ${request.name} of ${target.description}: it was taken at ${utc(seen.since)}, and this run waited ${Math.round(waitedMs / 1000)} s for it to end. Two rotations of one token must not overlap, ${step.heldMeans ?? `so this run did not send its refresh token to Atlassian: the token is unchanged, and so is ${step.secretName}`}.`,
    tokenState,
    text`Find the rotation holding it: a workflow run that rotates ${step.secretName} and started around ${utc(seen.since)}, or someone running the command line tool's refresh. Once it has ended, ${rerun}: if it rotated the token, this run's copy is superseded and is not sent. A lock older than ${minutes(LOCK_STALE_MS)} is abandoned and the next rotation breaks it. To wait longer, raise ${named('lock-wait-seconds')}; if you are sure that nothing is rotating, free it now: ${deleteCommand(step.githubApiUrl, target, request.name)}`,
  )
}

function abandonedError(step: LockStep, stale: { since: Date; ageMs: number }): ActionError {
  const { request, target, secretName } = step
  const command = deleteCommand(step.githubApiUrl, target, request.name)
  return new ActionError(
    'LOCK_ABANDONED',
    `The lock ${request.name} of ${target.description} was taken at ${utc(stale.since)}, ${minutes(stale.ageMs)} ago, by a rotation that never released it, and ${secretName} has not been written since: that rotation was killed, maybe after it sent its refresh. If it did, the refresh token given here is disabled, and presenting it now, after Atlassian's 10-minute leeway, would revoke the consent, together with the new token that rotation may have printed. So nothing was sent.`,
    'in-doubt',
    text`Open the workflow run (or the terminal) that was rotating ${secretName} around ${utc(stale.since)}. If its log has a "Recovery value" group, store that value with the command printed there; then delete the lock: ${command}. If it has none, it was killed before Atlassian answered: delete the lock with that command and ${rerun}; should that fail with invalid_grant, the consent is gone, and the way back is a new consent (the command line tool's authorize).`,
  )
}

/** The `gh` command that deletes the lock, for any target and GitHub Enterprise Server. */
export function deleteCommand(githubApiUrl: string, target: SecretTarget, name: string): string {
  return secretCommand(githubApiUrl, target, name, 'DELETE')
}

function minutes(ms: number): string {
  const value = Math.floor(ms / 60_000)
  return value === 1 ? '1 minute' : `${value} minutes`
}
