/**
 * The yearly re-consent: every token of a consent dies 365 days after it, however often it was
 * refreshed (../shared/FACTS.md, "Rotation rules"). No rotation can extend it, so the action can
 * only say when it comes, early enough to act.
 */
import { named, text, type Text } from '../common/settings.js'
import { addDays, daysLeft as daysUntil, isoDay } from '../health/health.js'
import { CONSENT_DAYS, REMINDER_BEFORE_DAYS } from '../health/thresholds.js'

export interface ConsentStatus {
  reconsentBy: Date
  daysLeft: number
  /** A warning for the log, when the limit is near or past; undefined otherwise. */
  warning: Text | undefined
}

export function consentStatus(consentedAt: Date, now: Date): ConsentStatus {
  // The same count as the health figures' (../health/health.ts), so both say the same days left.
  const reconsentBy = addDays(consentedAt, CONSENT_DAYS)
  const daysLeft = daysUntil(now, reconsentBy)
  const by = isoDay(reconsentBy)
  const consented = isoDay(consentedAt)
  let warning: Text | undefined
  if (reconsentBy.getTime() <= now.getTime()) {
    warning = text`The consent given on ${consented} reached Atlassian's 365-day limit on ${by}: its tokens no longer work. Consent again in a browser, store the new refresh token, and update ${named('consented-at')}.`
  } else if (daysLeft < REMINDER_BEFORE_DAYS) {
    warning = text`The consent given on ${consented} ends on ${by} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left): Atlassian's 365-day limit, which no refresh extends. Before then, consent again in a browser, store the new refresh token, and update ${named('consented-at')}.`
  }
  return { reconsentBy, daysLeft, warning }
}
