/**
 * What `status` found, and its two renderings: lines for people, and a JSON document for scripts
 * whose shape is documented in the README ("The command line tool") and kept stable (`version`).
 * Pure: the report comes in, text comes out, so each rendering is tested without a network.
 */
import { word, type Setting, type Text, type Wording } from '../common/settings.js'
import { cliWording } from './wording.js'
import type { WorkflowInfo, WorkflowRunInfo } from '../github/workflows.js'
import { isoDay, wholeDays, type Health, type HealthFigures } from '../health/health.js'

/**
 * The tool's words, except for the action's own inputs, which the advice about a workflow names:
 * those are set in the workflow file, not on this command line.
 */
export function statusWording(githubTokenSource: string | undefined): Wording {
  const cli = cliWording(githubTokenSource)
  return (mention) => {
    if (!('rerun' in mention) && ACTION_INPUTS.has(mention.setting)) {
      return `the action's "${mention.setting}" input`
    }
    return cli(mention)
  }
}

const ACTION_INPUTS = new Set<Setting>(['keep-schedule-alive', 'consented-at'])

/** A read that did not give its value. */
export type Unread =
  /** GitHub answered 403: the token lacks `permission`. */
  | { status: 'refused'; permission: string; said: Text }
  /** Anything else: not found, unreachable, an answer that is not GitHub's. */
  | { status: 'failed'; said: Text; next?: Text | undefined }

/** One read of the command: its value, why there is none, or why it was not tried. */
export type Reading<T> = { status: 'read'; value: T } | Unread | { status: 'skipped'; why: string }

export interface StatusReport {
  secretName: string
  /** "repository o/r", "environment "prod" of o/r", "organization o". */
  target: string
  /** The secret's last write; `updatedAt` undefined: the secret does not exist. */
  secret: Reading<{ updatedAt: Date | undefined; serverNow?: Date | undefined }>
  consent:
    | { source: 'flag'; date: Date }
    /** The repository variable `authorize --record-consent-variable` writes. */
    | {
        source: 'variable'
        variable: string
        repository: string | undefined
        /** The variable's value; undefined: it does not exist. */
        reading: Reading<{ value: string | undefined; date: Date | undefined }>
      }
  /** Undefined without --workflow: the workflow is not checked. */
  workflow:
    | {
        repository: string | undefined
        name: string
        info: Reading<WorkflowInfo>
        runs: Reading<WorkflowRunInfo[]>
      }
    | undefined
  health: Health
  /** Some read was refused or failed: the verdict rests on what could be read. */
  partial: boolean
  /** The command that consents again and stores the new token, for a dead integration. */
  reauthorize: string
}

/** A consent is dead or due: the authorize command is the way on. */
export function needsConsent(report: StatusReport): boolean {
  return (
    report.health.verdict === 'dead' ||
    report.health.reasons.some((reason) => reason.code === 'reconsent-near')
  )
}

/** The unread parts, in the order they are reported: what, and why. */
export function unreadParts(report: StatusReport): { what: string; unread: Unread }[] {
  const parts: { what: string; unread: Unread }[] = []
  const add = (what: string, reading: Reading<unknown>): void => {
    if (reading.status === 'refused' || reading.status === 'failed') {
      parts.push({ what, unread: reading })
    }
  }
  add('secret', report.secret)
  if (report.consent.source === 'variable') add('consent-variable', report.consent.reading)
  if (report.workflow) {
    add('workflow', report.workflow.info)
    add('workflow-runs', report.workflow.runs)
  }
  return parts
}

const VERDICT_WORDS: Record<Health['verdict'], string> = {
  healthy: 'healthy',
  'at-risk': 'at risk',
  dead: 'dead',
}

const plural = (n: number, unit: string): string => `${n} ${unit}${Math.abs(n) === 1 ? '' : 's'}`

function ago(days: number | undefined): string {
  if (days === undefined) return ''
  return days === 0 ? ' (today)' : ` (${plural(days, 'day')} ago)`
}

/** Days left until a limit, or, once it has passed, whole days since it passed. */
function left(days: number | undefined, limit: Date, now: Date): string {
  if (days === undefined) return ''
  return limit.getTime() <= now.getTime()
    ? ` (${plural(wholeDays(limit, now), 'day')} ago)`
    : ` (${plural(days, 'day')} left)`
}

