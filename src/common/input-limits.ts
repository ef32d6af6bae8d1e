import { text, type Mention, type Setting, type Text } from './settings.js'
/**
 * How long each input (and each flag or variable of the command line tool) can really be. A value
 * far longer than any real one is a mistake: a file, a log, several values pasted together, a
 * token in a name's place. It is refused before anything is sent, so it never reaches a server, a
 * URL or a secret; and a message shows at most a short, escaped prefix of it, never a secret.
 */

export interface Limit {
  /** The longest real value, in `unit`s. */
  max: number
  /** Characters are Unicode code points; bytes are those of the UTF-8 form. */
  unit: 'characters' | 'bytes'
  /** What a real value is, for the message: "OAuth client ID". */
  what: string
  /** Why the limit is where it is, when that is not obvious. */
  why?: string
}

/**
 * GitHub stores a secret of at most 48 KB ("Secrets are limited to 48 KB in size", docs: Secrets
 * reference, "Limits for secrets"). The docs do not say of which form, nor whether a KB is 1,000 or
 * 1,024 bytes; GitHub receives `encrypted_value`, the base64 of the sealed box (value + 48 bytes:
 * an ephemeral public key and a MAC, libsodium crypto_box_seal), which is the largest of the three
 * forms. Counting that against 48,000 satisfies every reading, so a value that fits here can
 * always be written.
 */
export const MAX_SECRET_VALUE_ENCODED = 48_000
const SEAL_OVERHEAD_BYTES = 48

/** The length of `encrypted_value` for a value of `bytes` UTF-8 bytes. */
export function sealedSecretLength(bytes: number): number {
  return 4 * Math.ceil((bytes + SEAL_OVERHEAD_BYTES) / 3)
}

/** The largest value (UTF-8 bytes) whose `encrypted_value` fits MAX_SECRET_VALUE_ENCODED: 35,952. */
export const MAX_SECRET_VALUE_BYTES =
  Math.floor(MAX_SECRET_VALUE_ENCODED / 4) * 3 - SEAL_OVERHEAD_BYTES

export const LIMITS = {
  /** Atlassian's client IDs are 32 characters; 256 leaves room for any other format. */
  clientId: { max: 256, unit: 'characters', what: 'OAuth client ID' },
  /** Atlassian's client secrets are 64 characters; 1,024 leaves room for any other format. */
  clientSecret: { max: 1024, unit: 'characters', what: 'OAuth client secret' },
  /**
   * The rotated token, about as long as this one, must fit in the secret (above): past that size
   * a rotation would disable the token in hand and leave a successor that cannot be stored.
   */
  refreshToken: {
    max: MAX_SECRET_VALUE_BYTES,
    unit: 'bytes',
    what: 'refresh token',
    why: 'a GitHub secret holds at most 48 KB once sealed and base64-encoded, and the rotated token, as long as this one, must fit in it',
  },
  /**
   * A bearer token travels in a request header; 16 KiB is what Node allows for all of a
   * request's headers (http.maxHeaderSize), and common servers allow no more: a longer token
   * could not be sent.
   */
  accessToken: { max: 16_384, unit: 'characters', what: 'access token' },
  /**
   * GitHub's tokens: classic and fine-grained personal access tokens are 40 and 93 characters;
   * GitHub App installation tokens (the workflow's GITHUB_TOKEN among them) are now a JWT of
   * about 520 characters whose length varies with what it carries (docs: "Generating an
   * installation access token", note of 27 April 2026). 4,096 leaves room for that to grow.
   */
  githubToken: { max: 4096, unit: 'characters', what: 'GitHub token' },
  /**
   * An endpoint is a host and a short path: the defaults are 25 to 38 characters, a GitHub
   * Enterprise Server API base about as long. 2,048 is fifty times that.
   */
  url: { max: 2048, unit: 'characters', what: 'endpoint address' },
  /**
   * Secret and variable names: GitHub documents their characters but no length (docs: Secrets
   * reference, "Naming your secrets"; Variables reference, "Naming conventions"). 255 is the
   * limit it documents for environment names in the same API, far beyond any real name.
   */
  name: { max: 255, unit: 'characters', what: 'secret or variable name' },
  /** GitHub's limit for environment names (docs: "Managing environments for deployment"). */
  environment: { max: 255, unit: 'characters', what: 'environment name' },
  /** The longest ISO 8601 form accepted ("2026-01-31T09:00:00.123456789+05:30") is 35. */
  date: { max: 64, unit: 'characters', what: 'date' },
  /** A whole number of seconds: at most 3,600 anywhere, 4 digits (10 allows leading zeros). */
  seconds: { max: 10, unit: 'characters', what: 'number of seconds' },
  /**
   * Scopes, separated by spaces: Atlassian's are 20 to 50 characters and an app asks for those it
   * has, a few dozen at most. They travel in the consent address, which servers commonly accept
   * up to 8 KB; 4,096 keeps it well inside.
   */
  scope: { max: 4096, unit: 'characters', what: 'list of scopes' },
  /** A program and its arguments: 4,096 is Linux's PATH_MAX for the program alone. */
  command: { max: 4096, unit: 'characters', what: 'command' },
} as const satisfies Record<string, Limit>

/**
 * How many repositories `selected-repositories` may name. They are resolved to ids all at once,
 * one request each, and GitHub allows no more than 100 concurrent requests (docs: "Rate limits for
 * the REST API", secondary rate limits). A secret for more repositories is better `private`/`all`.
 */
export const MAX_SELECTED_REPOSITORIES = 100

/** The length of `value` in `unit`s. */
export function lengthIn(value: string, unit: Limit['unit']): number {
  return unit === 'bytes' ? Buffer.byteLength(value, 'utf8') : Array.from(value).length
}

/**
 * When `value` is longer than `limit`, what is wrong, as a sentence about `subject` (`Input
 * "client-id"`, `--scope`, `ATLASSIAN_ACCESS_TOKEN`); otherwise undefined. A secret's value is
 * never shown, not even its beginning; another value's first characters are, escaped.
 */
export function tooLong(
  subject: string | Mention,
  value: string,
  limit: Limit,
  secret: boolean,
): Text | undefined {
  const length = lengthIn(value, limit.unit)
  if (length <= limit.max) return undefined
  const beginning = secret ? '' : ` It begins ${quoteValue(value)}.`
  const why = limit.why === undefined ? '' : `: ${limit.why}`
  return text`${subject} is ${length} ${limit.unit} long, more than any ${limit.what} (at most ${limit.max}${why}).${beginning} It holds something else, such as a file, a log or several values pasted together: give the value alone.`
}

const SHOWN_CHARACTERS = 40

/**
 * A value for a message: at most its first 40 characters, as a JSON string (so quotes, newlines
 * and control characters are escaped), with "…" after it when it was cut. Beyond JSON, invisible
 * and line-breaking characters (DEL, C1 controls, bidirectional and zero-width format characters,
 * U+2028/U+2029) are escaped too: none can reorder, hide or break a log line.
 */
export function quoteValue(value: string): string {
  const characters = Array.from(value)
  const shown = characters.slice(0, SHOWN_CHARACTERS).join('')
  const escaped = JSON.stringify(shown).replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (character) =>
    Array.from({ length: character.length }, (_, i) => {
      const unit = character.charCodeAt(i).toString(16).padStart(4, '0')
      return `\\u${unit}`
    }).join(''),
  )
  return characters.length > SHOWN_CHARACTERS ? `${escaped}…` : escaped
}

/** Reports one problem with one setting; the readers call it and go on checking. */
export type Problem = (setting: Setting, message: string | Text) => void
