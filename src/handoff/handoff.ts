/**
 * The access-token handoff: a new access token sealed so that it can leave the job that rotated it
 * as a job output, and be opened by the other jobs of the same run (../access-token/main.ts).
 *
 * Why it exists: GitHub drops a job output that holds a masked value, and a later job of the same
 * run sees the repository secrets as they were when the run was queued, i.e. the refresh token this
 * run just superseded (../shared/FACTS.md, "When a workflow sees a secret", "The runner"). Sealed,
 * the token is random-looking bytes that hold no masked value, so the runner passes them on.
 *
 * Format, all printable and URL-safe: `ath1.<run id>.<run attempt>.<base64url(nonce ‖ ciphertext)>`.
 * The run id and attempt are in clear so that a handoff from another run is refused by name; they
 * are also in the associated data, so changing them breaks the seal.
 *
 * Construction (libsodium only):
 * - key: `master = BLAKE2b-256(key secret)` (any length in, 32 bytes out), then
 *   `crypto_kdf_derive_from_key(32, 1, "athndoff", master)` (BLAKE2b keyed by the master, with the
 *   purpose as its personalisation): the AEAD key is bound to this one purpose, so it is never the
 *   client secret itself nor any other key derived from it. No password hash (Argon2 is not in
 *   libsodium-wrappers' standard build): the key secret is a high-entropy value, an OAuth client
 *   secret or a dedicated random secret of at least 32 characters (checked by the doors).
 * - cipher: XChaCha20-Poly1305 (IETF), with a random 24-byte nonce: random nonces of that size
 *   never repeat in practice, whatever the number of handoffs under one client secret.
 * - associated data: the JSON array `[purpose, version, repository in lower case, run id, attempt]`
 *   (JSON: no field can run into the next). A handoff opens only in the repository and run it was
 *   made for.
 */
import { loadSodium } from '../github/sealing.js'
import { isRecord } from '../common/is-record.js'
import { named, text, type Text } from '../common/settings.js'

export const HANDOFF_PREFIX = 'ath1'
const PURPOSE = 'atlassian-token-rotation/access-token-handoff'
const VERSION = 1
/** crypto_kdf_CONTEXTBYTES = 8 */
const KDF_CONTEXT = 'athndoff'
const KDF_SUBKEY_ID = 1
const NONCE_BYTES = 24 // crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
const TAG_BYTES = 16 // crypto_aead_xchacha20poly1305_ietf_ABYTES
/** Handoffs are short (a token of a few KB); anything far longer is not one. */
export const MAX_HANDOFF_LENGTH = 65_536

/** The run a handoff belongs to, as the runner names it (GITHUB_REPOSITORY, _RUN_ID, _RUN_ATTEMPT). */
export interface RunBinding {
  repository: string
  runId: string
  runAttempt: string
}

/** What a handoff carries. */
export interface HandedToken {
  accessToken: string
  /** When the access token stops working at the latest. */
  expiresAt: Date
  scope: string | undefined
  tokenType: string | undefined
  cloudId: string | undefined
  /** The site's Confluence API base. */
  apiBaseUrl: string | undefined
  /** The site's Jira API base. */
  jiraApiBaseUrl: string | undefined
}

export type HandoffRefusalCode =
  | 'HANDOFF_MALFORMED'
  | 'HANDOFF_VERSION'
  | 'HANDOFF_OTHER_RUN'
  | 'HANDOFF_LATER_ATTEMPT'
  | 'HANDOFF_NOT_OPENED'
  | 'HANDOFF_EXPIRED'

/**
 * Why a handoff was refused, what to do next, with the settings it names kept as data (each door
 * words them). It never holds any part of the token or the key.
 */
export class HandoffRefusal extends Error {
  constructor(
    readonly code: HandoffRefusalCode,
    readonly text: Text,
  ) {
    super(code)
    this.name = 'HandoffRefusal'
  }
}

const DIGITS = /^[0-9]{1,20}$/
const BASE64URL = /^[A-Za-z0-9_-]+$/

function associatedData(binding: RunBinding, runId: string, runAttempt: string): string {
  return JSON.stringify([PURPOSE, VERSION, binding.repository.toLowerCase(), runId, runAttempt])
}

