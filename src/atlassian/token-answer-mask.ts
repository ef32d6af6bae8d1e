/**
 * Masking a token endpoint's answer before any of it can reach a log. The runner hides a value only
 * in lines printed after its `::add-mask::` (../../shared/FACTS.md, "The runner"), and a token
 * endpoint's answer, of any status, is made of values nobody has masked yet. So every string in it
 * is masked, under any key and at any depth, except the few that are plainly not credentials and
 * that, masked, would turn common words of later log lines into `***`.
 */
import type { SecretValues } from '../common/secrets.js'
import { isRecord } from '../common/is-record.js'

/**
 * RFC 6749 §5.2: `error`, `error_description` and `error_uri` use only %x20-21 / %x23-5B / %x5D-7E
 * (printable ASCII without `"` and `\`). The lengths are this action's: an OAuth error code is a
 * word, a description a sentence, a URI an address.
 */
export const OAUTH_ERROR_FIELD_LIMITS = {
  error: 64,
  error_description: 200,
  error_uri: 2048,
} as const

export type OAuthErrorField = keyof typeof OAUTH_ERROR_FIELD_LIMITS

/** The value, if it may be shown as an OAuth error field: RFC 6749 §5.2's charset, within its limit. */
export function printableErrorField(field: OAuthErrorField, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const limit = OAUTH_ERROR_FIELD_LIMITS[field]
  return value.length >= 1 && value.length <= limit && /^[\x20\x21\x23-\x5B\x5D-\x7E]+$/.test(value)
    ? value
    : undefined
}

/**
 * Token type names (RFC 6749 §7.1): RFC 6750's bearer, the MAC draft's mac, RFC 9449's DPoP,
 * RFC 8693's N_A. Names, not credentials; masked, "Bearer" would vanish from every later log line.
 */
const TOKEN_TYPES = new Set(['bearer', 'mac', 'dpop', 'n_a'])

/**
 * What a scope name looks like (Atlassian's: `read:confluence-content.all`, `offline_access`,
 * `read:page:confluence`). Credentials never fit: they carry capitals or digits.
 */
const SCOPE_NAME = /^[a-z:._-]{1,64}$/

/** `expires_in` as a number of seconds written as text ("3600", "3599.5"): a lifetime, not a secret. */
const SECONDS_AS_TEXT = /^\d{1,12}(\.\d{1,6})?$/

/** A scope's words that are scope names, in order, and how many other words it has. */
export function scopeNames(scope: string): { names: string[]; others: number } {
  const words = scope.split(/\s+/).filter((word) => word !== '')
  const names = words.filter((word) => SCOPE_NAME.test(word))
  return { names, others: words.length - names.length }
}

/** Registers every string of `answer` that could be a credential with `secrets` (which masks it). */
export function maskTokenAnswer(answer: unknown, status: number, secrets: SecretValues): void {
  if (!isRecord(answer)) {
    maskEverything(answer, secrets)
    return
  }
  const isError = status < 200 || status > 299
  for (const [key, value] of Object.entries(answer)) {
    if (typeof value === 'string' && isNotACredential(key, value, isError)) continue
    if (key === 'scope' && typeof value === 'string') {
      // RFC 6749 §3.3: scope names separated by spaces. Each other word is treated as a secret.
      for (const word of value.split(/\s+/)) if (!SCOPE_NAME.test(word)) secrets.add(word)
      continue
    }
    maskEverything(value, secrets)
  }
}

/** The top-level fields, by name and value, that are plainly not credentials. */
function isNotACredential(key: string, value: string, isError: boolean): boolean {
  switch (key) {
    case 'token_type':
      return TOKEN_TYPES.has(value.trim().toLowerCase())
    case 'expires_in':
      return SECONDS_AS_TEXT.test(value.trim())
    case 'error':
    case 'error_description':
    case 'error_uri':
      // An error answer's own words; in an answer that claims success they are anybody's guess.
      return isError && printableErrorField(key, value) !== undefined
    default:
      return false
  }
}

/** Every string in `value`, at any depth (walked with a stack: JSON nests deeper than calls do). */
function maskEverything(value: unknown, secrets: SecretValues): void {
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const next = pending.pop()
    if (typeof next === 'string') maskString(next, secrets)
    else if (Array.isArray(next)) for (const item of next as unknown[]) pending.push(item)
    else if (isRecord(next)) for (const item of Object.values(next)) pending.push(item)
  }
}

/**
 * The runner matches a mask within one line, so a value spread over several lines is masked line by
 * line, and whole (for text that keeps it whole). Lines first: the whole value's `::add-mask::` line
 * then holds only values already masked. `SecretValues.add` trims each and skips those under 4
 * characters, which cannot be told from ordinary words in a log.
 */
function maskString(value: string, secrets: SecretValues): void {
  const lines = value.split(/\r\n|\r|\n/)
  if (lines.length > 1) for (const line of lines) secrets.add(line)
  secrets.add(value)
}
