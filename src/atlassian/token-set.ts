/**
 * What a successful token answer (RFC 6749 §5.1) gives, read leniently: the refresh token in it is
 * the one thing that must never be lost, because Atlassian disabled the token that was sent the
 * moment it issued this one (../../shared/FACTS.md, rotation rules). So a readable refresh token is
 * kept whatever else is wrong with the answer; the rest becomes `undefined` and a warning.
 *
 * Nothing here quotes the answer: every value in it may be a credential.
 */
import { groupedNumber } from '../common/grouped-number.js'
import { MAX_SECRET_VALUE_BYTES } from '../common/input-limits.js'

export interface TokenSet {
  /** Undefined when the answer held none that could be read (then a warning says so). */
  accessToken: string | undefined
  /** Absent when the provider did not rotate: the refresh token that was sent stays the valid one. */
  refreshToken: string | undefined
  /** Seconds; undefined when the answer did not say, or said something that is not a lifetime. */
  expiresIn: number | undefined
  scope: string | undefined
  tokenType: string | undefined
  /** Oddities that did not stop the answer being used, each phrased for a warning; never a byte of the answer. */
  warnings: string[]
}

export type TokenFieldsReading =
  | { ok: true; tokens: TokenSet }
  /** `problem` completes "…, but " in the caller's message. */
  | { ok: false; problem: string }

/**
 * A new refresh token is read up to the size a secret can hold once sealed: the same limit the
 * `refresh-token` input has, so a token the action accepted always has a readable successor of its
 * size. Anything longer could not be stored, so it is no usable token.
 */
const REFRESH_TOKEN_LIMIT = {
  bytes: MAX_SECRET_VALUE_BYTES,
  said: `${groupedNumber(MAX_SECRET_VALUE_BYTES)} bytes, what a secret holds once sealed`,
}
/** Far above any real access token (Atlassian's are about 1–2 KiB); it travels in a header. */
const ACCESS_TOKEN_LIMIT = { bytes: 16 * 1024, said: '16 KiB' }
/** No access token lives longer than the consent it comes from (365 days). */
const MAX_EXPIRES_IN_SECONDS = 366 * 24 * 60 * 60

/** Reads the fields of a 2xx answer that is a JSON object (or a form). */
export function readTokenFields(
  fields: Record<string, unknown>,
  status: number,
  origin: string,
): TokenFieldsReading {
  const said = `The token endpoint ${origin}`
  const refresh = readToken(field(fields, 'refresh_token'), REFRESH_TOKEN_LIMIT)
  if (refresh.kind === 'unreadable') {
    return { ok: false, problem: `"refresh_token" is ${refresh.what}, not a token` }
  }
  const access = readToken(field(fields, 'access_token'), ACCESS_TOKEN_LIMIT)
  if (refresh.kind === 'absent' && access.kind !== 'token') {
    return {
      ok: false,
      problem: `it holds neither a refresh token nor an access token ("access_token" is ${access.kind === 'absent' ? 'missing' : access.what})`,
    }
  }

  const warnings: string[] = []
  if (status !== 200) {
    warnings.push(
      `${said} answered HTTP ${status} where a token answer is HTTP 200 (RFC 6749 §5.1); the tokens in it were used.`,
    )
  }
  if (access.kind !== 'token') {
    warnings.push(
      `${said} answered with a new refresh token but no usable access token ("access_token" is ${access.kind === 'absent' ? 'missing' : access.what}): the refresh token is kept; this run has no access token to give (the output access-token is empty).`,
    )
  }
  const expiresIn = readExpiresIn(field(fields, 'expires_in'))
  if (typeof expiresIn === 'string') {
    warnings.push(
      `${said} ${expiresIn}: the access token's lifetime is unknown, and the outputs expires-in and expires-at are empty.`,
    )
  }
  const scope = field(fields, 'scope')
  if (scope !== undefined && typeof scope !== 'string') {
    warnings.push(
      `${said} gave "scope" as ${kindOf(scope)} instead of a string: the granted scopes are unknown (the output scope is empty).`,
    )
  }
  const tokenType = field(fields, 'token_type')
  if (tokenType === undefined) {
    warnings.push(
      `${said} gave no "token_type" (RFC 6749 §5.1 requires one): the access token is used as a Bearer token, as Atlassian documents it.`,
    )
  } else if (typeof tokenType !== 'string' || tokenType.trim().toLowerCase() !== 'bearer') {
    warnings.push(
      `${said} gave a "token_type" that is not "Bearer" (${typeof tokenType === 'string' ? `a string of ${tokenType.length} characters` : kindOf(tokenType)}): the access token is used as a Bearer token all the same (RFC 6750), which an API may refuse.`,
    )
  }
  if (field(fields, 'error') !== undefined) {
    warnings.push(
      `${said} answered with tokens and also an "error" field (not shown): the tokens were used.`,
    )
  }

  return {
    ok: true,
    tokens: {
      accessToken: access.kind === 'token' ? access.value : undefined,
      refreshToken: refresh.kind === 'token' ? refresh.value : undefined,
      expiresIn: typeof expiresIn === 'number' ? expiresIn : undefined,
      scope: typeof scope === 'string' ? scope : undefined,
      tokenType: typeof tokenType === 'string' ? tokenType.trim() : undefined,
      warnings,
    },
  }
}