async function deriveKey(keySecret: string): Promise<Uint8Array> {
  const sodium = await loadSodium()
  const master = sodium.crypto_generichash(32, sodium.from_string(keySecret), null)
  const key = sodium.crypto_kdf_derive_from_key(32, KDF_SUBKEY_ID, KDF_CONTEXT, master)
  sodium.memzero(master)
  return key
}

interface Payload {
  accessToken: string
  expiresAt: string
  scope?: string
  tokenType?: string
  cloudId?: string
  apiBaseUrl?: string
  jiraApiBaseUrl?: string
}

/** Seals `token` for the other jobs of the run `binding` names. */
export async function sealHandoff(
  token: HandedToken,
  keySecret: string,
  binding: RunBinding,
): Promise<string> {
  if (!DIGITS.test(binding.runId) || !DIGITS.test(binding.runAttempt)) {
    throw new Error('A handoff needs the run id and attempt (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT).')
  }
  const sodium = await loadSodium()
  const payload: Payload = {
    accessToken: token.accessToken,
    expiresAt: token.expiresAt.toISOString(),
    ...(token.scope !== undefined && { scope: token.scope }),
    ...(token.tokenType !== undefined && { tokenType: token.tokenType }),
    ...(token.cloudId !== undefined && { cloudId: token.cloudId }),
    ...(token.apiBaseUrl !== undefined && { apiBaseUrl: token.apiBaseUrl }),
    ...(token.jiraApiBaseUrl !== undefined && { jiraApiBaseUrl: token.jiraApiBaseUrl }),
  }
  const key = await deriveKey(keySecret)
  const nonce = sodium.randombytes_buf(NONCE_BYTES)
  const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    sodium.from_string(JSON.stringify(payload)),
    sodium.from_string(associatedData(binding, binding.runId, binding.runAttempt)),
    null,
    nonce,
    key,
  )
  sodium.memzero(key)
  const body = new Uint8Array(nonce.length + sealed.length)
  body.set(nonce)
  body.set(sealed, nonce.length)
  return [
    HANDOFF_PREFIX,
    binding.runId,
    binding.runAttempt,
    Buffer.from(body).toString('base64url'),
  ].join('.')
}

/**
 * Opens a handoff in the run `binding` names. Accepted: one sealed in this repository and run by
 * this attempt or an earlier one (GitHub's "Re-run failed jobs" runs the failed jobs as a new
 * attempt with the outputs of the jobs that succeeded before), not expired at `now`. Anything else
 * throws a {@link HandoffRefusal}.
 */
