/**
 * The environment of a process this tool starts (the browser, `gh`): its own, minus the secrets
 * this tool reads from it, which no other program needs to see.
 */
export const SECRET_VARIABLES = [
  'ATLASSIAN_CLIENT_SECRET',
  'ATLASSIAN_REFRESH_TOKEN',
  'ATLASSIAN_ACCESS_TOKEN',
  'GH_TOKEN',
  'GITHUB_TOKEN',
] as const

export function childEnvironment(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const copy: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !(SECRET_VARIABLES as readonly string[]).includes(name)) {
      copy[name] = value
    }
  }
  return copy
}
