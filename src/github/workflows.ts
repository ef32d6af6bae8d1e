/**
 * Workflows through the Actions API (docs.github.com/rest/actions/workflows, /rest/actions/
 * workflow-runs): the running workflow (from GITHUB_WORKFLOW_REF) and enabling it, for the
 * action's keep-alive; a workflow's state and its recent runs, for `status`. A scheduled workflow
 * of a public repository is disabled by GitHub after 60 days without activity (docs: "Disabling
 * and enabling a workflow"), and then the rotation stops without a word.
 *
 * `PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable` answers 204 and needs
 * `actions: write`; the reads need `actions: read`. Every route takes the workflow's file name in
 * place of its id.
 */
import { ActionError } from '../common/errors.js'
import { named, text } from '../common/settings.js'
import type { RetryOptions } from '../common/retry.js'
import type { SecretValues } from '../common/secrets.js'
import type { GitHubClient } from './client.js'
import { callGitHub, isRecord, quote, type GitHubCall } from './errors.js'
import { restPath } from './rest-path.js'
import type { RepositoryRef } from './targets.js'

export interface WorkflowFile {
  repository: RepositoryRef
  /** The file name in .github/workflows/, e.g. `rotate-atlassian-token.yml`. */
  file: string
}

/**
 * The workflow of a run, from GITHUB_WORKFLOW_REF (`owner/repo/.github/workflows/file.yml@ref`,
 * ../shared/FACTS.md, "Workflows"); undefined when the variable is missing or not of that form.
 */
export function workflowFromRef(ref: string | undefined): WorkflowFile | undefined {
  const match = /^([^/@]+)\/([^/@]+)\/\.github\/workflows\/([^/@]+\.ya?ml)@/.exec(ref ?? '')
  if (!match) return undefined
  const [, owner = '', repo = '', file = ''] = match
  return { repository: { owner, repo }, file }
}

/** What the workflow's token needs to enable it, in words. */
export const ENABLE_PERMISSION =
  '"actions: write" (add `actions: write` under `permissions:` in the workflow)'

/** Enables the workflow; enabling an enabled one is allowed and changes nothing visible. */
export async function enableWorkflow(
  github: GitHubClient,
  workflow: WorkflowFile,
  secrets: SecretValues,
  retry: RetryOptions,
): Promise<void> {
  const { owner, repo } = workflow.repository
  await callGitHub({
    github,
    route: `PUT ${restPath`/repos/${owner}/${repo}/actions/workflows/${workflow.file}/enable`}`,
    params: {},
    doing: `enable the workflow ${workflow.file} of ${owner}/${repo}`,
    subject: `workflow ${workflow.file} of ${owner}/${repo}`,
    subjectSetting: 'keep-schedule-alive',
    tokenInput: 'workflow-token',
    permission: ENABLE_PERMISSION,
    // The workflow's token is not the refresh token: nothing here touches it.
    tokenState: 'unchanged',
    secrets,
    retry,
  })
}

export interface WorkflowAccess {
  github: GitHubClient
  repository: RepositoryRef
  secrets: SecretValues
  retry: RetryOptions
}

export interface WorkflowInfo {
  id: number
  name: string
  /** `.github/workflows/FILE.yml`. */
  path: string
  /** `active`, or why it does not run: `disabled_manually`, `disabled_inactivity`, … */
  state: string
  htmlUrl: string | undefined
}

export interface WorkflowRunInfo {
  id: number
  runNumber: number | undefined
  /** schedule, workflow_dispatch, push… */
  event: string
  /** queued, in_progress, completed… */
  status: string
  /** Once completed: success, failure, cancelled, timed_out…; null before. */
  conclusion: string | null
  createdAt: Date
  htmlUrl: string | undefined
}

/** What a token needs to read workflows and their runs, in words. */
export function actionsReadPermission(repository: RepositoryRef): string {
  return `the repository permission "Actions: Read" on ${repository.owner}/${repository.repo} (fine-grained personal access token or GitHub App); a classic personal access token needs the "repo" scope`
}

