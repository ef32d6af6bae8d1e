/**
 * Repository configuration variables (docs.github.com/rest/actions/variables): where the date of a
 * consent is kept, for the action's `consented-at` input (`${{ vars.NAME }}`), so it can warn before
 * Atlassian's 365-day limit. Variables are not secret: the API returns their values.
 */
import { ActionError, type TokenState } from '../common/errors.js'
import type { RepositoryRef } from './targets.js'
import type { RetryOptions } from '../common/retry.js'
import type { SecretValues } from '../common/secrets.js'
import type { GitHubClient } from './client.js'
import { callGitHub, isRecord, type GitHubCall } from './errors.js'
import { restPath } from './rest-path.js'

export interface VariableAccess {
  github: GitHubClient
  repository: RepositoryRef
  secrets: SecretValues
  retry: RetryOptions
}

export interface Variable {
  name: string
  value: string
}

/** What a token needs to read and write a repository's variables, in words. */
export function variablesPermission(repository: RepositoryRef): string {
  return `the repository permission "Variables: Read and write" on ${repository.owner}/${repository.repo} (fine-grained personal access token or GitHub App); a classic personal access token needs the "repo" scope`
}

function common(
  access: VariableAccess,
  tokenState: TokenState,
): Omit<GitHubCall, 'route' | 'doing'> {
  const { owner, repo } = access.repository
  return {
    github: access.github,
    params: {},
    subject: `repository ${owner}/${repo}`,
    subjectSetting: 'repository',
    tokenInput: 'github-token',
    permission: variablesPermission(access.repository),
    tokenState,
    secrets: access.secrets,
    retry: access.retry,
  }
}

function variablePath(repository: RepositoryRef, name: string): string {
  return restPath`/repos/${repository.owner}/${repository.repo}/actions/variables/${name}`
}

/**
 * Reads a variable; undefined when it does not exist. Before a consent it also proves that the
 * token may read the repository's variables (a 403 here stops before anyone consents).
 */
export async function readVariable(
  access: VariableAccess,
  name: string,
): Promise<Variable | undefined> {
  const { owner, repo } = access.repository
  try {
    const { data } = await callGitHub({
      ...common(access, 'unchanged'),
      route: `GET ${variablePath(access.repository, name)}`,
      doing: `read the variable ${name} of ${owner}/${repo}`,
    })
    const value = isRecord(data) ? data['value'] : undefined
    return { name, value: typeof value === 'string' ? value : '' }
  } catch (error) {
    // The repository itself was found by then (its public key was read): 404 is the variable.
    if (error instanceof ActionError && error.code === 'GITHUB_NOT_FOUND') return undefined
    throw error
  }
}

/**
 * Sets a variable: updates it (PATCH, 204) or, when it does not exist, creates it (POST, 201).
 * Returns which it did. Written after the refresh token is stored, so a failure here leaves the
 * token safe ("stored").
 */
export async function writeVariable(
  access: VariableAccess,
  variable: Variable,
): Promise<'created' | 'updated'> {
  const { owner, repo } = access.repository
  const doing = `write the variable ${variable.name} of ${owner}/${repo}`
  try {
    await callGitHub({
      ...common(access, 'stored'),
      route: `PATCH ${variablePath(access.repository, variable.name)}`,
      params: { value: variable.value },
      doing,
    })
    return 'updated'
  } catch (error) {
    if (!(error instanceof ActionError) || error.code !== 'GITHUB_NOT_FOUND') throw error
  }
  await callGitHub({
    ...common(access, 'stored'),
    route: `POST ${restPath`/repos/${owner}/${repo}/actions/variables`}`,
    params: { name: variable.name, value: variable.value },
    doing,
  })
  return 'created'
}
