/**
 * What the run tells people, whichever door it came through: the failure text (what happened, where
 * the token is, what to do), the recovery instructions when a rotated token could not be stored,
 * and what a dry run would have done. The action's job summary is src/action/summary.ts.
 */
import type { ActionError, TokenState } from '../common/errors.js'
import type { ConsentStatus } from './consent.js'
import type { OrganizationAccess, SealedSecret } from '../github/secret-store.js'
import type { SecretTarget } from '../github/targets.js'
import { concat, rerun, text, type Text } from '../common/settings.js'
import { ghTokenAdvice, recoveryCommand } from './recovery-command.js'

/** Atlassian accepts a disabled refresh token for 10 minutes after it was rotated (FACTS.md). */
export const LEEWAY_MS = 10 * 60 * 1000

export interface RunContext {
  secretName: string
  target: SecretTarget
  /** When the refresh grant was sent, if it was. */
  grantSentAt: Date | undefined
  /** Until when Atlassian still accepts the token this run presented: 10 minutes after the grant
   * was first sent. */
  leewayEndsAt: Date | undefined
  /** The GitHub API base, for the `gh` command that stores a recovery value by hand. */
  githubApiUrl: string
}

/** A rotated refresh token that could not be written: everything needed to store it by hand. */
export interface Recovery {
  sealed: SealedSecret
  /** For an organization secret: who may use it, which the write must say again. */
  organization: OrganizationAccess | undefined
  /** After this moment, presenting the old stored token revokes the consent. */
  leewayEndsAt: Date
  /** The secret as this run last saw it, so the command stores nothing over a newer token. */
  secretAsSeen?: { updatedAt: string } | 'absent' | undefined
}

/** The end of the leeway for a grant sent at `sentAt`: when Atlassian stops accepting the token. */
export function leewayEnd(sentAt: Date): Date {
  return new Date(sentAt.getTime() + LEEWAY_MS)
}

export function utc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** One or two sentences on where the working refresh token is now. */
export function describeTokenState(state: TokenState, context: RunContext, now: Date): string {
  const where = `secret ${context.secretName} of ${context.target.description}`
  const sentAt = context.grantSentAt
  const leewayEnd = context.leewayEndsAt
  const inLeeway = leewayEnd !== undefined && now.getTime() < leewayEnd.getTime()
  switch (state) {
    case 'unchanged':
      return `The refresh token in the ${where} still works: this run did not replace it.`
    case 'maybe-rotated':
      if (sentAt === undefined || leewayEnd === undefined) {
        return 'The refresh token may have been rotated.'
      }
      return inLeeway
        ? `The refresh token was sent at ${utc(sentAt)} without a usable answer, so Atlassian may have rotated it. If it did, the token in the ${where} is still accepted until ${utc(leewayEnd)} (the 10-minute leeway): a re-run before then recovers it.`
        : `The refresh token was sent at ${utc(sentAt)} without a usable answer, and the 10-minute leeway ended at ${utc(leewayEnd)}. If Atlassian did not rotate it, a re-run works; if it did, the re-run fails with invalid_grant and the user must consent again.`
    case 'rejected':
      return `Atlassian refuses the refresh token in the ${where}: the integration stays broken until the user consents again.`
    case 'stored':
      return `The refresh token was rotated and the new one is stored in the ${where}: the integration is safe; only what came after failed.`
    case 'in-doubt':
      return `This run sent nothing. The refresh token in the ${where} may have been spent by the rotation that was killed: if it was, the new token that rotation received is the only working one, and presenting the stored token again revokes the consent.`
    case 'overlapped':
      return `Two rotations of this token overlapped: the ${where} may not hold the newest of their tokens (this run's is in the recovery value below). Until that is settled, the next rotation may present a superseded token and revoke the consent.`
    case 'rotated-not-stored':
      if (leewayEnd === undefined) {
        return `Atlassian issued a new refresh token; it was NOT stored in the ${where}.`
      }
      return inLeeway
        ? `Atlassian issued a new refresh token and disabled the one in the ${where}; the new token was NOT stored. The old token is still accepted until ${utc(leewayEnd)} (the 10-minute leeway): a re-run before then is safe — or store the recovery value below, but not both.`
        : `Atlassian issued a new refresh token and disabled the one in the ${where}; the new token was NOT stored, and the old token's 10-minute leeway ended at ${utc(leewayEnd)}. Do not re-run before storing the recovery value: presenting the old token now would revoke the consent, the new token included.`
  }
}

