/**
 * The connections of one run (or one command): a keep-alive pool per origin, direct or through the
 * proxy that ./proxy-rules.ts names for it. One per run, closed at its end, so that the few
 * requests of a rotation reuse their connections and none outlives it.
 */
import { Agent, Dispatcher } from 'undici'
import { proxyFor, type Env } from './proxy-rules.js'
import { tunnelThrough } from './proxy-tunnel.js'

export interface DispatcherHooks {
  /** Called each time a request has been handed to the network in full. */
  onRequestSent?: () => void
}

export class RunDispatcher extends Dispatcher {
  readonly #env: Env
  readonly #hooks: DispatcherHooks
  readonly #direct = new Agent()
  /** One per proxy URL (HTTPS_PROXY and HTTP_PROXY may differ), made when first needed. */
  readonly #tunnels = new Map<string, Dispatcher>()

  constructor(env: Env, hooks: DispatcherHooks = {}) {
    super()
    this.#env = env
    this.#hooks = hooks
  }

  override dispatch(
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandlers,
  ): boolean {
    const { onRequestSent } = this.#hooks
    if (onRequestSent) notifySent(handler, onRequestSent)
    return this.#route(new URL(String(options.origin))).dispatch(options, handler)
  }

  #route(origin: URL): Dispatcher {
    const proxy = proxyFor(origin, this.#env)
    if (proxy === undefined) return this.#direct
    let tunnel = this.#tunnels.get(proxy.href)
    if (!tunnel) this.#tunnels.set(proxy.href, (tunnel = tunnelThrough(proxy)))
    return tunnel
  }

  override close(): Promise<void>
  override close(callback: () => void): void
  override close(callback?: () => void): Promise<void> | void {
    const closed = this.#all((dispatcher) => dispatcher.close())
    if (!callback) return closed
    void closed.then(callback)
  }

  override destroy(error?: Error | null): Promise<void>
  override destroy(callback: () => void): void
  override destroy(error: Error | null, callback: () => void): void
  override destroy(first?: Error | null | (() => void), second?: () => void): Promise<void> | void {
    const error = typeof first === 'function' ? null : (first ?? null)
    const callback = typeof first === 'function' ? first : second
    const destroyed = this.#all((dispatcher) => dispatcher.destroy(error))
    if (!callback) return destroyed
    void destroyed.then(callback)
  }

  async #all(each: (dispatcher: Dispatcher) => Promise<void>): Promise<void> {
    await Promise.all([this.#direct, ...this.#tunnels.values()].map(each))
  }
}

/**
 * undici calls a handler's `onRequestSent` once the whole request is written (it is missing from
 * the handler's type). The handler keeps its own `this`, which fetch's handler relies on.
 */
function notifySent(handler: Dispatcher.DispatchHandlers, notify: () => void): void {
  const sendable = handler as Dispatcher.DispatchHandlers & { onRequestSent?: () => void }
  const previous = sendable.onRequestSent
  sendable.onRequestSent = function (this: unknown) {
    // undici aborts the request when this throws: a hook's failure must not cost the request.
    try {
      notify()
    } catch {
      // Nothing to do: the hook only starts work that can also start later.
    }
    previous?.call(this)
  }
}
