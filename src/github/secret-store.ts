/**
 * GitHub's Actions secrets REST API: the public key of a secret store, and writing a sealed secret.
 * (docs.github.com/rest/actions/secrets; ../shared/FACTS.md, "GitHub secrets REST API")
 */
import { RequestError } from '@octokit/request-error'
import { ActionError, type TokenState } from '../errors.js'
import type { RepositoryRef } from '../inputs.js'
import type { SecretValues } from '../secrets.js'
import { decodePublicKey } from '../sealing.js'
import type { GitHubClient } from './client.js'

/** Where a secret is written. */
export interface SecretTarget {
  /** For people: "repository octo-org/confluence-sync". */
  description: string
  publicKeyRoute: string
  secretRoute: string
  /** Route parameters shared by both routes (the secret's name is added for the secret route). */
  params: Record<string, string>
  /** The permission a token needs to read the key and write secrets here. */
  permission: string
  /** The `gh` command that writes a sealed value here by hand (see the recovery message). */
  apiPath: (secretName: string) => string
}

export function repositoryTarget(repository: RepositoryRef): SecretTarget {
  const { owner, repo } = repository
  return {
    description: `repository ${owner}/${repo}`,
    publicKeyRoute: 'GET /repos/{owner}/{repo}/actions/secrets/public-key',
    secretRoute: 'PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}',
    params: { owner, repo },
    permission: `the repository permission "Secrets: Read and write" on ${owner}/${repo} (fine-grained personal access token or GitHub App); a classic personal access token needs the "repo" scope`,
    apiPath: (secretName) => `/repos/${owner}/${repo}/actions/secrets/${secretName}`,
  }
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

/**
 * Reads the store's public key. Called before the refresh grant: a token that cannot read the key
 * cannot write the secret either, and finding that out must not cost the refresh token.
 */
export async function fetchPublicKey(
  github: GitHubClient,
  target: SecretTarget,
  secrets: SecretValues,
): Promise<PublicKey> {
  let data: unknown
  try {
    data = (await github.request(target.publicKeyRoute, target.params)).data
  } catch (error) {
    throw explainGitHubError(error, {
      doing: `read the Actions secrets public key of ${target.description}`,
      target,
      tokenState: 'unchanged',
      secrets,
    })
  }
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
      'unchanged',
      'Check "github-api-url": it must be the REST API base (https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server).',
    )
  }
  return { keyId, key }
}

/** Writes a sealed secret; GitHub answers 201 when it created the secret and 204 when it updated it. */
export async function storeSecret(
  github: GitHubClient,
  target: SecretTarget,
  secretName: string,
  sealed: SealedSecret,
  secrets: SecretValues,
): Promise<'created' | 'updated'> {
  let status: number
  try {
    const response = await github.request(target.secretRoute, {
      ...target.params,
      secret_name: secretName,
      encrypted_value: sealed.encryptedValue,
      key_id: sealed.keyId,
    })
    status = response.status
  } catch (error) {
    throw explainGitHubError(error, {
      doing: `write the secret ${secretName} of ${target.description}`,
      target,
      tokenState: 'rotated-not-stored',
      secrets,
    })
  }
  if (status === 201) return 'created'
  if (status === 204) return 'updated'
  throw new ActionError(
    'GITHUB_UNEXPECTED',
    `GitHub answered HTTP ${status} to the write of ${secretName} in ${target.description}; expected 201 (created) or 204 (updated).`,
    'rotated-not-stored',
    'Store the recovery value below by hand.',
  )
}

interface ErrorContext {
  doing: string
  target: SecretTarget
  tokenState: TokenState
  secrets: SecretValues
}

/** Turns an Octokit failure into an error that names the token, the permission and the fix. */
export function explainGitHubError(error: unknown, context: ErrorContext): ActionError {
  const { doing, target, tokenState, secrets } = context
  const afterRotation = tokenState === 'rotated-not-stored'
  const finish = afterRotation ? ' Then store the recovery value below by hand.' : ' Then re-run.'
  if (!(error instanceof RequestError) || error.response === undefined) {
    const detail = error instanceof Error ? secrets.scrub(error.message) : 'unknown error'
    return new ActionError(
      'GITHUB_UNREACHABLE',
      `Could not ${doing}: GitHub's API did not answer (${detail}).`,
      tokenState,
      `Check "github-api-url" and the network from the runner to it (proxy settings: HTTPS_PROXY / NO_PROXY).${finish}`,
      { cause: error },
    )
  }

  const status = error.status
  const message = secrets.scrub(githubMessage(error))
  const said = `Could not ${doing}: GitHub answered HTTP ${status}${message ? ` "${message}"` : ''}.`
  const accepted = error.response.headers['x-accepted-github-permissions']
  const needs = `The "github-token" input needs ${target.permission}.${accepted ? ` (GitHub says this request accepts the token permissions: ${accepted}.)` : ''}`

  if (status === 401) {
    return new ActionError(
      'GITHUB_AUTH',
      `${said} The "github-token" input is not a valid token: it is wrong, expired or revoked.`,
      tokenState,
      `Create a new token and update the secret that feeds "github-token". ${needs}${finish}`,
    )
  }
  if (status === 403) {
    // GitHub names the kind of token it refused: "by integration" is an installation token (the
    // workflow's GITHUB_TOKEN is one), "by personal access token" a fine-grained PAT.
    const kind = /personal access token/i.test(message)
      ? 'The fine-grained personal access token in "github-token" lacks the permission.'
      : /integration/i.test(message)
        ? 'The "github-token" input is an installation token without the permission. If it is the workflow\'s GITHUB_TOKEN (secrets.GITHUB_TOKEN or github.token), that is the cause: GITHUB_TOKEN can never read or write Actions secrets, whatever "permissions:" says. Use a fine-grained personal access token, or a GitHub App installation token (actions/create-github-app-token) whose app has the permission.'
        : 'The "github-token" input may not do this. If the organization uses SAML single sign-on, authorize the token for it.'
    return new ActionError('GITHUB_FORBIDDEN', `${said} ${kind}`, tokenState, `${needs}${finish}`)
  }
  if (status === 404) {
    return new ActionError(
      'GITHUB_NOT_FOUND',
      `${said} Either ${target.description} does not exist, or the "github-token" cannot see it (GitHub answers 404 rather than 403 for what a token may not see).`,
      tokenState,
      `Check the "repository" input. For a fine-grained token, check that its resource owner is the repository's owner and that the repository is among its selected repositories. ${needs}${finish}`,
    )
  }
  return new ActionError(
    'GITHUB_UNEXPECTED',
    said,
    tokenState,
    status >= 500
      ? `This is a fault on GitHub's side (https://www.githubstatus.com).${finish}`
      : `Check "github-api-url" and "repository".${finish}`,
  )
}

function githubMessage(error: RequestError): string {
  const data = error.response?.data
  if (isRecord(data) && typeof data['message'] === 'string') return data['message'].slice(0, 200)
  return ''
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function quote(data: unknown, secrets: SecretValues): string {
  const text =
    typeof data === 'string' ? data : data === undefined ? '(nothing)' : JSON.stringify(data)
  const scrubbed = secrets.scrub(text).replace(/\s+/g, ' ')
  return JSON.stringify(scrubbed.length > 200 ? `${scrubbed.slice(0, 200)}…` : scrubbed)
}
