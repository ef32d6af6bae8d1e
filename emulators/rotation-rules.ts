/**
 * Atlassian's refresh-token rotation rules, as an authority that issues and checks tokens. It is the
 * heart of the token endpoint emulator and is tested on its own.
 *
 * - Every refresh returns a new refresh token and disables the one presented.
 * - During the leeway (10 minutes) after a token was first exchanged, that token — the previous one
 *   of its family, and only that one — still gets a new pair (Auth0's rotation, which Atlassian
 *   runs: "Only the previous token can be reused").
 * - Any other disabled token, or the previous one after the leeway, triggers breach detection: every
 *   token of the consent is revoked.
 * - A token unused for 90 days dies; every token dies 365 days after the consent.
 * (../shared/FACTS.md, "Rotation rules" and "How the leeway works")
 *
 * The consent itself (the authorization-code grant, RFC 6749 §4.1): a code is issued when the user
 * accepts, bound to the client and the redirect URI, good once and for a few minutes; exchanging
 * it starts a new token family, with a refresh token only when the scope holds `offline_access`.
 */
import { randomBytes } from 'node:crypto'
import { DAY, MINUTE } from './clock.js'

export const LEEWAY_MS = 10 * MINUTE
export const INACTIVITY_LIMIT_MS = 90 * DAY
export const CONSENT_LIFETIME_MS = 365 * DAY

export interface IssuedTokens {
  accessToken: string
  refreshToken: string | undefined
  expiresIn: number
  scope: string
}

export type RefreshOutcome =
  | { ok: true; tokens: IssuedTokens; reusedWithinLeeway: boolean }
  | {
      ok: false
      reason:
        'unknown' | 'revoked' | 'reuse-detected' | 'inactive' | 'consent-expired' | 'wrong-client'
    }

interface Family {
  id: number
  clientId: string
  scope: string
  consentedAt: number
  revoked: boolean
  /** The newest refresh token: the only one that should be presented. */
  newest: string
  /** The token whose exchange issued `newest`; reusable during the leeway. */
  previous: string | undefined
}

interface TokenRecord {
  family: Family
  issuedAt: number
  /** When this token was first exchanged (and so disabled). */
  exchangedAt: number | undefined
}

export type TokenStatus = 'newest' | 'previous' | 'superseded' | 'revoked' | 'unknown'

/**
 * How long an authorization code stays good. Atlassian does not document it ("a few minutes" in
 * practice); OAuth recommends at most 10 minutes (RFC 6749 §4.1.2).
 */
export const CODE_LIFETIME_MS = 5 * MINUTE

export type CodeOutcome =
  | { ok: true; tokens: IssuedTokens }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'wrong-client' | 'wrong-redirect-uri' }

interface AuthorizationCode {
  clientId: string
  redirectUri: string
  scope: string
  issuedAt: number
  used: boolean
}

export class RotationAuthority {
  readonly #tokens = new Map<string, TokenRecord>()
  /** Access tokens issued, by value: the client they were issued to, and when they expire. */
  readonly #accessTokens = new Map<string, { clientId: string; expiresAt: number }>()
  readonly #codes = new Map<string, AuthorizationCode>()
  #families = 0

  constructor(
    private readonly now: () => number,
    private readonly options: { rotate: boolean } = { rotate: true },
  ) {}

  /** A user consents in the browser: a new token family starts. */
  consent(clientId: string, scope: string): string {
    const value = newToken('rt')
    const family: Family = {
      id: ++this.#families,
      clientId,
      scope,
      consentedAt: this.now(),
      revoked: false,
      newest: value,
      previous: undefined,
    }
    this.#tokens.set(value, { family, issuedAt: this.now(), exchangedAt: undefined })
    return value
  }

