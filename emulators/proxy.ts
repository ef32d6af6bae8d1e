/**
 * A loopback forward proxy, as on a self-hosted runner behind a corporate proxy, for HTTPS targets:
 * a client asks it to `CONNECT host:port` (what undici's ProxyAgent does for https URLs) and then
 * speaks TLS with the target through the tunnel, so the proxy never sees the traffic and the
 * client still verifies the target's certificate for `host`.
 *
 * Targets are looked up in a fixed table, never in DNS: a test names endpoints with hostnames that
 * do not resolve, so a client that bypasses the proxy cannot reach them at all.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'

export interface ProxyTarget {
  host: string
  port: number
}

/** One CONNECT request and how the proxy answered it. */
export interface ProxyConnect {
  /** `host:port` as the client named it. */
  target: string
  /** The decoded `user:password` of a `Proxy-Authorization: Basic` header, if one was sent. */
  credentials: string | undefined
  status: 200 | 407 | 502
}

export interface ProxyOptions {
  /** When set, a CONNECT without exactly these credentials gets 407. */
  credentials?: { username: string; password: string }
}

export class ConnectProxy {
  /** Every CONNECT, in the order they arrived. */
  readonly log: ProxyConnect[] = []
  readonly #routes: Map<string, ProxyTarget>
  readonly #credentials: string | undefined
  readonly #server: Server
  readonly #sockets = new Set<Duplex>()
  #url = ''

  /** `routes` maps `host:port`, as the client names it, to the loopback server to tunnel to. */
  constructor(routes: Record<string, ProxyTarget>, options: ProxyOptions = {}) {
    this.#routes = new Map(Object.entries(routes).map(([name, to]) => [name.toLowerCase(), to]))
    this.#credentials = options.credentials
      ? `${options.credentials.username}:${options.credentials.password}`
      : undefined
    // Plain-http forwarding is not emulated: every endpoint the action calls is https.
    this.#server = createServer((_request, response) => {
      response.writeHead(501).end()
    })
    this.#server.on('connection', (socket: Socket) => this.#track(socket))
    this.#server.on('connect', (request: IncomingMessage, client: Duplex, head: Buffer) => {
      this.#tunnel(request, client, head)
    })
  }

  /** Every CONNECT target (`host:port`), in order, whatever the answer. */
  get connects(): string[] {
    return this.log.map((entry) => entry.target)
  }

  /** `http://127.0.0.1:PORT`, without credentials. */
  get url(): string {
    return this.#url
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve))
    const { port } = this.#server.address() as AddressInfo
    this.#url = `http://127.0.0.1:${port}`
    return this
  }

  /** Destroys open tunnels too: a client's keep-alive connection must not hold the server open. */
  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  #track(socket: Duplex): void {
    this.#sockets.add(socket)
    socket.on('close', () => this.#sockets.delete(socket))
  }

  #tunnel(request: IncomingMessage, client: Duplex, head: Buffer): void {
    const entry: ProxyConnect = {
      target: (request.url ?? '').toLowerCase(),
      credentials: basicCredentials(request.headers['proxy-authorization']),
      status: 200,
    }
    this.log.push(entry)
    const refuse = (status: 407 | 502, reason: string, extra = ''): void => {
      entry.status = status
      client.end(`HTTP/1.1 ${status} ${reason}\r\n${extra}Content-Length: 0\r\n\r\n`)
    }
    if (this.#credentials !== undefined && entry.credentials !== this.#credentials) {
      refuse(407, 'Proxy Authentication Required', 'Proxy-Authenticate: Basic realm="emulator"\r\n')
      return
    }
    const to = this.#routes.get(entry.target)
    if (!to) {
      refuse(502, 'Bad Gateway')
      return
    }
    let established = false
    const upstream = connect(to.port, to.host, () => {
      established = true
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    this.#track(upstream)
    upstream.on('error', () => {
      if (established) client.destroy()
      else refuse(502, 'Bad Gateway')
    })
    upstream.on('close', () => {
      if (established) client.destroy()
    })
    client.on('error', () => upstream.destroy())
    client.on('close', () => upstream.destroy())
  }
}

function basicCredentials(header: string | undefined): string | undefined {
  const encoded = /^Basic\s+(\S+)$/i.exec(header ?? '')?.[1]
  return encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf8')
}
