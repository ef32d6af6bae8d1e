/**
 * The GitHub emulator's Actions workflows: each repository's workflows with their state (active, or
 * disabled by hand or by GitHub after 60 days without activity in a public repository), and their
 * runs. The answers have the shapes of GitHub's OpenAPI description ("Get a workflow", "List
 * workflow runs for a workflow"), every required property included, so the contract test can
 * check them whole.
 */

/** GitHub's `workflow.state` values (OpenAPI description, schema `workflow`). */
export type WorkflowState =
  'active' | 'deleted' | 'disabled_fork' | 'disabled_inactivity' | 'disabled_manually'

export interface StoredWorkflow {
  id: number
  name: string
  /** `.github/workflows/FILE.yml`: a workflow is also named by its file name in the API. */
  path: string
  state: WorkflowState
  createdAt: Date
  updatedAt: Date
}

export interface StoredWorkflowRun {
  id: number
  workflowId: number
  runNumber: number
  /** What started it: schedule, workflow_dispatch, push… */
  event: string
  status: 'queued' | 'in_progress' | 'completed'
  /** Set once completed: success, failure, cancelled, skipped, timed_out… */
  conclusion: string | null
  createdAt: Date
}

/** What a test seeds: the run's event and outcome, and when it was created. */
export interface WorkflowRunSeed {
  event?: string
  status?: StoredWorkflowRun['status']
  conclusion?: string | null
  createdAt: Date
}

/** One repository's workflows and their runs. */
export class WorkflowStore {
  readonly #workflows: StoredWorkflow[] = []
  readonly #runs: StoredWorkflowRun[] = []

  constructor(
    private readonly nextId: () => number,
    private readonly now: () => number,
  ) {}

  add(fileOrPath: string, options: { name?: string; state?: WorkflowState } = {}): StoredWorkflow {
    const file = fileOrPath.replace(/^\.github\/workflows\//, '')
    const now = new Date(this.now())
    // One workflow per file, as in a repository: seeding a file again sets what it gives.
    const existing = this.find(`.github/workflows/${file}`)
    if (existing !== undefined) {
      if (options.name !== undefined) existing.name = options.name
      if (options.state !== undefined) existing.state = options.state
      existing.updatedAt = now
      return existing
    }
    const workflow: StoredWorkflow = {
      id: this.nextId(),
      name: options.name ?? file.replace(/\.ya?ml$/, ''),
      path: `.github/workflows/${file}`,
      state: options.state ?? 'active',
      createdAt: now,
      updatedAt: now,
    }
    this.#workflows.push(workflow)
    return workflow
  }

  /** By its id or its file name, as the API takes either (`workflow_id`), or by its path. */
  find(idOrFile: string | number): StoredWorkflow | undefined {
    const key = String(idOrFile)
    return this.#workflows.find(
      (workflow) =>
        String(workflow.id) === key ||
        workflow.path === key ||
        workflow.path === `.github/workflows/${key}`,
    )
  }

  addRun(workflow: StoredWorkflow, seed: WorkflowRunSeed): StoredWorkflowRun {
    const status = seed.status ?? 'completed'
    const run: StoredWorkflowRun = {
      id: this.nextId(),
      workflowId: workflow.id,
      runNumber: this.#runs.filter((r) => r.workflowId === workflow.id).length + 1,
      event: seed.event ?? 'schedule',
      status,
      conclusion:
        seed.conclusion !== undefined ? seed.conclusion : status === 'completed' ? 'success' : null,
      createdAt: seed.createdAt,
    }
    this.#runs.push(run)
    return run
  }

  /** A workflow's runs, newest first, as GitHub lists them. */
  runsOf(workflow: StoredWorkflow): StoredWorkflowRun[] {
    return this.#runs
      .filter((run) => run.workflowId === workflow.id)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
  }
}

/** Where the answers point: the API's base and the web interface's origin. */
export interface Addresses {
  apiUrl: string
  webUrl: string
}

/** "Get a workflow" (GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}). */
export function workflowAnswer(
  workflow: StoredWorkflow,
  fullName: string,
  at: Addresses,
): Record<string, unknown> {
  return {
    id: workflow.id,
    node_id: nodeId('W_', workflow.id),
    name: workflow.name,
    path: workflow.path,
    state: workflow.state,
    created_at: iso(workflow.createdAt),
    updated_at: iso(workflow.updatedAt),
    url: `${at.apiUrl}/repos/${fullName}/actions/workflows/${workflow.id}`,
    html_url: `${at.webUrl}/${fullName}/blob/main/${workflow.path}`,
    badge_url: `${at.webUrl}/${fullName}/workflows/${encodeURIComponent(workflow.name)}/badge.svg`,
  }
}

