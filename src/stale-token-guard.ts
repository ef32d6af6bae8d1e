/**
 * The stale-token guard: has the secret been rewritten since this run read it?
 *
 * A run reads repository secrets when it is queued (../shared/FACTS.md, "When a workflow sees a
 * secret"), so it can hold a token that another run, or an earlier job of this run, has rotated
 * since. That token is then the "previous" one: Atlassian still exchanges it during the 10-minute
 * leeway, and revokes the whole consent if it is presented after that.
 */
import { ActionError } from './errors.js'
import { LEEWAY_MS, utc } from './report.js'
import type { Runner } from './runner.js'

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

/**
 * Tells the user what the guard found, and stops the run when the token is stale. Returns the
 * moment (on `localNow`'s clock) by which the refresh must be done when the token in hand is
 * already the "previous" one.
 */
export function actOnJudgement(
  runner: Runner,
  judgement: StoredTokenJudgement,
  secretName: string,
  serverNow: Date | undefined,
  localNow: number,
): number | undefined {
  switch (judgement.kind) {
    case 'fresh':
    case 'first-write':
      return undefined
    case 'unknown':
      runner.notice(
        `Could not check whether another run rotated ${secretName} after this run read it (${judgement.reason}). Going ahead. To enable the check, let the job read its own run: add "permissions: actions: read" (the action reads the run's start with "workflow-token", by default github.token).`,
      )
      return undefined
    case 'stale':
      throw new ActionError(
        'STALE_TOKEN',
        `The secret ${secretName} was rewritten at ${utc(judgement.updatedAt)}, after this run read its secrets (${utc(judgement.readAt)}): another run, or an earlier job of this one, rotated the token. The token this run holds is the superseded one, and the 10-minute leeway in which Atlassian still accepts it is over: presenting it now would revoke the consent. Nothing was sent to Atlassian.`,
        'unchanged',
        'Re-run the workflow: a new run reads the current secret. To keep runs from overlapping, give every workflow that rotates this token the same `concurrency:` group (with cancel-in-progress: false).',
      )
    case 'rewritten-in-leeway': {
      runner.warning(
        `The secret ${secretName} was rewritten at ${utc(judgement.updatedAt)}, after this run read its secrets (${utc(judgement.readAt)}): another run rotated the token meanwhile. Atlassian still accepts the token this run holds until about ${utc(judgement.safeUntil)}, so the rotation goes ahead and its token replaces the other run's. Give every workflow that rotates this token the same \`concurrency:\` group so runs never overlap.`,
      )
      // GitHub's clock decided; translate the limit into this machine's clock.
      const skew = serverNow ? localNow - serverNow.getTime() : 0
      return judgement.safeUntil.getTime() + skew
    }
  }
}

/** One line for the job summary. */
export function describeJudgement(judgement: StoredTokenJudgement): string {
  switch (judgement.kind) {
    case 'fresh':
      return 'passed: the secret was not rewritten since this run read it'
    case 'first-write':
      return 'passed: the secret did not exist yet'
    case 'rewritten-in-leeway':
      return `warned: the secret was rewritten at ${utc(judgement.updatedAt)} by another run; rotated inside the leeway`
    case 'stale':
      return 'stopped'
    case 'unknown':
      return `skipped: ${judgement.reason}`
  }
}
