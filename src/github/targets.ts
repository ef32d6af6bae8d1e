/**
 * The three places an Actions secret can live, and what each needs: its REST paths, the
 * permission a token must have, and (organizations) who may use the secret.
 * (docs.github.com/rest/actions/secrets; ../shared/FACTS.md, "GitHub secrets REST API")
 */
import { pathSegment, restPath } from './rest-path.js'

/** A repository, as `owner/name`. */
export interface RepositoryRef {
  owner: string
  repo: string
}

export type Visibility = 'all' | 'private' | 'selected'

/** Where the rotated refresh token is written: exactly one kind per step. */
export type TargetInput =
  | { kind: 'repository'; repository: RepositoryRef }
  | { kind: 'environment'; repository: RepositoryRef; environment: string }
  | {
      kind: 'organization'
      organization: string
      /** Undefined: keep the existing secret's visibility, or `private` for a new one. */
      visibility: Visibility | undefined
      /** Repository names (with `selected`). */
      selectedRepositories: string[]
    }

export interface SecretTarget {
  kind: TargetInput['kind']
  /** For people: "repository o/r", "environment production of o/r", "organization o". */
  description: string
  /** `…/secrets`: the public key and the secrets live under it. Every name in it is encoded. */
  basePath: string
  /** The permission a token needs to read the key and write secrets here, in words. */
  permission: string
  /** The repository that must exist first (environment targets), if any. */
  repository: RepositoryRef | undefined
}

export function secretTarget(input: TargetInput): SecretTarget {
  switch (input.kind) {
    case 'repository': {
      const { owner, repo } = input.repository
      return {
        kind: 'repository',
        description: `repository ${owner}/${repo}`,
        basePath: restPath`/repos/${owner}/${repo}/actions/secrets`,
        permission: `the repository permission "Secrets: Read and write" on ${owner}/${repo} (fine-grained personal access token or GitHub App); a classic personal access token needs the "repo" scope`,
        repository: input.repository,
      }
    }
    case 'environment': {
      const { owner, repo } = input.repository
      return {
        kind: 'environment',
        description: `environment "${input.environment}" of ${owner}/${repo}`,
        basePath: `${environmentPath(input.repository, input.environment)}/secrets`,
        permission: `the repository permission "Environments: Read and write" on ${owner}/${repo} (fine-grained personal access token or GitHub App); a classic personal access token needs the "repo" scope`,
        repository: input.repository,
      }
    }
    case 'organization':
      return {
        kind: 'organization',
        description: `organization ${input.organization}`,
        basePath: restPath`/orgs/${input.organization}/actions/secrets`,
        permission: `the organization permission "Secrets: Read and write" on ${input.organization} (fine-grained personal access token or GitHub App); a classic personal access token needs the "admin:org" scope`,
        repository: undefined,
      }
  }
}

/** Environment names may hold spaces, quotes, slashes and any other character: all encoded. */
export function environmentPath(repository: RepositoryRef, environment: string): string {
  return restPath`/repos/${repository.owner}/${repository.repo}/environments/${environment}`
}

/** The path of one secret: the one the action writes, and the recovery command too. */
export function secretPath(target: SecretTarget, secretName: string): string {
  return `${target.basePath}/${pathSegment(secretName)}`
}