/** One entry of "List workflow runs for a workflow": schema `workflow-run`, every required field. */
export function workflowRunAnswer(
  run: StoredWorkflowRun,
  workflow: StoredWorkflow,
  repository: { id: number; fullName: string },
  at: Addresses,
): Record<string, unknown> {
  const { fullName } = repository
  const runUrl = `${at.apiUrl}/repos/${fullName}/actions/runs/${run.id}`
  const sha = run.id.toString(16).padStart(40, '0')
  const repo = minimalRepository(repository, at)
  return {
    id: run.id,
    name: workflow.name,
    node_id: nodeId('WFR_', run.id),
    head_branch: 'main',
    head_sha: sha,
    path: workflow.path,
    display_title: workflow.name,
    run_number: run.runNumber,
    run_attempt: 1,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: workflow.id,
    url: runUrl,
    html_url: `${at.webUrl}/${fullName}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: iso(run.createdAt),
    updated_at: iso(run.createdAt),
    run_started_at: iso(run.createdAt),
    jobs_url: `${runUrl}/jobs`,
    logs_url: `${runUrl}/logs`,
    check_suite_url: `${at.apiUrl}/repos/${fullName}/check-suites/${run.id}`,
    artifacts_url: `${runUrl}/artifacts`,
    cancel_url: `${runUrl}/cancel`,
    rerun_url: `${runUrl}/rerun`,
    workflow_url: `${at.apiUrl}/repos/${fullName}/actions/workflows/${workflow.id}`,
    head_commit: null,
    repository: repo,
    head_repository: repo,
  }
}

/** Schema `minimal-repository`: the required fields, the URL templates as GitHub writes them. */
function minimalRepository(
  repository: { id: number; fullName: string },
  at: Addresses,
): Record<string, unknown> {
  const { id, fullName } = repository
  const [owner = '', name = ''] = fullName.split('/')
  const api = `${at.apiUrl}/repos/${fullName}`
  const templates: Record<string, string> = {
    archive_url: '/{archive_format}{/ref}',
    assignees_url: '/assignees{/user}',
    blobs_url: '/git/blobs{/sha}',
    branches_url: '/branches{/branch}',
    collaborators_url: '/collaborators{/collaborator}',
    comments_url: '/comments{/number}',
    commits_url: '/commits{/sha}',
    compare_url: '/compare/{base}...{head}',
    contents_url: '/contents/{+path}',
    contributors_url: '/contributors',
    deployments_url: '/deployments',
    downloads_url: '/downloads',
    events_url: '/events',
    forks_url: '/forks',
    git_commits_url: '/git/commits{/sha}',
    git_refs_url: '/git/refs{/sha}',
    git_tags_url: '/git/tags{/sha}',
    hooks_url: '/hooks',
    issue_comment_url: '/issues/comments{/number}',
    issue_events_url: '/issues/events{/number}',
    issues_url: '/issues{/number}',
    keys_url: '/keys{/key_id}',
    labels_url: '/labels{/name}',
    languages_url: '/languages',
    merges_url: '/merges',
    milestones_url: '/milestones{/number}',
    notifications_url: '/notifications{?since,all,participating}',
    pulls_url: '/pulls{/number}',
    releases_url: '/releases{/id}',
    stargazers_url: '/stargazers',
    statuses_url: '/statuses/{sha}',
    subscribers_url: '/subscribers',
    subscription_url: '/subscription',
    tags_url: '/tags',
    teams_url: '/teams',
    trees_url: '/git/trees{/sha}',
  }
  return {
    id,
    node_id: nodeId('R_', id),
    name,
    full_name: fullName,
    owner: simpleUser(owner, id + 1, at),
    private: true,
    html_url: `${at.webUrl}/${fullName}`,
    description: null,
    fork: false,
    url: api,
    ...Object.fromEntries(Object.entries(templates).map(([key, tail]) => [key, `${api}${tail}`])),
  }
}

/** Schema `simple-user`, for a repository's owner. */
function simpleUser(login: string, id: number, at: Addresses): Record<string, unknown> {
  const api = `${at.apiUrl}/users/${login}`
  return {
    login,
    id,
    node_id: nodeId('O_', id),
    avatar_url: `${at.webUrl}/${login}.png`,
    gravatar_id: '',
    url: api,
    html_url: `${at.webUrl}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'Organization',
    site_admin: false,
  }
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}${Buffer.from(String(id)).toString('base64url')}`
}

/** GitHub's timestamps: ISO 8601 without milliseconds. */
function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