/** The `gh api` command that stores this run's recovery value (./recovery-command.ts). */
export function recoveryCommandFor(context: RunContext, recovery: Recovery): string {
  return recoveryCommand({
    githubApiUrl: context.githubApiUrl,
    target: context.target,
    secretName: context.secretName,
    sealed: recovery.sealed,
    organization: recovery.organization,
    secretAsSeen: recovery.secretAsSeen,
  })
}

export function describeRecovery(context: RunContext, recovery: Recovery): Text {
  return concat(
    [
      `Recovery value: the new refresh token, sealed with the public key of the ${context.target.description} (only GitHub can open it, so it is safe to show).`,
      `  key_id: ${recovery.sealed.keyId}`,
      `  encrypted_value: ${recovery.sealed.encryptedValue}`,
      `Store it with GitHub CLI and a token that may write the secret: ${ghTokenAdvice(context.githubApiUrl)}; then run:`,
      `  ${recoveryCommandFor(context, recovery)}`,
      `Do it before any run uses the old token after ${utc(recovery.leewayEndsAt)}: from then on, presenting the old token revokes the consent, including the new token.`,
      text`Store it, or ${rerun} before that time — one or the other, never both: whichever comes second would put a superseded token in the secret.${recovery.secretAsSeen === undefined ? '' : ' The command checks this itself: it stores nothing if the secret was written after this run saw it.'}`,
    ],
    '\n',
  )
}

/** The full failure text for the log and the error annotation; each door words its settings. */
export function describeFailure(
  error: ActionError,
  context: RunContext,
  recovery: Recovery | undefined,
  now: Date,
): Text {
  const parts: Text[] = [
    error.said,
    [describeTokenState(error.tokenState, context, now)],
    concat(['Next step: ', error.next]),
  ]
  if (recovery) parts.push(describeRecovery(context, recovery))
  return concat(parts, '\n')
}

/** When the user must consent again, and in how many days. */
export function consentText(consent: ConsentStatus): string {
  return `${consent.reconsentBy.toISOString().slice(0, 10)} (${consent.daysLeft} days left)`
}

export interface DryRunPlan {
  tokenUrl: URL
  staleTokenCheck: string | Text
  organization: OrganizationAccess | undefined
  accessTokenSecret: string | undefined
  siteUrl: URL | undefined
  consent: ConsentStatus | undefined
  /** What the lock looked like, and what a real run would do about it. */
  lock: string | Text
}

/** What a real run would have done: for the log and the summary of a dry run. */
export function describeDryRun(context: RunContext, plan: DryRunPlan): (string | Text)[] {
  const lines: (string | Text)[] = [
    `Dry run: nothing was sent to the token endpoint, and no secret was written.`,
    `A real run would refresh the token at ${plan.tokenUrl.origin} and write the new refresh token to the secret ${context.secretName} of ${context.target.description}.`,
  ]
  if (plan.organization) {
    const ids = plan.organization.selectedRepositoryIds
    lines.push(
      `The organization secret's visibility would be "${plan.organization.visibility}"${ids ? ` (repository ids ${ids.join(', ')})` : ''}.`,
    )
  }
  if (plan.accessTokenSecret) {
    lines.push(`It would also store the access token in ${plan.accessTokenSecret}.`)
  }
  if (plan.siteUrl) lines.push(`It would look up the cloud id of ${plan.siteUrl.origin}.`)
  lines.push(text`Stale-token check: ${plan.staleTokenCheck}.`)
  lines.push(text`Lock: ${plan.lock}.`)
  if (plan.consent) lines.push(`Consent again by: ${consentText(plan.consent)}.`)
  return lines
}

/** Text made safe to place in HTML (summaries, the command line tool's callback page). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
