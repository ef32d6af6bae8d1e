/**
 * A loopback emulator of GitHub's Actions secrets REST API for repositories, speaking real HTTP,
 * with a real X25519 key pair per repository. A PUT opens the sealed value with an independent
 * sealed-box implementation (./sealed-box.ts) and keeps the plain value, so a test can read what
 * the action stored and hand it to the next rotation.
 *
 * Tokens behave as GitHub's do (../shared/FACTS.md, "GitHub secrets REST API"): an unknown token
 * gets 401; the workflow's GITHUB_TOKEN, or an app token without the Secrets permission, gets 403
 * "Resource not accessible by integration"; a repository the token cannot see answers 404.
 */
import { randomInt } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { LoopbackServer, sendJson, type RecordedRequest, type TlsIdentity } from './http-server.js'
import { newKeyPair, openSealedBox, type KeyPair } from './sealed-box.js'

export interface GitHubTokenGrant {
  /** The workflow's GITHUB_TOKEN never has a secrets permission, whatever the workflow asks for. */
  kind: 'fine-grained-pat' | 'app-installation' | 'workflow'
  /** `owner/name` of each repository the token can see, or every repository. */
  repositories: string[] | 'all'
  secrets: 'none' | 'read' | 'write'
}

export interface StoredSecret {
  name: string
  /** The plain value, as GitHub would hold it after opening the sealed box. */
  value: string
  createdAt: Date
  updatedAt: Date
}

/** Something the next matching request meets instead of the normal answer. */
export interface GitHubFault {
  on: 'public-key' | 'put' | 'metadata' | 'any'
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** Close the connection instead of answering. */
  reset?: boolean
}

interface SecretStore {
  keyPair: KeyPair
  keyId: string
  secrets: Map<string, StoredSecret>
}

const DOCS = 'https://docs.github.com/rest/actions/secrets'
const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

export class GitHubEmulator {
  readonly #server: LoopbackServer
  readonly #tokens = new Map<string, GitHubTokenGrant>()
  readonly #stores = new Map<string, SecretStore>()
  readonly #faults: GitHubFault[] = []

