/** The plumbing the emulators share: a loopback HTTP server that records every request. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  headers: Record<string, string | string[] | undefined>
  /** Parsed JSON body, or the raw text when it is not JSON. */
  body: unknown
  rawBody: string
  /** performance.now() when the request arrived (its headers read), and when its answer was sent
   * in full (the benchmark counts sequential rounds and times the gaps between them from these). */
  receivedAt: number
  answeredAt: number | undefined
  /** performance.now() when the request's body had arrived in full. */
  bodyReceivedAt: number
  /** Which of this server's connections carried the request (see {@link LoopbackServer.connections}). */
  connection: number
}

/** One connection to a server, in the time base of the records: when it opened, when it closed. */
export interface RecordedConnection {
  id: number
  openedAt: number
  closedAt: number | undefined
}

/** A certificate and key (PEM) to serve HTTPS instead of plain HTTP. */
export interface TlsIdentity {
  cert: string
  key: string
}

export type Handler = (
  request: RecordedRequest,
  response: ServerResponse,
  socket: Socket,
) => Promise<void> | void

export interface LoopbackServerOptions {
  /** Delay before each answer, to stand in for network latency (the benchmark uses it). */
  delayMs?: number
  /** Shared with other servers, to see the order of requests across them: "METHOD path". */
  timeline?: string[]
  /** Serve HTTPS with this certificate instead of plain HTTP. */
  tls?: TlsIdentity
  /** The emulated clock: every answer's Date header tells it, as real servers tell theirs. */
  now?: () => number
}

export class LoopbackServer {
  readonly requests: RecordedRequest[] = []
  /** Every connection accepted (for HTTPS: once its handshake is done), in order. */
  readonly connections: RecordedConnection[] = []
  delayMs: number
  readonly #server: Server
  readonly #sockets = new Set<Socket>()
  readonly #connectionOf = new WeakMap<Socket, RecordedConnection>()
  readonly #timeline: string[] | undefined
  readonly #tls: TlsIdentity | undefined
  readonly #now: (() => number) | undefined
  #url = ''

  constructor(
    private readonly handler: Handler,
    options: LoopbackServerOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 0
    this.#timeline = options.timeline
    this.#tls = options.tls
    this.#now = options.now
    const tls = options.tls
    const listener = (req: IncomingMessage, res: ServerResponse): void => {
      void this.#handle(req, res)
    }
    this.#server = tls
      ? createTlsServer({ cert: tls.cert, key: tls.key }, listener)
      : createServer(listener)
    this.#server.on(tls ? 'secureConnection' : 'connection', (socket: Socket) => {
      this.#sockets.add(socket)
      const connection: RecordedConnection = {
        id: this.connections.length + 1,
        openedAt: performance.now(),
        closedAt: undefined,
      }
      this.connections.push(connection)
      this.#connectionOf.set(socket, connection)
      socket.on('close', () => {
        connection.closedAt = performance.now()
        this.#sockets.delete(socket)
      })
    })
  }

  get url(): string {
    return this.#url
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve))
    const { port } = this.#server.address() as AddressInfo
    this.#url = `${this.#tls ? 'https' : 'http'}://127.0.0.1:${port}`
    return this
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy()
    await new Promise<void>((resolve) => this.#server.close(() => resolve()))
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now()
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const bodyReceivedAt = performance.now()
    const rawBody = Buffer.concat(chunks).toString('utf8')
    let body: unknown = rawBody
    try {
      body = rawBody === '' ? undefined : (JSON.parse(rawBody) as unknown)
    } catch {
      // Keep the raw text: the test decides whether that is acceptable.
    }
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body,
      rawBody,
      receivedAt,
      answeredAt: undefined,
      bodyReceivedAt,
      connection: this.#connectionOf.get(req.socket)?.id ?? 0,
    }
    res.on('finish', () => {
      recorded.answeredAt = performance.now()
    })
    this.requests.push(recorded)
    this.#timeline?.push(`${recorded.method} ${recorded.path}`)
    if (this.#now) res.setHeader('date', new Date(this.#now()).toUTCString())
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs))
    try {
      await this.handler(recorded, res, req.socket)
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { message: `emulator error: ${String(error)}` })
    }
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(text)
}

/** A body as it is, with the content type given, or none at all (as some proxies' pages come). */
export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType: string | undefined,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...(contentType !== undefined && { 'content-type': contentType }),
    ...headers,
  })
  res.end(text)
}
