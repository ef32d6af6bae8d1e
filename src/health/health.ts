/**
 * How healthy an integration is, from the three dates the project knows without spending a token:
 * when the secret was last written (its metadata's `updated_at`: every rotation writes it), when
 * the user consented (`consented-at`, recorded by `authorize`), and now. Pure: the clock is an
 * argument, so a door (the action, `status`) passes its own and tests pass any.
 *
 * The secret's last write stands for the refresh token's last use: a refresh always issues a new
 * refresh token, which the rotation writes (../rotation/rotate.ts). Only a refresh made elsewhere,
 * that did not write this secret, would make the token younger than its secret, so a secret past
 * the 90-day limit means "most likely dead", not "dead for certain".
 */
import { named, text, type Text } from '../common/settings.js'
import {
  CONSENT_DAYS,
  DAY_MS,
  REFRESH_TOKEN_UNUSED_DAYS,
  REMINDER_BEFORE_DAYS,
  ROTATION_OVERDUE_DAYS,
  type ThresholdName,
} from './thresholds.js'

export type Verdict = 'healthy' | 'at-risk' | 'dead'

export interface HealthFacts {
  now: Date
  /** The secret's `updated_at` before this run; undefined when it does not exist or is unknown. */
  lastWrite: Date | undefined
  /** The consent's date (`consented-at`); undefined when not given. */
  consentedAt: Date | undefined
  /** When this run's refresh was sent, once its new refresh token was stored. */
  rotatedAt?: Date | undefined
  /**
   * This run's refresh issued a new refresh token that the secret does not (or may not) hold: the
   * secret's token is superseded, accepted only until `acceptedUntil`.
   */
  unstored?: { acceptedUntil: Date | undefined } | undefined
  /** The secret's name, for the words. */
  secretName: string
  /** The rotation workflow, when it was read (`status --workflow`); undefined: not checked. */
  workflow?: WorkflowFacts | undefined
}

/** The workflow that rotates the token, as the Actions API shows it. */
export interface WorkflowFacts {
  /** `owner/name` of its repository, for the commands in the advice. */
  repository: string
  /** Its file name (`rotate-atlassian-token.yml`) or id, as it was named. */
  workflow: string
  /** `active`, or why it does not run: `disabled_manually`, `disabled_inactivity`, … */
  state: string
  /** Its recent runs, newest first; undefined when they could not be read. */
  runs: WorkflowRunFacts[] | undefined
}

export interface WorkflowRunFacts {
  createdAt: Date
  /** Once completed: success, failure, cancelled, skipped, timed_out…; null before. */
  conclusion: string | null
  htmlUrl?: string | undefined
}

/** Every figure; undefined where the date it rests on is unknown. Days are whole days (truncated). */
export interface HealthFigures {
  now: Date
  /** The secret's last write before this run. */
  lastRotatedAt: Date | undefined
  daysSinceLastRotation: number | undefined
  /** The refresh token's last use: this run's rotation, else the last write. */
  lastUsedAt: Date | undefined
  /** 90 days after the last use: the refresh token dies then unless refreshed. */
  refreshTokenExpiresAt: Date | undefined
  daysUntilRefreshTokenExpiry: number | undefined
  consentedAt: Date | undefined
  /** 365 days after the consent. */
  reconsentDueAt: Date | undefined
  daysUntilReconsent: number | undefined
}

export type HealthReasonCode =
  /** The previous rotation is older than a working schedule allows. */
  | 'rotation-overdue'
  /** The 90-day limit is less than 30 days away. */
  | 'refresh-token-expiry-near'
  /** The 365-day limit is less than 30 days away. */
  | 'reconsent-near'
  /** The secret has no last write to count from (absent, or its metadata unread). */
  | 'last-write-unknown'
  /** This run's new refresh token is not in the secret, which holds the superseded one. */
  | 'new-token-not-stored'
  /** Past the 90-day limit, counted from the last write. */
  | 'refresh-token-expired'
  /** Past the 365-day limit. */
  | 'consent-expired'
  /** The rotation workflow is disabled: no scheduled rotation runs. */
  | 'workflow-disabled'
  /** The rotation workflow's latest finished runs failed. */
  | 'runs-failing'

