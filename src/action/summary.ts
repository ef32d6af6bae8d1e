/**
 * The action's job summary: what a rotation did, as HTML for the run's page. Never a token value,
 * only facts about it. Loaded once the rotation has returned (./outcome-report.ts): nothing before
 * the first request needs it.
 */
import { actionWording, asText, word, type Text } from '../common/settings.js'
import type { SiteLookup } from '../atlassian/sites.js'
import type { TokenSet } from '../atlassian/token-endpoint.js'
import type { ActionError } from '../common/errors.js'
import type { ConsentStatus } from '../rotation/consent.js'
import {
  consentText,
  describeDryRun,
  describeTokenState,
  escapeHtml,
  recoveryCommandFor,
  utc,
  type DryRunPlan,
  type Recovery,
  type RunContext,
} from '../rotation/explain.js'
import type { RotationOutcome } from '../rotation/outcome.js'
import { ghTokenAdvice } from '../rotation/recovery-command.js'
import { describeLock } from '../rotation/rotation-lock.js'
import { renderHealthSummary } from './health-summary.js'
import type { KeepAliveReport } from './keep-alive.js'

/**
 * The summary of `outcome`: a settled rotation's table, then each problem that stops the step (or,
 * for a superseded token, why nothing was sent), the first with the recovery value.
 */
export function summaryOf(
  outcome: RotationOutcome,
  problems: ActionError[],
  scrub: (text: string) => string,
  now: Date,
  keepAlive?: KeepAliveReport,
): string {
  // The same health section on every run that read the secret, a dry run's and a failed one's too.
  const health = outcome.health ? renderHealthSummary(outcome.health, keepAlive) : ''
  return summaryBody(outcome, problems, scrub, now) + health
}

function summaryBody(
  outcome: RotationOutcome,
  problems: ActionError[],
  scrub: (text: string) => string,
  now: Date,
): string {
  const { context } = outcome
  if (outcome.kind === 'dry-run' && outcome.plan) return renderDryRunSummary(context, outcome.plan)
  const settled =
    (outcome.kind === 'rotated' || outcome.kind === 'unchanged') && outcome.tokens !== undefined
      ? renderSummary(
          context,
          {
            tokens: outcome.tokens,
            expiresAt: outcome.expiresAt,
            rotated: outcome.kind === 'rotated',
            stored: outcome.stored?.how,
            staleTokenCheck: outcome.staleTokenCheck ?? 'not run',
            lock: outcome.lock ? describeLock(outcome.lock) : 'not taken',
            accessTokenSecret: outcome.accessTokenSecret,
            site: outcome.site,
            consent: outcome.consent,
          },
          scrub,
        )
      : ''
  const how: EndedHow =
    outcome.kind === 'cancelled'
      ? 'cancelled'
      : outcome.kind === 'superseded'
        ? 'superseded'
        : settled
          ? 'afterwards'
          : 'failed'
  const shown = outcome.kind === 'superseded' ? outcome.problems : problems
  return (
    settled +
    shown
      .map((problem, i) =>
        renderFailureSummary(
          problem,
          context,
          i === 0 ? outcome.recovery : undefined,
          now,
          i === 0 ? how : 'afterwards',
        ),
      )
      .join('')
  )
}

/** What the summary of a settled rotation shows: never a token value, only facts about it. */
export interface RotationResult {
  tokens: Pick<TokenSet, 'expiresIn' | 'scope'>
  /** Undefined when the answer gave no usable `expires_in`. */
  expiresAt: Date | undefined
  rotated: boolean
  stored: 'created' | 'updated' | undefined
  /** What the stale-token guard found, in words. */
  staleTokenCheck: string | Text
  /** How the lock next to the secret went, in words. */
  lock: string | Text
  /** The secret that also received the access token. */
  accessTokenSecret: string | undefined
  site: SiteLookup | undefined
  consent: ConsentStatus | undefined
}

