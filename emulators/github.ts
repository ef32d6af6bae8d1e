/**
 * A loopback emulator of the parts of GitHub's REST API the action uses, speaking real HTTP:
 * Actions secrets of repositories, environments and organizations, each store with a real X25519
 * key pair; repositories and environments; workflow runs and their jobs; workflows, their state
 * and their runs (./github-workflows.ts), and enabling one (recorded in `workflowEnables`);
 * repository variables. A PUT opens the sealed
 * value (201 when it creates a secret, 204 when it updates one; a DELETE answers 204, or 404) with an independent sealed-box implementation (./sealed-box.ts) and keeps the plain value,
 * so a test can read what the action stored and hand it to the next rotation.
 *
 * Tokens behave as GitHub's do (../shared/FACTS.md, "GitHub secrets REST API"): an unknown token
 * gets 401; the workflow's GITHUB_TOKEN, or a token without the needed permission, gets 403
 * "Resource not accessible by …"; what a token cannot see answers 404. Every answer carries a Date
 * header from the emulated clock, and an x-github-request-id as GitHub's do. With `basePath: '/api/v3'`
 * it answers as GitHub Enterprise Server, whose web interface answers every other path.
 */
import { randomInt } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import {
  LoopbackServer,
  sendJson,
  sendText,
  type LoopbackServerOptions,
  type RecordedConnection,
  type RecordedRequest,
} from './http-server.js'
import { newKeyPair, openSealedBox, type KeyPair } from './sealed-box.js'
import {
  WorkflowStore,
  workflowAnswer,
  workflowRunAnswer,
  type StoredWorkflow,
  type StoredWorkflowRun,
  type WorkflowRunSeed,
  type WorkflowState,
} from './github-workflows.js'

type Access = 'none' | 'read' | 'write'

export interface GitHubTokenGrant {
  /** The workflow's GITHUB_TOKEN never has a secrets permission, whatever the workflow asks for. */
  kind: 'fine-grained-pat' | 'app-installation' | 'workflow'
  /** `owner/name` of each repository the token can see, or every repository. */
  repositories: string[] | 'all'
  /** Repository permission "Secrets". */
  secrets: Access
  /** Repository permission "Environments" (environment secrets). */
  environments?: Access
  /** Organization permission "Secrets", for these organizations. */
  organizationSecrets?: { organizations: string[]; access: Access }
  /**
   * Repository permission "Actions": read for workflow runs, write to enable a workflow (the
   * workflow's GITHUB_TOKEN has it with `permissions: actions: write`).
   */
  actions?: Access
  /** Repository permission "Variables" (configuration variables). */
  variables?: Access
}

export interface StoredSecret {
  name: string
  /** The plain value, as GitHub would hold it after opening the sealed box. */
  value: string
  createdAt: Date
  updatedAt: Date
  /** Organization secrets: who may use it. */
  visibility?: 'all' | 'private' | 'selected'
  selectedRepositoryIds?: number[]
}

export interface StoredVariable {
  name: string
  value: string
  createdAt: Date
  updatedAt: Date
}

/** A workflow of a repository, as the Actions API knows it (./github-workflows.ts). */
export type Workflow = StoredWorkflow

/** A call to enable a workflow that GitHub answered 204. */
export interface WorkflowEnable {
  repository: string
  /** As the request named it: the file name or the id. */
  workflow: string
  /** The state before the call. */
  was: Workflow['state']
  at: Date
}

export interface WorkflowRunAttempt {
  createdAt: Date
  runStartedAt: Date
  jobs?: { name: string; status: 'queued' | 'in_progress' | 'completed'; startedAt: Date }[]
}

type Operation =
  | 'public-key'
  | 'put'
  | 'delete'
  | 'metadata'
  | 'selected-repositories'
  | 'repository'
  | 'environment'
  | 'run'
  | 'jobs'
  | 'variable'
  | 'create-variable'
  | 'update-variable'
  | 'workflow'
  | 'workflow-runs'
  | 'enable-workflow'

/**
 * Something the next matching request meets instead of, or before, the normal answer. With
 * `secret`, only a request on that secret matches (a write of the token, not of its lock).
 */
export type GitHubFault = GitHubFaultKind & { secret?: string }

