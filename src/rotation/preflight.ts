/**
 * Everything settled before the refresh token is spent, in one round of parallel reads: the store's
 * public key (proves the GitHub token reaches it), when the secret was last written, when this run
 * read its secrets, and that an environment target exists. Any failure here leaves the token unspent.
 */
import { saidOf } from '../common/errors.js'
import type { GitHubClient } from '../github/client.js'
import {
  fetchPublicKey,
  fetchSecretMetadata,
  type OrganizationAccess,
  type PublicKey,
  type SecretMetadata,
  type StoreAccess,
} from '../github/secret-store.js'
import { checkEnvironmentExists, organizationAccess } from '../github/target-checks.js'
import type { TargetInput } from '../github/targets.js'
import { fetchJobStartedAt, fetchSecretsReadAt, type RunAttempt } from '../github/workflow-run.js'
import type { RotationRequest } from './request.js'
import { lookAtLock, type LockSeen } from './rotation-lock.js'
import {
  judgeStoredToken,
  judgeWithoutReadTime,
  type StoredTokenJudgement,
  type TokenHeldSince,
} from './stale-token-guard.js'

export interface Preflight {
  publicKey: PublicKey
  /** Undefined when it could not be read (the guard then says why). */
  metadata: SecretMetadata | undefined
  judgement: StoredTokenJudgement
  /** For an organization secret: who may use it after the write. */
  organization: OrganizationAccess | undefined
  /** The first look at the lock, when there is one: what it found, or why it could not look. */
  lock: PromiseSettledResult<LockSeen> | undefined
  /**
   * The stale-token guard again, on the secret as read later (after a wait for the lock), with
   * what the preflight learnt about when this run read the token.
   */
  judgeAgain: (metadata: PromiseSettledResult<SecretMetadata>) => StoredTokenJudgement
}

export interface PreflightSources {
  store: StoreAccess
  /** The run this process belongs to, and a client with the workflow's token to read it. */
  run: { attempt: RunAttempt; github: GitHubClient } | { missing: string }
  now: () => Date
  /** By when the token in hand was certainly read, if anything says (this machine's clock). */
  tokenHeldSince: TokenHeldSince | undefined
  /** The lock next to the secret, to look at in the same round; undefined with `lock: false`. */
  lockName: string | undefined
}

/** The secret a door is about to write, and where. */
export interface SecretToWrite {
  secretName: string
  target: TargetInput
}

/** The store's side of a preflight: what any door checks before it spends or obtains a token. */
export interface StoreCheck {
  publicKey: PublicKey
  /** The secret's metadata, or why it could not be read. */
  metadata: PromiseSettledResult<SecretMetadata>
  /** For an organization secret: who may use it after the write. */
  organization: OrganizationAccess | undefined
}

/**
 * The store, in one round of parallel reads: the public key (proves the GitHub token reaches the
 * secrets), the secret's metadata, and that an environment target exists; then, for an organization
 * secret, who may use it. Shared by the rotation and by `authorize`, which both write the secret.
 */
export async function checkStore(store: StoreAccess, secret: SecretToWrite): Promise<StoreCheck> {
  const { target, secretName } = secret
  const [publicKey, metadata, environment] = await Promise.allSettled([
    fetchPublicKey(store, 'unchanged'),
    fetchSecretMetadata(store, secretName),
    target.kind === 'environment' ? checkEnvironmentExists(store, target) : Promise.resolve(),
  ])
  // An unknown environment explains a failed key read better than the key read does.
  if (environment.status === 'rejected') throw environment.reason
  if (publicKey.status === 'rejected') throw publicKey.reason

  let organization: OrganizationAccess | undefined
  if (target.kind === 'organization') {
    // Keeping the secret's visibility needs to know it: without the metadata, stop rather than
    // guess and change who can read the token.
    if (metadata.status === 'rejected' && target.visibility === undefined) throw metadata.reason
    organization = await organizationAccess(
      store,
      target,
      secretName,
      metadata.status === 'fulfilled'
        ? metadata.value
        : { updatedAt: undefined, visibility: undefined, serverNow: undefined },
    )
  }
  return { publicKey: publicKey.value, metadata, organization }
}

/** The rotation's preflight: the store, and when this run read the token, in the same round. */
export async function preflight(
  request: RotationRequest,
  sources: PreflightSources,
): Promise<Preflight> {
  const { store } = sources
  const { target } = request
  const [checked, readAt, lock] = await Promise.allSettled([
    checkStore(store, request),
    'missing' in sources.run
      ? Promise.reject(new Error(sources.run.missing))
      : // Environment secrets are read when the job starts; the others when the run is queued.
        (target.kind === 'environment' ? fetchJobStartedAt : fetchSecretsReadAt)(
          sources.run.github,
          sources.run.attempt,
          store.secrets,
          store.retry,
        ),
    sources.lockName === undefined
      ? Promise.resolve(undefined)
      : lookAtLock(store, sources.lockName),
  ])
  if (checked.status === 'rejected') throw checked.reason
  const { publicKey, metadata, organization } = checked.value
  const judgeAgain = (again: PromiseSettledResult<SecretMetadata>): StoredTokenJudgement =>
    judge(again, readAt, sources.now(), sources.tokenHeldSince)
  return {
    publicKey,
    metadata: metadata.status === 'fulfilled' ? metadata.value : undefined,
    judgement: judgeAgain(metadata),
    organization,
    lock: settledLock(lock),
    judgeAgain,
  }
}

function settledLock(
  lock: PromiseSettledResult<LockSeen | undefined>,
): PromiseSettledResult<LockSeen> | undefined {
  if (lock.status === 'rejected') return lock
  return lock.value === undefined ? undefined : { status: 'fulfilled', value: lock.value }
}

function judge(
  metadata: PromiseSettledResult<SecretMetadata>,
  readAt: PromiseSettledResult<Date>,
  localNow: Date,
  tokenHeldSince: TokenHeldSince | undefined,
): StoredTokenJudgement {
  if (metadata.status === 'rejected') return { kind: 'unknown', reason: saidOf(metadata.reason) }
  const { updatedAt, serverNow } = metadata.value
  if (updatedAt === undefined) return { kind: 'first-write' }
  if (readAt.status === 'fulfilled') return judgeStoredToken(updatedAt, readAt.value)
  const reason = saidOf(readAt.reason)
  if (tokenHeldSince === undefined) return { kind: 'unbounded', updatedAt, reason }
  // GitHub's clock decided updated_at: move the bound into it. The Date header is cut to the
  // second, which moves the bound earlier, never later: the guard errs towards "superseded".
  const skew = serverNow ? serverNow.getTime() - localNow.getTime() : 0
  return judgeWithoutReadTime(
    updatedAt,
    { ...tokenHeldSince, at: new Date(tokenHeldSince.at.getTime() + skew) },
    reason,
  )
}