/** The report for people: the verdict first, then each figure, each reason, each gap. */
export function renderStatus(report: StatusReport, wording: Wording): string[] {
  const say = (value: Text): string => word(value, wording)
  const { health } = report
  const figures: HealthFigures = health.figures
  const lines: string[] = [
    `${report.secretName} (${report.target}): ${VERDICT_WORDS[health.verdict]}${report.partial ? ' (partial: not everything could be read, see below)' : ''}`,
    '',
  ]
  const row = (label: string, value: string): void => {
    lines.push(`  ${label.padEnd(16)}${value}`)
  }

  row('Last rotation', lastRotation(report, figures))
  row(
    'Refresh token',
    figures.refreshTokenExpiresAt === undefined
      ? 'unknown: the 90-day limit counts from the last rotation'
      : `${figures.refreshTokenExpiresAt.getTime() <= figures.now.getTime() ? 'past its 90 days on' : 'dies unless refreshed on'} ${isoDay(figures.refreshTokenExpiresAt)}${left(figures.daysUntilRefreshTokenExpiry, figures.refreshTokenExpiresAt, figures.now)}`,
  )
  row('Consent', consentLine(report, figures))
  row('Workflow', workflowLine(report))
  for (const run of recentRuns(report).slice(0, 5)) {
    row(
      '',
      `${isoDay(run.createdAt)}  ${(run.conclusion ?? run.status).padEnd(10)} ${run.event}${run.htmlUrl ? `  ${run.htmlUrl}` : ''}`,
    )
  }

  if (health.reasons.length > 0) {
    lines.push('', health.verdict === 'dead' ? 'Why, and what to do:' : 'Why:')
    for (const reason of health.reasons) {
      lines.push(`  - ${VERDICT_WORDS[reason.verdict]}: ${say(reason.said)}`)
      lines.push(`    Next: ${say(reason.next)}`)
    }
  }
  if (needsConsent(report)) {
    lines.push(
      '',
      health.verdict === 'dead'
        ? 'To bring it back, consent again and store the new refresh token:'
        : 'To consent again before the limit, and store the new refresh token:',
      `  ${report.reauthorize}`,
      "  (CLIENT_ID: the OAuth app's client ID; CALLBACK_URL: its callback URL, exactly as registered)",
    )
  }
  const unread = unreadParts(report)
  if (unread.length > 0) {
    lines.push('', 'Not read (the verdict rests on the rest):')
    for (const { what, unread: gap } of unread) {
      lines.push(
        `  - ${WHAT_WORDS[what] ?? what}: ${say(gap.said)}${gap.status === 'refused' ? ` The GitHub token needs ${gap.permission}.` : ''}`,
      )
      if (gap.status === 'failed' && gap.next !== undefined)
        lines.push(`    Next: ${say(gap.next)}`)
    }
  }
  return lines
}

const WHAT_WORDS: Record<string, string> = {
  secret: "the secret's last write",
  'consent-variable': 'the consent date',
  workflow: 'the workflow',
  'workflow-runs': "the workflow's runs",
}

function lastRotation(report: StatusReport, figures: HealthFigures): string {
  const { secret } = report
  if (secret.status === 'read' && secret.value.updatedAt === undefined) {
    return `none: ${report.secretName} does not exist in ${report.target} (or the token cannot see it)`
  }
  if (figures.lastRotatedAt === undefined) return 'unknown (not read, see below)'
  return `${isoDay(figures.lastRotatedAt)}${ago(figures.daysSinceLastRotation)}: the secret's last write`
}

function consentLine(report: StatusReport, figures: HealthFigures): string {
  const { consent } = report
  const due =
    figures.reconsentDueAt === undefined
      ? ''
      : `; every token of it ${figures.reconsentDueAt.getTime() <= figures.now.getTime() ? 'died' : 'dies'} on ${isoDay(figures.reconsentDueAt)}${left(figures.daysUntilReconsent, figures.reconsentDueAt, figures.now)}`
  if (consent.source === 'flag') return `${isoDay(consent.date)} (--consented-at)${due}`
  const { reading, variable } = consent
  switch (reading.status) {
    case 'read':
      if (reading.value.value === undefined) {
        return `unknown: the variable ${variable} does not exist (authorize --record-consent-variable ${variable} records it; or give --consented-at)`
      }
      return `${isoDay(reading.value.date ?? figures.now)} (variable ${variable})${due}`
    case 'skipped':
      return `not checked: ${reading.why}`
    default:
      return 'unknown (not read, see below)'
  }
}