export async function openHandoff(
  handoff: string,
  keySecret: string,
  binding: RunBinding,
  now: Date,
): Promise<HandedToken> {
  const parts = handoff.trim().split('.')
  if (parts[0] !== HANDOFF_PREFIX && /^ath[0-9]+$/.test(parts[0] ?? '')) {
    throw new HandoffRefusal(
      'HANDOFF_VERSION',
      text`The handoff is of another format version ("${parts[0] ?? ''}"), made by another version of this action. Use the same version (the same @ref) of the rotating action and of the access-token action.`,
    )
  }
  const [prefix, runId, runAttempt, body] = parts
  if (
    parts.length !== 4 ||
    handoff.length > MAX_HANDOFF_LENGTH ||
    prefix !== HANDOFF_PREFIX ||
    runId === undefined ||
    runAttempt === undefined ||
    body === undefined ||
    !DIGITS.test(runId) ||
    !DIGITS.test(runAttempt) ||
    !BASE64URL.test(body)
  ) {
    throw new HandoffRefusal(
      'HANDOFF_MALFORMED',
      text`The handoff is not one: it should look like "${HANDOFF_PREFIX}.<run id>.<attempt>.<sealed token>". An empty one means the rotating job's output did not reach this job: check that the rotating job maps the step's \`access-token-handoff\` output to a job output, and that this job \`needs\` that job.`,
    )
  }
  if (runId !== binding.runId) {
    throw new HandoffRefusal(
      'HANDOFF_OTHER_RUN',
      text`The handoff was made in run ${runId}, and this is run ${binding.runId}: a handoff is only good in the run that rotated the token. Pass the handoff from a job of this run (\`needs.<job>.outputs\`), never a stored or copied one.`,
    )
  }
  if (Number(runAttempt) > Number(binding.runAttempt)) {
    throw new HandoffRefusal(
      'HANDOFF_LATER_ATTEMPT',
      text`The handoff was made by attempt ${runAttempt} of this run, later than this attempt (${binding.runAttempt}). Re-run the workflow's jobs so that this job runs after the rotating job of the same attempt.`,
    )
  }
  const bytes = Buffer.from(body, 'base64url')
  if (bytes.length < NONCE_BYTES + TAG_BYTES) {
    throw new HandoffRefusal(
      'HANDOFF_MALFORMED',
      text`The handoff is cut short: pass the whole job output, unchanged.`,
    )
  }
  const sodium = await loadSodium()
  const key = await deriveKey(keySecret)
  let opened: Uint8Array
  try {
    opened = sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      bytes.subarray(NONCE_BYTES),
      sodium.from_string(associatedData(binding, runId, runAttempt)),
      bytes.subarray(0, NONCE_BYTES),
      key,
    )
  } catch {
    throw new HandoffRefusal(
      'HANDOFF_NOT_OPENED',
      text`The handoff does not open with ${named('handoff-key')} in ${binding.repository}: either that key is not the one the rotating step sealed it with (by default its ${named('client-secret')}; its ${named('handoff-key')} when it was given one), or the handoff was made in another repository, or it was altered on the way. Give this step the same key secret as the rotating step, and pass the job output unchanged.`,
    )
  } finally {
    sodium.memzero(key)
  }
  const payload = parsePayload(sodium.to_string(opened))
  const expiresAt = new Date(payload.expiresAt)
  // A token about to expire would fail the sync half-way: under a minute left counts as expired
  // (the margin also covers a runner's clock a little off).
  if (!(now.getTime() + MIN_REMAINING_MS < expiresAt.getTime())) {
    const ended = now.getTime() >= expiresAt.getTime()
    throw new HandoffRefusal(
      'HANDOFF_EXPIRED',
      text`The handed-off access token ${ended ? 'expired' : 'expires in less than a minute,'} at ${expiresAt.toISOString()} (it is now ${now.toISOString()}). Re-run all jobs of the workflow (not only the failed ones, which would get the same handoff again): its rotating job then hands on a new one. Jobs that start later than the token's lifetime after the rotation need their own rotation, in another run.`,
    )
  }
  return {
    accessToken: payload.accessToken,
    expiresAt,
    scope: payload.scope,
    tokenType: payload.tokenType,
    cloudId: payload.cloudId,
    apiBaseUrl: payload.apiBaseUrl,
    jiraApiBaseUrl: payload.jiraApiBaseUrl,
  }
}

function parsePayload(json: string): Payload {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    value = undefined
  }
  const record: Partial<Record<keyof Payload, unknown>> = isRecord(value) ? value : {}
  const optional = (field: unknown): boolean => field === undefined || typeof field === 'string'
  if (
    typeof record.accessToken !== 'string' ||
    record.accessToken === '' ||
    typeof record.expiresAt !== 'string' ||
    Number.isNaN(Date.parse(record.expiresAt)) ||
    !optional(record.scope) ||
    !optional(record.tokenType) ||
    !optional(record.cloudId) ||
    !optional(record.apiBaseUrl) ||
    !optional(record.jiraApiBaseUrl)
  ) {
    // Authenticated, so made with this key: only another version of the action writes this.
    throw new HandoffRefusal(
      'HANDOFF_VERSION',
      text`The handoff opened but holds no token this version understands. Use the same version (the same @ref) of the rotating action and of the access-token action.`,
    )
  }
  return record as Payload
}

/** A handed-off token with less than this left is refused: too little for a sync step. */
const MIN_REMAINING_MS = 60_000

/** Access tokens live about an hour at most (../shared/FACTS.md, "Access tokens live about 1 hour"). */
const LONGEST_ACCESS_TOKEN_MS = 3_600_000

/**
 * Until when a handed-off token is good, at the latest: its own expiry (`expires_in` counted from
 * when the grant was sent), or an hour from then when the answer gave none. The next refresh of
 * the same token also revokes it, about 10 minutes after that refresh; no handoff can know when
 * that comes, so the README tells users to keep rotations further apart than their jobs last.
 */
export function handoffExpiry(expiresAt: Date | undefined, grantSentAt: Date): Date {
  const longest = grantSentAt.getTime() + LONGEST_ACCESS_TOKEN_MS
  return new Date(Math.min(expiresAt?.getTime() ?? longest, longest))
}