export interface HealthReason {
  code: HealthReasonCode
  verdict: Exclude<Verdict, 'healthy'>
  /** The limit behind it (./thresholds.ts). */
  threshold: ThresholdName
  /** What is the matter, with the dates. */
  said: Text
  /** What to do. */
  next: Text
}

export interface Health {
  verdict: Verdict
  figures: HealthFigures
  /** Gravest first: every reason for `dead`, then every reason for `at-risk`. */
  reasons: HealthReason[]
}

/** Whole days from `from` to `to`, truncated toward zero: how many days ago `from` was. */
export function wholeDays(from: Date, to: Date): number {
  const days = Math.trunc((to.getTime() - from.getTime()) / DAY_MS)
  return days === 0 ? 0 : days // never -0
}

/**
 * Whole days left from `now` until `limit`, rounded down: 0 on the limit's last day, and negative
 * from the moment it has passed (truncation would show 0 for a whole day after the limit, while
 * the verdict already says dead).
 */
export function daysLeft(now: Date, limit: Date): number {
  const days = Math.floor((limit.getTime() - now.getTime()) / DAY_MS)
  return days === 0 ? 0 : days // never -0
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS)
}

/** A date as people read it in this project's messages: `2026-01-31`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function healthFigures(facts: HealthFacts): HealthFigures {
  const { now, lastWrite, consentedAt } = facts
  const lastUsedAt = facts.rotatedAt ?? lastWrite
  const refreshTokenExpiresAt =
    lastUsedAt === undefined ? undefined : addDays(lastUsedAt, REFRESH_TOKEN_UNUSED_DAYS)
  const reconsentDueAt = consentedAt === undefined ? undefined : addDays(consentedAt, CONSENT_DAYS)
  return {
    now,
    lastRotatedAt: lastWrite,
    daysSinceLastRotation: lastWrite === undefined ? undefined : wholeDays(lastWrite, now),
    lastUsedAt,
    refreshTokenExpiresAt,
    daysUntilRefreshTokenExpiry:
      refreshTokenExpiresAt === undefined ? undefined : daysLeft(now, refreshTokenExpiresAt),
    consentedAt,
    reconsentDueAt,
    daysUntilReconsent: reconsentDueAt === undefined ? undefined : daysLeft(now, reconsentDueAt),
  }
}

const AUTHORIZE = '`atlassian-token-rotation authorize`'

function consentAgain(secretName: string): Text {
  return text`Consent again in a browser (${AUTHORIZE} writes the new refresh token to ${secretName} and can record the date), then update ${named('consented-at')}.`
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** The figures, the verdict and its reasons. */
export function assessHealth(facts: HealthFacts): Health {
  const figures = healthFigures(facts)
  const { now, secretName } = facts
  const reasons: HealthReason[] = []
  const {
    lastRotatedAt,
    daysSinceLastRotation,
    refreshTokenExpiresAt,
    daysUntilRefreshTokenExpiry,
    reconsentDueAt,
    daysUntilReconsent,
  } = figures

  if (reconsentDueAt !== undefined && daysUntilReconsent !== undefined && facts.consentedAt) {
    const consented = isoDay(facts.consentedAt)
    const refreshedNow = facts.rotatedAt !== undefined
    if (reconsentDueAt.getTime() <= now.getTime() && refreshedNow) {
      // Atlassian just answered this run's refresh, so the consent lives: the date given is
      // earlier than the real consent (authorize records the day, in UTC), but not by much.
      reasons.push({
        code: 'reconsent-near',
        verdict: 'at-risk',
        threshold: 'consent-lifetime',
        said: text`${named('consented-at')} (${consented}) says the consent reached Atlassian's 365-day limit on ${isoDay(reconsentDueAt)}, yet this run's refresh worked: the consent is a little younger than that date, and ends any day now.`,
        next: text`Now: ${consentAgain(secretName)}`,
      })
    } else if (reconsentDueAt.getTime() <= now.getTime()) {
      reasons.push({
        code: 'consent-expired',
        verdict: 'dead',
        threshold: 'consent-lifetime',
        said: text`The consent given on ${consented} reached Atlassian's 365-day limit on ${isoDay(reconsentDueAt)}: every token of it is dead, however often it was refreshed.`,
        next: consentAgain(secretName),
      })
    } else if (daysUntilReconsent < REMINDER_BEFORE_DAYS) {
      reasons.push({
        code: 'reconsent-near',
        verdict: 'at-risk',
        threshold: 'consent-lifetime',
        said: text`The consent given on ${consented} ends on ${isoDay(reconsentDueAt)} (${plural(daysUntilReconsent, 'day')} left): Atlassian's 365-day limit, which no refresh extends.`,
        next: text`Before ${isoDay(reconsentDueAt)}: ${consentAgain(secretName)}`,
      })
    }
  }

  const rotatedNow = facts.rotatedAt !== undefined
  if (refreshTokenExpiresAt !== undefined && daysUntilRefreshTokenExpiry !== undefined) {
    const expiry = isoDay(refreshTokenExpiresAt)
    if (refreshTokenExpiresAt.getTime() <= now.getTime() && !rotatedNow) {
      reasons.push({
        code: 'refresh-token-expired',
        verdict: 'dead',
        threshold: 'refresh-token-unused',
        said: text`${secretName} was last written ${plural(daysSinceLastRotation ?? 0, 'day')} ago (${isoDay(lastRotatedAt ?? now)}): past Atlassian's 90-day limit for an unused refresh token (${expiry}). Unless it was refreshed somewhere that did not write the secret, the token is dead and a refresh is refused (invalid_grant).`,
        next: text`${consentAgain(secretName)} Then find out why no rotation ran for ${plural(daysSinceLastRotation ?? 0, 'day')}: the workflow's recent runs, and whether its schedule is still enabled.`,
      })
    } else if (daysUntilRefreshTokenExpiry < REMINDER_BEFORE_DAYS) {
      reasons.push({
        code: 'refresh-token-expiry-near',
        verdict: 'at-risk',
        threshold: 'refresh-token-unused',
        said: text`Unless it is refreshed, the refresh token dies on ${expiry} (${plural(daysUntilRefreshTokenExpiry, 'day')} left): Atlassian disables a refresh token after 90 days unused.`,
        next: text`Rotate before ${expiry} (any successful rotation resets the 90 days), and find out why the scheduled runs stopped.`,
      })
    }
  }

  if (lastRotatedAt !== undefined && daysSinceLastRotation !== undefined) {
    if (daysSinceLastRotation > ROTATION_OVERDUE_DAYS) {
      reasons.push({
        code: 'rotation-overdue',
        verdict: 'at-risk',
        threshold: 'rotation-overdue',
        said: text`${rotatedNow ? 'Before this run, ' : ''}${secretName} was last written ${plural(daysSinceLastRotation, 'day')} ago (${isoDay(lastRotatedAt)}), longer than a scheduled rotation allows (${ROTATION_OVERDUE_DAYS} days): its runs are being missed or are failing.`,
        next: text`Look at the rotation workflow's recent runs: failures (a revoked GitHub token, a changed permission), or a schedule GitHub disabled (a public repository's, after 60 days without activity; ${named('keep-schedule-alive')} re-enables it on every scheduled run).`,
      })
    }
  } else if (!rotatedNow) {
    reasons.push({
      code: 'last-write-unknown',
      verdict: 'at-risk',
      threshold: 'refresh-token-unused',
      said: text`Nothing says when ${secretName} was last written, so nothing says when its refresh token was last used: the 90-day limit cannot be watched.`,
      next: text`Check that ${secretName} exists and that the GitHub token may read its metadata; the next rotation that writes it starts the count.`,
    })
  }

  if (facts.unstored) {
    const until = facts.unstored.acceptedUntil
    reasons.push({
      code: 'new-token-not-stored',
      verdict: 'at-risk',
      threshold: 'rotation-leeway',
      said: text`This run's refresh issued a new refresh token that ${secretName} does not (or may not) hold: the token in ${secretName} is superseded${until ? text`, accepted only until ${until.toISOString()}` : ''}. Presenting it after that revokes the consent.`,
      next: text`Store the new token: run the recovery command this run printed (it stores the sealed value only if ${secretName} is unchanged), or re-run the rotation${until ? text` before ${until.toISOString()}` : ''}; one or the other, never both.`,
    })
  }

  if (facts.workflow) reasons.push(...workflowReasons(facts.workflow))

  reasons.sort((a, b) => rank(a.verdict) - rank(b.verdict))
  const verdict: Verdict = reasons[0]?.verdict ?? 'healthy'
  return { verdict, figures, reasons }
}

