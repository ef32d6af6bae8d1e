/**
 * A loopback emulator of Atlassian's OAuth 2.0 token endpoint (`POST /oauth/token`), speaking real
 * HTTP, with rotating refresh tokens, the 10-minute leeway and family revocation on a clock the
 * test controls, and faults a test can queue. Also the consent page (`GET /authorize`), which a
 * browser follows to the app's callback URL with a code as if the user had accepted, and the
 * authorization-code grant that exchanges it.
 *
 * Answers follow what Atlassian documents and what third parties report (../shared/FACTS.md):
 * `403 invalid_grant "Unknown or invalid refresh token."`; `401 access_denied` for a wrong secret.
 */
import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import {
  LoopbackServer,
  sendJson,
  type RecordedConnection,
  type RecordedRequest,
  type TlsIdentity,
} from './http-server.js'
import { RotationAuthority, type IssuedTokens, type RefreshOutcome } from './rotation-rules.js'

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
  /**
   * Process the grant (the token rotates), then hold the answer until `release` resolves: the
   * grant is in flight for as long as the test wants (e.g. to cancel the job meanwhile).
   */
  | { kind: 'hold-answer'; release: Promise<void> }
  /**
   * Process the grant (the token rotates), then answer with what `shape` makes of the tokens just
   * issued: the real new tokens in an odd body. A refused grant is answered as usual.
   * `contentType: ''` sends no content type at all.
   */
  | { kind: 'shape-answer'; shape: (issued: IssuedTokens) => ShapedAnswer }

/** An answer a test builds around real tokens (see the `shape-answer` fault). */
export interface ShapedAnswer {
  status: number
  body: string | Buffer
  contentType?: string
  headers?: Record<string, string>
}

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

/** The app's settings in the developer console. */
export interface AppSettings {
  /** The callback URL (Authorization): where the consent page sends the browser. */
  callbackUrl?: string
}

export class AtlassianEmulator {
  readonly authority: RotationAuthority
  /** What the user does on the consent page. */
  consentAnswer: 'accept' | 'decline' = 'accept'
  readonly #server: LoopbackServer
  readonly #clients = new Map<string, string>()
  readonly #callbacks = new Map<string, string>()
  readonly #faults: TokenEndpointFault[] = []
  readonly #sites = new Map<string, { id: string; name: string; url: string }[]>()

