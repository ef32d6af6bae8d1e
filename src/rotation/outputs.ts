/**
 * A rotation's outcome as named values, in the order a door shows them: the action's step outputs
 * (action.yml `outputs:`), the command line tool's `name=value` lines. One list for both doors, so
 * a value cannot exist in one and be missing from the other.
 */
import type { RotationOutcome } from './outcome.js'
import type { Health } from '../health/health.js'

/** Tokens issued: the refresh token is in the store, in the log (sealed), or nowhere but here. */
const HAS_NEW_TOKEN = new Set(['rotated-not-stored', 'stored', 'overlapped'])

/** The outputs that hold a token: masked by the action, shown by the tool only when asked. */
export const TOKEN_OUTPUTS: ReadonlySet<string> = new Set(['access-token', 'refresh-token'])

export function outcomeOutputs(outcome: RotationOutcome): [name: string, value: string][] {
  const outputs: [string, string][] = [
    ['outcome', outcome.kind],
    ['rotated', String(HAS_NEW_TOKEN.has(outcome.tokenState))],
    ['secret-updated', String(outcome.stored !== undefined)],
  ]
  const { tokens } = outcome
  if (tokens) {
    if (tokens.accessToken !== undefined) outputs.push(['access-token', tokens.accessToken])
    if (outcome.nextRefreshToken !== undefined) {
      outputs.push(['refresh-token', outcome.nextRefreshToken])
    }
    outputs.push(
      ['expires-in', tokens.expiresIn === undefined ? '' : String(tokens.expiresIn)],
      ['expires-at', outcome.expiresAt?.toISOString() ?? ''],
      ['scope', tokens.scope ?? ''],
      ['token-type', tokens.tokenType ?? ''],
    )
  }
  if (outcome.site) {
    outputs.push(
      ['cloud-id', outcome.site.site.id],
      ['api-base-url', outcome.site.apiBaseUrl],
      ['confluence-api-base-url', outcome.site.apiBaseUrl],
      ['jira-api-base-url', outcome.site.jiraApiBaseUrl],
    )
  }
  if (outcome.consent) outputs.push(['reconsent-by', outcome.consent.reconsentBy.toISOString()])
  if (outcome.health) outputs.push(...healthOutputs(outcome.health))
  if (outcome.recovery) {
    outputs.push(
      ['recovery-encrypted-value', outcome.recovery.sealed.encryptedValue],
      ['recovery-key-id', outcome.recovery.sealed.keyId],
    )
  }
  return outputs
}

const iso = (date: Date | undefined): string => date?.toISOString() ?? ''
const count = (days: number | undefined): string => (days === undefined ? '' : String(days))

/** The health outputs (../health/health.ts), every one set (empty where its date is unknown). */
export function healthOutputs(health: Health): [name: string, value: string][] {
  const { figures } = health
  return [
    ['health', health.verdict],
    ['last-rotated-at', iso(figures.lastRotatedAt)],
    ['days-since-last-rotation', count(figures.daysSinceLastRotation)],
    ['refresh-token-expires-at', iso(figures.refreshTokenExpiresAt)],
    ['refresh-token-days-left', count(figures.daysUntilRefreshTokenExpiry)],
    ['reconsent-days-left', count(figures.daysUntilReconsent)],
  ]
}
