/**
 * Storing a new token: seal it under the store's public key and write it. The sealed value is handed
 * to `onSealed` before the write, so that if the write never completes (a failure, a cancelled job,
 * a lost runner) the only copy of a new refresh token is already in the log, readable by GitHub
 * alone. After the write, the secret's metadata tells whether another rotation wrote it too.
 */
import { type Text } from '../common/settings.js'
import { ActionError, saidOf, type TokenState } from '../common/errors.js'
import {
  fetchPublicKey,
  fetchSecretMetadata,
  storeSecret,
  type OrganizationAccess,
  type PublicKey,
  type SealedSecret,
  type SecretMetadata,
  type SecretWrite,
  type StoreAccess,
} from '../github/secret-store.js'
import { utc } from './explain.js'
import { sealForGitHub } from '../github/sealing.js'

export interface WriteRequest {
  secretName: string
  value: string
  publicKey: PublicKey
  organization: OrganizationAccess | undefined
  /** Where the refresh token is if this write fails for good. */
  tokenState: TokenState
  onSealed?: (sealed: SealedSecret) => void
}

export async function writeBack(access: StoreAccess, request: WriteRequest): Promise<SecretWrite> {
  const { secretName, organization, tokenState } = request
  const seal = async (key: PublicKey): Promise<SealedSecret> => {
    const sealed = { keyId: key.keyId, encryptedValue: await sealForGitHub(request.value, key.key) }
    request.onSealed?.(sealed)
    return sealed
  }
  try {
    return await storeSecret(
      access,
      secretName,
      await seal(request.publicKey),
      organization,
      tokenState,
    )
  } catch (error) {
    // 422 when the key was replaced between the preflight and the write: seal again, once.
    if (!(error instanceof ActionError) || error.code !== 'GITHUB_REJECTED_VALUE') throw error
    const current = await fetchPublicKey(access, tokenState)
    if (current.keyId === request.publicKey.keyId) throw error
    return await storeSecret(access, secretName, await seal(current), organization, tokenState)
  }
}

/** What the secret's metadata says about other writers, once this run's write is done. */
export type WriteCheck =
  | { kind: 'alone' }
  /** The secret did not exist at the preflight, yet the write updated it: someone created it. */
  | { kind: 'created-meanwhile'; writtenAt: Date }
  /** The secret was written again after this run's write. */
  | { kind: 'rewritten-after'; writtenAt: Date; rewrittenAt: Date }
  | { kind: 'unverified'; reason: string | Text }

/** GitHub's timestamps are whole seconds; a write's own updated_at may round either way. */
const SAME_WRITE_TOLERANCE_MS = 1000

/**
 * Reads the secret's metadata again after the write. A write by another rotation between this
 * run's preflight and its write is visible only when the secret was new (the write says
 * "updated" instead of "created") and this run sent its write once: a retried write may itself
 * have created the secret before its answer was lost. A write after this one moves `updated_at`
 * past the write's time.
 */
export async function checkWrite(
  access: StoreAccess,
  secretName: string,
  before: SecretMetadata | undefined,
  write: SecretWrite & { attempts: number },
  localWriteAt: Date,
): Promise<WriteCheck> {
  const writtenAt = write.at ?? localWriteAt
  const absentBefore = before !== undefined && before.updatedAt === undefined
  if (absentBefore && write.how === 'updated' && write.attempts === 1) {
    return { kind: 'created-meanwhile', writtenAt }
  }
  let after: SecretMetadata
  try {
    after = await fetchSecretMetadata(access, secretName)
  } catch (error) {
    return { kind: 'unverified', reason: saidOf(error) }
  }
  if (after.updatedAt === undefined) {
    return { kind: 'unverified', reason: 'the secret was not found right after the write' }
  }
  if (after.updatedAt.getTime() > writtenAt.getTime() + SAME_WRITE_TOLERANCE_MS) {
    return { kind: 'rewritten-after', writtenAt, rewrittenAt: after.updatedAt }
  }
  return { kind: 'alone' }
}

/** What the secret looks like just before a write, against what this run saw last. */
export type BeforeWriteCheck =
  | { kind: 'unchanged' }
  /** Written while an earlier attempt of this write was in flight: most likely that attempt. */
  | { kind: 'own-write'; seen: SecretMetadata }
  /** Rewritten by a rotation whose refresh came before this run's: this run's token is newer. */
  | { kind: 'rewritten-before-refresh'; seen: SecretMetadata }
  /** Rewritten after this run's refresh was sent: which token is newest cannot be told. */
  | { kind: 'rewritten-after-refresh'; seen: SecretMetadata; rewrittenAt: Date }
  | { kind: 'unverified'; reason: string | Text }

/** GitHub's clock is read to the second, through a header: two seconds either way is a tie. */
const CLOCK_TOLERANCE_MS = 2000

