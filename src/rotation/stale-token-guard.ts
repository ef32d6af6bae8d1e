/**
 * The stale-token guard: has the secret been rewritten since this run read it?
 *
 * A run reads repository secrets when it is queued (../shared/FACTS.md, "When a workflow sees a
 * secret"), so it can hold a token that another run, or an earlier job of this run, has rotated
 * since. Such a token is superseded, and it is never presented: Atlassian (Auth0's rotation) reuses
 * only the token immediately before the newest one, and only for 10 minutes; the guard cannot know
 * how many rotations happened since the run read the secret, so no leeway arithmetic makes
 * presenting it safe. Nothing is lost by stopping: the secret holds the newer token.
 */
import { named, text, type Text } from '../common/settings.js'
import { ActionError } from '../common/errors.js'
import { utc } from './explain.js'
import type { SecretMetadata } from '../github/secret-store.js'

/**
 * A moment by which the token in hand was certainly read, when the run's own read time is unknown:
 * the start of this process (the action's step), or a time the person gave (the command line).
 */
export interface TokenHeldSince {
  /** This machine's clock. */
  at: Date
  /** For messages: "this step started". */
  what: string
  /**
   * `at` is when the token was obtained (a person says so), not only a moment by which it was
   * held (a step's start, which comes after the run read its secrets, maybe long after when the
   * run waited in a concurrency group). Exact: a secret not written after it is not superseded.
   */
  exact: boolean
}

export type StoredTokenJudgement =
  /** The secret was not written since this run read it: the token in hand is the newest. */
  | { kind: 'fresh' }
  /** The secret was not written after the time given for when the token was obtained. */
  | { kind: 'fresh-since'; what: string }
  /** The secret does not exist yet: this run's write creates it. */
  | { kind: 'first-write' }
  /** Rewritten after this run read it (or after the token was held): the token is superseded. */
  | { kind: 'superseded'; updatedAt: Date; readAt: Date; readAtWhat: string }
  /** Could not tell when the run read its secrets; `reason` names what was missing. */
  | { kind: 'unknown'; reason: string | Text }
  /** Nothing at all says when the token was read, and the secret exists: going ahead is a guess. */
  | { kind: 'unbounded'; updatedAt: Date; reason: string | Text }

/**
 * @param updatedAt when the secret was last written (undefined: it does not exist)
 * @param readAt    when this run read its secrets, in GitHub's clock
 */
export function judgeStoredToken(updatedAt: Date | undefined, readAt: Date): StoredTokenJudgement {
  if (updatedAt === undefined) return { kind: 'first-write' }
  if (updatedAt.getTime() <= readAt.getTime()) return { kind: 'fresh' }
  return { kind: 'superseded', updatedAt, readAt, readAtWhat: 'this run read its secrets' }
}

/**
 * GitHub's timestamps (updated_at, the Date header) are cut to the second, so a moment moved from
 * this machine's clock into GitHub's is known to within a second.
 */
const CLOCK_RESOLUTION_MS = 1000

/**
 * When the moment the run read its secrets is unknown, `since` still bounds it: the token was in
 * hand by then, so a write certainly after it superseded the token. `since.at` is in GitHub's
 * clock, estimated through its Date header, hence the margin: without it, a write just before
 * would be taken for one after, and a valid token refused.
 */
export function judgeWithoutReadTime(
  updatedAt: Date,
  since: TokenHeldSince,
  reason: string | Text,
): StoredTokenJudgement {
  if (updatedAt.getTime() > since.at.getTime() + CLOCK_RESOLUTION_MS) {
    return { kind: 'superseded', updatedAt, readAt: since.at, readAtWhat: since.what }
  }
  return since.exact ? { kind: 'fresh-since', what: since.what } : { kind: 'unknown', reason }
}

/**
 * After a wait for the lock. The token in hand was held before this run first read the secret, so
 * a secret written since that read (or created, when it did not exist) certainly superseded it,
 * however close in time. GitHub's timestamps are whole seconds, so a write within the second of
 * that read shows no change: then a write at or after the moment the rotation this run waited for
 * took the lock is taken for that rotation's, and stops this run too (it loses nothing: the secret
 * holds the newer token). Otherwise the guard judges as before.
 */
