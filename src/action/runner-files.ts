/**
 * The runner's files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), each write guarded: `core.setOutput`
 * and `core.summary.write` throw when a file cannot be written (a full disk, a container user who
 * does not own it: actions/runner issue 3290). The first failure of each file is kept, what failed
 * and why, and that file's later writes are skipped, since they would fail the same way; the door
 * reports it once the token is settled.
 */
import { constants } from 'node:fs'
import { access } from 'node:fs/promises'
import { types } from 'node:util'
import { ActionError } from '../common/errors.js'
import type { RotationOutcome } from '../rotation/outcome.js'
import type { Toolkit } from './toolkit.js'

type RunnerFile = 'GITHUB_OUTPUT' | 'GITHUB_STEP_SUMMARY'

export class RunnerFiles {
  readonly #failures = new Map<RunnerFile, { error: unknown; skipped: string[] }>()

  constructor(
    private readonly toolkit: Toolkit,
    private readonly env: Record<string, string | undefined>,
  ) {}

  output(name: string, value: string): void {
    const failed = this.#failures.get('GITHUB_OUTPUT')
    if (failed) {
      failed.skipped.push(name)
      return
    }
    try {
      this.toolkit.setOutput(name, value)
    } catch (error) {
      this.#failures.set('GITHUB_OUTPUT', { error, skipped: [name] })
    }
  }

  async summary(html: string): Promise<void> {
    if (html === '') return
    try {
      await this.toolkit.summary.addRaw(html, true).write()
    } catch (error) {
      this.#failures.set('GITHUB_STEP_SUMMARY', { error, skipped: [] })
    }
  }

  /** The failure to report, if a file could not be written; it comes after everything else. */
  async problem(outcome: Pick<RotationOutcome, 'tokenState'>): Promise<ActionError | undefined> {
    if (this.#failures.size === 0) return undefined
    const parts = await Promise.all(
      [...this.#failures].map(async ([file, { error, skipped }]) => {
        const why = await this.#reason(file, error)
        return file === 'GITHUB_OUTPUT'
          ? `the step outputs could not be written to the runner's GITHUB_OUTPUT file (${why}), so later steps do not get ${skipped.join(', ')}`
          : `the job summary could not be written to the runner's GITHUB_STEP_SUMMARY file (${why})`
      }),
    )
    const settled =
      outcome.tokenState === 'stored'
        ? 'The new refresh token is stored, so the integration is safe; but '
        : outcome.tokenState === 'unchanged'
          ? 'The stored refresh token is unchanged; but '
          : 'The refresh token is as said above; and '
    return new ActionError(
      'RUNNER_FILE',
      `${settled}${parts.join('; and ')}.`,
      outcome.tokenState,
      "If the job runs in a container as a user other than root, that user cannot write the runner's files (actions/runner issue 3290): run the container as root (`options: --user root`) or give its user write access to the runner's file_commands folder. If the runner's disk is full, free space and re-run.",
    )
  }

  /**
   * The system's own reason when there is one (ENOSPC, EACCES). The toolkit checks the summary
   * file before writing it and then says only "Unable to access summary file", without the
   * system's error: asking the system the same question gets it back.
   */
  async #reason(file: RunnerFile, error: unknown): Promise<string> {
    const told = types.isNativeError(error) ? error.message : String(error)
    const path = this.env[file]
    if (file !== 'GITHUB_STEP_SUMMARY' || !path) return told
    if (types.isNativeError(error) && 'code' in error) return told
    try {
      await access(path, constants.R_OK | constants.W_OK)
      return told
    } catch (systemError) {
      return types.isNativeError(systemError) ? systemError.message : told
    }
  }
}