  refresh(clientId: string, presented: string): RefreshOutcome {
    const record = this.#tokens.get(presented)
    if (record === undefined) return { ok: false, reason: 'unknown' }
    const { family } = record
    if (family.clientId !== clientId) return { ok: false, reason: 'wrong-client' }
    if (family.revoked) return { ok: false, reason: 'revoked' }
    const now = this.now()
    if (now - family.consentedAt > CONSENT_LIFETIME_MS)
      return { ok: false, reason: 'consent-expired' }

    const isNewest = presented === family.newest
    const isPreviousInLeeway =
      presented === family.previous &&
      record.exchangedAt !== undefined &&
      now - record.exchangedAt <= LEEWAY_MS
    if (!isNewest && !isPreviousInLeeway) {
      family.revoked = true
      return { ok: false, reason: 'reuse-detected' }
    }
    if (isNewest && now - record.issuedAt > INACTIVITY_LIMIT_MS)
      return { ok: false, reason: 'inactive' }

    const accessToken = this.#issueAccessToken(clientId)
    const tokens: IssuedTokens = {
      accessToken,
      refreshToken: undefined,
      expiresIn: 3600,
      scope: family.scope,
    }
    if (this.options.rotate) {
      const next = newToken('rt')
      record.exchangedAt ??= now
      family.previous = presented
      family.newest = next
      this.#tokens.set(next, { family, issuedAt: now, exchangedAt: undefined })
      tokens.refreshToken = next
    }
    return { ok: true, tokens, reusedWithinLeeway: !isNewest }
  }

  /** The user accepted the consent page: a single-use code for this client and redirect URI. */
  issueCode(clientId: string, redirectUri: string, scope: string): string {
    const code = randomBytes(24).toString('base64url')
    this.#codes.set(code, { clientId, redirectUri, scope, issuedAt: this.now(), used: false })
    return code
  }

  /**
   * The authorization-code grant. A code is spent by its first successful exchange; it starts a
   * new token family, whose first refresh token comes only with `offline_access` in the scope.
   */
  redeemCode(clientId: string, code: string, redirectUri: string): CodeOutcome {
    const issued = this.#codes.get(code)
    if (issued === undefined) return { ok: false, reason: 'unknown' }
    if (issued.used) return { ok: false, reason: 'used' }
    if (this.now() - issued.issuedAt > CODE_LIFETIME_MS) return { ok: false, reason: 'expired' }
    if (issued.clientId !== clientId) return { ok: false, reason: 'wrong-client' }
    if (issued.redirectUri !== redirectUri) return { ok: false, reason: 'wrong-redirect-uri' }
    issued.used = true
    const offline = issued.scope.split(' ').includes('offline_access')
    return {
      ok: true,
      tokens: {
        accessToken: this.#issueAccessToken(clientId),
        refreshToken: offline ? this.consent(clientId, issued.scope) : undefined,
        expiresIn: 3600,
        scope: issued.scope,
      },
    }
  }

  #issueAccessToken(clientId: string): string {
    const accessToken = newToken('at')
    this.#accessTokens.set(accessToken, { clientId, expiresAt: this.now() + 3600 * 1000 })
    return accessToken
  }

  /** The client an unexpired access token was issued to; undefined for anything else. */
  clientOfAccessToken(value: string): string | undefined {
    const token = this.#accessTokens.get(value)
    return token && token.expiresAt > this.now() ? token.clientId : undefined
  }

  status(value: string): TokenStatus {
    const record = this.#tokens.get(value)
    if (record === undefined) return 'unknown'
    if (record.family.revoked) return 'revoked'
    if (value === record.family.newest) return 'newest'
    if (value === record.family.previous) return 'previous'
    return 'superseded'
  }
}

/** Token-shaped values: three base64url parts like the JWTs Atlassian issues. */
function newToken(kind: 'at' | 'rt'): string {
  const header = Buffer.from(JSON.stringify({ kid: `emulator-${kind}`, alg: 'RS256' })).toString(
    'base64url',
  )
  const body = randomBytes(kind === 'at' ? 180 : 96).toString('base64url')
  const signature = randomBytes(64).toString('base64url')
  return `${header}.${body}.${signature}`
}
