/**
 * How the command line tool names a setting in a message (../common/settings.ts): the flag of the
 * same name (`--repository`), or, for a secret, the environment variable it is read from.
 */
import type { Setting, Wording } from '../common/settings.js'

/** Values that are secret, and where they are read from instead of a flag. */
export const SECRET_SOURCES: Record<string, string> = {
  'client-secret': 'ATLASSIAN_CLIENT_SECRET',
  'refresh-token': 'ATLASSIAN_REFRESH_TOKEN',
  'access-token': 'ATLASSIAN_ACCESS_TOKEN',
  'github-token': 'GH_TOKEN or GITHUB_TOKEN (or `gh auth token`)',
}

/**
 * @param githubTokenSource where this command's GitHub token came from: "GH_TOKEN",
 *   "gh auth token"…; undefined before it is known.
 */
export function cliWording(githubTokenSource?: string): Wording {
  const githubToken = `the GitHub token${githubTokenSource ? ` (from ${githubTokenSource})` : ''}`
  const name = (setting: Setting): string =>
    setting === 'github-token'
      ? githubToken
      : // The lock is on unless --no-lock says otherwise.
        setting === 'lock'
        ? '--no-lock'
        : (SECRET_SOURCES[setting] ?? `--${setting}`)
  return (mention) => {
    if ('rerun' in mention) return 'run the command again'
    const { setting, role } = mention
    switch (role) {
      case 'subject':
      case 'input':
      case 'name':
        return name(setting)
      case 'token':
        return setting === 'github-token' ? githubToken : `the token in ${name(setting)}`
      case 'renew':
        if (setting !== 'github-token') return `give ${name(setting)} the new value`
        return githubTokenSource === 'gh auth token'
          ? 'log GitHub CLI in with it (`gh auth login`)'
          : `set ${githubTokenSource ?? 'GH_TOKEN'} to it`
    }
  }
}
