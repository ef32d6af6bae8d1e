/**
 * The running workflow, and enabling it (docs.github.com/rest/actions/workflows#enable-a-workflow):
 * `PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable` answers 204 and needs
 * `actions: write`. The workflow is named by its file, which the API accepts in place of its id.
 */
import type { RetryOptions } from '../common/retry.js'
import type { SecretValues } from '../common/secrets.js'
import type { GitHubClient } from './client.js'
import { callGitHub } from './errors.js'
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
