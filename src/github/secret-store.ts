/**
 * GitHub's Actions secrets REST API: a store's public key, a secret's metadata, and writing a
 * sealed secret. (docs.github.com/rest/actions/secrets; ../shared/FACTS.md, "GitHub secrets REST API")
 */
import { named, text } from '../common/settings.js'
import { ActionError, type TokenState } from '../common/errors.js'
import type { Visibility } from './targets.js'
import type { RetryOptions } from '../common/retry.js'
import type { SecretValues } from '../common/secrets.js'
import { decodePublicKey } from './sealing.js'
import type { GitHubClient } from './client.js'
import { callGitHub, isRecord, quote, type GitHubAnswer } from './errors.js'
import { secretPath, type SecretTarget } from './targets.js'

export { secretPath, type SecretTarget } from './targets.js'

export interface PublicKey {
  keyId: string
  /** Standard base64 of the store's 32-byte X25519 public key. */
  key: string
}

export interface SealedSecret {
  keyId: string
  encryptedValue: string
}

/** Who may use an organization secret: sent with every write, as the API requires. */
export interface OrganizationAccess {
  visibility: Visibility
  /** With `selected`: the ids of the repositories that may use the secret. */
  selectedRepositoryIds: number[] | undefined
}

/** What every call to a store needs besides its own parameters. */
export interface StoreAccess {
  github: GitHubClient
  target: SecretTarget
  secrets: SecretValues
  retry: RetryOptions
}

function call(
  access: StoreAccess,
  route: string,
  doing: string,
  tokenState: TokenState,
  params: Record<string, unknown> = {},
): Promise<GitHubAnswer> {
  return callGitHub({
    github: access.github,
    route,
    params,
    doing,
    subject: access.target.description,
    subjectSetting: access.target.kind,
    tokenInput: 'github-token',
    permission: access.target.permission,
    tokenState,
    secrets: access.secrets,
    retry: access.retry,
  })
}

/**
 * Reads the store's public key. Called before the refresh grant: a token that cannot read the key
 * cannot write the secret either, and finding that out must not cost the refresh token.
 */
export async function fetchPublicKey(
  access: StoreAccess,
  tokenState: TokenState,
): Promise<PublicKey> {
  const { target, secrets } = access
  const { data } = await call(
    access,
    `GET ${target.basePath}/public-key`,
    `read the Actions secrets public key of ${target.description}`,
    tokenState,
  )
  const keyId = isRecord(data) ? data['key_id'] : undefined
  const key = isRecord(data) ? data['key'] : undefined
  if (
    typeof keyId !== 'string' ||
    keyId === '' ||
    typeof key !== 'string' ||
    !decodePublicKey(key)
  ) {
    throw new ActionError(
      'GITHUB_UNEXPECTED',
      `GitHub's answer for the public key of ${target.description} is not {key_id, key} with a 32-byte base64 key: ${quote(data, secrets)}.`,
      tokenState,
      text`Check ${named('github-api-url')}: it must be the REST API base (https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server).`,
    )
  }
  return { keyId, key }
}

export interface SecretMetadata {
  /** When the secret was last written; undefined when it does not exist yet. */
  updatedAt: Date | undefined
  /** When the secret was created (a later write keeps it); undefined when it does not exist. */
  createdAt?: Date | undefined
  /** `updated_at` exactly as GitHub wrote it, for a command that compares it later. */
  updatedAtText?: string
  /** An organization secret's visibility, when it exists. */
  visibility: Visibility | undefined
  /** GitHub's clock at the answer (its Date header), to compare with `updatedAt` without skew. */
  serverNow: Date | undefined
}

/** Reads when a secret was last written (never its value: the API has no way to read one). */
export async function fetchSecretMetadata(
  access: StoreAccess,
  secretName: string,
): Promise<SecretMetadata> {
  const { target, secrets } = access
  let answer
  try {
    answer = await call(
      access,
      `GET ${secretPath(target, secretName)}`,
      `read when the secret ${secretName} of ${target.description} was last written`,
      'unchanged',
    )
  } catch (error) {
    if (error instanceof ActionError && error.code === 'GITHUB_NOT_FOUND') {
      return { updatedAt: undefined, visibility: undefined, serverNow: undefined }
    }
    throw error
  }
  const given = isRecord(answer.data) ? answer.data['updated_at'] : undefined
  const updatedAtText = typeof given === 'string' ? given : undefined
  const updatedAt = parseTimestamp(updatedAtText)
  if (updatedAt === undefined || updatedAtText === undefined) {
    throw new ActionError(
      'GITHUB_UNEXPECTED',
      `GitHub's answer for the secret ${secretName} of ${target.description} has no readable "updated_at": ${quote(answer.data, secrets)}.`,
      'unchanged',
      text`Check ${named('github-api-url')}.`,
    )
  }
  const visibility = isRecord(answer.data) ? answer.data['visibility'] : undefined
  return {
    updatedAt,
    createdAt: parseTimestamp(isRecord(answer.data) ? answer.data['created_at'] : undefined),
    updatedAtText,
    visibility:
      visibility === 'all' || visibility === 'private' || visibility === 'selected'
        ? visibility
        : undefined,
    serverNow: parseTimestamp(answer.headers['date']),
  }
}

/** What a write did, and when GitHub says it did it (its Date header). */
export interface SecretWrite {
  how: 'created' | 'updated'
  at: Date | undefined
}

/** Writes a sealed secret; GitHub answers 201 when it created the secret and 204 when it updated it. */
export async function storeSecret(
  access: StoreAccess,
  secretName: string,
  sealed: SealedSecret,
  organization: OrganizationAccess | undefined,
  tokenState: TokenState,
): Promise<SecretWrite> {
  const { target } = access
  const { status, headers } = await call(
    access,
    `PUT ${secretPath(target, secretName)}`,
    `write the secret ${secretName} of ${target.description}`,
    tokenState,
    writeBody(sealed, organization),
  )
  const at = parseTimestamp(headers['date'])
  if (status === 201) return { how: 'created', at }
  if (status === 204) return { how: 'updated', at }
  throw new ActionError(
    'GITHUB_UNEXPECTED',
    `GitHub answered HTTP ${status} to the write of ${secretName} in ${target.description}; expected 201 (created) or 204 (updated).`,
    tokenState,
    'Store the recovery value below by hand.',
  )
}

/**
 * Deletes a secret. GitHub answers 204, or 404 when there is none: either way it is gone, so
 * `false` says only that it was not there.
 */
export async function deleteSecret(
  access: StoreAccess,
  secretName: string,
  tokenState: TokenState,
): Promise<boolean> {
  const { target } = access
  try {
    await call(
      access,
      `DELETE ${secretPath(target, secretName)}`,
      `delete the secret ${secretName} of ${target.description}`,
      tokenState,
    )
    return true
  } catch (error) {
    if (error instanceof ActionError && error.code === 'GITHUB_NOT_FOUND') return false
    throw error
  }
}

/** The PUT body: the sealed value, and for an organization secret who may use it. */
export function writeBody(
  sealed: SealedSecret,
  organization: OrganizationAccess | undefined,
): Record<string, unknown> {
  return {
    encrypted_value: sealed.encryptedValue,
    key_id: sealed.keyId,
    ...(organization && { visibility: organization.visibility }),
    ...(organization?.selectedRepositoryIds && {
      selected_repository_ids: organization.selectedRepositoryIds,
    }),
  }
}

function parseTimestamp(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : new Date(time)
}