  constructor(
    private readonly now: () => number,
    options: { delayMs?: number; timeline?: string[]; tls?: TlsIdentity } = {},
  ) {
    this.#server = new LoopbackServer(
      (request, response, socket) => {
        this.#handle(request, response, socket)
      },
      options.delayMs ?? 0,
      options.timeline,
      options.tls,
    )
  }

  async start(): Promise<this> {
    await this.#server.start()
    return this
  }

  close(): Promise<void> {
    return this.#server.close()
  }

  /** The REST base URL, as `github.api_url` gives it. */
  get apiUrl(): string {
    return this.#server.url
  }

  get requests(): RecordedRequest[] {
    return this.#server.requests
  }

  set delayMs(ms: number) {
    this.#server.delayMs = ms
  }

  addRepository(fullName: string): this {
    this.#stores.set(fullName.toLowerCase(), newStore())
    return this
  }

  addToken(token: string, grant: GitHubTokenGrant): this {
    this.#tokens.set(token, grant)
    return this
  }

  /** A new key pair for the repository, as when GitHub rotates a store's key. */
  rotateKey(fullName: string): void {
    const store = this.#store(fullName)
    const fresh = newStore()
    store.keyPair = fresh.keyPair
    store.keyId = fresh.keyId
  }

  publicKey(fullName: string): { keyId: string; key: string } {
    const store = this.#store(fullName)
    return { keyId: store.keyId, key: Buffer.from(store.keyPair.publicKey).toString('base64') }
  }

  secret(fullName: string, name: string): StoredSecret | undefined {
    return this.#store(fullName).secrets.get(name.toUpperCase())
  }

  /** Seeds a secret, as if a person had stored it in the settings page. */
  setSecret(fullName: string, name: string, value: string): void {
    const now = new Date(this.now())
    const existing = this.secret(fullName, name)
    this.#store(fullName).secrets.set(name.toUpperCase(), {
      name: name.toUpperCase(),
      value,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    })
  }

  injectFaults(...faults: GitHubFault[]): void {
    this.#faults.push(...faults)
  }

  #store(fullName: string): SecretStore {
    const store = this.#stores.get(fullName.toLowerCase())
    if (!store) throw new Error(`emulator: no repository ${fullName}`)
    return store
  }

  #handle(request: RecordedRequest, res: ServerResponse, socket: Socket): void {
    const url = new URL(request.path, 'http://emulator')
    const match = /^\/repos\/([^/]+)\/([^/]+)\/actions\/secrets\/([^/]+)$/.exec(url.pathname)
    if (!match) {
      sendJson(res, 404, { message: 'Not Found', documentation_url: DOCS })
      return
    }
    const [, owner, repo, last] = match as unknown as [string, string, string, string]
    const fullName = `${decodeURIComponent(owner)}/${decodeURIComponent(repo)}`
    const secretName = decodeURIComponent(last)
    const operation =
      secretName === 'public-key' && request.method === 'GET'
        ? 'public-key'
        : request.method === 'PUT'
          ? 'put'
          : request.method === 'GET'
            ? 'metadata'
            : undefined
    if (operation === undefined) {
      sendJson(res, 404, { message: 'Not Found', documentation_url: DOCS })
      return
    }

    const faultIndex = this.#faults.findIndex((f) => f.on === operation || f.on === 'any')
    if (faultIndex >= 0) {
      const [fault] = this.#faults.splice(faultIndex, 1) as [GitHubFault]
      if (fault.reset) socket.destroy()
      else sendJson(res, fault.status, fault.body ?? { message: 'Injected fault' }, fault.headers)
      return
    }

    const denied = this.#authorize(request, fullName, operation === 'put' ? 'write' : 'read')
    if (denied) {
      sendJson(
        res,
        denied.status,
        { message: denied.message, documentation_url: DOCS },
        denied.headers,
      )
      return
    }
    const store = this.#store(fullName)

    if (operation === 'public-key') {
      const { keyId, key } = this.publicKey(fullName)
      sendJson(res, 200, { key_id: keyId, key })
      return
    }
    if (operation === 'metadata') {
      const secret = store.secrets.get(secretName.toUpperCase())
      if (!secret) sendJson(res, 404, { message: 'Not Found', documentation_url: DOCS })
      else
        sendJson(res, 200, {
          name: secret.name,
          created_at: iso(secret.createdAt),
          updated_at: iso(secret.updatedAt),
        })
      return
    }
    this.#put(request, res, fullName, secretName, store)
  }

  #put(
    request: RecordedRequest,
    res: ServerResponse,
    fullName: string,
    name: string,
    store: SecretStore,
  ): void {
    const invalid = (message: string): void =>
      sendJson(res, 422, { message, documentation_url: DOCS, status: '422' })
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^GITHUB_/i.test(name)) {
      invalid(
        'Secret names can only contain alphanumeric characters or underscores and must not start with GITHUB_.',
      )
      return
    }
    const body = request.body
    if (typeof body !== 'object' || body === null) {
      invalid('Invalid request. Expected a JSON object.')
      return
    }
    const { encrypted_value, key_id } = body as Record<string, unknown>
    if (typeof encrypted_value !== 'string' || typeof key_id !== 'string') {
      invalid('Invalid request. "encrypted_value" and "key_id" are required strings.')
      return
    }
    if (key_id !== store.keyId) {
      invalid('Bad request: key_id does not match the current public key of this repository.')
      return
    }
    if (!STANDARD_BASE64.test(encrypted_value)) {
      invalid('Bad request: encrypted_value is not standard base64 with padding.')
      return
    }
    const opened = openSealedBox(Buffer.from(encrypted_value, 'base64'), store.keyPair)
    if (opened === undefined) {
      invalid('Bad request: encrypted_value could not be decrypted with the repository key.')
      return
    }
    const existed = store.secrets.has(name.toUpperCase())
    this.setSecret(fullName, name, Buffer.from(opened).toString('utf8'))
    res.writeHead(existed ? 204 : 201)
    res.end()
  }

  #authorize(
    request: RecordedRequest,
    fullName: string,
    needs: 'read' | 'write',
  ): { status: number; message: string; headers?: Record<string, string> } | undefined {
    const header = String(request.headers['authorization'] ?? '')
    const token = /^(?:token|bearer) (.+)$/i.exec(header)?.[1]
    if (!token) return { status: 401, message: 'Requires authentication' }
    const grant = this.#tokens.get(token)
    if (!grant) return { status: 401, message: 'Bad credentials' }
    const known = this.#stores.has(fullName.toLowerCase())
    const visible =
      grant.repositories === 'all' ||
      grant.repositories.some((r) => r.toLowerCase() === fullName.toLowerCase())
    if (!known || !visible) return { status: 404, message: 'Not Found' }
    const allowed =
      grant.kind !== 'workflow' &&
      (grant.secrets === 'write' || (grant.secrets === 'read' && needs === 'read'))
    if (!allowed) {
      return {
        status: 403,
        message:
          grant.kind === 'fine-grained-pat'
            ? 'Resource not accessible by personal access token'
            : 'Resource not accessible by integration',
        headers: { 'x-accepted-github-permissions': `secrets=${needs}` },
      }
    }
    return undefined
  }
}

function newStore(): SecretStore {
  return {
    keyPair: newKeyPair(),
    keyId: String(randomInt(10 ** 11, 10 ** 12)) + String(randomInt(10 ** 6, 10 ** 7)),
    secrets: new Map(),
  }
}

/** GitHub's timestamps: ISO 8601 without milliseconds. */
function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
