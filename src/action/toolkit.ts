/**
 * The runner, as the action's door speaks to it: @actions/core, with the two calls that would show
 * secrets anywhere but in a runner's log held back there.
 *
 * The door is handed a {@link Toolkit} rather than importing the module itself, so that the two
 * guards below stay in one place and the door's tests can watch every call.
 */
import * as core from '@actions/core'

/** What the door uses of @actions/core; the module itself has this shape. */
export type Toolkit = Pick<
  typeof core,
  | 'getInput'
  | 'setSecret'
  | 'setOutput'
  | 'info'
  | 'debug'
  | 'notice'
  | 'warning'
  | 'error'
  | 'startGroup'
  | 'endGroup'
  | 'setFailed'
> & { summary: JobSummary }

/** The job summary, as `core.summary` builds and writes it. */
export interface JobSummary {
  addRaw(text: string, addEOL?: boolean): JobSummary
  write(): Promise<unknown>
}

/**
 * @actions/core for this process. Outside the runner (`GITHUB_ACTIONS` unset: a terminal,
 * local-action) no `::add-mask::` line is printed, since `core.setSecret` prints one wherever it
 * runs and it would show the very value it hides; and without the runner's GITHUB_OUTPUT file no
 * output is set, since `core.setOutput` then prints `::set-output` with the value (tokens, on a
 * terminal that masks nothing): one warning says the outputs are not written.
 */
export function actionsToolkit(env: Record<string, string | undefined>): Toolkit {
  const underRunner = env['GITHUB_ACTIONS'] === 'true'
  let warnedNoOutputFile = false
  return {
    getInput: core.getInput,
    setSecret: (secret) => {
      if (underRunner) core.setSecret(secret)
    },
    setOutput: (name, value) => {
      if (env['GITHUB_OUTPUT']) {
        core.setOutput(name, value)
      } else if (!warnedNoOutputFile) {
        warnedNoOutputFile = true
        core.warning(
          'GITHUB_OUTPUT is not set (not running under the Actions runner): step outputs are not written.',
          { title: 'Step outputs not written' },
        )
      }
    },
    info: core.info,
    debug: core.debug,
    notice: core.notice,
    warning: core.warning,
    error: core.error,
    startGroup: core.startGroup,
    endGroup: core.endGroup,
    setFailed: core.setFailed,
    summary: core.summary,
  }
}