const rank = (verdict: HealthReason['verdict']): number => (verdict === 'dead' ? 0 : 1)

/** Conclusions that say whether a rotation ran; cancelled, skipped and neutral runs say nothing. */
const FAILED = new Set(['failure', 'timed_out', 'startup_failure'])

/**
 * A disabled workflow rotates nothing (GitHub disables a public repository's schedules after 60
 * days without activity); finished runs that failed since the last success rotate nothing either,
 * and the token keeps ageing toward its 90 days.
 */
function workflowReasons(workflow: WorkflowFacts): HealthReason[] {
  const reasons: HealthReason[] = []
  const where = `--repo ${workflow.repository}`
  if (workflow.state !== 'active') {
    const why =
      workflow.state === 'disabled_inactivity'
        ? 'GitHub disabled it after 60 days without activity in the repository'
        : workflow.state === 'disabled_manually'
          ? 'someone disabled it'
          : `its state is "${workflow.state}"`
    reasons.push({
      code: 'workflow-disabled',
      verdict: 'at-risk',
      threshold: 'schedule-inactivity',
      said: text`The rotation workflow ${workflow.workflow} of ${workflow.repository} is not enabled (${why}): no scheduled rotation runs, and the refresh token ages toward its 90 days.`,
      next: text`Enable it (\`gh workflow enable ${workflow.workflow} ${where}\`) and run it once (\`gh workflow run ${workflow.workflow} ${where}\`); ${named('keep-schedule-alive')} keeps a public repository's schedule from being disabled again.`,
    })
  }
  const decided = (workflow.runs ?? []).filter(
    (run) => run.conclusion === 'success' || FAILED.has(run.conclusion ?? ''),
  )
  const failing = decided.findIndex((run) => run.conclusion === 'success')
  const failures = failing === -1 ? decided : decided.slice(0, failing)
  const [latest] = failures
  if (latest !== undefined) {
    const since = failures[failures.length - 1] ?? latest
    const count = failures.length
    reasons.push({
      code: 'runs-failing',
      verdict: 'at-risk',
      threshold: 'rotation-overdue',
      said: text`The latest ${count === 1 ? 'finished run' : `${count} finished runs`} of ${workflow.workflow} failed (${count === 1 ? isoDay(latest.createdAt) : `since ${isoDay(since.createdAt)}`}${failing === -1 ? '' : ', after a success'}): those rotations did not happen.`,
      next: text`Read the failed run's log${latest.htmlUrl ? ` (${latest.htmlUrl})` : ''}: a revoked or expired GitHub token, or a changed permission, are the usual causes. Then run it again (\`gh workflow run ${workflow.workflow} ${where}\`).`,
    })
  }
  return reasons
}
