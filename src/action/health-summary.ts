/**
 * The job summary's health section: the verdict, the figures, what to do, and the timeline as a
 * Mermaid chart (../health/timeline.ts), which GitHub renders from the summary's Markdown.
 */
import { actionWording, word } from '../common/settings.js'
import type { Health } from '../health/health.js'
import { isoDay, wholeDays } from '../health/health.js'
import { healthTimeline } from '../health/timeline.js'
import { escapeHtml } from '../rotation/explain.js'
import { keepAliveSummary, type KeepAliveReport } from './keep-alive.js'

const VERDICTS: Record<Health['verdict'], string> = {
  healthy: 'healthy',
  'at-risk': 'at risk',
  dead: 'dead',
}

function ago(days: number): string {
  if (days === 0) return 'today'
  return `${days} day${days === 1 ? '' : 's'} ago`
}

/** Days left until a limit, or, once it has passed, whole days since it passed. */
function ahead(days: number, limit: Date, now: Date): string {
  if (limit.getTime() <= now.getTime()) {
    const ago = wholeDays(limit, now)
    return `passed ${ago} day${ago === 1 ? '' : 's'} ago`
  }
  return `${days} day${days === 1 ? '' : 's'} left`
}

export function renderHealthSummary(
  health: Health,
  keepAlive: KeepAliveReport | undefined,
): string {
  const { figures } = health
  const rows: [string, string][] = []
  if (figures.lastRotatedAt && figures.daysSinceLastRotation !== undefined) {
    rows.push([
      'Last rotation before this run',
      `${isoDay(figures.lastRotatedAt)} (${ago(figures.daysSinceLastRotation)})`,
    ])
  } else {
    rows.push(['Last rotation before this run', 'unknown (the secret has no last write to read)'])
  }
  if (figures.refreshTokenExpiresAt && figures.daysUntilRefreshTokenExpiry !== undefined) {
    rows.push([
      'Refresh token dies unless refreshed (90 days unused)',
      `${isoDay(figures.refreshTokenExpiresAt)} (${ahead(figures.daysUntilRefreshTokenExpiry, figures.refreshTokenExpiresAt, figures.now)})`,
    ])
  }
  if (figures.reconsentDueAt && figures.daysUntilReconsent !== undefined) {
    rows.push([
      'Consent again by (365 days)',
      `${isoDay(figures.reconsentDueAt)} (${ahead(figures.daysUntilReconsent, figures.reconsentDueAt, figures.now)})`,
    ])
  }
  const schedule = keepAlive && keepAliveSummary(keepAlive)
  if (schedule !== undefined) rows.push(['Schedule keep-alive', escapeHtml(schedule)])
  const reasons = health.reasons.map(
    (reason) =>
      `<li><strong>${reason.verdict === 'dead' ? 'Dead' : 'At risk'}:</strong> ${escapeHtml(word(reason.said, actionWording))} <strong>Next step:</strong> ${escapeHtml(word(reason.next, actionWording))}</li>`,
  )
  return [
    `<h3>Health: ${VERDICTS[health.verdict]}</h3>`,
    '<table>',
    ...rows.map(([name, value]) => `<tr><th align="left">${name}</th><td>${value}</td></tr>`),
    '</table>',
    ...(reasons.length > 0 ? ['<ul>', ...reasons, '</ul>'] : []),
    // A blank line ends the HTML block, so that the fence is read as Markdown.
    '',
    '```mermaid',
    healthTimeline(health),
    '```',
    '',
  ].join('\n')
}
