import { getProxyUrl } from '@actions/http-client/lib/proxy'
import { Agent, ProxyAgent, request, type Dispatcher } from 'undici'

/** What came back from a server, read in full (up to a cap) and decoded as UTF-8. */
export interface HttpAnswer {
  status: number
  contentType: string
  /** `Location` of a redirect, which is reported and never followed. */
  location: string | undefined
  retryAfter: string | undefined
  body: string
}

export interface HttpOptions {
  dispatcher: Dispatcher
  /** Whole-request limit: connect, send, and read the full answer. */
  timeoutMs: number
  /** Answers larger than this are refused unread: no token answer is anywhere near it. */
  maxBodyBytes: number
}

/**
 * The dispatcher for requests to `url`: through the proxy that HTTPS_PROXY / HTTP_PROXY name unless
 * NO_PROXY or a loopback host exempts it (self-hosted runners behind proxies set these), by the same
 * rules as the runner's own toolkit. TLS verification stays on either way.
 */
export function dispatcherFor(url: URL): Dispatcher {
  const proxy = getProxyUrl(url)
  if (!proxy) return new Agent()
  // undici sends credentials only for user:password; a proxy token alone (http://TOKEN@host) is
  // sent as Basic TOKEN: as curl does.
  const tokenOnly = proxy.username !== '' && proxy.password === ''
  return new ProxyAgent({
    uri: proxy.href,
    ...(tokenOnly && { token: `Basic ${Buffer.from(`${proxy.username}:`).toString('base64')}` }),
  })
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
 * Sends one request and reads the answer. Redirects are not followed: a token endpoint that
 * redirects would receive the client secret and refresh token a second time, at another address.
 */
export async function send(
  url: URL,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
  options: HttpOptions,
): Promise<HttpAnswer> {
  const signal = AbortSignal.timeout(options.timeoutMs)
  const response = await request(url, {
    method: init.method,
    headers: init.headers,
    body: init.body ?? null,
    dispatcher: options.dispatcher,
    signal,
    maxRedirections: 0,
  })
  const contentType = header(response.headers['content-type'])
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > options.maxBodyBytes) {
      response.body.destroy()
      throw new BodyTooLargeError(response.statusCode, contentType, options.maxBodyBytes)
    }
    chunks.push(chunk)
  }
  return {
    status: response.statusCode,
    contentType,
    location: optionalHeader(response.headers['location']),
    retryAfter: optionalHeader(response.headers['retry-after']),
    body: Buffer.concat(chunks).toString('utf8'),
  }
}

function header(value: string | string[] | undefined): string {
  return optionalHeader(value) ?? ''
}

function optionalHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
