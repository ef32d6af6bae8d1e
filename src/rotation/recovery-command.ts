/**
 * The `gh api` command that stores a sealed recovery value by hand: when the write of a rotated
 * refresh token fails for good, it is the way back, so it must work exactly as pasted into bash or
 * zsh, and reach exactly the URL the action wrote to.
 *
 * What GitHub CLI does with it (checked against gh 2.23 and gh's current source):
 *   - `--hostname` refuses a host with a port ("invalid hostname": gh's HostnameValidator rejects
 *     any ":" or "/"), and for any host but github.com it means `https://HOST/api/v3/`. So the
 *     flag serves only GitHub Enterprise Server at its standard address; every other API base
 *     (a port, another path, plain http to a loopback test server) is given as the full URL, which
 *     `gh api` accepts in place of a path and sends unchanged.
 *   - Without `--hostname` a path goes to GH_HOST when that is set, or to the one host gh is logged
 *     in to: so github.com is named too.
 *   - The token: GH_TOKEN (or GITHUB_TOKEN) serves github.com and *.ghe.com only; any other host
 *     reads GH_ENTERPRISE_TOKEN (or GITHUB_ENTERPRISE_TOKEN), else its `gh auth login` entry.
 *   - `-f key=value` sends a string; `-F 'key[]=value'` appends to an array, typed (the repository
 *     ids are integers).
 *   - A path without a leading slash: Git Bash on Windows rewrites arguments that begin with "/" to
 *     Windows paths, which gh itself warns about; gh joins a path either way.
 */
import type { OrganizationAccess, SealedSecret } from '../github/secret-store.js'
import { secretPath, type SecretTarget } from '../github/targets.js'
import { commandLine, shellQuote } from '../common/shell-quote.js'

export interface RecoveryWrite {
  /** The REST API base the action used: `github-api-url` without its trailing slash. */
  githubApiUrl: string
  target: SecretTarget
  secretName: string
  sealed: SealedSecret
  /** For an organization secret: who may use it, which every write must say again. */
  organization: OrganizationAccess | undefined
  /**
   * The secret as this run last saw it: its `updated_at` exactly as GitHub wrote it, or `absent`.
   * The command then stores the value only if the secret is still so: a secret written since
   * holds a newer token (a re-run's), and storing this one over it would supersede it.
   */
  secretAsSeen?: { updatedAt: string } | 'absent' | undefined
}

/**
 * The command, every argument quoted for POSIX shells. With `secretAsSeen`, an `if … then … else
 * … fi` that first reads the secret's metadata (bash and zsh both take it as pasted).
 */
export function recoveryCommand(write: RecoveryWrite): string {
  const put = putCommand(write)
  const seen = write.secretAsSeen
  if (seen === undefined) return put
  const read = ghApi(write.githubApiUrl, secretPath(write.target, write.secretName))
  const refusal = (why: string): string =>
    commandLine([
      { literal: 'echo' },
      `Not stored: ${why}. Store nothing: the secret holds a newer token than this value.`,
    ])
  if (seen === 'absent') {
    return `if ${commandLine([...read, { literal: '--silent 2>/dev/null' }])}; then ${refusal('the secret exists now, and did not when this run checked it')}; else ${put}; fi`
  }
  return `if [ "$(${commandLine([...read, { literal: '--jq' }, '.updated_at'])})" = ${shellQuote(seen.updatedAt)} ]; then ${put}; else ${refusal(`the secret was written after ${seen.updatedAt}, when this run saw it (or reading it failed: see above)`)}; fi`
}

/** The write itself: `gh api --method PUT …` with the sealed value. */
function putCommand(write: RecoveryWrite): string {
  const { sealed, organization } = write
  return commandLine([
    ...ghApi(write.githubApiUrl, secretPath(write.target, write.secretName), 'PUT'),
    { literal: '-f' },
    `encrypted_value=${sealed.encryptedValue}`,
    { literal: '-f' },
    `key_id=${sealed.keyId}`,
    ...(organization
      ? [
          { literal: '-f' },
          `visibility=${organization.visibility}`,
          ...(organization.selectedRepositoryIds ?? []).flatMap((id) => [
            { literal: '-F' },
            `selected_repository_ids[]=${id}`,
          ]),
        ]
      : []),
  ])
}

type Word = string | { literal: string }

/** `gh api` pointed at `path` under `githubApiUrl`, with `method` when it is not GET: its words. */
function ghApi(githubApiUrl: string, path: string, method?: 'PUT' | 'DELETE'): Word[] {
  const { hostname, endpoint } = ghEndpoint(githubApiUrl, path)
  return [
    { literal: 'gh api' },
    ...(hostname === undefined ? [] : [{ literal: '--hostname' }, hostname]),
    ...(method === undefined ? [] : [{ literal: `--method ${method}` }]),
    endpoint,
  ]
}

/** The `gh api` command that reads a secret's metadata (404 once it is gone), or deletes it. */
export function secretCommand(
  githubApiUrl: string,
  target: SecretTarget,
  secretName: string,
  method?: 'DELETE',
): string {
  return commandLine(ghApi(githubApiUrl, secretPath(target, secretName), method))
}

/** Where `gh api` must be pointed to reach `path` under `githubApiUrl`, exactly. */
export function ghEndpoint(
  githubApiUrl: string,
  path: string,
): { hostname: string | undefined; endpoint: string } {
  const url = new URL(githubApiUrl)
  const base = url.pathname.replace(/\/+$/, '')
  const standard = url.protocol === 'https:' && url.port === '' && url.search === ''
  // Named even for github.com: without --hostname, gh goes to GH_HOST, or to the only host it is
  // logged in to, which may be an Enterprise Server.
  if (standard && url.hostname === 'api.github.com' && base === '') {
    return { hostname: 'github.com', endpoint: path.replace(/^\//, '') }
  }
  // gh refuses ":" in --hostname, so an IPv6 literal (its brackets hold colons) takes the full URL.
  if (standard && base === '/api/v3' && !url.hostname.includes(':')) {
    return { hostname: url.hostname, endpoint: path.replace(/^\//, '') }
  }
  return { hostname: undefined, endpoint: `${url.origin}${base}${path}` }
}

/** How to give `gh` a token for this API, as a clause: "put the token in GH_TOKEN (…), or …". */
export function ghTokenAdvice(githubApiUrl: string): string {
  const { hostname } = new URL(githubApiUrl)
  const tenant = /^api\.([a-z0-9-]+\.ghe\.com)$/.exec(hostname)?.[1]
  if (hostname === 'api.github.com' || tenant !== undefined) {
    return `put the token in GH_TOKEN (\`read -rs GH_TOKEN && export GH_TOKEN\` keeps it out of the shell history), or run \`gh auth login${tenant ? ` --hostname ${shellQuote(tenant)}` : ''}\` first`
  }
  const variable =
    'put the token in GH_ENTERPRISE_TOKEN (`read -rs GH_ENTERPRISE_TOKEN && export GH_ENTERPRISE_TOKEN`; gh reads GH_TOKEN only for github.com)'
  const { hostname: loginHost } = ghEndpoint(githubApiUrl, '/')
  // gh cannot log in to a host with a port (its --hostname refuses one): then only the variable.
  return loginHost === undefined
    ? variable
    : `${variable}, or run \`gh auth login --hostname ${shellQuote(loginHost)}\` first`
}
