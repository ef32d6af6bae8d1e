/**
 * The runner, as the action's door speaks to it: @actions/core, with the two calls that would show
 * secrets anywhere but in a runner's log held back there.
 *
 * The door is handed a {@link Toolkit} rather than importing the module itself, so that the two
 * guards below stay in one place and the door's tests can watch every call.
 */
import * as core from '@actions/core'
import { TOKEN_OUTPUTS } from '../rotation/outputs.js'

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
 * terminal that masks nothing): one warning says the outputs are not written. Nor are the outputs
 * that hold a token, even with GITHUB_OUTPUT set: a runner stand-in prints every output it is given
 * (@github/local-action's `setOutput` prints `::set-output` lines and writes no file), and outside
 * the runner no mask hides them. The new refresh token is in the secret by then.
 */
export function actionsToolkit(env: Record<string, string | undefined>): Toolkit {
  const underRunner = env['GITHUB_ACTIONS'] === 'true'
  let warnedNoOutputFile = false
  let warnedTokenOutputs = false
  return {
    getInput: core.getInput,
    setSecret: (secret) => {
      if (underRunner) core.setSecret(secret)
    },
    setOutput: (name, value) => {
      if (!env['GITHUB_OUTPUT']) {
        if (!warnedNoOutputFile) {
          warnedNoOutputFile = true
          core.warning(
            'GITHUB_OUTPUT is not set (not running under the Actions runner): step outputs are not written.',
            { title: 'Step outputs not written' },
          )
        }
      } else if (!underRunner && TOKEN_OUTPUTS.has(name)) {
        if (!warnedTokenOutputs) {
          warnedTokenOutputs = true
          core.warning(
            `Not running under the Actions runner: the outputs that hold a token (${[...TOKEN_OUTPUTS].join(', ')}) are not set, since nothing would mask them.`,
            { title: 'Token outputs not set' },
          )
        }
      } else {
        core.setOutput(name, value)
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
