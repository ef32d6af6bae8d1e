/**
 * A world for one test: both emulators on loopback, an OAuth app with a consented user, a repository
 * holding the refresh token in a secret, a GitHub token that may write it, and the workflow's own
 * token, which may read its run.
 */
import { AtlassianEmulator } from '../../emulators/atlassian.js'
import { RunningClock, type EmulatedClock } from '../../emulators/clock.js'
import { GitHubEmulator, type GitHubTokenGrant, type Scope } from '../../emulators/github.js'
import type { TlsIdentity } from '../../emulators/http-server.js'
import { loadGitHubContract } from '../../emulators/openapi-contract.js'
import { runAction, type ActionRun, type ActionRunOptions } from '../../emulators/actions-runner.js'

export const REPOSITORY = 'octo-org/confluence-sync'
export const SECRET_NAME = 'ATLASSIAN_REFRESH_TOKEN'
export const CLIENT_ID = 'emulated-client-id'
export const CLIENT_SECRET = 'emulated-client-secret-4f9d2c7a1b'
export const GITHUB_TOKEN = 'github_pat_11EMULATED0secrets0write0token'
/** The workflow's own GITHUB_TOKEN (`github.token`). */
export const WORKFLOW_TOKEN = 'ghs_EMULATEDworkflowToken0000000000000'
/** The rotating workflow, as GITHUB_WORKFLOW_REF names it. */
export const WORKFLOW_PATH = '.github/workflows/rotate.yml'

export interface RunOptions {
  /** Inputs to add or replace. */
  inputs?: Record<string, string>
  env?: Record<string, string>
  /** When the run was queued (and so read its secrets); default: now on the emulated clock. */
  queuedAt?: number
  /** `github.api_url` as the runner gives it; default: the GitHub emulator's own address. */
  apiUrl?: string
  /** When this job (GITHUB_JOB=rotate) started; default: when the run was queued. */
  jobStartedAt?: number
  /** Sees standard output as it arrives, with the process (e.g. to cancel the job at a point). */
  onStdout?: ActionRunOptions['onStdout']
  /** GITHUB_EVENT_NAME; default `schedule`. */
  eventName?: string
  /** Run as another user (a container job's), with this Node binary. */
  user?: ActionRunOptions['user']
  node?: string
}

export interface Scenario {
  clock: EmulatedClock
  atlassian: AtlassianEmulator
  github: GitHubEmulator
  /** "METHOD path" of every request to either emulator, in the order they arrived. */
  timeline: string[]
  /** The refresh token the repository secret holds now. */
  storedToken(): string | undefined
  /** Runs the bundled action with the standard inputs and the token stored now, as a new run. */
  run(options?: RunOptions): Promise<ActionRun>
  /** The run ids `run` gave, in order (GITHUB_RUN_ID of each run). */
  runIds: string[]
  close(): Promise<void>
}

export interface ScenarioOptions {
  /** When false, the token endpoint issues no new refresh tokens. */
  rotate?: boolean
  githubToken?: GitHubTokenGrant
  /**
   * The workflow token's `actions` permission: the stale-token guard needs read, keeping the
   * schedule alive write (default, as the scheduled example grants).
   */
  workflowActions?: 'write' | 'read' | 'none'
  /** Serve HTTPS with these certificates instead of plain HTTP. */
  tls?: { atlassian: TlsIdentity; github: TlsIdentity }
  /** Where the refresh token lives (default: the repository's own secrets). */
  store?: Scope
  /** Where the GitHub emulator serves the API: '/api/v3' for GitHub Enterprise Server. */
  basePath?: string
}

export async function startScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  // The action reads the real clock; the emulators start from it and move only when a test says so.
  const clock = new RunningClock()
  const timeline: string[] = []
  const atlassian = await new AtlassianEmulator({
    now: () => clock.now(),
    rotate: options.rotate ?? true,
    timeline,
    ...(options.tls && { tls: options.tls.atlassian }),
  }).start()
  // Every request the action sends must match GitHub's published OpenAPI description.
  const contract = await loadGitHubContract()
  const github = await new GitHubEmulator(() => clock.now(), {
    contract: (method, path, body) => contract.check(method, path, body),
    timeline,
    ...(options.tls && { tls: options.tls.github }),
    ...(options.basePath !== undefined && { basePath: options.basePath }),
  }).start()
  github.addRepository(REPOSITORY)
  const store: Scope = options.store ?? { kind: 'repository', repository: REPOSITORY }
  if (store.kind === 'environment') github.addEnvironment(store.repository, store.environment)
  if (store.kind === 'organization') github.addOrganization(store.organization)
  github.addToken(
    GITHUB_TOKEN,
    options.githubToken ?? {
      kind: 'fine-grained-pat',
      repositories: [REPOSITORY],
      secrets: 'write',
    },
  )
  github.addToken(WORKFLOW_TOKEN, {
    kind: 'workflow',
    repositories: [REPOSITORY],
    secrets: 'none',
    actions: options.workflowActions ?? 'write',
  })
  github.addWorkflow(REPOSITORY, WORKFLOW_PATH)
  github.setSecret(store, SECRET_NAME, atlassian.registerApp(CLIENT_ID, CLIENT_SECRET))

  const storedToken = (): string | undefined => github.secret(store, SECRET_NAME)?.value
  let runs = 0
  const runIds: string[] = []
  return {
    runIds,
    clock,
    atlassian,
    github,
    timeline,
    storedToken,
    run: (runOptions = {}) => {
      const runId = String(9000 + ++runs)
      runIds.push(runId)
      const queuedAt = new Date(runOptions.queuedAt ?? clock.now())
      github.addRun(REPOSITORY, runId, '1', {
        createdAt: queuedAt,
        runStartedAt: queuedAt,
        jobs: [
          {
            name: 'rotate',
            status: 'in_progress',
            startedAt: new Date(runOptions.jobStartedAt ?? queuedAt.getTime()),
          },
        ],
      })
      return runAction({
        inputs: {
          'client-id': CLIENT_ID,
          'client-secret': CLIENT_SECRET,
          'refresh-token': storedToken() ?? '',
          'secret-name': SECRET_NAME,
          'github-token': GITHUB_TOKEN,
          'token-url': atlassian.tokenUrl,
          ...runOptions.inputs,
        },
        context: {
          repository: REPOSITORY,
          apiUrl: runOptions.apiUrl ?? github.apiUrl,
          token: WORKFLOW_TOKEN,
          runId,
          runAttempt: '1',
          ...(runOptions.eventName !== undefined && { eventName: runOptions.eventName }),
        },
        ...(runOptions.env && { env: runOptions.env }),
        ...(runOptions.onStdout && { onStdout: runOptions.onStdout }),
        ...(runOptions.user && { user: runOptions.user }),
        ...(runOptions.node && { node: runOptions.node }),
      })
    },
    close: async () => {
      await Promise.all([atlassian.close(), github.close()])
      if (github.contractViolations.length > 0) {
        throw new Error(
          `Requests that do not match GitHub's OpenAPI description:\n${github.contractViolations.join('\n')}`,
        )
      }
    },
  }
}
