/**
 * The stale-token guard: has the secret been rewritten since this run read it?
 *
 * A run reads repository secrets when it is queued (../shared/FACTS.md, "When a workflow sees a
 * secret"), so it can hold a token that another run, or an earlier job of this run, has rotated
 * since. That token is then the "previous" one: Atlassian still exchanges it during the 10-minute
 * leeway, and revokes the whole consent if it is presented after that.
 */
import { LEEWAY_MS } from './report.js'

/**
 * The other run's rotation happened shortly before its write (updated_at), by up to its own retry
 * time: count the leeway as ending this much before updated_at + 10 minutes.
 */
export const LEEWAY_SAFETY_MARGIN_MS = 2 * 60 * 1000

export type StoredTokenJudgement =
  /** The secret was not written since this run read it: the token in hand is the newest. */
  | { kind: 'fresh' }
  /** The secret does not exist yet: this run's write creates it. */
  | { kind: 'first-write' }
  /** Rewritten since, still inside the leeway: refreshing is safe until `safeUntil`. */
  | { kind: 'rewritten-in-leeway'; updatedAt: Date; readAt: Date; safeUntil: Date }
  /** Rewritten since, leeway over: presenting the token in hand would revoke the consent. */
  | { kind: 'stale'; updatedAt: Date; readAt: Date }
  /** Could not tell; `reason` names what was missing. */
  | { kind: 'unknown'; reason: string }

/**
 * @param updatedAt when the secret was last written (undefined: it does not exist)
 * @param readAt    when this run read its secrets
 * @param now       GitHub's clock, in the same time base as `updatedAt`
 */
export function judgeStoredToken(
  updatedAt: Date | undefined,
  readAt: Date,
  now: Date,
): StoredTokenJudgement {
  if (updatedAt === undefined) return { kind: 'first-write' }
  if (updatedAt.getTime() <= readAt.getTime()) return { kind: 'fresh' }
  const safeUntil = new Date(updatedAt.getTime() + LEEWAY_MS - LEEWAY_SAFETY_MARGIN_MS)
  if (now.getTime() >= safeUntil.getTime()) return { kind: 'stale', updatedAt, readAt }
  return { kind: 'rewritten-in-leeway', updatedAt, readAt, safeUntil }
}
