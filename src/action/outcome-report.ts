/**
 * A rotation's outcome, as the runner shows it: the step's outputs, the job summary, the failure
 * annotation and exit status. Runs only once the token is settled (stored, or sealed in the log),
 * so nothing here can cost it; every write to a runner file is guarded, and a file that cannot be
 * written (a full disk, a container user who does not own it) fails the step and says so, after.
 */
import { ActionError } from '../common/errors.js'
import type { SettingProblem } from '../rotation/request.js'
import { actionWording, word } from '../common/settings.js'
import {
  describeFailure,
  renderDryRunSummary,
  renderFailureSummary,
  renderSummary,
  type EndedHow,
} from '../rotation/explain.js'
import type { RotationOutcome } from '../rotation/outcome.js'
import type { Runner } from './runner.js'
import type { SecretValues } from '../common/secrets.js'

export interface ReportOptions {
  secrets: SecretValues
  now: () => Date
  /** Whether a superseded token fails the step (input "on-superseded"). */
  onSuperseded: 'fail' | 'succeed'
}

/** Tokens issued: the refresh token is in the store, in the log (sealed), or nowhere but here. */
const HAS_NEW_TOKEN = new Set(['rotated-not-stored', 'stored', 'overlapped'])

export async function reportOutcome(
  runner: Runner,
  outcome: RotationOutcome,
  options: ReportOptions,
): Promise<void> {
  const files = new RunnerFiles(runner)
  const now = options.now()

  // Outputs, so that later steps (also `if: failure()` ones) can use the new tokens.
  files.output('outcome', outcome.kind)
  files.output('rotated', String(HAS_NEW_TOKEN.has(outcome.tokenState)))
  files.output('secret-updated', String(outcome.stored !== undefined))
  const { tokens } = outcome
  if (tokens) {
    if (tokens.accessToken !== undefined) files.output('access-token', tokens.accessToken)
    if (outcome.nextRefreshToken !== undefined) {
      files.output('refresh-token', outcome.nextRefreshToken)
    }
    files.output('expires-in', tokens.expiresIn === undefined ? '' : String(tokens.expiresIn))
    files.output('expires-at', outcome.expiresAt?.toISOString() ?? '')
    files.output('scope', tokens.scope ?? '')
    files.output('token-type', tokens.tokenType ?? '')
  }
  if (outcome.site) {
    files.output('cloud-id', outcome.site.site.id)
    files.output('api-base-url', outcome.site.apiBaseUrl)
  }
  if (outcome.consent) files.output('reconsent-by', outcome.consent.reconsentBy.toISOString())
  if (outcome.recovery) {
    files.output('recovery-encrypted-value', outcome.recovery.sealed.encryptedValue)
    files.output('recovery-key-id', outcome.recovery.sealed.keyId)
  }
  if (outcome.expiresAt) {
    runner.info(`The access token expires at ${outcome.expiresAt.toISOString()} at the latest.`)
  }

  // What stops the step: the rotation's problems, gravest first, unless a superseded token is
  // allowed to pass.
  const superseded = outcome.kind === 'superseded'
  const passes = superseded && options.onSuperseded === 'succeed'
  const problems = passes ? [] : outcome.problems
  if (passes) {
    for (const problem of outcome.problems) {
      runner.notice(`${problem.message}\nNext step: ${problem.nextStep}`)
    }
  }

  await files.summary(summaryOf(outcome, problems, options, now))

  const fileProblem = files.problem(outcome)
  const [first, ...rest] = fileProblem ? [...problems, fileProblem] : problems
  for (const problem of rest) {
    runner.error(word(describeFailure(problem, outcome.context, undefined, now), actionWording), {
      title: titleOf(problem),
    })
  }
  if (first) {
    runner.setFailed(
      word(describeFailure(first, outcome.context, outcome.recovery, now), actionWording),
      first,
    )
  }
}

/** Input problems: each named, and the step failed before anything was sent. */
export function reportInputProblems(runner: Runner, problems: SettingProblem[]): void {
  for (const problem of problems) {
    runner.error(word(problem.message, actionWording), { title: `Input "${problem.setting}"` })
  }
  const files = new RunnerFiles(runner)
  files.output('outcome', 'failed')
  runner.setFailed(
    `${problems.length} input problem(s); nothing was sent and the stored refresh token was not used.`,
  )
}

function summaryOf(
  outcome: RotationOutcome,
  problems: ActionError[],
  options: ReportOptions,
  now: Date,
): string {
  const { context } = outcome
  if (outcome.kind === 'dry-run' && outcome.plan) return renderDryRunSummary(context, outcome.plan)
  const settled =
    (outcome.kind === 'rotated' || outcome.kind === 'unchanged') && outcome.tokens !== undefined
      ? renderSummary(
          context,
          {
            tokens: outcome.tokens,
            expiresAt: outcome.expiresAt,
            rotated: outcome.kind === 'rotated',
            stored: outcome.stored?.how,
            staleTokenCheck: outcome.staleTokenCheck ?? 'not run',
            accessTokenSecret: outcome.accessTokenSecret,
            site: outcome.site,
            consent: outcome.consent,
          },
          (text) => options.secrets.scrub(text),
        )
      : ''
  const how: EndedHow =
    outcome.kind === 'cancelled'
      ? 'cancelled'
      : outcome.kind === 'superseded'
        ? 'superseded'
        : settled
          ? 'afterwards'
          : 'failed'
  const shown = outcome.kind === 'superseded' ? outcome.problems : problems
  return (
    settled +
    shown
      .map((problem, i) =>
        renderFailureSummary(
          problem,
          context,
          i === 0 ? outcome.recovery : undefined,
          now,
          i === 0 ? how : 'afterwards',
        ),
      )
      .join('')
  )
}

function titleOf(problem: ActionError): string {
  switch (problem.code) {
    case 'ROTATIONS_OVERLAPPED':
      return 'Two rotations overlapped'
    case 'RUNNER_FILE':
      return "The runner's files could not be written"
    default:
      return 'Atlassian token rotation'
  }
}

/**
 * The runner's files, each write guarded: the first failure of each file is kept (what failed and
 * why) and the rest of that file's writes are skipped, since they would fail the same way.
 */
class RunnerFiles {
  readonly #failures = new Map<string, { error: unknown; skipped: string[] }>()

  constructor(private readonly runner: Runner) {}

  output(name: string, value: string): void {
    const failed = this.#failures.get('GITHUB_OUTPUT')
    if (failed) {
      failed.skipped.push(name)
      return
    }
    try {
      this.runner.setOutput(name, value)
    } catch (error) {
      this.#failures.set('GITHUB_OUTPUT', { error, skipped: [name] })
    }
  }

  async summary(html: string): Promise<void> {
    if (html === '') return
    try {
      await this.runner.writeSummary(html)
    } catch (error) {
      this.#failures.set('GITHUB_STEP_SUMMARY', { error, skipped: [] })
    }
  }

  /** The failure to report, if a file could not be written; it comes after everything else. */
  problem(outcome: RotationOutcome): ActionError | undefined {
    if (this.#failures.size === 0) return undefined
    const parts = [...this.#failures].map(([file, { error, skipped }]) => {
      const why = error instanceof Error ? error.message : String(error)
      return file === 'GITHUB_OUTPUT'
        ? `the step outputs could not be written to the runner's GITHUB_OUTPUT file (${why}), so later steps do not get ${skipped.join(', ')}`
        : `the job summary could not be written to the runner's GITHUB_STEP_SUMMARY file (${why})`
    })
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
}
