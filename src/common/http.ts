/**
 * The one HTTP client of the action, for the token endpoint and (under Octokit) for GitHub: Node's
 * own `http`/`https`, which are already in the runtime, instead of a client library that would be
 * parsed on every start (see the benchmark in the README).
 *
 * - TLS verification is Node's default and is never turned off; NODE_EXTRA_CA_CERTS is honoured.
 * - Proxies: HTTPS_PROXY / HTTP_PROXY / NO_PROXY, by the rules of the runner's own toolkit
 *   (@actions/http-client's `getProxyUrl`), as self-hosted runners behind proxies need. HTTPS goes
 *   through a CONNECT tunnel, with TLS end to end inside it.
 * - Redirects are never followed: a token endpoint that redirects would receive the client secret
 *   and the refresh token a second time, at another address.
 */
import { getProxyUrl } from '@actions/http-client/lib/proxy'
import http from 'node:http'
import https from 'node:https'
import type { Duplex } from 'node:stream'
import tls from 'node:tls'
import { decodeBody } from './body-text.js'

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

/** How requests to one endpoint connect: directly, or through a proxy. */
export type Dispatcher = http.Agent

export interface HttpOptions {
  dispatcher: Dispatcher
  /** Whole-request limit: connect, send, and read the full answer. */
  timeoutMs: number
  /** Answers larger than this are refused unread: no token answer is anywhere near it. */
  maxBodyBytes: number
  /** Aborts the request early (a caller's own limit). */
  signal?: AbortSignal
  /** Called once the request has been handed to the network in full. */
  onWritten?: () => void
}

/**
 * The connections for requests to `url`: through the proxy that HTTPS_PROXY names unless NO_PROXY
 * or a loopback host exempts it. Plain http is only ever used for loopback hosts (the inputs refuse
 * it elsewhere), which never go through a proxy.
 */
export function dispatcherFor(url: URL): Dispatcher {
  if (url.protocol === 'http:') return new http.Agent({ keepAlive: true })
  const proxy = proxyFor(url)
  return proxy ? new TunnelAgent(proxy) : new https.Agent({ keepAlive: true })
}

/** The proxy for `url`, or undefined for a direct connection. */
export function proxyFor(url: URL): URL | undefined {
  return getProxyUrl(url)
}

/** The proxy refused to open a tunnel (wrong credentials: 407; a blocked host: 403, 502…). */
export class ProxyRefusedError extends Error {
  override readonly name = 'ProxyRefusedError'
  readonly code = 'ERR_PROXY_REFUSED'
  constructor(readonly status: number) {
    super(`The proxy answered HTTP ${status} to CONNECT`)
  }
}

/** HTTPS through a proxy's CONNECT tunnel (RFC 9110 §9.3.6); TLS runs end to end inside it. */
class TunnelAgent extends https.Agent {
  constructor(private readonly proxy: URL) {
    super({ keepAlive: true })
  }

  override createConnection(
    options: tls.ConnectionOptions & { host?: string; port?: number; servername?: string },
    callback: (error: Error | null, socket?: Duplex) => void,
  ): Duplex | undefined {
    const target = `${options.host ?? ''}:${options.port ?? 443}`
    const { username, password } = this.proxy
    const headers: Record<string, string> = { host: target }
    // user:password as Basic credentials; a token alone (http://TOKEN@proxy) as "TOKEN:", as curl does.
    if (username !== '' || password !== '') {
      headers['proxy-authorization'] =
        `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
    }
    const connect = (this.proxy.protocol === 'https:' ? https : http).request({
      host: this.proxy.hostname,
      port: this.proxy.port || (this.proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: target,
      headers,
      agent: false,
    })
    connect.once('connect', (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy()
        callback(new ProxyRefusedError(response.statusCode ?? 0))
        return
      }
      callback(
        null,
        tls.connect({ ...options, socket, servername: options.servername ?? options.host ?? '' }),
      )
    })
    connect.once('error', (error) => {
      callback(error)
    })
    connect.end()
    return undefined
  }
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

/** Sends one request and reads the whole answer (up to `maxBodyBytes`). */
export function send(
  url: URL,
  init: { method: string; headers: Record<string, string>; body?: string | undefined },
  options: HttpOptions,
): Promise<HttpAnswer> {
  const timeout = AbortSignal.timeout(options.timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  const body = init.body
  return new Promise((resolve, reject) => {
    let settled = false
    // Errors pass through as they are: their codes (ECONNREFUSED, certificate codes, the timeout's
    // cause) are what ./network-failure.ts reads.
    const fail = (error: Error): void => {
      if (settled) return
      settled = true
      reject(error)
    }
    const request = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: init.method,
        headers: {
          ...init.headers,
          ...(body !== undefined && { 'content-length': String(Buffer.byteLength(body)) }),
        },
        agent: options.dispatcher,
        signal,
      },
      (response) => {
        const headers = flatten(response.headers)
        const contentType = headers['content-type'] ?? ''
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > options.maxBodyBytes) {
            response.destroy()
            fail(new BodyTooLargeError(response.statusCode ?? 0, contentType, options.maxBodyBytes))
            return
          }
          chunks.push(chunk)
        })
        response.on('error', fail)
        response.on('end', () => {
          if (settled) return
          settled = true
          const bytes = Buffer.concat(chunks)
          resolve({
            status: response.statusCode ?? 0,
            headers,
            contentType,
            location: headers['location'],
            retryAfter: headers['retry-after'],
            bytes,
            body: decodeBody(bytes, contentType),
          })
        })
      },
    )
    request.on('error', fail)
    if (options.onWritten) request.once('finish', options.onWritten)
    request.end(body)
  })
}

function flatten(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return flat
}

/** One connection pool per endpoint, kept alive across the run's requests and closed at its end. */
export class ConnectionPools {
  readonly #pools = new Map<string, Dispatcher>()

  constructor(private readonly make: (url: URL) => Dispatcher) {}

  for(url: URL): Dispatcher {
    let pool = this.#pools.get(url.origin)
    if (!pool) this.#pools.set(url.origin, (pool = this.make(url)))
    return pool
  }

  close(): void {
    for (const pool of this.#pools.values()) pool.destroy()
  }
}
