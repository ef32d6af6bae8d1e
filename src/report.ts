/**
 * What the run tells people: the failure text (what happened, where the token is, what to do), the
 * recovery instructions when a rotated token could not be stored, and the job summary.
 */
import type { ActionError } from './errors.js'
import type { TokenSet } from './atlassian/token-endpoint.js'
import type { SealedSecret, SecretTarget } from './github/secret-store.js'

/** Atlassian accepts a disabled refresh token for 10 minutes after it was rotated (FACTS.md). */
export const LEEWAY_MS = 10 * 60 * 1000

export interface RunContext {
  secretName: string
  target: SecretTarget
  /** When the refresh grant was sent, if it was. */
  grantSentAt: Date | undefined
  /** The GitHub API base, for the `gh` command that stores a recovery value by hand. */
  githubApiUrl: string
}

/** A rotated refresh token that could not be written: everything needed to store it by hand. */
export interface Recovery {
  sealed: SealedSecret
  /** After this moment, presenting the old stored token revokes the consent. */
  leewayEndsAt: Date
}

export function utc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** One sentence on where the working refresh token is now. */
export function describeTokenState(error: ActionError, context: RunContext): string {
  const where = `secret ${context.secretName} of ${context.target.description}`
  const sentAt = context.grantSentAt
  switch (error.tokenState) {
    case 'unchanged':
      return `The stored refresh token was not exchanged: the ${where} still holds a working token.`
    case 'maybe-rotated': {
      if (sentAt === undefined) return `The refresh token may have been rotated.`
      const until = utc(new Date(sentAt.getTime() + LEEWAY_MS))
      return `The refresh token was sent at ${utc(sentAt)} without a usable answer, so Atlassian may have rotated it. If it did, the token in the ${where} is still accepted until ${until} (the 10-minute leeway), and a re-run before then recovers; a re-run after then fails with invalid_grant if the token was rotated, and the consent must then be given again.`
    }
    case 'rejected':
      return `Atlassian refuses the refresh token in the ${where}: the integration stays broken until the user consents again.`
    case 'rotated-not-stored': {
      const until = sentAt
        ? ` The old token is still accepted until ${utc(new Date(sentAt.getTime() + LEEWAY_MS))} (the 10-minute leeway): a re-run before then is safe.`
        : ''
      return `Atlassian issued a new refresh token and disabled the one in the ${where}; the new token was NOT stored.${until}`
    }
  }
}

/** The `gh` command that writes a sealed value into the target, with a token that may write it. */
export function recoveryCommand(context: RunContext, sealed: SealedSecret): string {
  const host = new URL(context.githubApiUrl).hostname
  const hostname = host === 'api.github.com' ? '' : ` --hostname ${host}`
  return `gh api${hostname} --method PUT ${context.target.apiPath(context.secretName)} -f encrypted_value='${sealed.encryptedValue}' -f key_id='${sealed.keyId}'`
}

export function describeRecovery(context: RunContext, recovery: Recovery): string {
  return [
    `Recovery value: the new refresh token, sealed with the public key of the ${context.target.description} (only GitHub can open it, so it is safe to show).`,
    `  key_id: ${recovery.sealed.keyId}`,
    `  encrypted_value: ${recovery.sealed.encryptedValue}`,
    `Store it with a token that may write the secret (GH_TOKEN=… in front of the command, or after "gh auth login"):`,
    `  ${recoveryCommand(context, recovery.sealed)}`,
    `Do it before any run uses the old token after ${utc(recovery.leewayEndsAt)}: from then on, presenting the old token revokes the consent, including the new token. Until then, re-running this workflow is a safe alternative.`,
  ].join('\n')
}

/** The full failure text for the log and the error annotation. */
export function describeFailure(
  error: ActionError,
  context: RunContext,
  recovery: Recovery | undefined,
): string {
  const parts = [error.message, describeTokenState(error, context), `Next step: ${error.nextStep}`]
  if (recovery) parts.push(describeRecovery(context, recovery))
  return parts.join('\n')
}

export interface RotationResult {
  tokens: TokenSet
  expiresAt: Date
  rotated: boolean
  stored: 'created' | 'updated' | undefined
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
      `<code>${escape(context.secretName)}</code> in ${escape(context.target.description)}`,
    ],
    [
      'Refresh token rotated',
      result.rotated
        ? 'yes'
        : 'no (the token endpoint issued no new refresh token; the stored one stays valid)',
    ],
    ['Secret updated', result.stored ? `yes (${result.stored})` : 'no'],
    ['Access token expires', `${utc(result.expiresAt)} (in ${result.tokens.expiresIn} s)`],
    [
      'Scopes',
      result.tokens.scope
        ? escape(scrub(result.tokens.scope))
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

/** The job summary of a failed run: what happened and, when it applies, the recovery value. */
export function renderFailureSummary(
  error: ActionError,
  context: RunContext,
  recovery: Recovery | undefined,
): string {
  const lines = [
    '<h2>Atlassian token rotation failed</h2>',
    `<p>${escape(error.message)}</p>`,
    `<p><strong>Token:</strong> ${escape(describeTokenState(error, context))}</p>`,
    `<p><strong>Next step:</strong> ${escape(error.nextStep)}</p>`,
  ]
  if (recovery) {
    lines.push(
      `<p><strong>Recovery value</strong> (the new refresh token sealed for ${escape(context.target.description)}; only GitHub can open it). Store it before any run uses the old token after ${utc(recovery.leewayEndsAt)}:</p>`,
      `<pre>${escape(recoveryCommand(context, recovery.sealed))}</pre>`,
    )
  }
  return lines.join('\n') + '\n'
}

function escape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}
