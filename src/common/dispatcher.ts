/**
 * The connections of one run (or one command): undici's `Agent` (a keep-alive pool per origin), or
 * undici's `EnvHttpProxyAgent` when the runner names a proxy. One per run, closed at its end, so
 * the few requests of a rotation reuse their connections and none outlives it.
 *
 * The proxy variables are those of the runner's own toolkit (@actions/http-client): HTTPS_PROXY /
 * https_proxy for https, NO_PROXY / no_proxy, loopback hosts always direct. They are read from the
 * environment the run is given (never `process.env`, so tests give their own) and handed to the
 * agent spelled so that it applies the toolkit's rules (see `proxyOptions`).
 */
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici'

export type Env = Record<string, string | undefined>

export interface DispatcherHooks {
  /**
   * Called each time a request has been handed to the network in full, with the number of requests
   * given to the dispatcher that are not written yet (0: the network has all there is to send).
   */
  onRequestSent?: (unsent: number) => void
}

/** What EnvHttpProxyAgent is given, when a proxy is named; undefined for direct connections. */
export interface ProxyOptions {
  httpsProxy: string
  /** Always '': see `proxyOptions`. */
  httpProxy: ''
  noProxy: string
  /** `Proxy-Authorization` for a proxy named with a token alone (http://TOKEN@proxy). */
  token?: string
}

/**
 * The runner's proxy rules, in EnvHttpProxyAgent's terms:
 * - only HTTPS_PROXY counts: plain http is used for loopback hosts alone (the inputs refuse it
 *   elsewhere), which never go through a proxy; so no request of a run may use HTTP_PROXY, and a
 *   client secret can never reach a proxy in clear text;
 * - a bare NO_PROXY name exempts its subdomains too (the toolkit's rule; the agent needs `.name`
 *   for that), and loopback hosts are always exempt;
 * - a proxy named without a scheme ("proxy.example:3128") is a plain-http proxy, as the toolkit
 *   and curl read it;
 * - a proxy user without a password (a token) is sent as Basic `TOKEN:`, as curl does (undici
 *   sends credentials only for user:password).
 */
export function proxyOptions(env: Env): ProxyOptions | undefined {
  const named = env['https_proxy'] || env['HTTPS_PROXY']
  if (!named) return undefined
  const proxy = URL.parse(named)
  const httpsProxy =
    proxy?.protocol === 'http:' || proxy?.protocol === 'https:' ? named : `http://${named}`
  const noProxy = (env['no_proxy'] || env['NO_PROXY'] || '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .flatMap((entry) => (entry === '*' || /^[.*]/.test(entry) ? [entry] : [entry, `.${entry}`]))
  const { username, password } = URL.parse(httpsProxy) ?? { username: '', password: '' }
  return {
    httpsProxy,
    httpProxy: '',
    noProxy: [...noProxy, ...LOOPBACK].join(','),
    ...(username !== '' &&
      password === '' && {
        token: `Basic ${Buffer.from(`${decodeURIComponent(username)}:`).toString('base64')}`,
      }),
  }
}

/**
 * Hosts a proxy cannot reach: this machine's own, as they are written. (NO_PROXY cannot name all of
 * 127.0.0.0/8; https to another of its addresses goes to the proxy, and fails there, in TLS.)
 */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]']

export function runDispatcher(env: Env, hooks: DispatcherHooks = {}): Dispatcher {
  const proxy = proxyOptions(env)
  const agent = proxy === undefined ? new Agent() : withoutExperimentalWarning(proxy)
  const { onRequestSent } = hooks
  if (!onRequestSent) return agent
  // Requests dispatched and not yet written in full, failed or answered.
  let unsent = 0
  return agent.compose((dispatch) => (options, handler) => {
    unsent++
    let counted = true
    const settle = (): number => {
      if (counted) {
        counted = false
        unsent--
      }
      return unsent
    }
    notifySent(handler, settle, onRequestSent)
    return dispatch(options, handler)
  })
}

/**
 * undici 6 prints "EnvHttpProxyAgent is experimental" on stderr when the first one is made: in
 * every run behind a proxy, a warning about undici's API that no user can act on. That one
 * warning is held back; every other warning reaches the listeners as before.
 */
function withoutExperimentalWarning(options: ProxyOptions): Dispatcher {
  const listeners = process.listeners('warning')
  process.removeAllListeners('warning')
  const forward = (warning: Error & { code?: string }): void => {
    if (warning.code === 'UNDICI-EHPA') return
    for (const listener of listeners) listener(warning)
  }
  process.on('warning', forward)
  try {
    return new EnvHttpProxyAgent(options)
  } finally {
    // Warnings are emitted on the next tick: restore the listeners after that.
    process.nextTick(() => {
      process.off('warning', forward)
      for (const listener of listeners) process.on('warning', listener)
    })
  }
}

/** The callbacks of a handler that are wrapped, as properties that keep the handler's `this`. */
interface HandlerCallbacks {
  onRequestSent?: (this: unknown) => void
  onError?: (this: unknown, error: Error) => void
  onHeaders?: (this: unknown, ...args: unknown[]) => boolean
}

/**
 * undici calls a handler's `onRequestSent` once the whole request is written (it is missing from
 * the handler's type); a request that fails, or is answered, before that never calls it and only
 * stops being counted. The handler keeps its own `this`, which fetch's handler relies on.
 */
function notifySent(
  handler: Dispatcher.DispatchHandlers,
  settle: () => number,
  notify: (unsent: number) => void,
): void {
  const sendable = handler as unknown as HandlerCallbacks
  const previous = sendable.onRequestSent
  sendable.onRequestSent = function (this: unknown) {
    const unsent = settle()
    // undici aborts the request when this throws: a hook's failure must not cost the request.
    try {
      notify(unsent)
    } catch {
      // Nothing to do: the hook only starts work that can also start later.
    }
    previous?.call(this)
  }
  const onError = sendable.onError
  if (onError) {
    sendable.onError = function (this: unknown, error: Error) {
      settle()
      onError.call(this, error)
    }
  }
  const onHeaders = sendable.onHeaders
  if (onHeaders) {
    sendable.onHeaders = function (this: unknown, ...args: unknown[]) {
      settle()
      return onHeaders.apply(this, args)
    }
  }
}