/** The job summary of a successful run: never a token value, only facts about it. */
export function renderSummary(
  context: RunContext,
  result: RotationResult,
  scrub: (text: string) => string,
): string {
  const rows: [string, string][] = [
    [
      'Secret',
      `<code>${escapeHtml(context.secretName)}</code> in ${escapeHtml(context.target.description)}`,
    ],
    [
      'Refresh token rotated',
      result.rotated
        ? 'yes'
        : 'no (the token endpoint issued no new refresh token; the stored one stays valid)',
    ],
    ['Secret updated', result.stored ? `yes (${result.stored})` : 'no'],
    ['Stale-token check', escapeHtml(word(asText(result.staleTokenCheck), actionWording))],
    ['Lock', escapeHtml(word(asText(result.lock), actionWording))],
    [
      'Access token expires',
      result.expiresAt && result.tokens.expiresIn !== undefined
        ? `${utc(result.expiresAt)} at the latest (in ${result.tokens.expiresIn} s)`
        : '(not reported by the token endpoint)',
    ],
    ...optionalRows(result),
    [
      'Scopes',
      result.tokens.scope
        ? escapeHtml(scrub(result.tokens.scope))
            .split(' ')
            .map((s) => `<code>${s}</code>`)
            .join(' ')
        : '(not reported)',
    ],
  ]
  return [
    '<h2>Atlassian token rotation</h2>',
    '<table>',
    ...rows.map(([name, value]) => `<tr><th align="left">${name}</th><td>${value}</td></tr>`),
    '</table>',
    '',
  ].join('\n')
}

function optionalRows(result: RotationResult): [string, string][] {
  const rows: [string, string][] = []
  if (result.accessTokenSecret) {
    rows.push(['Access token stored in', `<code>${escapeHtml(result.accessTokenSecret)}</code>`])
  }
  if (result.site) {
    rows.push([
      'Site',
      `${escapeHtml(result.site.site.name)} (${escapeHtml(result.site.site.url)}), cloud id <code>${escapeHtml(result.site.site.id)}</code>`,
    ])
  }
  if (result.consent) rows.push(['Consent again by', consentText(result.consent)])
  return rows
}

export function renderDryRunSummary(context: RunContext, plan: DryRunPlan): string {
  return [
    '<h2>Atlassian token rotation: dry run</h2>',
    ...describeDryRun(context, plan).map(
      (line) => `<p>${escapeHtml(word(asText(line), actionWording))}</p>`,
    ),
    '',
  ].join('\n')
}

/**
 * The job summary of a run that stopped at its inputs: each problem, by input, and that nothing
 * was sent. The messages are the annotations' own, which never show a secret's value.
 */
export function inputProblemsSummary(problems: readonly { input: string; text: string }[]): string {
  return [
    '<h2>Atlassian token rotation: stopped at the inputs</h2>',
    `<p>${problems.length === 1 ? 'One input is' : `${problems.length} inputs are`} missing or invalid. Nothing was sent: the refresh token was not used, and the secret is unchanged.</p>`,
    '<ul>',
    ...problems.map(
      ({ input, text }) => `<li><code>${escapeHtml(input)}</code>: ${escapeHtml(text)}</li>`,
    ),
    '</ul>',
    '<p><strong>Next step:</strong> fix the inputs named above in the workflow, and re-run.</p>',
    '',
  ].join('\n')
}

/** How a run that did not rotate ended, for the summary's heading. */
export type EndedHow = 'failed' | 'cancelled' | 'superseded' | 'afterwards'

const HEADINGS: Record<EndedHow, string> = {
  failed: 'Atlassian token rotation failed',
  cancelled: 'Atlassian token rotation cancelled',
  superseded: 'Atlassian token rotation: superseded by another rotation',
  afterwards: 'What failed after the refresh',
}

/** The job summary of a run that failed, was cancelled or was superseded; the recovery value. */
export function renderFailureSummary(
  error: ActionError,
  context: RunContext,
  recovery: Recovery | undefined,
  now: Date,
  how: EndedHow = 'failed',
): string {
  const lines = [
    `<h2>${HEADINGS[how]}</h2>`,
    `<p>${escapeHtml(error.message)}</p>`,
    `<p><strong>Token:</strong> ${escapeHtml(describeTokenState(error.tokenState, context, now))}</p>`,
    `<p><strong>Next step:</strong> ${escapeHtml(error.nextStep)}</p>`,
  ]
  if (recovery) {
    lines.push(
      `<p><strong>Recovery value</strong> (the new refresh token sealed for ${escapeHtml(context.target.description)}; only GitHub can open it). Store it before any run uses the old token after ${utc(recovery.leewayEndsAt)}, with GitHub CLI and a token that may write the secret: ${escapeHtml(ghTokenAdvice(context.githubApiUrl))}; then run:</p>`,
      // One line in <pre>: the rendered text, as a person copies it, is the command exactly.
      `<pre>${escapeHtml(recoveryCommandFor(context, recovery))}</pre>`,
    )
  }
  return lines.join('\n') + '\n'
}