function call(
  access: WorkflowAccess,
  route: string,
  doing: string,
  params: Record<string, unknown> = {},
): ReturnType<typeof callGitHub> {
  const { owner, repo } = access.repository
  const common: GitHubCall = {
    github: access.github,
    route,
    params,
    doing,
    subject: `the workflow in ${owner}/${repo}`,
    subjectSetting: 'workflow',
    tokenInput: 'github-token',
    permission: actionsReadPermission(access.repository),
    // Reads only: the refresh token is where it was, whatever happens here.
    tokenState: 'unchanged',
    secrets: access.secrets,
    retry: access.retry,
  }
  return callGitHub(common)
}

/** A workflow by id or file name (`rotate-atlassian-token.yml`), as the API takes either. */
export async function readWorkflow(
  access: WorkflowAccess,
  workflow: string,
): Promise<WorkflowInfo> {
  const { owner, repo } = access.repository
  const { data } = await call(
    access,
    `GET ${restPath`/repos/${owner}/${repo}/actions/workflows/${workflow}`}`,
    `read the workflow ${workflow} of ${owner}/${repo}`,
  )
  const id = isRecord(data) ? data['id'] : undefined
  const state = isRecord(data) ? data['state'] : undefined
  if (typeof id !== 'number' || typeof state !== 'string') {
    throw unexpected(`the workflow ${workflow} of ${owner}/${repo}`, '{id, state, …}', data, access)
  }
  return {
    id,
    name: stringOr(data, 'name', workflow),
    path: stringOr(data, 'path', workflow),
    state,
    htmlUrl: isRecord(data) && typeof data['html_url'] === 'string' ? data['html_url'] : undefined,
  }
}

/** The workflow's latest `count` runs (1–100), newest first. */
export async function listRecentRuns(
  access: WorkflowAccess,
  workflow: WorkflowInfo,
  count: number,
): Promise<WorkflowRunInfo[]> {
  const { owner, repo } = access.repository
  const { data } = await call(
    access,
    `GET ${restPath`/repos/${owner}/${repo}/actions/workflows/${workflow.id}/runs`}`,
    `list the recent runs of the workflow ${workflow.path} of ${owner}/${repo}`,
    { per_page: count },
  )
  const runs = isRecord(data) ? data['workflow_runs'] : undefined
  if (!Array.isArray(runs)) {
    throw unexpected(`the runs of ${workflow.path}`, '{total_count, workflow_runs}', data, access)
  }
  const read: WorkflowRunInfo[] = []
  for (const run of runs as unknown[]) {
    if (!isRecord(run)) continue
    const createdAt = typeof run['created_at'] === 'string' ? Date.parse(run['created_at']) : NaN
    if (typeof run['id'] !== 'number' || Number.isNaN(createdAt)) continue
    const conclusion = run['conclusion']
    read.push({
      id: run['id'],
      runNumber: typeof run['run_number'] === 'number' ? run['run_number'] : undefined,
      event: stringOr(run, 'event', ''),
      status: stringOr(run, 'status', ''),
      conclusion: typeof conclusion === 'string' ? conclusion : null,
      createdAt: new Date(createdAt),
      htmlUrl: typeof run['html_url'] === 'string' ? run['html_url'] : undefined,
    })
  }
  // GitHub lists newest first; sorting again keeps that true whatever answered.
  return read.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, count)
}

function stringOr(data: unknown, key: string, fallback: string): string {
  const value = isRecord(data) ? data[key] : undefined
  return typeof value === 'string' ? value : fallback
}

function unexpected(
  what: string,
  shape: string,
  data: unknown,
  access: WorkflowAccess,
): ActionError {
  return new ActionError(
    'GITHUB_UNEXPECTED',
    `GitHub's answer for ${what} is not ${shape}: ${quote(data, access.secrets)}.`,
    'unchanged',
    text`Check ${named('github-api-url')}: it must be the REST API base (https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server).`,
  )
}
