/**
 * GitHub's Actions secrets REST API: a store's public key, a secret's metadata, and writing a
 * sealed secret. (docs.github.com/rest/actions/secrets; ../shared/FACTS.md, "GitHub secrets REST API")
 */
import { ActionError, type TokenState } from '../errors.js'
import type { RepositoryRef } from '../inputs.js'
import type { RetryOptions } from '../retry.js'
import type { SecretValues } from '../secrets.js'
import { decodePublicKey } from '../sealing.js'
import type { GitHubClient } from './client.js'
import { callGitHub, isRecord, quote, type GitHubAnswer } from './errors.js'

/** Where a secret is written. */
export interface SecretTarget {
  /** For people: "repository octo-org/confluence-sync". */
  description: string
  /** `/repos/o/r/actions/secrets`: the public key and the secrets live under it. */
  basePath: string
  /** The permission a token needs to read the key and write secrets here. */
  permission: string
}

export function repositoryTarget(repository: RepositoryRef): SecretTarget {
  const { owner, repo } = repository
  return {
    description: `repository ${owner}/${repo}`,
    basePath: `/repos/${owner}/${repo}/actions/secrets`,
    permission: `the repository permission "Secrets: Read and write" on ${owner}/${repo} (fine-grained personal access token or GitHub App); a classic personal access token needs the "repo" scope`,
  }
}

/** The path of one secret (also what the recovery command writes to). */
export function secretPath(target: SecretTarget, secretName: string): string {
  return `${target.basePath}/${encodeURIComponent(secretName)}`
}

export interface PublicKey {
  keyId: string
  /** Standard base64 of the store's 32-byte X25519 public key. */
  key: string
}

export interface SealedSecret {
  keyId: string
  encryptedValue: string
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
    !(await decodePublicKey(key))
  ) {
    throw new ActionError(
      'GITHUB_UNEXPECTED',
      `GitHub's answer for the public key of ${target.description} is not {key_id, key} with a 32-byte base64 key: ${quote(data, secrets)}.`,
      tokenState,
      'Check "github-api-url": it must be the REST API base (https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server).',
    )
  }
  return { keyId, key }
}

export interface SecretMetadata {
  /** When the secret was last written; undefined when it does not exist yet. */
  updatedAt: Date | undefined
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
      return { updatedAt: undefined, serverNow: undefined }
    }
    throw error
  }
  const updatedAt = isRecord(answer.data) ? parseTimestamp(answer.data['updated_at']) : undefined
  if (updatedAt === undefined) {
    throw new ActionError(
      'GITHUB_UNEXPECTED',
      `GitHub's answer for the secret ${secretName} of ${target.description} has no readable "updated_at": ${quote(answer.data, secrets)}.`,
      'unchanged',
      'Check "github-api-url".',
    )
  }
  return { updatedAt, serverNow: parseTimestamp(answer.headers['date']) }
}

/** Writes a sealed secret; GitHub answers 201 when it created the secret and 204 when it updated it. */
export async function storeSecret(
  access: StoreAccess,
  secretName: string,
  sealed: SealedSecret,
): Promise<'created' | 'updated'> {
  const { target } = access
  const { status } = await call(
    access,
    `PUT ${secretPath(target, secretName)}`,
    `write the secret ${secretName} of ${target.description}`,
    'rotated-not-stored',
    { encrypted_value: sealed.encryptedValue, key_id: sealed.keyId },
  )
  if (status === 201) return 'created'
  if (status === 204) return 'updated'
  throw new ActionError(
    'GITHUB_UNEXPECTED',
    `GitHub answered HTTP ${status} to the write of ${secretName} in ${target.description}; expected 201 (created) or 204 (updated).`,
    'rotated-not-stored',
    'Store the recovery value below by hand.',
  )
}

function parseTimestamp(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : new Date(time)
}
