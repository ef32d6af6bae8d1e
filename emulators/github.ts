/**
 * A loopback emulator of the parts of GitHub's REST API the action uses, speaking real HTTP: the
 * Actions secrets of repositories, with a real X25519 key pair per repository, and workflow run
 * attempts. A PUT opens the sealed value with an independent sealed-box implementation
 * (./sealed-box.ts) and keeps the plain value, so a test can read what the action stored and hand
 * it to the next rotation.
 *
 * Tokens behave as GitHub's do (../shared/FACTS.md, "GitHub secrets REST API"): an unknown token
 * gets 401; the workflow's GITHUB_TOKEN, or an app token without the Secrets permission, gets 403
 * "Resource not accessible by integration"; a repository the token cannot see answers 404. Every
 * answer carries a Date header from the emulated clock.
 */
import { randomInt } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import {
  LoopbackServer,
  sendJson,
  type LoopbackServerOptions,
  type RecordedRequest,
} from './http-server.js'
import { newKeyPair, openSealedBox, type KeyPair } from './sealed-box.js'

export interface GitHubTokenGrant {
  /** The workflow's GITHUB_TOKEN never has a secrets permission, whatever the workflow asks for. */
  kind: 'fine-grained-pat' | 'app-installation' | 'workflow'
  /** `owner/name` of each repository the token can see, or every repository. */
  repositories: string[] | 'all'
  secrets: 'none' | 'read' | 'write'
  /** Reading workflow runs (`actions: read`). */
  actions?: 'none' | 'read'
}

export interface StoredSecret {
  name: string
  /** The plain value, as GitHub would hold it after opening the sealed box. */
  value: string
  createdAt: Date
  updatedAt: Date
}

export interface WorkflowRunAttempt {
  createdAt: Date
  runStartedAt: Date
}

type Operation = 'public-key' | 'put' | 'metadata' | 'run'

