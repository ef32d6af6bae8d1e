/**
 * What every command gets: the terminal it speaks through and what it reaches the world with. The
 * network, clock and standard streams come in here, so tests can pass their own.
 */
import { createGitHubClient, type GitHubClient } from '../github/client.js'
import type { HttpOptions } from '../common/http.js'
import type { Network } from '../common/network.js'
import { DEFAULT_BACKOFF, systemClock, type Clock, type RetryOptions } from '../common/retry.js'
import type { ExitCode } from './exit-codes.js'
import type { GhAuthToken } from './github-token.js'
import type { CommandSpec, ParsedFlags } from './options.js'
import type { Streams, Terminal } from './terminal.js'

export interface CliDependencies {
  streams: Streams
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  /** Also where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read from. */
  env: Record<string, string | undefined>
  clock: Clock
  /** In [0, 1): jitter for retry backoff. */
  random: () => number
  requestTimeoutMs: number
  /** `gh auth token`; tests replace it. */
  ghAuthToken?: GhAuthToken
}

export function defaultCliDependencies(): CliDependencies {
  return {
    streams: process,
    stdin: process.stdin,
    env: process.env,
    clock: systemClock,
    random: Math.random,
    requestTimeoutMs: 30_000,
  }
}

export interface CommandContext {
  /** The command's name, for messages: "authorize". */
  command: string
  terminal: Terminal
  deps: CliDependencies
  /** The command's connections, kept alive for the whole command and closed when it ends. */
  network: Network
}

export interface Command {
  spec: CommandSpec
  run(flags: ParsedFlags, context: CommandContext): Promise<ExitCode>
}

/** Token answers and site lists are a few kilobytes; anything far larger is something else. */
const MAX_ANSWER_BYTES = 256 * 1024

export function httpOptions(context: CommandContext): HttpOptions {
  return {
    network: context.network,
    timeoutMs: context.deps.requestTimeoutMs,
    maxBodyBytes: MAX_ANSWER_BYTES,
  }
}

/** Retries inside `budgetMs`, saying on the terminal what is retried and when. */
export function retryOptions(
  context: CommandContext,
  what: string,
  budgetMs = 60_000,
): RetryOptions {
  const { clock, random } = context.deps
  return {
    clock,
    deadline: clock.now() + budgetMs,
    random,
    ...DEFAULT_BACKOFF,
    onRetry: ({ attempt, reason, delayMs, doing }) => {
      context.terminal.say(
        `${what}: attempt ${attempt}${doing ? ` to ${doing}` : ''} failed (${reason}); trying again in ${(delayMs / 1000).toFixed(1)} s.`,
      )
    },
  }
}

export function gitHubClient(context: CommandContext, token: string, apiUrl: string): GitHubClient {
  return createGitHubClient({
    token,
    baseUrl: apiUrl,
    network: context.network,
    timeoutMs: context.deps.requestTimeoutMs,
  })
}