type GitHubFaultKind =
  /**
   * Answer with this instead: `body` as JSON, or `text` as it is, with `contentType` if given (a
   * proxy's page may carry any type, or none). `from: 'proxy'` answers as something between the
   * runner and GitHub would, without GitHub's x-github-request-id.
   */
  | {
      on: Operation | 'any'
      status: number
      /** Done first (e.g. another rotation's write), then this answer. */
      before?: () => void
      body?: unknown
      text?: string
      contentType?: string
      headers?: Record<string, string>
      from?: 'github' | 'proxy'
    }
  /** Close the connection instead of answering. */
  | { on: Operation | 'any'; reset: true }
  /** Do this first (e.g. rotate the key), then answer normally. */
  | { on: Operation | 'any'; before: () => void }
  /** Answer normally, then do this (e.g. another rotation's write, right after this one). */
  | { on: Operation | 'any'; after: () => void }
  /** Wait until `release` resolves, then answer normally (a slow GitHub, to cancel meanwhile). */
  | { on: Operation | 'any'; hold: Promise<void> }
  /** Do what the request asks (a write is applied), then close the connection: the answer is lost. */
  | { on: Operation | 'any'; loseAnswer: true }

interface SecretStore {
  keyPair: KeyPair
  keyId: string
  secrets: Map<string, StoredSecret>
}

interface Repository {
  id: number
  fullName: string
  store: SecretStore
  environments: Map<string, SecretStore>
  runs: Map<string, WorkflowRunAttempt>
  variables: Map<string, StoredVariable>
  workflows: WorkflowStore
}

/** Which secret store: a repository's, one of its environments', or an organization's. */
export type Scope =
  | { kind: 'repository'; repository: string }
  | { kind: 'environment'; repository: string; environment: string }
  | { kind: 'organization'; organization: string }

interface Route {
  operation: Operation
  method: string
  pattern: RegExp
  scope: (parts: string[]) => Scope
  /** The permission it needs, in the grant's terms. */
  needs: 'read' | 'write'
  permission: 'secrets' | 'actions' | 'metadata' | 'variables'
}

const REPO = '/repos/([^/]+)/([^/]+)'
const ENV = `${REPO}/environments/([^/]+)`
const ORG = '/orgs/([^/]+)'
const repoScope = (p: string[]): Scope => ({ kind: 'repository', repository: `${p[0]}/${p[1]}` })
const envScope = (p: string[]): Scope => ({
  kind: 'environment',
  repository: `${p[0]}/${p[1]}`,
  environment: p[2] ?? '',
})
const orgScope = (p: string[]): Scope => ({ kind: 'organization', organization: p[0] ?? '' })

function secretRoutes(prefix: string, scope: (p: string[]) => Scope): Route[] {
  return [
    {
      operation: 'public-key',
      method: 'GET',
      pattern: new RegExp(`^${prefix}/secrets/public-key$`),
      scope,
      needs: 'read',
      permission: 'secrets',
    },
    {
      operation: 'selected-repositories',
      method: 'GET',
      pattern: new RegExp(`^${prefix}/secrets/([^/]+)/repositories$`),
      scope,
      needs: 'read',
      permission: 'secrets',
    },
    {
      operation: 'metadata',
      method: 'GET',
      pattern: new RegExp(`^${prefix}/secrets/([^/]+)$`),
      scope,
      needs: 'read',
      permission: 'secrets',
    },
    {
      operation: 'put',
      method: 'PUT',
      pattern: new RegExp(`^${prefix}/secrets/([^/]+)$`),
      scope,
      needs: 'write',
      permission: 'secrets',
    },
    {
      operation: 'delete',
      method: 'DELETE',
      pattern: new RegExp(`^${prefix}/secrets/([^/]+)$`),
      scope,
      needs: 'write',
      permission: 'secrets',
    },
  ]
}

