/**
 * One request and its whole answer, for the token endpoint and (under Octokit, ../github/client.ts)
 * for GitHub alike: undici's fetch on the run's dispatcher (./network.ts), so both endpoints share
 * one proxy and TLS behaviour.
 *
 * - TLS verification is Node's default and is never turned off; NODE_EXTRA_CA_CERTS is honoured.
 * - Redirects are never followed: a token endpoint that redirects would receive the client secret
 *   and the refresh token a second time, at another address. The redirect itself is the answer.
 * - One limit covers the whole request (connect, send, read the full answer), and answers are read
 *   up to a cap, so that a hung or flooding server cannot hold a rotated token in memory for long.
 *
 * fetch comes from the undici package, never the global one: the bundle carries this copy anyway
 * (the toolkit needs it), and a second one would be loaded at start-up.
 */
import { fetch, type Headers } from 'undici'
import { decodeBody } from './body-text.js'
import { classifyNetworkFailure } from './network-failure.js'
import type { Network } from './network.js'

/** What came back from a server, read in full (up to a cap). */
export interface HttpAnswer {
  status: number
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>
  contentType: string
  /** `Location` of a redirect, which is reported and never followed. */
  location: string | undefined
  retryAfter: string | undefined
  /** The body exactly as received: what a reader with its own decoding rules starts from. */
  bytes: Buffer
  /** The body as text (./body-text.ts: BOM, else charset, else UTF-8). */
  body: string
}

export interface HttpOptions {
  network: Network
  /** Whole-request limit: connect, send, and read the full answer. */
  timeoutMs: number
  /** Answers larger than this are refused: no answer this action reads is anywhere near it. */
  maxBodyBytes: number
  /** Aborts the request early (a caller's own limit, a cancelled run). */
  signal?: AbortSignal | undefined
}

export interface HttpRequest {
  method: string
  headers?: Record<string, string> | undefined
  body?: string | undefined
}

/** An answer as it came: status, headers, and the body's bytes (at most the cap). */
export interface RawAnswer {
  status: number
  statusText: string
  headers: Headers
  bytes: Buffer
}

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError'
  constructor(
    readonly status: number,
    readonly contentType: string,
    readonly limit: number,
  ) {
    super(`The answer was larger than ${limit} bytes`)
  }
}

/**
 * Sends one request and reads the whole answer (up to `maxBodyBytes`), telling the network's
 * `onExchange` how it went. Errors pass through as undici raised them: their codes (ECONNREFUSED,
 * certificate codes, the timeout) are what ./network-failure.ts reads.
 */
export async function exchange(
  url: URL,
  request: HttpRequest,
  options: HttpOptions,
): Promise<RawAnswer> {
  const timeout = AbortSignal.timeout(options.timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  const started = performance.now()
  let status: number | undefined
  try {
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers ?? {},
      body: request.body ?? null,
      dispatcher: options.network.dispatcher,
      redirect: 'manual',
      signal,
    })
    status = response.status
    const bytes = await readCapped(response, options.maxBodyBytes)
    report(options.network, request, url, started, { status })
    return { status, statusText: response.statusText, headers: response.headers, bytes }
  } catch (error) {
    const failure =
      error instanceof BodyTooLargeError
        ? `more than ${error.limit} bytes`
        : classifyNetworkFailure(error).code
    report(options.network, request, url, started, { status, failure })
    throw error
  }
}

/** Sends one request and reads the whole answer (up to `maxBodyBytes`) as text. */
export async function send(
  url: URL,
  request: HttpRequest,
  options: HttpOptions,
): Promise<HttpAnswer> {
  const answer = await exchange(url, request, options)
  const headers: Record<string, string> = {}
  for (const [name, value] of answer.headers) {
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`
  }
  const contentType = headers['content-type'] ?? ''
  return {
    status: answer.status,
    headers,
    contentType,
    location: headers['location'],
    retryAfter: headers['retry-after'],
    bytes: answer.bytes,
    body: decodeBody(answer.bytes, contentType),
  }
}

/** The body, read chunk by chunk; past the cap, reading stops and the connection is dropped. */
async function readCapped(
  response: Awaited<ReturnType<typeof fetch>>,
  limit: number,
): Promise<Buffer> {
  if (response.body === null) return Buffer.alloc(0)
  const chunks: Uint8Array[] = []
  let size = 0
  // Leaving the loop early cancels the stream, which makes undici abort the request.
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength
    if (size > limit) {
      throw new BodyTooLargeError(
        response.status,
        response.headers.get('content-type') ?? '',
        limit,
      )
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

function report(
  network: Network,
  request: HttpRequest,
  url: URL,
  started: number,
  outcome: { status: number | undefined; failure?: string },
): void {
  // A listener that fails must not cost the answer: it may hold a token that is nowhere else yet.
  try {
    network.onExchange?.({
      method: request.method,
      // The path only: a query string may carry anything (a code, a state), and hosts are the
      // inputs' own.
      path: url.pathname,
      status: outcome.status,
      failure: outcome.failure,
      ms: Math.round(performance.now() - started),
    })
  } catch {
    // Nothing to do: the line was only for a debug log.
  }
}
