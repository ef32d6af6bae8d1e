/**
 * Flags several commands share, named like the action's inputs: where the secret lives, and the
 * endpoints (which only tests and GitHub Enterprise Server users change).
 */
import type { FlagSpec, ParsedFlags } from './options.js'

/** The same targets as the action: a repository secret, an environment's, or an organization's. */
export const TARGET_FLAGS: FlagSpec[] = [
  {
    name: 'repository',
    kind: 'string',
    value: 'OWNER/REPO',
    description:
      'The repository holding the secret (default: GITHUB_REPOSITORY, when set). With --environment, the repository of the environment.',
  },
  {
    name: 'environment',
    kind: 'string',
    value: 'NAME',
    description: 'Write an environment secret of --repository in this environment instead.',
  },
  {
    name: 'organization',
    kind: 'string',
    value: 'ORG',
    description: 'Write an organization secret instead of a repository secret.',
  },
  {
    name: 'visibility',
    kind: 'string',
    value: 'all|private|selected',
    description:
      'With --organization: which repositories may use the secret. Default: keep an existing secret\'s, "private" for a new one.',
  },
  {
    name: 'selected-repositories',
    kind: 'string',
    value: 'NAMES',
    description:
      'With --visibility selected: repository names of the organization, separated by commas.',
  },
]

/** The lock next to the secret that keeps rotations (and `authorize`) from overlapping. */
export const LOCK_FLAGS: FlagSpec[] = [
  {
    name: 'no-lock',
    kind: 'boolean',
    description:
      'Do not take the lock next to the secret (the action\'s "lock: false"). Without it, nothing keeps a workflow from rotating the same token at the same time.',
  },
  {
    name: 'lock-secret-name',
    kind: 'string',
    value: 'NAME',
    description:
      'The secret that is the lock, next to --secret-name. Default: that name with _LOCK.',
  },
  {
    name: 'lock-wait-seconds',
    kind: 'string',
    value: 'SECONDS',
    description:
      'How long to wait for a rotation that holds the lock (0–3600). Default: 390, which outlasts any rotation and reaches the age (6 minutes) at which an abandoned lock is broken.',
  },
]

export const ENDPOINT_FLAGS: FlagSpec[] = [
  {
    name: 'token-url',
    kind: 'string',
    value: 'URL',
    description: "Atlassian's token endpoint. Default: https://auth.atlassian.com/oauth/token.",
  },
  {
    name: 'atlassian-api-url',
    kind: 'string',
    value: 'URL',
    env: 'ATLASSIAN_API_URL',
    description:
      "Atlassian's API gateway, which lists the sites. Default: https://api.atlassian.com.",
  },
  {
    name: 'github-api-url',
    kind: 'string',
    value: 'URL',
    description:
      "GitHub's REST API (https://HOST/api/v3 on GitHub Enterprise Server). Default: GITHUB_API_URL, else https://api.github.com.",
  },
]

/** --github-api-url, else ATLASSIAN_GITHUB_API_URL, else the runner's GITHUB_API_URL, else github.com's. */
export function gitHubApiUrl(flags: ParsedFlags, env: Record<string, string | undefined>): string {
  return flags.string('github-api-url') ?? (env['GITHUB_API_URL'] || 'https://api.github.com')
}
