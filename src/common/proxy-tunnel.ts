/**
 * HTTPS through a proxy's CONNECT tunnel (RFC 9110 §9.3.6), with TLS end to end inside it: the
 * proxy never sees the traffic, and the target's certificate is verified for the target's name.
 */
import { Pool, ProxyAgent, type Dispatcher } from 'undici'

/** The proxy refused to open a tunnel (wrong credentials: 407; a blocked host: 403, 502…). */
export class ProxyRefusedError extends Error {
  override readonly name = 'ProxyRefusedError'
  readonly code = 'ERR_PROXY_REFUSED'
  constructor(readonly status: number) {
    super(`The proxy answered HTTP ${status} to CONNECT`)
  }
}

/** The connections through `proxy`: one tunnel per connection, kept alive like direct ones. */
export function tunnelThrough(proxy: URL): Dispatcher {
  // undici sends credentials only for user:password; a proxy token alone (http://TOKEN@proxy) is
  // sent as Basic TOKEN:, as curl does.
  const tokenOnly = proxy.username !== '' && proxy.password === ''
  return new ProxyAgent({
    uri: proxy.href,
    ...(tokenOnly && {
      token: `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:`).toString('base64')}`,
    }),
    clientFactory: (origin, options) => new TunnelOpener(origin, options),
  })
}

/**
 * Opens the tunnels. undici reports a refused CONNECT only in an error message ("Proxy response
 * (407) !== 200 when HTTP Tunneling"); refused here, the status travels as a field instead, which
 * ./network-failure.ts reads.
 */
class TunnelOpener extends Pool {
  override connect(options: Dispatcher.ConnectOptions): Promise<Dispatcher.ConnectData>
  override connect(
    options: Dispatcher.ConnectOptions,
    callback: (error: Error | null, data: Dispatcher.ConnectData) => void,
  ): void
  override connect(
    options: Dispatcher.ConnectOptions,
    callback?: (error: Error | null, data: Dispatcher.ConnectData) => void,
  ): Promise<Dispatcher.ConnectData> | void {
    if (callback) {
      super.connect(options, callback)
      return
    }
    return super.connect(options).then((tunnel) => {
      if (tunnel.statusCode === 200) return tunnel
      tunnel.socket.destroy()
      throw new ProxyRefusedError(tunnel.statusCode)
    })
  }
}
