import { Octokit } from '@octokit/core'
import { fetch as undiciFetch, type Dispatcher } from 'undici'

export type GitHubClient = Octokit

export interface GitHubClientOptions {
  token: string
  /** REST base URL: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  baseUrl: string
  dispatcher: Dispatcher
  /** Per-request limit, so a hung connection cannot hold a rotated token in memory indefinitely. */
  timeoutMs: number
}

/**
 * Octokit's core with undici's fetch on the shared dispatcher, so both HTTP clients honour the same
 * proxy settings. Only `octokit.request(route, …)` is used: the generated REST methods would add
 * hundreds of kilobytes of routes to the bundle for the four endpoints this action calls.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const fetchThroughDispatcher: typeof undiciFetch = (input, init) =>
    undiciFetch(input, {
      ...init,
      dispatcher: options.dispatcher,
      signal: init?.signal
        ? AbortSignal.any([init.signal, AbortSignal.timeout(options.timeoutMs)])
        : AbortSignal.timeout(options.timeoutMs),
    })
  return new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'atlassian-token-rotation',
    request: { fetch: fetchThroughDispatcher },
    // Octokit's default logger writes deprecation notes to the console; the log is the user's.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  })
}