const ROUTES: Route[] = [
  ...secretRoutes(`${REPO}/actions`, repoScope),
  ...secretRoutes(ENV, envScope),
  ...secretRoutes(`${ORG}/actions`, orgScope),
  {
    operation: 'environment',
    method: 'GET',
    pattern: new RegExp(`^${ENV}$`),
    scope: envScope,
    needs: 'read',
    permission: 'metadata',
  },
  {
    operation: 'repository',
    method: 'GET',
    pattern: new RegExp(`^${REPO}$`),
    scope: repoScope,
    needs: 'read',
    permission: 'metadata',
  },
  {
    operation: 'run',
    method: 'GET',
    pattern: new RegExp(`^${REPO}/actions/runs/(\\d+)/attempts/(\\d+)$`),
    scope: repoScope,
    needs: 'read',
    permission: 'actions',
  },
  {
    operation: 'jobs',
    method: 'GET',
    pattern: new RegExp(`^${REPO}/actions/runs/(\\d+)/attempts/(\\d+)/jobs$`),
    scope: repoScope,
    needs: 'read',
    permission: 'actions',
  },
  // Actions workflows, named by id or file name (docs.github.com/rest/actions/workflows).
  {
    operation: 'workflow',
    method: 'GET',
    pattern: new RegExp(`^${REPO}/actions/workflows/([^/]+)$`),
    scope: repoScope,
    needs: 'read',
    permission: 'actions',
  },
  {
    operation: 'workflow-runs',
    method: 'GET',
    pattern: new RegExp(`^${REPO}/actions/workflows/([^/]+)/runs$`),
    scope: repoScope,
    needs: 'read',
    permission: 'actions',
  },
  {
    operation: 'enable-workflow',
    method: 'PUT',
    pattern: new RegExp(`^${REPO}/actions/workflows/([^/]+)/enable$`),
    scope: repoScope,
    needs: 'write',
    permission: 'actions',
  },
  {
    operation: 'variable',
    method: 'GET',
    pattern: new RegExp(`^${REPO}/actions/variables/([^/]+)$`),
    scope: repoScope,
    needs: 'read',
    permission: 'variables',
  },
  {
    operation: 'update-variable',
    method: 'PATCH',
    pattern: new RegExp(`^${REPO}/actions/variables/([^/]+)$`),
    scope: repoScope,
    needs: 'write',
    permission: 'variables',
  },
  {
    operation: 'create-variable',
    method: 'POST',
    pattern: new RegExp(`^${REPO}/actions/variables$`),
    scope: repoScope,
    needs: 'write',
    permission: 'variables',
  },
]

const DOCS = 'https://docs.github.com/rest/actions'
const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

export interface GitHubEmulatorOptions extends Omit<LoopbackServerOptions, 'now'> {
  /** Where the API lives on the server: '' for api.github.com, '/api/v3' for GHES. */
  basePath?: string
  /** Checks each request against GitHub's published description; problems fail the request. */
  contract?: (method: string, path: string, body: unknown) => string[]
}

export class GitHubEmulator {
  /** Contract problems found in the requests received, for a test to assert there are none. */
  readonly contractViolations: string[] = []
  /** Every workflow enabled through the API, in order. */
  readonly workflowEnables: WorkflowEnable[] = []
  readonly #server: LoopbackServer
  readonly #basePath: string
  readonly #contract: GitHubEmulatorOptions['contract']
  readonly #tokens = new Map<string, GitHubTokenGrant>()
  readonly #repositories = new Map<string, Repository>()
  readonly #organizations = new Map<string, SecretStore>()
  readonly #faults: GitHubFault[] = []
  #nextId = 1_000_000

