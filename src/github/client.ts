import { getOctokit } from '@actions/github'
import { Response, type RequestInit } from 'undici'
import { exchange } from '../common/http.js'
import type { Network } from '../common/network.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface GitHubClientOptions {
  token: string
  /** REST base URL: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  baseUrl: string
  network: Network
  /** Per-request limit, so a hung connection cannot hold a rotated token in memory indefinitely. */
  timeoutMs: number
}

/** GitHub's answers here are small JSON documents; a cap keeps a wrong URL from flooding memory. */
const MAX_GITHUB_ANSWER_BYTES = 4 * 1024 * 1024

/** Statuses whose answer has no body: a Response built with one throws. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

/**
 * The toolkit's Octokit, sending through the run's network (../common/http.ts), so that both
 * endpoints share one proxy and TLS behaviour. Only `octokit.request(route, …)` is used.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  return getOctokit(options.token, {
    baseUrl: options.baseUrl,
    userAgent: 'atlassian-token-rotation',
    request: { fetch: fetchThrough(options) },
    // Octokit's default logger writes deprecation notes to the console; the log is the user's.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  })
}

/**
 * fetch for Octokit: the answer is read here, up to the cap, and handed over as a Response built
 * from its bytes; redirects are answers (Octokit resolves every status under 400, and ./answer.ts
 * names a redirect for what it is). A failed request rejects as undici's fetch does, and Octokit
 * turns that into a RequestError with the cause attached, which ./errors.ts reads.
 */
function fetchThrough(options: GitHubClientOptions) {
  return async (input: string | URL, init?: RequestInit): Promise<Response> => {
    // Octokit passes the URL as a string and the headers as a plain object.
    const url = new URL(input)
    const answer = await exchange(
      url,
      {
        method: init?.method ?? 'GET',
        headers: (init?.headers ?? {}) as Record<string, string>,
        body: typeof init?.body === 'string' ? init.body : undefined,
      },
      {
        network: options.network,
        timeoutMs: options.timeoutMs,
        maxBodyBytes: MAX_GITHUB_ANSWER_BYTES,
        signal: init?.signal ?? undefined,
      },
    )
    const response = new Response(NULL_BODY_STATUSES.has(answer.status) ? null : answer.bytes, {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    })
    // A constructed Response has no URL; Octokit reports the one it came from (./answer.ts names
    // the host of an answer that is not GitHub's).
    Object.defineProperty(response, 'url', { value: url.href })
    return response
  }
}
