/**
 * The limits an integration's health is measured against, each with the provider rule behind it
 * (../shared/FACTS.md, "Rotation rules" and "Workflows").
 */
export const DAY_MS = 24 * 60 * 60 * 1000

export type ThresholdName =
  | 'refresh-token-unused'
  | 'consent-lifetime'
  | 'schedule-inactivity'
  | 'rotation-overdue'
  | 'reminder'
  | 'rotation-leeway'

export interface Threshold {
  name: ThresholdName
  days: number
  /** The rule behind it, in words. */
  rule: string
  /** Where the rule is written down. */
  source: string
}

/** Atlassian disables a refresh token that goes 90 days without a refresh; each refresh resets it. */
export const REFRESH_TOKEN_UNUSED_DAYS = 90
/** Every token of a consent dies 365 days after it, however often it was refreshed. */
export const CONSENT_DAYS = 365
/** GitHub disables the scheduled workflows of a public repository after 60 days without activity. */
export const SCHEDULE_INACTIVITY_DAYS = 60
/**
 * A scheduled rotation writes the secret far more often than this (weekly is the documented
 * schedule): a secret older than this means runs are being missed or failing, while there is still
 * time (60 days) before the 90-day limit.
 */
export const ROTATION_OVERDUE_DAYS = 30
/** Warnings start this many days before the 90-day and the 365-day limits. */
export const REMINDER_BEFORE_DAYS = 30

export const THRESHOLDS: readonly Threshold[] = [
  {
    name: 'refresh-token-unused',
    days: REFRESH_TOKEN_UNUSED_DAYS,
    rule: 'Atlassian disables a rotating refresh token that is not used for 90 days; every refresh resets the 90 days.',
    source: 'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/',
  },
  {
    name: 'consent-lifetime',
    days: CONSENT_DAYS,
    rule: 'Every refresh token of a consent dies 365 days after the consent, however often it was refreshed: the user must consent again.',
    source: 'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/',
  },
  {
    name: 'schedule-inactivity',
    days: SCHEDULE_INACTIVITY_DAYS,
    rule: 'GitHub disables the scheduled workflows of a public repository after 60 days without repository activity; then no rotation runs.',
    source:
      'https://docs.github.com/en/actions/managing-workflow-runs-and-deployments/managing-workflow-runs/disabling-and-enabling-a-workflow',
  },
  {
    name: 'rotation-overdue',
    days: ROTATION_OVERDUE_DAYS,
    rule: 'A scheduled rotation writes the secret at least every 30 days; an older secret means its runs are being missed or failing.',
    source:
      'https://docs.github.com/en/actions/writing-workflows/choosing-when-your-workflow-runs/events-that-trigger-workflows#schedule',
  },
  {
    name: 'rotation-leeway',
    days: 10 / (24 * 60),
    rule: 'A refresh disables the refresh token it presents; that token is still accepted for 10 minutes, and presenting it after that revokes every token of the consent.',
    source: 'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/',
  },
  {
    name: 'reminder',
    days: REMINDER_BEFORE_DAYS,
    rule: 'Warnings start 30 days before the 90-day and the 365-day limits: time for a person to act.',
    source: 'https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/',
  },
]