function workflowLine(report: StatusReport): string {
  const { workflow } = report
  if (workflow === undefined) {
    return 'not checked (optional): name the rotation workflow with --workflow FILE.yml to check that it is enabled and its runs succeed'
  }
  switch (workflow.info.status) {
    case 'read': {
      const { path, state } = workflow.info.value
      const runs = workflow.runs
      const count =
        runs.status === 'read'
          ? runs.value.length === 0
            ? '; no runs yet'
            : `; latest ${plural(runs.value.length, 'run')}:`
          : ''
      return `${path}: ${state === 'active' ? 'enabled' : `not enabled (${state})`}${count}`
    }
    case 'skipped':
      return `${workflow.name}: not checked: ${workflow.info.why}`
    default:
      return `${workflow.name}: unknown (not read, see below)`
  }
}

function recentRuns(report: StatusReport): WorkflowRunInfo[] {
  const runs = report.workflow?.runs
  return runs?.status === 'read' ? runs.value : []
}

/** The JSON document's shape, version 1 (README: "The command line tool", `status --json`). */
export interface StatusJson {
  version: 1
  verdict: Health['verdict']
  partial: boolean
  secret: {
    name: string
    target: string
    /** null: unknown (not read); the secret may also not exist (`exists: false`). */
    exists: boolean | null
    lastWrittenAt: string | null
  }
  figures: {
    now: string
    lastRotatedAt: string | null
    daysSinceLastRotation: number | null
    refreshTokenExpiresAt: string | null
    daysUntilRefreshTokenExpiry: number | null
    consentedAt: string | null
    reconsentDueAt: string | null
    daysUntilReconsent: number | null
  }
  consent: { source: 'flag' | 'variable'; variable: string | null; date: string | null }
  workflow: {
    name: string
    id: number | null
    path: string | null
    state: string | null
    runs:
      | {
          id: number
          event: string
          status: string
          conclusion: string | null
          createdAt: string
          url: string | null
        }[]
      | null
  } | null
  reasons: { code: string; verdict: 'at-risk' | 'dead'; said: string; next: string }[]
  unread: {
    what: string
    status: 'refused' | 'failed'
    /** For `refused`: what the GitHub token needs. */
    permission: string | null
    said: string
    /** For `failed`: what to check, when there is advice. */
    next: string | null
  }[]
  /** When the consent is dead or due: the command that consents again; null otherwise. */
  reauthorize: string | null
}

export function statusJson(report: StatusReport, wording: Wording): StatusJson {
  const say = (value: Text): string => word(value, wording)
  const { health, secret, consent, workflow } = report
  const f = health.figures
  const date = (value: Date | undefined): string | null => value?.toISOString() ?? null
  const number = (value: number | undefined): number | null => value ?? null
  const info = workflow?.info.status === 'read' ? workflow.info.value : undefined
  return {
    version: 1,
    verdict: health.verdict,
    partial: report.partial,
    secret: {
      name: report.secretName,
      target: report.target,
      exists: secret.status === 'read' ? secret.value.updatedAt !== undefined : null,
      lastWrittenAt: secret.status === 'read' ? date(secret.value.updatedAt) : null,
    },
    figures: {
      now: f.now.toISOString(),
      lastRotatedAt: date(f.lastRotatedAt),
      daysSinceLastRotation: number(f.daysSinceLastRotation),
      refreshTokenExpiresAt: date(f.refreshTokenExpiresAt),
      daysUntilRefreshTokenExpiry: number(f.daysUntilRefreshTokenExpiry),
      consentedAt: date(f.consentedAt),
      reconsentDueAt: date(f.reconsentDueAt),
      daysUntilReconsent: number(f.daysUntilReconsent),
    },
    consent: {
      source: consent.source,
      variable: consent.source === 'variable' ? consent.variable : null,
      date: date(f.consentedAt),
    },
    workflow:
      workflow === undefined
        ? null
        : {
            name: workflow.name,
            id: info?.id ?? null,
            path: info?.path ?? null,
            state: info?.state ?? null,
            runs:
              workflow.runs.status === 'read'
                ? workflow.runs.value.map((run) => ({
                    id: run.id,
                    event: run.event,
                    status: run.status,
                    conclusion: run.conclusion,
                    createdAt: run.createdAt.toISOString(),
                    url: run.htmlUrl ?? null,
                  }))
                : null,
          },
    reasons: health.reasons.map((reason) => ({
      code: reason.code,
      verdict: reason.verdict,
      said: say(reason.said),
      next: say(reason.next),
    })),
    unread: unreadParts(report).map(({ what, unread }) => ({
      what,
      status: unread.status,
      permission: unread.status === 'refused' ? unread.permission : null,
      said: say(unread.said),
      next: unread.status === 'failed' && unread.next !== undefined ? say(unread.next) : null,
    })),
    reauthorize: needsConsent(report) ? report.reauthorize : null,
  }
}