/**
 * Reads the secret's metadata just before a write that comes late (a slow refresh, a retried
 * write): time in which another rotation may have stored its own new token. A write of that
 * rotation before this run's refresh was sent means its refresh came first, so this run's token is
 * the newest and replaces it; a later one leaves it unknown which is newest, and then this run
 * must not overwrite it. `refreshSentAt` is in GitHub's clock.
 */
export async function checkBeforeWrite(
  access: StoreAccess,
  secretName: string,
  lastSeen: SecretMetadata,
  refreshSentAt: Date,
  /** This run's earlier attempts of the same write, which may have been applied unanswered. */
  ownAttempts: { from: Date; to: Date }[],
): Promise<BeforeWriteCheck> {
  let seen: SecretMetadata
  try {
    seen = await fetchSecretMetadata(access, secretName)
  } catch (error) {
    return { kind: 'unverified', reason: saidOf(error) }
  }
  if (seen.updatedAt?.getTime() === lastSeen.updatedAt?.getTime()) return { kind: 'unchanged' }
  if (seen.updatedAt === undefined) return { kind: 'unchanged' } // deleted meanwhile: nothing to lose
  const at = seen.updatedAt.getTime()
  const own = ownAttempts.some(
    ({ from, to }) =>
      at >= from.getTime() - CLOCK_TOLERANCE_MS && at <= to.getTime() + CLOCK_TOLERANCE_MS,
  )
  // Written while an earlier attempt of this very write was on its way: that attempt, applied
  // before its answer was lost. Writing the same value again loses nothing.
  if (own) return { kind: 'own-write', seen }
  if (seen.updatedAt.getTime() + CLOCK_TOLERANCE_MS < refreshSentAt.getTime()) {
    return { kind: 'rewritten-before-refresh', seen }
  }
  return { kind: 'rewritten-after-refresh', seen, rewrittenAt: seen.updatedAt }
}

/** The write not made: another rotation stored its token after this run's refresh was sent. */
export function notOverwrittenError(
  secretName: string,
  readAt: Date | undefined,
  rewrittenAt: Date,
  refreshSentAt: Date,
): ActionError {
  return new ActionError(
    'ROTATIONS_OVERLAPPED',
    `Two rotations of this token overlapped: ${secretName} was written at ${utc(rewrittenAt)} by another rotation${readAt ? `, after this run read it at ${utc(readAt)}` : ''} and after this run sent its own refresh at ${utc(refreshSentAt)}. Only the token issued last is Atlassian's newest, and which of the two that is cannot be told from here, so this run did not overwrite the secret. If the other token is the older one, the next rotation presents a superseded token and Atlassian revokes the consent.`,
    'overlapped',
    `Find the other rotation (a workflow run that uses this secret, or someone running the command line tool's refresh) and when it sent its refresh. If that was before ${utc(refreshSentAt)}, store this run's recovery value (below) now, before the next rotation: its command checks that the secret is still as this run last saw it. If it was after, nothing needs doing. Then give every workflow that rotates this token the same \`concurrency:\` group, and never run the command line tool's refresh while a workflow may rotate it.`,
  )
}

/** The loud failure for an overlap: both times, why it matters, and what to check. */
export function overlapError(
  check: Extract<WriteCheck, { kind: 'created-meanwhile' | 'rewritten-after' }>,
  secretName: string,
  grantSentAt: Date,
): ActionError {
  const what =
    check.kind === 'rewritten-after'
      ? `this run wrote its new refresh token to ${secretName} at ${utc(check.writtenAt)}, and something else wrote ${secretName} again at ${utc(check.rewrittenAt)}`
      : `${secretName} did not exist when this run checked it, yet when this run wrote its new refresh token at ${utc(check.writtenAt)} GitHub said it updated an existing secret: something else created it in between`
  const oursStored = check.kind === 'created-meanwhile'
  const ifOursIsNewer = oursStored
    ? 'nothing needs doing'
    : `store this run's recovery value (printed above, in the "Recovery value" group) now, before the next rotation`
  const ifTheirsIsNewer = oursStored
    ? "store the other run's new token (its recovery value, printed in its log) now, before the next rotation"
    : 'nothing needs doing'
  return new ActionError(
    'ROTATIONS_OVERLAPPED',
    `Two rotations of this token overlapped: ${what}. Only the token issued last is Atlassian's newest; the secret now holds ${oursStored ? "this run's" : "the other writer's"} token, which may be the older of the two. If it is, the next rotation presents a superseded token and Atlassian revokes the consent.`,
    'overlapped',
    `Check which rotation refreshed last: this run sent its refresh at ${utc(grantSentAt)}. Find the other one (a workflow run that uses this secret, or someone running the command line tool's refresh) and when it refreshed. If this run refreshed after it, ${ifOursIsNewer}; if the other refreshed after this run, ${ifTheirsIsNewer}. Then give every workflow that rotates this token the same \`concurrency:\` group, and never run the command line tool's refresh while a workflow may rotate it.`,
  )
}
