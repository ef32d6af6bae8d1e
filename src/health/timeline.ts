/**
 * The health figures as a picture: a Mermaid gantt chart, which GitHub renders in a job summary's
 * Markdown (a fenced `mermaid` block). One row per fact the project knows: the consent and its
 * 365 days, the secret's last write before this run and its 90 days, this run's refresh and its
 * 90 days, and today. Dates are UTC days; Mermaid draws them as given.
 */
import { addDays, isoDay, type Health } from './health.js'
import { CONSENT_DAYS, REFRESH_TOKEN_UNUSED_DAYS } from './thresholds.js'

/**
 * The chart's source, without the fence. Task names hold no ':' or '#' (Mermaid's separators);
 * each milestone is named with its date, so the picture reads without hovering.
 */
export function healthTimeline(health: Health): string {
  const { figures } = health
  const today = isoDay(figures.now)
  const lines = [
    'gantt',
    `  title Refresh token health on ${today} (UTC) - ${health.verdict}`,
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %Y-%m-%d',
    // Mermaid's own marker is the viewer's today; the chart marks the run's day instead.
    '  todayMarker off',
  ]
  if (figures.consentedAt && figures.reconsentDueAt) {
    const consented = isoDay(figures.consentedAt)
    const due = isoDay(figures.reconsentDueAt)
    lines.push(
      '  section Consent',
      `  Consent given ${consented} :milestone, consent, ${consented}, 0d`,
      `  Consent lifetime (${CONSENT_DAYS} days) :${past(figures.reconsentDueAt, figures.now)}${consented}, ${due}`,
      `  Re-consent due ${due} :milestone, crit, ${due}, 0d`,
    )
  }
  // This run refreshed when the last use is not the last write.
  const rotatedNow =
    figures.lastUsedAt !== undefined &&
    figures.lastUsedAt.getTime() !== figures.lastRotatedAt?.getTime()
  if (figures.lastRotatedAt) {
    const written = isoDay(figures.lastRotatedAt)
    const limitAt = addDays(figures.lastRotatedAt, REFRESH_TOKEN_UNUSED_DAYS)
    const limit = isoDay(limitAt)
    lines.push(
      '  section Before this run',
      `  Last rotation ${written} :milestone, previous, ${written}, 0d`,
      `  Unused limit from it (${REFRESH_TOKEN_UNUSED_DAYS} days) :${rotatedNow ? 'done, ' : past(limitAt, figures.now)}${written}, ${limit}`,
      `  Limit ${limit} :milestone, crit, ${limit}, 0d`,
    )
  }
  if (rotatedNow && figures.lastUsedAt && figures.refreshTokenExpiresAt) {
    const rotated = isoDay(figures.lastUsedAt)
    const expires = isoDay(figures.refreshTokenExpiresAt)
    lines.push(
      '  section This run',
      `  This rotation ${rotated} :milestone, rotation, ${rotated}, 0d`,
      `  Unused limit from it (${REFRESH_TOKEN_UNUSED_DAYS} days) :active, ${rotated}, ${expires}`,
      `  Limit ${expires} :milestone, crit, ${expires}, 0d`,
    )
  }
  lines.push('  section Today', `  Today ${today} :milestone, today, ${today}, 0d`)
  return lines.join('\n')
}

/** A limit already reached is drawn as critical; one ahead as active. */
function past(limit: Date, now: Date): string {
  return limit.getTime() <= now.getTime() ? 'crit, ' : 'active, '
}
