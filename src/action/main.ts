/**
 * The action's door: the inputs in (the secret ones masked before anything reads them), one
 * rotation (../rotation/rotate.ts), and its outcome out as the runner shows it: outputs, job
 * summary, the step's status (./outcome-report.ts). Nothing of the runner's is touched while the
 * rotation holds a new token that is not stored yet, but the log lines it says itself.
 */
import { context } from '@actions/github'
import type { ActionError, TokenState } from '../common/errors.js'
import { actionWording, asText, word } from '../common/settings.js'
import { systemClock } from '../common/retry.js'
import { SecretValues } from '../common/secrets.js'
import type { RotationEvents } from '../rotation/events.js'
import { describeRecovery } from '../rotation/explain.js'
import { handoffExpiry, sealHandoff } from '../handoff/handoff.js'
import type { RotationOutcome } from '../rotation/outcome.js'
import { readSettings, SECRET_SETTINGS } from '../rotation/request.js'
import { rotate, type RotationDependencies } from '../rotation/rotate.js'
import { reportInputProblems, reportOutcome } from './outcome-report.js'
import { withRunIdentity, type RunContext } from './run-identity.js'
import { actionsToolkit, type Toolkit } from './toolkit.js'
import { describeKeepAlive, keepScheduleAlive, type KeepAliveReport } from './keep-alive.js'

/** What the rotation needs (../rotation/rotate.ts), and the runner's side; the door makes the
 * secrets' masker from the toolkit. */
export interface Dependencies extends Omit<RotationDependencies, 'secrets'> {
  /** @actions/core, as ./toolkit.ts guards it. */
  toolkit: Toolkit
}

/** The runner's: its variables, with the run's identity from @actions/github's `context`. */
export function defaultDependencies(
  env: Record<string, string | undefined> = process.env,
  run: RunContext = context,
): Dependencies {
  return {
    toolkit: actionsToolkit(env),
    env: withRunIdentity(env, run),
    clock: systemClock,
    random: Math.random,
    requestTimeoutMs: 30_000,
    // The runner cancels a step with SIGINT, then SIGTERM, then kills it.
    onCancel: (handler) => {
      process.on('SIGINT', handler)
      process.on('SIGTERM', handler)
      return () => {
        process.off('SIGINT', handler)
        process.off('SIGTERM', handler)
      }
    },
    // The runner gives the step its inputs before the process starts.
    tokenHeldSince: {
      at: new Date(performance.timeOrigin),
      what: 'this step started',
      exact: false,
    },
  }
}

/** One rotation as a step of a job; resolves to the failure that failed the step, if one did. */
export async function run(
  deps: Dependencies = defaultDependencies(),
): Promise<ActionError | undefined> {
  const { toolkit } = deps
  const secrets = new SecretValues((value) => {
    toolkit.setSecret(value)
  })
  const getInput = (name: string): string => toolkit.getInput(name)

  // The secret inputs are masked before anything else reads them.
  for (const name of SECRET_SETTINGS) secrets.add(getInput(name))
  const { env } = deps
  toolkit.debug(
    `Run ${env['GITHUB_RUN_ID'] ?? '(none)'}, attempt ${env['GITHUB_RUN_ATTEMPT'] ?? '(none)'}, job ${env['GITHUB_JOB'] ?? '(none)'} of ${env['GITHUB_REPOSITORY'] ?? '(no repository)'}.`,
  )
  const read = readSettings(getInput, env)
  if (!read.ok) {
    await reportInputProblems(toolkit, read.problems, { secrets, env })
    return undefined
  }
  const outcome = await rotate(read.request, { ...deps, secrets }, runnerEvents(toolkit))
  const handoff = await handoffOutput(
    outcome,
    read.request.handoffKey ?? read.request.clientSecret,
    env,
    toolkit,
  )
  // After the rotation: the refresh token is settled whatever happens here (./keep-alive.ts).
  const keepAlive = await keepAliveStep(outcome, read, { ...deps, secrets })
  return reportOutcome(toolkit, outcome, {
    secrets,
    now: () => new Date(deps.clock.now()),
    onSuperseded: read.onSuperseded,
    env,
    extraOutputs: handoff === undefined ? [] : [['access-token-handoff', handoff]],
    keepAlive,
  })
}

/** Token states after which nothing about the refresh token is left to report or to do. */
const SETTLED: ReadonlySet<TokenState> = new Set<TokenState>(['stored', 'unchanged'])

/**
 * Enables this workflow so that GitHub keeps its schedule (./keep-alive.ts). Never fails the step
 * and never throws: at worst a notice or a warning. A cancelled job has seconds left, and its
 * outputs come first: skipped then.
 */
