/**
 * When this run read its secrets: repository and organization secrets are read when a run (attempt)
 * is queued, environment secrets when the job referencing the environment starts (docs: "Secrets
 * reference"; ../shared/FACTS.md, "When a workflow sees a secret"). Read with the workflow's own
 * token, which may read its own runs with `actions: read`.
 */
import { named, text } from '../common/settings.js'
import { ActionError } from '../common/errors.js'
import type { RepositoryRef } from './targets.js'
import type { RetryOptions } from '../common/retry.js'
import type { SecretValues } from '../common/secrets.js'
import type { GitHubClient } from './client.js'
import { callGitHub, isRecord, quote } from './errors.js'
import { restPath } from './rest-path.js'

export interface RunAttempt {
  repository: RepositoryRef
  runId: string
  attempt: string
  /** The job's key in the workflow (GITHUB_JOB), to find this job among the run's jobs. */
  job: string
}

/** The run attempt this process belongs to, from the runner's variables; undefined outside Actions. */
export function currentRunAttempt(env: Record<string, string | undefined>): RunAttempt | undefined {
  const [owner, repo] = (env['GITHUB_REPOSITORY'] ?? '').split('/')
  const runId = env['GITHUB_RUN_ID'] ?? ''
  const attempt = env['GITHUB_RUN_ATTEMPT'] ?? '1'
  if (!owner || !repo || !/^\d+$/.test(runId) || !/^\d+$/.test(attempt)) return undefined
  return { repository: { owner, repo }, runId, attempt, job: env['GITHUB_JOB'] ?? '' }
}

/**
 * The earliest moment this attempt can have read its secrets. A first attempt is queued when the
 * run is created; a re-run attempt when it starts. Erring early only makes the stale-token guard
 * more careful.
 */
export async function fetchSecretsReadAt(
  github: GitHubClient,
  run: RunAttempt,
  secrets: SecretValues,
  retry: RetryOptions,
): Promise<Date> {
  const { owner, repo } = run.repository
  const { data } = await callGitHub({
    github,
    route: `GET ${restPath`/repos/${owner}/${repo}/actions/runs/${run.runId}/attempts/${run.attempt}`}`,
    params: {},
    doing: `read when this workflow run started (run ${run.runId}, attempt ${run.attempt})`,
    subject: `workflow run ${run.runId} of ${owner}/${repo}`,
    subjectSetting: 'repository',
    tokenInput: 'workflow-token',
    permission: '"actions: read" (add `permissions: actions: read` to the job)',
    tokenState: 'unchanged',
    secrets,
    retry,
  })
  const createdAt = isRecord(data) ? parseTime(data['created_at']) : undefined
  const startedAt = isRecord(data) ? parseTime(data['run_started_at']) : undefined
  const readAt = run.attempt === '1' ? minTime(createdAt, startedAt) : (startedAt ?? createdAt)
  if (readAt === undefined) {
    throw new ActionError(
      'GITHUB_UNEXPECTED',
      `GitHub's answer for workflow run ${run.runId} has no readable "run_started_at" or "created_at": ${quote(data, secrets)}.`,
      'unchanged',
      text`Check ${named('github-api-url')}.`,
    )
  }
  return new Date(readAt)
}

function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : time
}

function minTime(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return Math.min(a, b)
}

/**
 * When this job started: the moment it read its environment secrets. The API names jobs by their
 * display name, which is the job's key unless `name:` is set, with the matrix values in brackets;
 * when exactly one running job matches GITHUB_JOB, that is this one. Otherwise the guard cannot
 * tell, and says so.
 */
export async function fetchJobStartedAt(
  github: GitHubClient,
  run: RunAttempt,
  secrets: SecretValues,
  retry: RetryOptions,
): Promise<Date> {
  const { owner, repo } = run.repository
  const { data } = await callGitHub({
    github,
    route: `GET ${restPath`/repos/${owner}/${repo}/actions/runs/${run.runId}/attempts/${run.attempt}/jobs`}`,
    params: { per_page: 100 },
    doing: `read when this job started (run ${run.runId}, attempt ${run.attempt})`,
    subject: `workflow run ${run.runId} of ${owner}/${repo}`,
    subjectSetting: 'repository',
    tokenInput: 'workflow-token',
    permission: '"actions: read" (add `permissions: actions: read` to the job)',
    tokenState: 'unchanged',
    secrets,
    retry,
  })
  const jobs = isRecord(data) && Array.isArray(data['jobs']) ? (data['jobs'] as unknown[]) : []
  const running = jobs.filter(isRecord).filter((job) => {
    const name = job['name']
    return (
      job['status'] === 'in_progress' &&
      typeof name === 'string' &&
      run.job !== '' &&
      (name === run.job || name.startsWith(`${run.job} (`))
    )
  })
  const startedAt = running.length === 1 ? parseTime(running[0]?.['started_at']) : undefined
  if (startedAt === undefined) {
    throw new Error(
      `could not tell which running job of run ${run.runId} is this one (job "${run.job}"${running.length > 1 ? `, ${running.length} running jobs match` : ''}); a job with its own "name:" is not matched`,
    )
  }
  return new Date(startedAt)
}
