/**
 * What a target needs settled before the refresh token is spent: that an environment exists, and
 * who may use an organization secret. A mistake here must stop the run while the token is unspent.
 */
import { input, named, text, tokenIn } from '../common/settings.js'
import { ActionError } from '../common/errors.js'
import type { TargetInput } from './targets.js'
import { callGitHub, isRecord, quote } from './errors.js'
import type { OrganizationAccess, SecretMetadata, StoreAccess } from './secret-store.js'
import { restPath } from './rest-path.js'
import { environmentPath, secretPath } from './targets.js'

/** Stops with a clear message when the environment does not exist (the API would say only 404). */
export async function checkEnvironmentExists(
  access: StoreAccess,
  target: Extract<TargetInput, { kind: 'environment' }>,
): Promise<void> {
  const { owner, repo } = target.repository
  try {
    await callGitHub({
      ...common(access),
      route: `GET ${environmentPath(target.repository, target.environment)}`,
      doing: `read the environment "${target.environment}" of ${owner}/${repo}`,
      subject: `the environment "${target.environment}" of ${owner}/${repo}`,
      subjectSetting: 'environment',
    })
  } catch (error) {
    if (error instanceof ActionError && error.code === 'GITHUB_NOT_FOUND') {
      throw new ActionError(
        'GITHUB_NOT_FOUND',
        text`${owner}/${repo} has no environment named "${target.environment}" that ${tokenIn('github-token')} can see. Nothing was sent to Atlassian.`,
        'unchanged',
        text`Check ${input('environment')} against the repository's Settings → Environments, or create the environment there. The token needs ${access.target.permission}.`,
      )
    }
    throw error
  }
}

/**
 * Who may use the organization secret after the write. GitHub requires `visibility` on every write,
 * so when the input leaves it open, the secret keeps what it has (a rotation must not change who
 * can read the token), and a new secret is `private`.
 */
export async function organizationAccess(
  access: StoreAccess,
  target: Extract<TargetInput, { kind: 'organization' }>,
  secretName: string,
  existing: SecretMetadata,
): Promise<OrganizationAccess> {
  if (target.visibility === 'selected') {
    return {
      visibility: 'selected',
      selectedRepositoryIds: await Promise.all(
        target.selectedRepositories.map((name) => repositoryId(access, target.organization, name)),
      ),
    }
  }
  if (target.visibility !== undefined) {
    return { visibility: target.visibility, selectedRepositoryIds: undefined }
  }
  if (existing.visibility === 'selected') {
    return {
      visibility: 'selected',
      selectedRepositoryIds: await currentSelection(access, secretName),
    }
  }
  return { visibility: existing.visibility ?? 'private', selectedRepositoryIds: undefined }
}

async function repositoryId(
  access: StoreAccess,
  organization: string,
  name: string,
): Promise<number> {
  const { data } = await callGitHub({
    ...common(access),
    route: `GET ${restPath`/repos/${organization}/${name}`}`,
    doing: `look up the selected repository ${organization}/${name}`,
    subject: `repository ${organization}/${name}`,
    subjectSetting: 'selected-repositories',
  })
  const id = isRecord(data) ? data['id'] : undefined
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
    throw new ActionError(
      'GITHUB_UNEXPECTED',
      `GitHub's answer for the repository ${organization}/${name} has no numeric "id": ${quote(data, access.secrets)}.`,
      'unchanged',
      text`Check ${named('github-api-url')}.`,
    )
  }
  return id
}

/** The repositories that may use the secret now, page by page (at most 100 per page). */
async function currentSelection(access: StoreAccess, secretName: string): Promise<number[]> {
  const ids: number[] = []
  for (let page = 1; ; page++) {
    const { data } = await callGitHub({
      ...common(access),
      route: `GET ${secretPath(access.target, secretName)}/repositories`,
      params: { per_page: 100, page },
      doing: `read which repositories may use the secret ${secretName} of ${access.target.description}`,
      subject: `the secret ${secretName} of ${access.target.description}`,
      subjectSetting: 'secret-name',
    })
    const repositories = isRecord(data) ? data['repositories'] : undefined
    const total = isRecord(data) ? data['total_count'] : undefined
    if (!Array.isArray(repositories) || typeof total !== 'number') {
      throw new ActionError(
        'GITHUB_UNEXPECTED',
        `GitHub's answer for the repositories of the secret ${secretName} is not {total_count, repositories}: ${quote(data, access.secrets)}.`,
        'unchanged',
        text`Check ${named('github-api-url')}.`,
      )
    }
    for (const repository of repositories as unknown[]) {
      const id = isRecord(repository) ? repository['id'] : undefined
      if (typeof id === 'number') ids.push(id)
    }
    if (repositories.length === 0 || ids.length >= total) return ids
  }
}

function common(
  access: StoreAccess,
): Omit<Parameters<typeof callGitHub>[0], 'route' | 'doing' | 'subject' | 'subjectSetting'> {
  return {
    github: access.github,
    params: {},
    tokenInput: 'github-token',
    permission: access.target.permission,
    tokenState: 'unchanged',
    secrets: access.secrets,
    retry: access.retry,
  }
}
