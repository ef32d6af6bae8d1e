/**
 * What a rotation ends with, for its door to report: what happened to the token, where it is now,
 * and everything the outputs and the summary show. A rotation never throws; it ends with one of
 * these.
 */
import type { SiteLookup } from '../atlassian/sites.js'
import type { TokenSet } from '../atlassian/token-endpoint.js'
import type { Text } from '../common/settings.js'
import type { ConsentStatus } from './consent.js'
import type { ActionError, TokenState } from '../common/errors.js'
import type { SecretWrite } from '../github/secret-store.js'
import type { DryRunPlan, Recovery, RunContext } from './explain.js'
import type { LockReport } from './rotation-lock.js'
import type { Health } from '../health/health.js'

export type OutcomeKind =
  /** A new refresh token was issued and stored. */
  | 'rotated'
  /** The token endpoint issued no new refresh token: the stored one stays valid. */
  | 'unchanged'
  /** Another rotation rewrote the secret after this run read it: nothing was sent. */
  | 'superseded'
  /** Everything was checked; nothing was sent, nothing written. */
  | 'dry-run'
  | 'failed'
  | 'cancelled'

export interface RotationOutcome {
  kind: OutcomeKind
  tokenState: TokenState
  context: RunContext
  /**
   * What went wrong, gravest first; empty when all went well. With `rotated` or `unchanged`, what
   * failed came after the token was settled (the access-token secret, the site, an overlap).
   */
  problems: ActionError[]
  /** The answer of the refresh grant, when a usable one came. */
  tokens: TokenSet | undefined
  expiresAt: Date | undefined
  /** The refresh token to use next: the new one, or the one sent when none was issued. */
  nextRefreshToken: string | undefined
  stored: SecretWrite | undefined
  /** The new refresh token, sealed, when the secret may not hold it. */
  recovery: Recovery | undefined
  site: SiteLookup | undefined
  /** The secret that also received the access token. */
  accessTokenSecret: string | undefined
  /** What the stale-token guard found, in words; undefined before it ran. */
  staleTokenCheck: string | Text | undefined
  consent: ConsentStatus | undefined
  /** With `dry-run`: what a real run would do. */
  plan: DryRunPlan | undefined
  /** How the lock went; undefined when the rotation stopped before it came to the lock. */
  lock: LockReport | undefined
  /**
   * How healthy the integration is (../health/health.ts), from the secret's last write before this
   * run and, when this run refreshed, from that refresh; undefined when the preflight did not get
   * as far as reading the secret.
   */
  health: Health | undefined
}
