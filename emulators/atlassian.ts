/**
 * A loopback emulator of Atlassian's OAuth 2.0 token endpoint (`POST /oauth/token`), speaking real
 * HTTP, with rotating refresh tokens, the 10-minute leeway and family revocation on a clock the
 * test controls, and faults a test can queue.
 *
 * Answers follow what Atlassian documents and what third parties report (../shared/FACTS.md):
 * `403 invalid_grant "Unknown or invalid refresh token."`; `401 access_denied` for a wrong secret.
 */
import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { LoopbackServer, sendJson, type RecordedRequest, type TlsIdentity } from './http-server.js'
import { RotationAuthority, type RefreshOutcome } from './rotation-rules.js'

/** Something the next token request meets instead of (or besides) the normal answer. */
export type TokenEndpointFault =
  /** Answer with this status and body without looking at the grant. */
  | {
      kind: 'answer'
      status: number
      body: string
      contentType?: string
      headers?: Record<string, string>
    }
  /** Close the connection without processing the grant. */
  | { kind: 'reset-before' }
  /** Process the grant (the token rotates), then close the connection: the answer is lost. */
  | { kind: 'lose-answer' }
  /** Process the grant, then answer with this instead of the tokens. */
  | { kind: 'replace-answer'; status: number; body: string; contentType?: string }
  /** Never answer. */
  | { kind: 'hang' }

export interface AtlassianEmulatorOptions {
  now: () => number
  /** When false, refreshes return no new refresh token (a non-rotating app). */
  rotate?: boolean
  delayMs?: number
  /** Shared with the GitHub emulator to record the order of requests across both. */
  timeline?: string[]
  /** Serve HTTPS with this certificate. */
  tls?: TlsIdentity
}

export class AtlassianEmulator {
  readonly authority: RotationAuthority
  readonly #server: LoopbackServer
  readonly #clients = new Map<string, string>()
  readonly #faults: TokenEndpointFault[] = []
  readonly #sites = new Map<string, { id: string; name: string; url: string }[]>()

  constructor(options: AtlassianEmulatorOptions) {
    this.authority = new RotationAuthority(options.now, { rotate: options.rotate ?? true })
    this.#server = new LoopbackServer(
      (request, response, socket) => {
        this.#handle(request, response, socket)
      },
      {
        now: options.now,
        ...(options.delayMs !== undefined && { delayMs: options.delayMs }),
        ...(options.timeline && { timeline: options.timeline }),
        ...(options.tls && { tls: options.tls }),
      },
    )
  }

  async start(): Promise<this> {
    await this.#server.start()
    return this
  }

  close(): Promise<void> {
    return this.#server.close()
  }

  get tokenUrl(): string {
    return `${this.#server.url}/oauth/token`
  }

  get requests(): RecordedRequest[] {
    return this.#server.requests
  }

  set delayMs(ms: number) {
    this.#server.delayMs = ms
  }

  /** Registers an OAuth app and has a user consent to it: returns the first refresh token. */
  registerApp(
    clientId: string,
    clientSecret: string,
    scope = 'read:confluence-content.all offline_access',
  ): string {
    this.#clients.set(clientId, clientSecret)
    return this.authority.consent(clientId, scope)
  }

  /** Faults met by the next token requests, one each, in order. */
  injectFaults(...faults: TokenEndpointFault[]): void {
    this.#faults.push(...faults)
  }

  /** Drops the faults not met yet: the outage is over. */
  clearFaults(): void {
    this.#faults.length = 0
  }

  /** The sites a consent to `clientId` reaches, as accessible-resources lists them. */
  addSite(clientId: string, site: { id: string; name: string; url: string }): void {
    const sites = this.#sites.get(clientId) ?? []
    sites.push(site)
    this.#sites.set(clientId, sites)
  }

  #handle(request: RecordedRequest, res: ServerResponse, socket: Socket): void {
    if (request.method === 'GET' && request.path === '/oauth/token/accessible-resources') {
      this.#accessibleResources(request, res)
      return
    }
    if (request.method !== 'POST' || request.path !== '/oauth/token') {
      sendJson(res, 404, { error: 'not_found' })
      return
    }
    const fault = this.#faults.shift()
    if (fault?.kind === 'answer') {
      res.writeHead(fault.status, {
        'content-type': fault.contentType ?? 'application/json',
        ...fault.headers,
      })
      res.end(fault.body)
      return
    }
    if (fault?.kind === 'reset-before') {
      socket.destroy()
      return
    }
    if (fault?.kind === 'hang') return

    const outcome = this.#grant(request)
    if (fault?.kind === 'lose-answer') {
      socket.destroy()
      return
    }
    if (fault?.kind === 'replace-answer') {
      res.writeHead(fault.status, { 'content-type': fault.contentType ?? 'application/json' })
      res.end(fault.body)
      return
    }
    if ('error' in outcome) {
      sendJson(res, outcome.status, {
        error: outcome.error,
        error_description: outcome.description,
      })
      return
    }
    sendJson(res, 200, outcome.body)
  }

  /** The API gateway's list of sites, for an access token this emulator issued. */
  #accessibleResources(request: RecordedRequest, res: ServerResponse): void {
    const token = /^Bearer (.+)$/.exec(String(request.headers['authorization'] ?? ''))?.[1]
    const clientId = token === undefined ? undefined : this.authority.clientOfAccessToken(token)
    if (clientId === undefined) {
      sendJson(res, 401, { code: 401, message: 'Unauthorized' })
      return
    }
    sendJson(
      res,
      200,
      (this.#sites.get(clientId) ?? []).map((site) => ({
        ...site,
        scopes: ['read:confluence-content.all'],
        avatarUrl: `${site.url}/avatar.png`,
      })),
    )
  }

  #grant(
    request: RecordedRequest,
  ): { status: number; error: string; description: string } | { body: Record<string, unknown> } {
    const contentType = String(request.headers['content-type'] ?? '')
    const body = request.body
    if (!contentType.startsWith('application/json') || typeof body !== 'object' || body === null) {
      return { status: 400, error: 'invalid_request', description: 'Expected a JSON body.' }
    }
    const { grant_type, client_id, client_secret, refresh_token } = body as Record<string, unknown>
    if (grant_type !== 'refresh_token') {
      return {
        status: 400,
        error: 'unsupported_grant_type',
        description: 'Unsupported grant type.',
      }
    }
    if (typeof client_id !== 'string' || this.#clients.get(client_id) !== client_secret) {
      return { status: 401, error: 'access_denied', description: 'Unauthorized' }
    }
    if (typeof refresh_token !== 'string') {
      return { status: 400, error: 'invalid_request', description: 'Missing refresh_token.' }
    }
    const outcome: RefreshOutcome = this.authority.refresh(client_id, refresh_token)
    if (!outcome.ok) {
      return {
        status: 403,
        error: 'invalid_grant',
        description: 'Unknown or invalid refresh token.',
      }
    }
    const { tokens } = outcome
    return {
      body: {
        access_token: tokens.accessToken,
        ...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}),
        expires_in: tokens.expiresIn,
        scope: tokens.scope,
        token_type: 'Bearer',
      },
    }
  }
}