/** Something the next matching request meets instead of, or before, the normal answer. */
export type GitHubFault =
  /** Answer with this instead. */
  | { on: Operation | 'any'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Close the connection instead of answering. */
  | { on: Operation | 'any'; reset: true }
  /** Do this first (e.g. rotate the key), then answer normally. */
  | { on: Operation | 'any'; before: () => void }

interface Repository {
  keyPair: KeyPair
  keyId: string
  secrets: Map<string, StoredSecret>
  runs: Map<string, WorkflowRunAttempt>
}

interface Route {
  operation: Operation
  method: string
  pattern: RegExp
  /** The permission the route needs: a token grant field and its minimum level. */
  needs: { secrets: 'read' | 'write' } | { actions: 'read' }
}

const ROUTES: Route[] = [
  {
    operation: 'public-key',
    method: 'GET',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/secrets\/public-key$/,
    needs: { secrets: 'read' },
  },
  {
    operation: 'metadata',
    method: 'GET',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/secrets\/([^/]+)$/,
    needs: { secrets: 'read' },
  },
  {
    operation: 'put',
    method: 'PUT',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/secrets\/([^/]+)$/,
    needs: { secrets: 'write' },
  },
  {
    operation: 'run',
    method: 'GET',
    pattern: /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/attempts\/(\d+)$/,
    needs: { actions: 'read' },
  },
]

const DOCS = 'https://docs.github.com/rest/actions'
const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

export class GitHubEmulator {
  readonly #server: LoopbackServer
  readonly #tokens = new Map<string, GitHubTokenGrant>()
  readonly #repositories = new Map<string, Repository>()
  readonly #faults: GitHubFault[] = []

  constructor(
    private readonly now: () => number,
    options: Omit<LoopbackServerOptions, 'now'> = {},
  ) {
    this.#server = new LoopbackServer(
      (request, response, socket) => {
        this.#handle(request, response, socket)
      },
      { ...options, now },
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
    this.#repositories.set(fullName.toLowerCase(), {
      ...newKey(),
      secrets: new Map(),
      runs: new Map(),
    })
    return this
  }

  addToken(token: string, grant: GitHubTokenGrant): this {
    this.#tokens.set(token, grant)
    return this
  }

  /** Records a workflow run attempt, as the Actions API reports it. */
  addRun(fullName: string, runId: string, attempt: string, times: WorkflowRunAttempt): this {
    this.#repository(fullName).runs.set(`${runId}/${attempt}`, times)
    return this
  }

  /** A new key pair for the repository, as when GitHub rotates a store's key. */
  rotateKey(fullName: string): void {
    Object.assign(this.#repository(fullName), newKey())
  }

  publicKey(fullName: string): { keyId: string; key: string } {
    const repository = this.#repository(fullName)
    return {
      keyId: repository.keyId,
      key: Buffer.from(repository.keyPair.publicKey).toString('base64'),
    }
  }

  secret(fullName: string, name: string): StoredSecret | undefined {
    return this.#repository(fullName).secrets.get(name.toUpperCase())
  }

  /** Seeds a secret, as if a person had stored it in the settings page. */
  setSecret(fullName: string, name: string, value: string): void {
    const now = new Date(this.now())
    const existing = this.secret(fullName, name)
    this.#repository(fullName).secrets.set(name.toUpperCase(), {
      name: name.toUpperCase(),
      value,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    })
  }

  injectFaults(...faults: GitHubFault[]): void {
    this.#faults.push(...faults)
  }

  /** Drops the faults not met yet: the outage is over. */
  clearFaults(): void {
    this.#faults.length = 0
  }

  #repository(fullName: string): Repository {
    const repository = this.#repositories.get(fullName.toLowerCase())
    if (!repository) throw new Error(`emulator: no repository ${fullName}`)
    return repository
  }

  #handle(request: RecordedRequest, res: ServerResponse, socket: Socket): void {
    const path = new URL(request.path, 'http://emulator').pathname
    const route = ROUTES.find((r) => r.method === request.method && r.pattern.test(path))
    const match = route?.pattern.exec(path)
    if (!route || !match) {
      sendJson(res, 404, { message: 'Not Found', documentation_url: DOCS })
      return
    }
    const [, owner, repo, ...rest] = match.map((part) => decodeURIComponent(part))
    const fullName = `${owner ?? ''}/${repo ?? ''}`

    const faultIndex = this.#faults.findIndex((f) => f.on === route.operation || f.on === 'any')
    if (faultIndex >= 0) {
      const [fault] = this.#faults.splice(faultIndex, 1) as [GitHubFault]
      if ('reset' in fault) {
        socket.destroy()
        return
      }
      if ('status' in fault) {
        sendJson(res, fault.status, fault.body ?? { message: 'Injected fault' }, fault.headers)
        return
      }
      fault.before()
    }

    const denied = this.#authorize(request, fullName, route)
    if (denied) {
      sendJson(
        res,
        denied.status,
        { message: denied.message, documentation_url: DOCS },
        denied.headers,
      )
      return
    }
    const repository = this.#repository(fullName)
    switch (route.operation) {
      case 'public-key': {
        const { keyId, key } = this.publicKey(fullName)
        sendJson(res, 200, { key_id: keyId, key })
        return
      }
      case 'metadata': {
        const secret = repository.secrets.get((rest[0] ?? '').toUpperCase())
        if (!secret) sendJson(res, 404, { message: 'Not Found', documentation_url: DOCS })
        else
          sendJson(res, 200, {
            name: secret.name,
            created_at: iso(secret.createdAt),
            updated_at: iso(secret.updatedAt),
          })
        return
      }
      case 'put':
        this.#put(request, res, fullName, rest[0] ?? '', repository)
        return
      case 'run': {
        const [runId, attempt] = rest as [string, string]
        const run = repository.runs.get(`${runId}/${attempt}`)
        if (!run) sendJson(res, 404, { message: 'Not Found', documentation_url: DOCS })
        else
          sendJson(res, 200, {
            id: Number(runId),
            run_attempt: Number(attempt),
            status: 'in_progress',
            created_at: iso(run.createdAt),
            run_started_at: iso(run.runStartedAt),
          })
        return
      }
    }
  }

  #put(
    request: RecordedRequest,
    res: ServerResponse,
    fullName: string,
    name: string,
    repository: Repository,
  ): void {
    const invalid = (message: string): void => {
      sendJson(res, 422, { message, documentation_url: DOCS, status: '422' })
    }
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
    if (key_id !== repository.keyId) {
      invalid('Bad request: key_id does not match the current public key of this repository.')
      return
    }
    if (!STANDARD_BASE64.test(encrypted_value)) {
      invalid('Bad request: encrypted_value is not standard base64 with padding.')
      return
    }
    const opened = openSealedBox(Buffer.from(encrypted_value, 'base64'), repository.keyPair)
    if (opened === undefined) {
      invalid('Bad request: encrypted_value could not be decrypted with the repository key.')
      return
    }
    const existed = repository.secrets.has(name.toUpperCase())
    this.setSecret(fullName, name, Buffer.from(opened).toString('utf8'))
    res.writeHead(existed ? 204 : 201)
    res.end()
  }

  #authorize(
    request: RecordedRequest,
    fullName: string,
    route: Route,
  ): { status: number; message: string; headers?: Record<string, string> } | undefined {
    const header = String(request.headers['authorization'] ?? '')
    const token = /^(?:token|bearer) (.+)$/i.exec(header)?.[1]
    if (!token) return { status: 401, message: 'Requires authentication' }
    const grant = this.#tokens.get(token)
    if (!grant) return { status: 401, message: 'Bad credentials' }
    const known = this.#repositories.has(fullName.toLowerCase())
    const visible =
      grant.repositories === 'all' ||
      grant.repositories.some((r) => r.toLowerCase() === fullName.toLowerCase())
    if (!known || !visible) return { status: 404, message: 'Not Found' }
    let allowed: boolean
    let permission: string
    if ('secrets' in route.needs) {
      const needs = route.needs.secrets
      permission = `secrets=${needs}`
      allowed =
        grant.kind !== 'workflow' &&
        (grant.secrets === 'write' || (grant.secrets === 'read' && needs === 'read'))
    } else {
      permission = 'actions=read'
      allowed = (grant.actions ?? 'none') === 'read'
    }
    if (allowed) return undefined
    return {
      status: 403,
      message:
        grant.kind === 'fine-grained-pat'
          ? 'Resource not accessible by personal access token'
          : 'Resource not accessible by integration',
      headers: { 'x-accepted-github-permissions': permission },
    }
  }
}

function newKey(): { keyPair: KeyPair; keyId: string } {
  return {
    keyPair: newKeyPair(),
    keyId: String(randomInt(10 ** 11, 10 ** 12)) + String(randomInt(10 ** 6, 10 ** 7)),
  }
}

/** GitHub's timestamps: ISO 8601 without milliseconds. */
function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
