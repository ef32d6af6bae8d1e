/**
 * The local end of a `http://localhost:PORT/…` callback URL: after the consent, Atlassian sends the
 * browser there with `?code=…&state=…`, and this listener takes it (RFC 8252 §7.3, loopback
 * redirection).
 *
 * It listens on the loopback address only, so nothing off this machine can reach it; it takes
 * exactly one request on the callback path (anything else is turned away and it keeps waiting),
 * answers the browser with a short page, and then stops listening. Requests naming another host
 * (a page elsewhere trying its luck through DNS rebinding) are refused.
 */
import { isLoopbackHost } from '../common/endpoint-url.js'
import { escapeHtml } from '../rotation/explain.js'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { CliError, EXIT } from './exit-codes.js'

/**
 * True for a plain-http callback on a loopback host (the one rule, ../endpoint-url.ts): this tool
 * listens there itself. An https callback cannot be served without a certificate: paste mode.
 */
export function isLoopbackCallback(url: URL): boolean {
  return url.protocol === 'http:' && isLoopbackHost(url.hostname)
}

export interface CallbackVerdict {
  ok: boolean
  /** Shown on the page: what happened, never a secret. */
  message: string
}

export interface CallbackListener {
  /** The full address the browser was sent to (the callback URL and its query), once it came. */
  readonly received: Promise<string>
  close(): Promise<void>
}

/**
 * Starts listening at the callback URL's port. `judge` decides what the page tells the person
 * (accepted, or what went wrong); the caller decides what happens next.
 */
export async function listenForCallback(
  callback: URL,
  judge: (address: string) => CallbackVerdict,
): Promise<CallbackListener> {
  const port = Number(callback.port || 80)
  // "localhost" may resolve to either loopback address in the browser: listen on both.
  const hosts =
    callback.hostname === 'localhost'
      ? ['127.0.0.1', '::1']
      : [callback.hostname.replace(/^\[|\]$/g, '')]
  let answered = false
  let resolveReceived: (address: string) => void = () => {}
  const received = new Promise<string>((resolve) => {
    resolveReceived = resolve
  })

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if ((req.headers.host ?? '').toLowerCase() !== callback.host.toLowerCase()) {
      sendText(res, 421, 'This listener only answers its callback address.')
      return
    }
    const url = new URL(req.url ?? '/', callback.origin)
    if (url.pathname !== callback.pathname) {
      sendText(res, 404, 'Not found.')
      return
    }
    if (req.method !== 'GET') {
      sendText(res, 405, "Only the browser's redirect (GET) is expected here.")
      return
    }
    if (answered) {
      sendPage(
        res,
        410,
        'Already answered',
        'This authorization has already been answered. Return to the terminal.',
      )
      return
    }
    answered = true
    const verdict = judge(url.href)
    res.on('finish', () => {
      resolveReceived(url.href)
    })
    sendPage(
      res,
      verdict.ok ? 200 : 400,
      verdict.ok ? 'Authorization received' : 'Authorization failed',
      verdict.ok
        ? `${verdict.message} You can close this tab and return to the terminal.`
        : `${verdict.message} Return to the terminal for what to do next.`,
    )
  }

  const servers: Server[] = []
  const closeAll = async (): Promise<void> => {
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve())
            server.closeAllConnections()
          }),
      ),
    )
  }
  for (const host of hosts) {
    const server = createServer(handle)
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen({ host, port, exclusive: true }, () => {
          server.off('error', reject)
          resolve()
        })
      })
      servers.push(server)
    } catch (error) {
      const code = (error as { code?: unknown }).code
      // No IPv6 on this machine: the browser cannot use ::1 either.
      if (host === '::1' && (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')) continue
      await closeAll()
      throw new CliError(
        EXIT.AUTHORIZATION,
        code === 'EADDRINUSE'
          ? `Cannot listen at ${callback.origin}: port ${port} on ${host} is in use by another program.`
          : code === 'EACCES'
            ? `Cannot listen at ${callback.origin}: ports below 1024 need administrator rights.`
            : code === 'EADDRNOTAVAIL'
              ? `Cannot listen at ${callback.origin}: this machine has no address ${host} (Linux answers on all of 127.0.0.0/8; macOS, by default, only on 127.0.0.1).`
              : `Cannot listen at ${callback.origin} (${String(code ?? error)}).`,
        code === 'EADDRNOTAVAIL'
          ? 'Register http://localhost:PORT/… or http://127.0.0.1:PORT/… as the callback URL in the developer console (Authorization) and pass it to --callback. Or use --paste to copy the address by hand.'
          : 'Stop the program using the port, or register another callback port in the developer console (Authorization) and pass it to --callback. Or use --paste to copy the address by hand.',
      )
    }
  }
  return { received, close: closeAll }
}

const HEADERS = {
  'cache-control': 'no-store',
  // The address holds the code: the page must not pass it on to anything it could load or link.
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
  connection: 'close',
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' })
  res.end(`${text}\n`)
}

function sendPage(res: ServerResponse, status: number, title: string, text: string): void {
  res.writeHead(status, { ...HEADERS, 'content-type': 'text/html; charset=utf-8' })
  res.end(
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
      `<body style="font-family: sans-serif; margin: 3em"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>\n`,
  )
}
