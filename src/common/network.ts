/**
 * What one run (or one command) reaches the world with: its dispatcher (./dispatcher.ts) and who
 * hears of each request once it is over.
 */
import type { Dispatcher } from 'undici'
import { runDispatcher, type Env } from './dispatcher.js'

/** One request, as a debug line may show it: never a body, a header or a query string. */
export interface Exchange {
  method: string
  /** The URL's path, without its query string. */
  path: string
  /** The answer's status, when one came (an answer too large still has one). */
  status: number | undefined
  /** What went wrong, when something did: a code (ECONNRESET, TIMEOUT, PROXY_407) or a cap. */
  failure: string | undefined
  /** From the request's start to the end of its answer, or to its failure. */
  ms: number
}

export interface Network {
  dispatcher: Dispatcher
  onExchange?: ((exchange: Exchange) => void) | undefined
}

export interface NetworkOptions {
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read from. */
  env: Env
  onExchange?: ((exchange: Exchange) => void) | undefined
  /**
   * Called each time a request has been handed to the network in full, with the number of requests
   * not written yet (./dispatcher.ts).
   */
  onRequestSent?: ((unsent: number) => void) | undefined
}

/** The run's network, to be closed at its end. */
export interface OpenNetwork extends Network {
  /** Ends every connection, and any request still in flight that nobody waits for. */
  close(): Promise<void>
}

export function openNetwork(options: NetworkOptions): OpenNetwork {
  const dispatcher = runDispatcher(options.env, {
    ...(options.onRequestSent && { onRequestSent: options.onRequestSent }),
  })
  return {
    dispatcher,
    onExchange: options.onExchange,
    close: () => dispatcher.destroy(),
  }
}

/** "POST /oauth/token: HTTP 200 in 84 ms", "GET /repos/o/r/…: ECONNRESET after 12 ms". */
export function describeExchange(exchange: Exchange): string {
  const { method, path, status, failure, ms } = exchange
  if (failure === undefined) return `${method} ${path}: HTTP ${status ?? '?'} in ${ms} ms`
  const answered = status === undefined ? '' : `HTTP ${status}, `
  return `${method} ${path}: ${answered}${failure} after ${ms} ms`
}
