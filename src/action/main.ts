/**
 * The action's door: the inputs in (the secret ones masked before anything reads them), one
 * rotation (./rotation/rotate.ts), and its outcome out as the runner shows it: outputs, job
 * summary, the step's status (./outcome-report.ts). Nothing of the runner's is touched while the
 * rotation holds a new token that is not stored yet.
 */
import { readInputs, SECRET_INPUTS } from '../rotation/request.js'
import { reportInputProblems, reportOutcome } from './outcome-report.js'
import { describeRecovery } from '../rotation/explain.js'
import { systemClock } from '../common/retry.js'
import type { RotationEvents } from '../rotation/events.js'
import { rotate, type RotationDependencies } from '../rotation/rotate.js'
import { actionsRunner, type Runner } from './runner.js'
import { SecretValues } from '../common/secrets.js'

export type { Runner } from './runner.js'

/** What the rotation needs (./rotation/rotate.ts), and the runner to speak to; the door makes the
 * secrets' masker from the runner. */
export interface Dependencies extends Omit<RotationDependencies, 'secrets'> {
  runner: Runner
}

export function defaultDependencies(): Dependencies {
  return {
    runner: actionsRunner(),
    env: process.env,
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
    tokenHeldSince: { at: new Date(performance.timeOrigin), what: 'this step started' },
  }
}

export async function run(deps: Dependencies = defaultDependencies()): Promise<void> {
  const { runner } = deps
  const secrets = new SecretValues((value) => runner.setSecret(value))

  // The secret inputs are masked before anything else reads them.
  for (const name of SECRET_INPUTS) secrets.add(runner.getInput(name))
  const read = readInputs((name) => runner.getInput(name), deps.env)
  if (!read.ok) {
    reportInputProblems(runner, read.problems)
    return
  }
  const outcome = await rotate(read.inputs, { ...deps, secrets }, runnerEvents(runner))
  await reportOutcome(runner, outcome, {
    secrets,
    now: () => new Date(deps.clock.now()),
    onSuperseded: read.inputs.onSuperseded,
  })
}

/** The rotation's progress as log lines and annotations; the recovery value in its own group. */
function runnerEvents(runner: Runner): RotationEvents {
  return {
    info: (message) => {
      runner.info(message)
    },
    notice: (message) => {
      runner.notice(message)
    },
    warning: (message) => {
      runner.warning(message)
    },
    // Debug lines wait for the runner to gain a debug channel.
    debug: () => {},
    recovery: (recovery, context) => {
      runner.startGroup(
        `Recovery value for ${context.secretName} (needed only if this step fails before it is written)`,
      )
      runner.info(describeRecovery(context, recovery))
      runner.endGroup()
    },
  }
}
