/**
 * Keeping the rotation's schedule alive. GitHub disables the scheduled workflows of a public
 * repository after 60 days without repository activity (docs: "Disabling and enabling a
 * workflow"); the rotation then stops without a word, and the refresh token dies 30 days later
 * (Atlassian's 90 days unused). On a scheduled run, the action enables its own workflow through
 * the REST API with the workflow's token. That the call answers 204 is what the action checks;
 * that enabling an already enabled workflow restarts the 60-day clock is reported by third
 * parties, not documented by GitHub, so the action says "reported" and never more.
 *
 * Where it runs: after the rotation has returned, so the refresh token is settled (stored, never
 * sent, or its recovery value printed) before this call starts, and nothing of it can cost the
 * token; it uses another token (the workflow's), another request, and its failures and its
 * cancellation end here, as a notice or a warning, never as the step's failure.
 */
import { openNetwork } from '../common/network.js'
import type { Clock, RetryOptions } from '../common/retry.js'
import type { SecretValues } from '../common/secrets.js'
import { named, text, type Text } from '../common/settings.js'
import { ActionError } from '../common/errors.js'
import { createGitHubClient } from '../github/client.js'
import { enableWorkflow, workflowFromRef, type WorkflowFile } from '../github/workflows.js'
import type { CancelListener } from '../rotation/cancellation.js'

/** `auto`: on `schedule` runs only; `true`: on every run; `false`: never. */
export type KeepAliveSetting = 'auto' | 'true' | 'false'

export type KeepAliveReport =
  | { state: 'off'; reason: string }
  /** A dry run changes nothing: it says what a real run would enable. */
  | { state: 'would-enable'; workflow: WorkflowFile }
  | { state: 'enabled'; workflow: WorkflowFile }
  | { state: 'not-permitted'; workflow: WorkflowFile }
  | { state: 'failed'; workflow: WorkflowFile | undefined; reason: string }

export interface KeepAliveOptions {
  setting: KeepAliveSetting
  /** A dry run sends nothing that changes anything: it names the workflow and stops. */
  dryRun: boolean
  /** The runner's variables: GITHUB_EVENT_NAME, GITHUB_WORKFLOW_REF, proxies. */
  env: Record<string, string | undefined>
  /** The workflow's own token (`workflow-token`); '' when not given. */
  workflowToken: string
  githubApiUrl: string
  secrets: SecretValues
  clock: Clock
  random: () => number
  requestTimeoutMs: number
  /** The job's cancellation signals: a cancelled job stops waiting for this call at once. */
  onCancel: CancelListener
}

/** A few seconds of retries at most: this call is worth less than the job's remaining time. */
const KEEP_ALIVE_BUDGET_MS = 20_000

/** Whether the setting asks for a keep-alive on this event; why not, when it does not. */
export function keepAliveWanted(
  setting: KeepAliveSetting,
  eventName: string | undefined,
): { wanted: true } | { wanted: false; reason: string } {
  if (setting === 'false') return { wanted: false, reason: 'keep-schedule-alive is false' }
  if (setting === 'auto' && eventName !== 'schedule') {
    return { wanted: false, reason: `not a scheduled run (event ${eventName ?? 'unknown'})` }
  }
  return { wanted: true }
}

export async function keepScheduleAlive(options: KeepAliveOptions): Promise<KeepAliveReport> {
  const want = keepAliveWanted(options.setting, options.env['GITHUB_EVENT_NAME'])
  if (!want.wanted) return { state: 'off', reason: want.reason }
  const workflow = workflowFromRef(options.env['GITHUB_WORKFLOW_REF'])
  if (workflow === undefined) {
    return {
      state: 'failed',
      workflow: undefined,
      reason: 'the runner gave no GITHUB_WORKFLOW_REF naming the workflow file',
    }
  }
  if (options.dryRun) return { state: 'would-enable', workflow }
  if (options.workflowToken === '') {
    return { state: 'failed', workflow, reason: 'no workflow token was given' }
  }
  const cancel = new AbortController()
  const stopListening = options.onCancel(() => {
    cancel.abort()
  })
  const network = openNetwork({ env: options.env })
  try {
    const github = createGitHubClient({
      token: options.workflowToken,
      baseUrl: options.githubApiUrl,
      network,
      timeoutMs: options.requestTimeoutMs,
    })
    const retry: RetryOptions = {
      clock: options.clock,
      deadline: options.clock.now() + KEEP_ALIVE_BUDGET_MS,
      maxAttempts: 3,
      baseDelayMs: 1_000,
      maxDelayMs: 5_000,
      random: options.random,
      signal: cancel.signal,
    }
    await enableWorkflow(github, workflow, options.secrets, retry)
    return { state: 'enabled', workflow }
  } catch (error) {
    if (error instanceof ActionError && error.code === 'GITHUB_FORBIDDEN') {
      return { state: 'not-permitted', workflow }
    }
    const reason = cancel.signal.aborted
      ? 'the job was cancelled meanwhile'
      : error instanceof Error
        ? error.message
        : String(error)
    return { state: 'failed', workflow, reason: options.secrets.scrub(reason) }
  } finally {
    stopListening()
    await network.close()
  }
}

const REPORTED =
  "enabling it is reported (by third parties; GitHub does not document it) to restart GitHub's 60-day clock after which a public repository's schedules are disabled"

function workflowName(workflow: WorkflowFile): string {
  return `${workflow.file} of ${workflow.repository.owner}/${workflow.repository.repo}`
}

/** What the log says of the keep-alive: a line, a notice or a warning; nothing when it was off. */
export function describeKeepAlive(
  report: KeepAliveReport,
): { level: 'info' | 'notice' | 'warning'; message: Text; title: string } | undefined {
  switch (report.state) {
    case 'off':
      return undefined
    case 'would-enable':
      return {
        level: 'info',
        message: text`Dry run: a real run would enable the workflow ${workflowName(report.workflow)} to keep its schedule alive (${named('keep-schedule-alive')}); this one changed nothing.`,
        title: 'Schedule keep-alive',
      }
    case 'enabled':
      return {
        level: 'info',
        message: text`Enabled the workflow ${workflowName(report.workflow)} (HTTP 204), to keep its schedule alive: ${REPORTED}.`,
        title: 'Schedule kept alive',
      }
    case 'not-permitted':
      return {
        level: 'notice',
        message: text`Could not enable the workflow ${workflowName(report.workflow)} to keep its schedule alive: the workflow's token lacks "actions: write". Add the line \`actions: write\` under \`permissions:\` in the workflow (it includes \`actions: read\`), or set ${named('keep-schedule-alive')} to false. The rotation is not affected.`,
        title: 'Schedule not kept alive',
      }
    case 'failed':
      return {
        level: 'warning',
        message: text`Could not enable the workflow${report.workflow ? ` ${workflowName(report.workflow)}` : ''} to keep its schedule alive: ${report.reason}. The rotation is not affected; the next scheduled run tries again.`,
        title: 'Schedule not kept alive',
      }
  }
}

/** The summary's words for it, in plain text; undefined when it was off. */
export function keepAliveSummary(report: KeepAliveReport): string | undefined {
  switch (report.state) {
    case 'off':
      return undefined
    case 'would-enable':
      return `a real run would enable ${workflowName(report.workflow)} (dry run: not sent)`
    case 'enabled':
      return `enabled ${workflowName(report.workflow)} (HTTP 204); ${REPORTED}`
    case 'not-permitted':
      return `not enabled: the workflow's token lacks actions: write (add \`actions: write\` under \`permissions:\`)`
    case 'failed':
      return `not enabled: ${report.reason}`
  }
}