/** A field's own value; null counts as absent (RFC 8259 has no "undefined"). */
function field(fields: Record<string, unknown>, name: string): unknown {
  return Object.hasOwn(fields, name) && fields[name] !== null ? fields[name] : undefined
}

type TokenReading =
  { kind: 'token'; value: string } | { kind: 'absent' } | { kind: 'unreadable'; what: string }

/**
 * A token is a string without whitespace inside: it travels as RFC 6750 §2.1's b64token, which has
 * none. Whitespace around it, which a server or proxy may add and nobody means, is trimmed.
 */
function readToken(value: unknown, limit: { bytes: number; said: string }): TokenReading {
  if (value === undefined) return { kind: 'absent' }
  if (typeof value !== 'string') return { kind: 'unreadable', what: kindOf(value) }
  const token = value.trim()
  if (token === '') return { kind: 'unreadable', what: 'an empty string' }
  if (/\s/.test(token)) return { kind: 'unreadable', what: 'a string with whitespace inside' }
  const bytes = Buffer.byteLength(token)
  if (bytes > limit.bytes) {
    return {
      kind: 'unreadable',
      what: `a string of ${groupedNumber(bytes)} bytes (more than ${limit.said})`,
    }
  }
  return { kind: 'token', value: token }
}

/**
 * `expires_in` (RFC 6749 §5.1: recommended, not required), in seconds: a number or, as some of
 * Atlassian's documents show it, a numeric string. Returns the whole seconds, or why there are none.
 */
function readExpiresIn(value: unknown): number | string {
  if (value === undefined) {
    return 'did not say how long the access token lives (no "expires_in"; RFC 6749 §5.1 recommends it but does not require it)'
  }
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())
        ? Number(value.trim())
        : undefined
  const odd = (what: string): string => `gave an "expires_in" that is not a lifetime (${what})`
  if (number === undefined) return odd(kindOf(value))
  if (!Number.isFinite(number)) return odd('not a finite number')
  if (number < 1) return odd(number < 0 ? 'a negative number' : 'less than one second')
  if (number > MAX_EXPIRES_IN_SECONDS) return odd('more than 366 days')
  return Math.floor(number)
}

/** A value's kind in words, never its content. */
function kindOf(value: unknown): string {
  if (typeof value === 'string') return 'a string that is not a number'
  if (typeof value === 'number') return 'a number'
  if (typeof value === 'boolean') return 'true or false'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object' && value !== null) return 'an object'
  return 'an unexpected value'
}
