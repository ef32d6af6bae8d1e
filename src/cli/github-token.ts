/**
 * The GitHub token that writes the secret, found the way GitHub's own CLI users expect: GH_TOKEN,
 * else GITHUB_TOKEN, else the token `gh` is logged in with (`gh auth token`, read from its standard
 * output: never from or into a process argument).
 */
import { spawn } from 'node:child_process'
import { childEnvironment } from './child-env.js'
import { LIMITS, tooLong } from '../common/input-limits.js'
import { CliError, EXIT } from './exit-codes.js'

export interface GitHubToken {
  token: string
  /** For messages: "GH_TOKEN", "GITHUB_TOKEN" or "gh auth token". */
  source: string
}

/** Runs `gh auth token` for a host; rejects with a NodeJS error (ENOENT when gh is absent). */
export type GhAuthToken = (
  hostname: string,
  env: NodeJS.ProcessEnv,
) => Promise<{ exitCode: number | null; stdout: string; stderr: string }>

const WAYS = [
  '  - export GH_TOKEN=… (a fine-grained personal access token or a GitHub App token), or',
  '  - export GITHUB_TOKEN=…, or',
  '  - install GitHub CLI and run `gh auth login` once: the token of `gh auth token` is used.',
].join('\n')

export async function findGitHubToken(
  env: Record<string, string | undefined>,
  githubApiUrl: string,
  permission: string,
  ghAuthToken: GhAuthToken = runGhAuthToken,
): Promise<GitHubToken> {
  for (const name of ['GH_TOKEN', 'GITHUB_TOKEN']) {
    const value = env[name]?.trim()
    if (value) return { token: bounded(value, name), source: name }
  }
  const hostname = ghHostname(githubApiUrl)
  let answer
  try {
    answer = await ghAuthToken(hostname, childEnvironment(env))
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT'
    throw new CliError(
      EXIT.USAGE,
      `No GitHub token: GH_TOKEN and GITHUB_TOKEN are not set${missing ? ', and GitHub CLI (gh) is not installed' : `, and \`gh auth token\` could not run (${String(error)})`}. Nothing was sent.`,
      `Give a token with ${permission} one of these ways, then run the command again:\n${WAYS}`,
    )
  }
  const token = answer.stdout.trim()
  if (answer.exitCode !== 0 || token === '' || /\s/.test(token)) {
    const said = answer.stderr.trim().split('\n')[0]?.slice(0, 200) ?? ''
    throw new CliError(
      EXIT.USAGE,
      `No GitHub token: GH_TOKEN and GITHUB_TOKEN are not set, and \`gh auth token --hostname ${hostname}\` gave none${said ? ` ("${said}")` : ''}. Nothing was sent.`,
      `Give a token with ${permission} one of these ways, then run the command again:\n${WAYS}`,
    )
  }
  return {
    token: bounded(token, `The token of \`gh auth token --hostname ${hostname}\``),
    source: 'gh auth token',
  }
}

/** Refuses a "token" longer than any GitHub token, before it is sent anywhere. */
function bounded(token: string, source: string): string {
  const overlong = tooLong(source, token, LIMITS.githubToken, true)
  if (overlong !== undefined) {
    throw new CliError(EXIT.USAGE, overlong, 'Give it a GitHub token alone. Nothing was sent.')
  }
  return token
}

/**
 * The host `gh` knows the API by: github.com for api.github.com, TENANT.ghe.com for
 * api.TENANT.ghe.com (GitHub Enterprise Cloud with data residency), HOST for https://HOST/api/v3.
 */
export function ghHostname(githubApiUrl: string): string {
  const host = new URL(githubApiUrl).host
  if (host === 'api.github.com') return 'github.com'
  return /^api\.([a-z0-9-]+\.ghe\.com)$/.exec(host)?.[1] ?? host
}

const runGhAuthToken: GhAuthToken = (hostname, env) =>
  new Promise((resolve, reject) => {
    const child = spawn('gh', ['auth', 'token', '--hostname', hostname], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    // spawn's own `timeout` outlives a failed start (no gh) and holds the process for its length.
    const timer = setTimeout(() => child.kill(), 15_000)
    timer.unref()
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      resolve({ exitCode, stdout, stderr })
    })
  })