async function keepAliveStep(
  outcome: RotationOutcome,
  read: Extract<ReturnType<typeof readSettings>, { ok: true }>,
  deps: Dependencies & { secrets: SecretValues },
): Promise<KeepAliveReport> {
  const { toolkit } = deps
  if (outcome.kind === 'cancelled') return { state: 'off', reason: 'the job was cancelled' }
  // A refresh token that may be only in this run (its recovery value) or may be rotated comes
  // first: its outputs and the next step are written without waiting for this call.
  if (!SETTLED.has(outcome.tokenState)) {
    return { state: 'off', reason: 'the refresh token needs attention first (see above)' }
  }
  let report: KeepAliveReport
  try {
    report = await keepScheduleAlive({
      setting: read.keepScheduleAlive,
      dryRun: read.request.dryRun,
      env: deps.env,
      workflowToken: read.request.workflowToken,
      githubApiUrl: read.request.githubApiUrl,
      secrets: deps.secrets,
      clock: deps.clock,
      random: deps.random,
      requestTimeoutMs: deps.requestTimeoutMs,
      onCancel: deps.onCancel,
    })
  } catch (error) {
    report = {
      state: 'failed',
      workflow: undefined,
      reason: `an unexpected ${error instanceof Error ? error.name : 'error'}`,
    }
  }
  const said = describeKeepAlive(report)
  if (said) {
    const message = word(said.message, actionWording)
    if (said.level === 'info') toolkit.info(message)
    else toolkit[said.level](message, { title: said.title })
  }
  return report
}

/**
 * The new access token sealed for the other jobs of this run (../handoff/handoff.ts), when a
 * usable one came. Made after the rotation, once the refresh token is settled: nothing here can
 * cost it.
 */
async function handoffOutput(
  outcome: RotationOutcome,
  keySecret: string,
  env: Record<string, string | undefined>,
  toolkit: Toolkit,
): Promise<string | undefined> {
  const accessToken = outcome.tokens?.accessToken
  const sentAt = outcome.context.grantSentAt
  // A cancelled job has seconds left: the rotation's own outputs come first.
  if (accessToken === undefined || sentAt === undefined || outcome.kind === 'cancelled') {
    return undefined
  }
  try {
    return await sealedForOtherJobs(accessToken, sentAt, outcome, keySecret, env, toolkit)
  } catch (error) {
    // Optional: nothing about the handoff may keep the rotation's outcome from being reported.
    toolkit.warning(
      `No access-token-handoff output: making it failed (${error instanceof Error ? error.name : 'error'}). The refresh token is not affected.`,
      { title: 'No access-token handoff' },
    )
    return undefined
  }
}

async function sealedForOtherJobs(
  accessToken: string,
  sentAt: Date,
  outcome: RotationOutcome,
  keySecret: string,
  env: Record<string, string | undefined>,
  toolkit: Toolkit,
): Promise<string | undefined> {
  const repository = env['GITHUB_REPOSITORY']
  const runId = env['GITHUB_RUN_ID']
  const runAttempt = env['GITHUB_RUN_ATTEMPT']
  if (repository === undefined || runId === undefined || runAttempt === undefined) {
    toolkit.warning(
      'No access-token-handoff output: the runner did not name the repository, run and attempt (GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT) that a handoff is bound to.',
      { title: 'No access-token handoff' },
    )
    return undefined
  }
  const expiresAt = handoffExpiry(outcome.expiresAt, sentAt)
  try {
    const handoff = await sealHandoff(
      {
        accessToken,
        expiresAt,
        scope: outcome.tokens?.scope,
        tokenType: outcome.tokens?.tokenType,
        cloudId: outcome.site?.site.id,
        apiBaseUrl: outcome.site?.apiBaseUrl,
        jiraApiBaseUrl: outcome.site?.jiraApiBaseUrl,
      },
      keySecret,
      { repository, runId, runAttempt },
    )
    toolkit.info(
      `Output access-token-handoff: the access token sealed for the other jobs of run ${runId} (attempt ${runAttempt} or later), good until ${expiresAt.toISOString()} at the latest.`,
    )
    return handoff
  } catch (error) {
    toolkit.warning(
      `No access-token-handoff output: sealing it failed (${error instanceof Error ? error.name : 'error'}). The refresh token is not affected.`,
      { title: 'No access-token handoff' },
    )
    return undefined
  }
}

/** The rotation's progress as log lines and annotations; the recovery value in its own group. */
function runnerEvents(toolkit: Toolkit): RotationEvents {
  return {
    info: (message) => {
      toolkit.info(word(asText(message), actionWording))
    },
    notice: (message, title) => {
      toolkit.notice(word(asText(message), actionWording), title === undefined ? {} : { title })
    },
    warning: (message, title) => {
      toolkit.warning(word(asText(message), actionWording), title === undefined ? {} : { title })
    },
    // Shown when the run has step debug logging on (ACTIONS_STEP_DEBUG, or "Re-run with debug").
    debug: (message) => {
      toolkit.debug(message)
    },
    recovery: (recovery, context) => {
      toolkit.startGroup(
        `Recovery value for ${context.secretName} (needed only if this step fails before it is written)`,
      )
      toolkit.info(word(describeRecovery(context, recovery), actionWording))
      toolkit.endGroup()
    },
  }
}
