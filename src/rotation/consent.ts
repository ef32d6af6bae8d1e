/**
 * The yearly re-consent: every token of a consent dies 365 days after it, however often it was
 * refreshed (../shared/FACTS.md, "Rotation rules"). No rotation can extend it, so the action can
 * only say when it comes, early enough to act.
 */
import { named, text, type Text } from '../common/settings.js'
const DAY_MS = 24 * 60 * 60 * 1000
export const CONSENT_LIFETIME_DAYS = 365
/** Warnings start this many days before the limit. */
export const REMINDER_DAYS = 30

export interface ConsentStatus {
  reconsentBy: Date
  daysLeft: number
  /** A warning for the log, when the limit is near or past; undefined otherwise. */
  warning: Text | undefined
}

export function consentStatus(consentedAt: Date, now: Date): ConsentStatus {
  const reconsentBy = new Date(consentedAt.getTime() + CONSENT_LIFETIME_DAYS * DAY_MS)
  const daysLeft = Math.floor((reconsentBy.getTime() - now.getTime()) / DAY_MS)
  const by = reconsentBy.toISOString().slice(0, 10)
  let warning: Text | undefined
  if (reconsentBy.getTime() <= now.getTime()) {
    warning = text`The consent given on ${consentedAt.toISOString().slice(0, 10)} reached Atlassian's 365-day limit on ${by}: its tokens no longer work. Consent again in a browser, store the new refresh token, and update ${named('consented-at')}.`
  } else if (daysLeft < REMINDER_DAYS) {
    warning = text`The consent given on ${consentedAt.toISOString().slice(0, 10)} ends on ${by} (${daysLeft} day${daysLeft === 1 ? '' : 's'} left): Atlassian's 365-day limit, which no refresh extends. Before then, consent again in a browser, store the new refresh token, and update ${named('consented-at')}.`
  }
  return { reconsentBy, daysLeft, warning }
}