  constructor(options: AtlassianEmulatorOptions) {
    this.authority = new RotationAuthority(options.now, { rotate: options.rotate ?? true })
    this.#server = new LoopbackServer(
      (request, response, socket) => this.#handle(request, response, socket),
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

  /** The consent page, as https://auth.atlassian.com/authorize. */
  get authorizeUrl(): string {
    return `${this.#server.url}/authorize`
  }

  /** The API gateway, as https://api.atlassian.com (accessible-resources lives under it). */
  get apiUrl(): string {
    return this.#server.url
  }

  get requests(): RecordedRequest[] {
    return this.#server.requests
  }

  get connections(): RecordedConnection[] {
    return this.#server.connections
  }

  set delayMs(ms: number) {
    this.#server.delayMs = ms
  }

  /** Registers an OAuth app and has a user consent to it: returns the first refresh token. */
  registerApp(
    clientId: string,
    clientSecret: string,
    scope = 'read:confluence-content.all offline_access',
    settings: AppSettings = {},
  ): string {
    this.#clients.set(clientId, clientSecret)
    if (settings.callbackUrl !== undefined) this.#callbacks.set(clientId, settings.callbackUrl)
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

  async #handle(request: RecordedRequest, res: ServerResponse, socket: Socket): Promise<void> {
    if (request.method === 'GET' && request.path === '/oauth/token/accessible-resources') {
      this.#accessibleResources(request, res)
      return
    }
    if (
      request.method === 'GET' &&
      new URL(request.path, 'http://emulator').pathname === '/authorize'
    ) {
      this.#consentPage(request, res)
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
    if (fault?.kind === 'hold-answer') await fault.release
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
    if (fault?.kind === 'shape-answer') {
      const shaped = fault.shape(outcome.tokens)
      const contentType = shaped.contentType ?? 'application/json'
      res.writeHead(shaped.status, {
        ...(contentType !== '' && { 'content-type': contentType }),
        ...shaped.headers,
      })
      res.end(shaped.body)
      return
    }
    sendJson(res, 200, tokenAnswer(outcome.tokens))
  }

  /**
   * The consent page, answered at once as if the user had clicked (auto-consent). What cannot be
   * tied to a registered app and its callback is refused on the page itself, never redirected
   * (RFC 6749 §4.1.2.1); the rest is answered at the callback, with `state` echoed.
   */
  #consentPage(request: RecordedRequest, res: ServerResponse): void {
    const query = new URL(request.path, 'http://emulator').searchParams
    const clientId = query.get('client_id') ?? ''
    const redirectUri = query.get('redirect_uri') ?? ''
    const callback = this.#callbacks.get(clientId)
    const refusal = !this.#clients.has(clientId)
      ? 'Unknown client_id.'
      : callback === undefined
        ? 'The app has no callback URL.'
        : redirectUri !== callback
          ? "redirect_uri is not the app's callback URL."
          : query.get('audience') !== 'api.atlassian.com'
            ? 'Unknown audience.'
            : undefined
    if (refusal !== undefined) {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' })
      res.end(`<!doctype html><title>Something went wrong</title><p>${refusal}</p>`)
      return
    }

    const answer: Record<string, string> = {}
    const scope = (query.get('scope') ?? '').split(' ').filter((s) => s !== '')
    if (query.get('response_type') !== 'code') {
      answer['error'] = 'unsupported_response_type'
      answer['error_description'] = 'Only response_type=code is supported.'
    } else if (scope.length === 0) {
      answer['error'] = 'invalid_scope'
      answer['error_description'] = 'No scope was requested.'
    } else if (this.consentAnswer === 'decline') {
      answer['error'] = 'access_denied'
      answer['error_description'] = 'The user did not authorize the app.'
    } else {
      answer['code'] = this.authority.issueCode(clientId, redirectUri, scope.join(' '))
    }
    const state = query.get('state')
    if (state !== null) answer['state'] = state
    const location = new URL(redirectUri)
    for (const [name, value] of Object.entries(answer)) location.searchParams.set(name, value)
    res.writeHead(302, { location: location.href, 'cache-control': 'no-store' })
    res.end()
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
  ): { status: number; error: string; description: string } | { tokens: IssuedTokens } {
    const contentType = String(request.headers['content-type'] ?? '')
    const body = request.body
    if (!contentType.startsWith('application/json') || typeof body !== 'object' || body === null) {
      return { status: 400, error: 'invalid_request', description: 'Expected a JSON body.' }
    }
    const { grant_type, client_id, client_secret, refresh_token } = body as Record<string, unknown>
    if (grant_type === 'authorization_code') return this.#codeGrant(body as Record<string, unknown>)
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
    return { tokens: outcome.tokens }
  }

  /** The authorization-code grant: a single-use code, for the client and callback it was issued to. */
  #codeGrant(
    body: Record<string, unknown>,
  ): { status: number; error: string; description: string } | { tokens: IssuedTokens } {
    const { client_id, client_secret, code, redirect_uri } = body
    if (typeof client_id !== 'string' || this.#clients.get(client_id) !== client_secret) {
      return { status: 401, error: 'access_denied', description: 'Unauthorized' }
    }
    if (typeof code !== 'string' || typeof redirect_uri !== 'string') {
      return {
        status: 400,
        error: 'invalid_request',
        description: 'Missing code or redirect_uri.',
      }
    }
    const outcome = this.authority.redeemCode(client_id, code, redirect_uri)
    if (!outcome.ok) {
      return { status: 403, error: 'invalid_grant', description: 'Invalid authorization code' }
    }
    return { tokens: outcome.tokens }
  }
}

function tokenAnswer(tokens: IssuedTokens): Record<string, unknown> {
  return {
    access_token: tokens.accessToken,
    ...(tokens.refreshToken ? { refresh_token: tokens.refreshToken } : {}),
    expires_in: tokens.expiresIn,
    scope: tokens.scope,
    token_type: 'Bearer',
  }
}