  constructor(
    private readonly now: () => number,
    options: GitHubEmulatorOptions = {},
  ) {
    const { basePath = '', contract, ...server } = options
    this.#basePath = basePath
    this.#contract = contract
    this.#server = new LoopbackServer(
      (request, response, socket) => this.#handle(request, response, socket),
      { ...server, now },
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
    return `${this.#server.url}${this.#basePath}`
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

  addRepository(fullName: string): this {
    this.#repositories.set(fullName.toLowerCase(), {
      id: this.#nextId++,
      fullName,
      store: newStore(),
      environments: new Map(),
      runs: new Map(),
      variables: new Map(),
      workflows: new WorkflowStore(
        () => this.#nextId++,
        () => this.now(),
      ),
    })
    return this
  }

  repositoryId(fullName: string): number {
    return this.#repository(fullName).id
  }

  addEnvironment(fullName: string, environment: string): this {
    this.#repository(fullName).environments.set(environment.toLowerCase(), newStore())
    return this
  }

  addOrganization(organization: string): this {
    this.#organizations.set(organization.toLowerCase(), newStore())
    return this
  }

  addToken(token: string, grant: GitHubTokenGrant): this {
    this.#tokens.set(token, grant)
    return this
  }

  /** Records a workflow run attempt, as the Actions API reports it. */
  addRun(fullName: string, runId: string, attempt: string, run: WorkflowRunAttempt): this {
    this.#repository(fullName).runs.set(`${runId}/${attempt}`, run)
    return this
  }

  /** A new key pair for a store, as when GitHub rotates a store's key. */
  rotateKey(scope: string | Scope): void {
    Object.assign(this.#store(toScope(scope)), newKey())
  }

  publicKey(scope: string | Scope): { keyId: string; key: string } {
    const store = this.#store(toScope(scope))
    return { keyId: store.keyId, key: Buffer.from(store.keyPair.publicKey).toString('base64') }
  }

  /** A secret of a repository (`owner/name`) or of another scope. */
  secret(scope: string | Scope, name: string): StoredSecret | undefined {
    return this.#store(toScope(scope)).secrets.get(name.toUpperCase())
  }

  /** Seeds a secret, as if a person had stored it in the settings page. */
  setSecret(
    scope: string | Scope,
    name: string,
    value: string,
    organization?: Pick<StoredSecret, 'visibility' | 'selectedRepositoryIds'>,
  ): void {
    const store = this.#store(toScope(scope))
    const now = new Date(this.now())
    const existing = store.secrets.get(name.toUpperCase())
    store.secrets.set(name.toUpperCase(), {
      name: name.toUpperCase(),
      value,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      ...(organization ?? {}),
    })
  }

  /** Deletes a secret, as a person would in the settings page; false when there was none. */
  deleteSecret(scope: string | Scope, name: string): boolean {
    return this.#store(toScope(scope)).secrets.delete(name.toUpperCase())
  }

  /** Puts a secret back exactly as it was (its timestamps included), as a test's undo. */
  restoreSecret(scope: string | Scope, secret: StoredSecret): void {
    this.#store(toScope(scope)).secrets.set(secret.name.toUpperCase(), { ...secret })
  }

  /** A repository variable, as the settings page shows it. */
  variable(fullName: string, name: string): StoredVariable | undefined {
    return this.#repository(fullName).variables.get(name.toUpperCase())
  }

  /** Seeds a repository variable, as if a person had set it in the settings page. */
  setVariable(fullName: string, name: string, value: string): void {
    const variables = this.#repository(fullName).variables
    const now = new Date(this.now())
    const existing = variables.get(name.toUpperCase())
    variables.set(name.toUpperCase(), {
      name: name.toUpperCase(),
      value,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    })
  }

  /**
   * Seeds a workflow, by its file name or its path (`.github/workflows/file.yml`): active unless
   * the state (alone, or among the options) says otherwise.
   */
  addWorkflow(
    fullName: string,
    fileOrPath: string,
    options: WorkflowState | { name?: string; state?: WorkflowState } = {},
  ): StoredWorkflow {
    const given = typeof options === 'string' ? { state: options } : options
    return this.#repository(fullName).workflows.add(fileOrPath, given)
  }

  /** A workflow by id, file name or path, as the API (or the runner's workflow ref) names it. */
  workflow(fullName: string, idOrFile: string | number): StoredWorkflow | undefined {
    return this.#repository(fullName).workflows.find(idOrFile)
  }

  /** Sets a workflow's state, as a person (or GitHub, after 60 days without activity) would. */
  setWorkflowState(fullName: string, idOrFile: string | number, state: WorkflowState): void {
    const workflow = this.#workflowOf(fullName, idOrFile)
    workflow.state = state
    workflow.updatedAt = new Date(this.now())
  }

  /** Seeds a run of a workflow: a scheduled, successful one unless the seed says otherwise. */
  addWorkflowRun(
    fullName: string,
    idOrFile: string | number,
    seed: WorkflowRunSeed,
  ): StoredWorkflowRun {
    return this.#repository(fullName).workflows.addRun(this.#workflowOf(fullName, idOrFile), seed)
  }

  #workflowOf(fullName: string, idOrFile: string | number): StoredWorkflow {
    const workflow = this.workflow(fullName, idOrFile)
    if (!workflow) throw new Error(`emulator: no workflow ${String(idOrFile)} in ${fullName}`)
    return workflow
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

  #store(scope: Scope): SecretStore {
    const store = this.#findStore(scope)
    if (!store) throw new Error(`emulator: no secret store for ${JSON.stringify(scope)}`)
    return store
  }

  #findStore(scope: Scope): SecretStore | undefined {
    switch (scope.kind) {
      case 'repository':
        return this.#repositories.get(scope.repository.toLowerCase())?.store
      case 'environment':
        return this.#repositories
          .get(scope.repository.toLowerCase())
          ?.environments.get(scope.environment.toLowerCase())
      case 'organization':
        return this.#organizations.get(scope.organization.toLowerCase())
    }
  }

  async #handle(request: RecordedRequest, res: ServerResponse, socket: Socket): Promise<void> {
    // Every answer of GitHub's, its web interface's included, carries a request id.
    res.setHeader('x-github-request-id', newRequestId())
    const url = new URL(request.path, 'http://emulator')
    const notFound = (): void => {
      sendJson(res, 404, { message: 'Not Found', documentation_url: DOCS })
    }
    if (!url.pathname.startsWith(`${this.#basePath}/`)) {
      if (this.#basePath === '') notFound()
      else this.#webInterface(request, res)
      return
    }
    const path = url.pathname.slice(this.#basePath.length)
    if (this.#contract) {
      const problems = this.#contract(request.method, `${path}${url.search}`, request.body)
      if (problems.length > 0) {
        this.contractViolations.push(...problems.map((p) => `${request.method} ${path}: ${p}`))
        sendJson(res, 400, { message: `Contract violation: ${problems.join('; ')}` })
        return
      }
    }
    const route = ROUTES.find((r) => r.method === request.method && r.pattern.test(path))
    const match = route?.pattern.exec(path)
    if (!route || !match) {
      notFound()
      return
    }
    const parts = match.slice(1).map((part) => decodeURIComponent(part))
    const scope = route.scope(parts)

    const onSecret = ['put', 'delete', 'metadata'].includes(route.operation)
      ? (parts[parts.length - 1] ?? '').toUpperCase()
      : undefined
    const faultIndex = this.#faults.findIndex(
      (f) =>
        (f.on === route.operation || f.on === 'any') &&
        (f.secret === undefined || f.secret.toUpperCase() === onSecret),
    )
    if (faultIndex >= 0) {
      const [fault] = this.#faults.splice(faultIndex, 1) as [GitHubFault]
      if ('reset' in fault) {
        socket.destroy()
        return
      }
      if ('status' in fault) {
        fault.before?.()
        if (fault.from === 'proxy') res.removeHeader('x-github-request-id')
        if (fault.text === undefined) {
          sendJson(res, fault.status, fault.body ?? { message: 'Injected fault' }, fault.headers)
        } else {
          sendText(res, fault.status, fault.text, fault.contentType, fault.headers)
        }
        return
      }
      if ('before' in fault) fault.before()
      if ('hold' in fault) await fault.hold
      if ('loseAnswer' in fault) {
        const denied = this.#authorize(request, scope, route)
        if (!denied) this.#answer(route, parts, scope, request, droppingAnswer(socket))
        socket.destroy()
        return
      }
      if ('after' in fault) res.once('finish', fault.after)
    }

    const denied = this.#authorize(request, scope, route)
    if (denied) {
      sendJson(
        res,
        denied.status,
        { message: denied.message, documentation_url: DOCS },
        denied.headers,
      )
      return
    }
    this.#answer(route, parts, scope, request, res)
  }

  /**
   * GitHub Enterprise Server's web interface, which answers every path outside /api/v3. A request
   * with a token in its Authorization header but no browser session is sent to the sign-in page: a
   * 302 to /login?return_to=… with the web framework's "You are being redirected" page. That is
   * what clients report meeting when their base URL lacks /api/v3 (semantic-release/cli#247,
   * octokit.rb#475, PyGithub#769, jspm/github#29, mozilla/agithub#18); following the redirect
   * reaches the sign-in page (HTML, or 406 to an Accept of JSON: masutaka/compare_linker#29).
   * An instance without private mode may show its HTML 404 page instead: the unit tests cover
   * that answer.
   */
  #webInterface(request: RecordedRequest, res: ServerResponse): void {
    const origin = this.#server.url
    const signIn = `${origin}/login?return_to=${encodeURIComponent(`${origin}${request.path}`)}`
    sendText(
      res,
      302,
      `<html><body>You are being <a href="${signIn}">redirected</a>.</body></html>`,
      'text/html; charset=utf-8',
      { location: signIn, 'cache-control': 'no-cache' },
    )
  }

  #answer(
    route: Route,
    parts: string[],
    scope: Scope,
    request: RecordedRequest,
    res: ServerResponse,
  ): void {
    const notFound = (): void => {
      sendJson(res, 404, { message: 'Not Found', documentation_url: DOCS })
    }
    switch (route.operation) {
      case 'repository': {
        const repository = this.#repository(`${parts[0] ?? ''}/${parts[1] ?? ''}`)
        sendJson(res, 200, { id: repository.id, full_name: repository.fullName, name: parts[1] })
        return
      }
      case 'environment': {
        if (!this.#findStore(scope)) notFound()
        else sendJson(res, 200, { id: 1, name: parts[2] })
        return
      }
      case 'variable':
      case 'create-variable':
      case 'update-variable':
        this.#variables(route.operation, parts, request, res)
        return
      case 'workflow':
      case 'workflow-runs':
        this.#workflows(route.operation, parts, request, res)
        return
      case 'enable-workflow': {
        // The workflow by its id or its file name (docs: "Enable a workflow").
        const fullName = `${parts[0] ?? ''}/${parts[1] ?? ''}`
        const named = parts[2] ?? ''
        const workflow = this.#repository(fullName).workflows.find(named)
        if (!workflow) {
          notFound()
          return
        }
        this.workflowEnables.push({
          repository: fullName,
          workflow: named,
          was: workflow.state,
          at: new Date(this.now()),
        })
        workflow.state = 'active'
        workflow.updatedAt = new Date(this.now())
        res.writeHead(204)
        res.end()
        return
      }
      case 'run':
      case 'jobs': {
        const [, , runId, attempt] = parts as [string, string, string, string]
        const run = this.#repository(`${parts[0] ?? ''}/${parts[1] ?? ''}`).runs.get(
          `${runId}/${attempt}`,
        )
        if (!run) notFound()
        else if (route.operation === 'run')
          sendJson(res, 200, {
            id: Number(runId),
            run_attempt: Number(attempt),
            status: 'in_progress',
            created_at: iso(run.createdAt),
            run_started_at: iso(run.runStartedAt),
          })
        else
          sendJson(res, 200, {
            total_count: run.jobs?.length ?? 0,
            jobs: (run.jobs ?? []).map((job, i) => ({
              id: i + 1,
              name: job.name,
              status: job.status,
              started_at: iso(job.startedAt),
            })),
          })
        return
      }
      default:
        break
    }

    const store = this.#findStore(scope)
    if (!store) {
      notFound()
      return
    }
    const secretName = parts[parts.length - 1] ?? ''
    switch (route.operation) {
      case 'public-key': {
        sendJson(res, 200, {
          key_id: store.keyId,
          key: Buffer.from(store.keyPair.publicKey).toString('base64'),
        })
        return
      }
      case 'metadata': {
        const secret = store.secrets.get(secretName.toUpperCase())
        if (!secret) notFound()
        else
          sendJson(res, 200, {
            name: secret.name,
            created_at: iso(secret.createdAt),
            updated_at: iso(secret.updatedAt),
            ...(scope.kind === 'organization' && { visibility: secret.visibility ?? 'private' }),
          })
        return
      }
      case 'selected-repositories': {
        const name = parts[parts.length - 1] ?? ''
        const secret = store.secrets.get(name.toUpperCase())
        if (!secret) {
          notFound()
          return
        }
        const query = new URL(request.path, 'http://emulator').searchParams
        const perPage = Number(query.get('per_page') ?? 30)
        const page = Number(query.get('page') ?? 1)
        const ids = secret.selectedRepositoryIds ?? []
        sendJson(res, 200, {
          total_count: ids.length,
          repositories: ids.slice((page - 1) * perPage, page * perPage).map((id) => ({ id })),
        })
        return
      }
      case 'put':
        this.#put(request, res, scope, secretName, store)
        return
      case 'delete':
        // 204 when it existed, 404 when it did not (docs: "Delete a repository secret").
        if (store.secrets.delete(secretName.toUpperCase())) {
          res.writeHead(204)
          res.end()
        } else notFound()
        return
      default:
        notFound()
    }
  }

  /**
   * A workflow (404 when neither its id nor its file name is known) or its runs, newest first,
   * `per_page` (default 30, at most 100) to a page (docs: "List workflow runs for a workflow").
   */
  #workflows(
    operation: 'workflow' | 'workflow-runs',
    parts: string[],
    request: RecordedRequest,
    res: ServerResponse,
  ): void {
    const repository = this.#repository(`${parts[0] ?? ''}/${parts[1] ?? ''}`)
    const workflow = repository.workflows.find(parts[2] ?? '')
    if (!workflow) {
      sendJson(res, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
      return
    }
    const origin = this.#server.url
    const at = { apiUrl: this.apiUrl, webUrl: origin }
    if (operation === 'workflow') {
      sendJson(res, 200, workflowAnswer(workflow, repository.fullName, at))
      return
    }
    const query = new URL(request.path, 'http://emulator').searchParams
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30))
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1)
    const runs = repository.workflows.runsOf(workflow)
    sendJson(res, 200, {
      total_count: runs.length,
      workflow_runs: runs
        .slice((page - 1) * perPage, page * perPage)
        .map((run) => workflowRunAnswer(run, workflow, repository, at)),
    })
  }

  /** Repository variables (docs.github.com/rest/actions/variables): names as for secrets. */
  #variables(
    operation: 'variable' | 'create-variable' | 'update-variable',
    parts: string[],
    request: RecordedRequest,
    res: ServerResponse,
  ): void {
    const fullName = `${parts[0] ?? ''}/${parts[1] ?? ''}`
    const variables = this.#repository(fullName).variables
    const body = (
      typeof request.body === 'object' && request.body !== null ? request.body : {}
    ) as Record<string, unknown>
    const invalid = (message: string): void => {
      sendJson(res, 422, { message, documentation_url: DOCS, status: '422' })
    }
    const badName = (name: unknown): boolean =>
      typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || /^GITHUB_/i.test(name)
    if (operation === 'create-variable') {
      const { name, value } = body
      if (badName(name) || typeof value !== 'string') {
        invalid(
          'Variable names can only contain alphanumeric characters or underscores, must not start with a number or GITHUB_, and need a value.',
        )
        return
      }
      if (variables.has(String(name).toUpperCase())) {
        sendJson(res, 409, {
          message: 'Already exists - Variable already exists',
          documentation_url: DOCS,
        })
        return
      }
      this.setVariable(fullName, String(name), value)
      sendJson(res, 201, {})
      return
    }
    const existing = variables.get((parts[2] ?? '').toUpperCase())
    if (existing === undefined) {
      sendJson(res, 404, { message: 'Not Found', documentation_url: DOCS })
      return
    }
    if (operation === 'variable') {
      sendJson(res, 200, {
        name: existing.name,
        value: existing.value,
        created_at: iso(existing.createdAt),
        updated_at: iso(existing.updatedAt),
      })
      return
    }
    const { name, value } = body
    if (
      (name !== undefined && badName(name)) ||
      (value !== undefined && typeof value !== 'string')
    ) {
      invalid(
        'Invalid request: "name" and "value" must be strings, and the name a valid variable name.',
      )
      return
    }
    const renamed = typeof name === 'string' ? name.toUpperCase() : existing.name
    variables.delete(existing.name)
    variables.set(renamed, {
      ...existing,
      name: renamed,
      value: typeof value === 'string' ? value : existing.value,
      updatedAt: new Date(this.now()),
    })
    res.writeHead(204)
    res.end()
  }

  #put(
    request: RecordedRequest,
    res: ServerResponse,
    scope: Scope,
    name: string,
    store: SecretStore,
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
    const { encrypted_value, key_id, visibility, selected_repository_ids } = body as Record<
      string,
      unknown
    >
    if (typeof encrypted_value !== 'string' || typeof key_id !== 'string') {
      invalid('Invalid request. "encrypted_value" and "key_id" are required strings.')
      return
    }
    let organization: Pick<StoredSecret, 'visibility' | 'selectedRepositoryIds'> | undefined
    if (scope.kind === 'organization') {
      if (visibility !== 'all' && visibility !== 'private' && visibility !== 'selected') {
        invalid('Invalid request. "visibility" is required: all, private or selected.')
        return
      }
      if (visibility === 'selected') {
        const known = new Set([...this.#repositories.values()].map((r) => r.id))
        if (
          !Array.isArray(selected_repository_ids) ||
          !selected_repository_ids.every((id) => typeof id === 'number' && known.has(id))
        ) {
          invalid(
            'Invalid request. "selected_repository_ids" must list repository ids of the organization.',
          )
          return
        }
        organization = { visibility, selectedRepositoryIds: selected_repository_ids as number[] }
      } else {
        if (selected_repository_ids !== undefined) {
          invalid(
            'Invalid request. "selected_repository_ids" is only allowed with visibility "selected".',
          )
          return
        }
        organization = { visibility }
      }
    }
    if (key_id !== store.keyId) {
      invalid('Bad request: key_id does not match the current public key of this store.')
      return
    }
    if (!STANDARD_BASE64.test(encrypted_value)) {
      invalid('Bad request: encrypted_value is not standard base64 with padding.')
      return
    }
    const opened = openSealedBox(Buffer.from(encrypted_value, 'base64'), store.keyPair)
    if (opened === undefined) {
      invalid('Bad request: encrypted_value could not be decrypted with the key of this store.')
      return
    }
    const existed = store.secrets.has(name.toUpperCase())
    this.setSecret(scope, name, Buffer.from(opened).toString('utf8'), organization)
    res.writeHead(existed ? 204 : 201)
    res.end()
  }

  #authorize(
    request: RecordedRequest,
    scope: Scope,
    route: Route,
  ): { status: number; message: string; headers?: Record<string, string> } | undefined {
    const header = String(request.headers['authorization'] ?? '')
    const token = /^(?:token|bearer) (.+)$/i.exec(header)?.[1]
    if (!token) return { status: 401, message: 'Requires authentication' }
    const grant = this.#tokens.get(token)
    if (!grant) return { status: 401, message: 'Bad credentials' }

    let visible: boolean
    let access: Access
    let permission: string
    if (scope.kind === 'organization') {
      const org = grant.organizationSecrets
      visible =
        this.#organizations.has(scope.organization.toLowerCase()) &&
        org !== undefined &&
        org.organizations.some((o) => o.toLowerCase() === scope.organization.toLowerCase())
      access = grant.kind === 'workflow' ? 'none' : (org?.access ?? 'none')
      permission = `organization_secrets=${route.needs}`
    } else {
      visible =
        this.#repositories.has(scope.repository.toLowerCase()) &&
        (grant.repositories === 'all' ||
          grant.repositories.some((r) => r.toLowerCase() === scope.repository.toLowerCase()))
      if (route.permission === 'metadata') {
        access = 'read'
        permission = 'metadata=read'
      } else if (route.permission === 'actions') {
        access = grant.actions ?? 'none'
        permission = `actions=${route.needs}`
      } else if (route.permission === 'variables') {
        access = grant.kind === 'workflow' ? 'none' : (grant.variables ?? 'none')
        permission = `variables=${route.needs}`
      } else if (scope.kind === 'environment') {
        access = grant.kind === 'workflow' ? 'none' : (grant.environments ?? 'none')
        permission = `environments=${route.needs}`
      } else {
        access = grant.kind === 'workflow' ? 'none' : grant.secrets
        permission = `secrets=${route.needs}`
      }
    }
    if (!visible) return { status: 404, message: 'Not Found' }
    if (access === 'write' || (access === 'read' && route.needs === 'read')) return undefined
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

/** GitHub's request ids look like "C4A2:3B1F0E:1D2E3F:4A5B6C:66F0A1B2": hex fields joined by colons. */
function newRequestId(): string {
  const hex = (digits: number): string =>
    randomInt(16 ** (digits - 1), 16 ** digits)
      .toString(16)
      .toUpperCase()
  return [hex(4), hex(6), hex(6), hex(6), hex(8)].join(':')
}

/** A response that is never sent: whatever is written to it, the connection is closed instead. */
function droppingAnswer(socket: Socket): ServerResponse {
  const dropped = {
    setHeader: () => dropped,
    writeHead: () => dropped,
    end: () => {
      socket.destroy()
      return dropped
    },
  }
  return dropped as unknown as ServerResponse
}

/** `owner/name` means a repository's own store. */
function toScope(scope: string | Scope): Scope {
  return typeof scope === 'string' ? { kind: 'repository', repository: scope } : scope
}

function newKey(): { keyPair: KeyPair; keyId: string } {
  return {
    keyPair: newKeyPair(),
    keyId: String(randomInt(10 ** 11, 10 ** 12)) + String(randomInt(10 ** 6, 10 ** 7)),
  }
}

function newStore(): SecretStore {
  return { ...newKey(), secrets: new Map() }
}

/** GitHub's timestamps: ISO 8601 without milliseconds. */
function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