export function judgeAfterWait(
  before: SecretMetadata | undefined,
  after: SecretMetadata,
  firstReadAt: Date,
  /** When the rotation this run waited for took the lock; undefined when it waited for none. */
  waitedFor: Date | undefined,
  otherwise: () => StoredTokenJudgement,
): StoredTokenJudgement {
  const { updatedAt } = after
  if (updatedAt === undefined) return otherwise()
  if (before !== undefined && before.updatedAt?.getTime() !== updatedAt.getTime()) {
    return {
      kind: 'superseded',
      updatedAt,
      readAt: before.serverNow ?? firstReadAt,
      readAtWhat: 'this run first read it, before waiting for the lock',
    }
  }
  // Unchanged, but written in the very second this run read it: maybe just after.
  if (before?.serverNow !== undefined && updatedAt.getTime() >= before.serverNow.getTime()) {
    return {
      kind: 'superseded',
      updatedAt,
      readAt: before.serverNow,
      readAtWhat: 'this run first read it (the same second), before waiting for the lock',
    }
  }
  if (waitedFor !== undefined && updatedAt.getTime() >= waitedFor.getTime()) {
    return {
      kind: 'superseded',
      updatedAt,
      readAt: waitedFor,
      readAtWhat: 'the rotation this run waited for took the lock',
    }
  }
  return otherwise()
}

/**
 * The warning for a guard that could not decide: the rotation goes ahead. It names the case it
 * leaves open: a run queued behind another rotation holds the token that rotation replaced.
 */
export function unknownWarning(secretName: string, reason: string | Text): Text {
  return text`Could not check whether another rotation rewrote ${secretName} after this run read it (${reason}). Going ahead. A run that waited in a concurrency group behind another rotation holds the token that rotation replaced, and presenting it after the 10-minute leeway revokes the consent. To enable the check, let the job read its own run: add "permissions: actions: read" (the action reads the run's start with ${named('workflow-token')}, by default github.token).`
}

/** Nothing says when the token was read: a guess is not good enough to spend it on. */
export function unboundedError(
  judgement: Extract<StoredTokenJudgement, { kind: 'unbounded' }>,
  secretName: string,
): ActionError {
  return new ActionError(
    'TOKEN_AGE_UNKNOWN',
    text`The secret ${secretName} was last written at ${utc(judgement.updatedAt)}, and nothing says when the refresh token given was read (${judgement.reason}). If anything rotated the token after that (a workflow, another terminal), the token given is superseded, and presenting it would revoke the consent. Nothing was sent.`,
    'unchanged',
    text`Give the time you obtained that refresh token in ${named('token-obtained-at')} (ISO 8601 with its zone, e.g. 2026-12-01T10:00:00Z): the rotation goes ahead only if the secret was not written after it.`,
  )
}

/**
 * What a superseded token means: another rotation got there first, nothing was sent, nothing is
 * lost. The caller decides whether that fails the step (input "on-superseded").
 */
export function supersededError(
  judgement: Extract<StoredTokenJudgement, { kind: 'superseded' }>,
  secretName: string,
): ActionError {
  // GitHub's times are whole seconds: in the same second, the rewrite may have come just after.
  const read =
    judgement.updatedAt.getTime() > judgement.readAt.getTime()
      ? `after ${judgement.readAtWhat} (${utc(judgement.readAt)})`
      : `in the same second as ${judgement.readAtWhat} (${utc(judgement.readAt)}), so maybe after it`
  return new ActionError(
    'SUPERSEDED',
    `Another rotation got there first: the secret ${secretName} was rewritten at ${utc(judgement.updatedAt)}, ${read}, so the refresh token this run holds has been superseded. It was not sent to Atlassian, which accepts only the newest token (and, for 10 minutes, the one just before it): presenting a superseded one could revoke the consent. Nothing is lost: the secret holds the newer token.`,
    'unchanged',
    'Nothing to do for the token. If this step had to provide an access token, re-run the workflow: a new run reads the current secret. If rotations keep meeting, give every workflow that rotates this token the same `concurrency:` group (with cancel-in-progress: false).',
  )
}

/** One line for the job summary. */
export function describeJudgement(judgement: StoredTokenJudgement): string | Text {
  switch (judgement.kind) {
    case 'fresh':
      return 'passed: the secret was not rewritten since this run read it'
    case 'fresh-since':
      return `passed: the secret was not rewritten after ${judgement.what}`
    case 'first-write':
      return 'passed: the secret did not exist yet'
    case 'superseded':
      return `stopped: the secret was rewritten at ${utc(judgement.updatedAt)}, after this run read it`
    case 'unknown':
      return text`skipped: ${judgement.reason}`
    case 'unbounded':
      return text`stopped: nothing says when the token given was read (${judgement.reason})`
  }
}
