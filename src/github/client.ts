import { Octokit } from '@octokit/core'
import { send, type Dispatcher } from '../common/http.js'

export type GitHubClient = Octokit

export interface GitHubClientOptions {
  token: string
  /** REST base URL: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  baseUrl: string
  dispatcher: Dispatcher
  /** Per-request limit, so a hung connection cannot hold a rotated token in memory indefinitely. */
  timeoutMs: number
  /** Called each time a request has been handed to the network in full. */
  onWritten?: () => void
}

/** GitHub's answers here are small JSON documents; a cap keeps a wrong URL from flooding memory. */
const MAX_GITHUB_ANSWER_BYTES = 4 * 1024 * 1024

/**
 * Octokit's core, sending through the action's own HTTP client (./http.ts), so that both endpoints
 * share one proxy and TLS behaviour. Only `octokit.request(route, …)` is used: the generated REST
 * methods would add hundreds of kilobytes of routes for the few endpoints this action calls.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  return new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: 'atlassian-token-rotation',
    request: { fetch: fetchThrough(options) },
    // Octokit's default logger writes deprecation notes to the console; the log is the user's.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  })
}

/**
 * The part of `fetch` that Octokit uses (status, url, headers, text, arrayBuffer), answered by
 * `send`. Octokit turns a rejected fetch into a RequestError with the cause attached, which the
 * action's error handling reads.
 */
function fetchThrough(options: GitHubClientOptions): typeof fetch {
  // Octokit passes the URL as a string. (Touching the global Request or Response classes would load
  // Node's own fetch implementation: the very start-up cost this client avoids.)
  const fetchLike = async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input))
    const answer = await send(
      url,
      {
        method: init?.method ?? 'GET',
        headers: (init?.headers ?? {}) as Record<string, string>,
        body: typeof init?.body === 'string' ? init.body : undefined,
      },
      {
        dispatcher: options.dispatcher,
        timeoutMs: options.timeoutMs,
        maxBodyBytes: MAX_GITHUB_ANSWER_BYTES,
        ...(init?.signal && { signal: init.signal }),
        ...(options.onWritten && { onWritten: options.onWritten }),
      },
    )
    const headers = new Map(Object.entries(answer.headers))
    const response = {
      status: answer.status,
      url: url.href,
      headers,
      text: () => Promise.resolve(answer.body),
      arrayBuffer: () =>
        Promise.resolve(
          answer.bytes.buffer.slice(
            answer.bytes.byteOffset,
            answer.bytes.byteOffset + answer.bytes.byteLength,
          ),
        ),
    }
    return response as unknown as Response
  }
  return fetchLike as typeof fetch
}
