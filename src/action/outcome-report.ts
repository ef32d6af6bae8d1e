/**
 * A rotation's outcome, as the runner shows it: the step's outputs, the job summary, the failure
 * annotations and exit status. Runs only once the token is settled (stored, or sealed in the log),
 * so nothing here can cost it; every write to a runner file is guarded (./runner-files.ts), and a
 * file that cannot be written fails the step and says so, after.
 */
import type { ActionError, TokenState } from '../common/errors.js'
import { actionWording, word } from '../common/settings.js'
import { outcomeOutputs } from '../rotation/outputs.js'
import type { SettingProblem } from '../rotation/request.js'
import { describeFailure } from '../rotation/explain.js'
import type { RotationOutcome } from '../rotation/outcome.js'
import type { SecretValues } from '../common/secrets.js'
import { RunnerFiles } from './runner-files.js'
import { inputTitle, titleOf } from './titles.js'
import type { Toolkit } from './toolkit.js'
import type { KeepAliveReport } from './keep-alive.js'

export interface ReportOptions {
  secrets: SecretValues
  now: () => Date
  /** Whether a superseded token fails the step (input "on-superseded"). */
  onSuperseded: 'fail' | 'succeed'
  /** The runner's variables: where its files are. */
  env: Record<string, string | undefined>
  /** Outputs the door adds to the rotation's own (the access-token handoff). */
  extraOutputs?: readonly (readonly [name: string, value: string])[]
  /** What the door's schedule keep-alive did, for the summary. */
  keepAlive?: KeepAliveReport
}

/** The step's verdict, last in the log, in one line: where the refresh token is. */
const VERDICTS: Record<TokenState, string> = {
  unchanged: 'the stored refresh token was not replaced and still works.',
  'maybe-rotated':
    'the refresh token may have been rotated; the error above says until when a re-run recovers it.',
  rejected: 'Atlassian refuses the stored refresh token; the user must consent again.',
  'rotated-not-stored':
    'the new refresh token is NOT stored; store the recovery value above, or re-run, as said there.',
  stored: 'the new refresh token is stored; only what came after failed.',
  overlapped:
    'the secret may not hold the newest refresh token; settle it as said above before the next rotation.',
  'in-doubt':
    'this run sent nothing, but a rotation that was killed may have spent the stored refresh token: settle it as said above before anything rotates it.',
}

/** Reports `outcome`; returns the failure that failed the step, if one did. */
export async function reportOutcome(
  toolkit: Toolkit,
  outcome: RotationOutcome,
  options: ReportOptions,
): Promise<ActionError | undefined> {
  const files = new RunnerFiles(toolkit, options.env)
  const now = options.now()

  // Outputs, so that later steps (also `if: failure()` ones) can use the new tokens.
  for (const [name, value] of outcomeOutputs(outcome)) files.output(name, value)
  for (const [name, value] of options.extraOutputs ?? []) files.output(name, value)
  if (outcome.expiresAt) {
    toolkit.info(`The access token expires at ${outcome.expiresAt.toISOString()} at the latest.`)
  }

  // What stops the step: the rotation's problems, gravest first, unless a superseded token is
  // allowed to pass.
  const superseded = outcome.kind === 'superseded'
  const passes = superseded && options.onSuperseded === 'succeed'
  const problems = passes ? [] : outcome.problems
  if (passes) {
    for (const problem of outcome.problems) {
      toolkit.notice(`${problem.message}\nNext step: ${problem.nextStep}`, {
        title: titleOf(problem),
      })
    }
  }

  // The renderer loads only now: nothing before the first request needs it.
  const { summaryOf } = await import('./summary.js')
  await files.summary(
    summaryOf(outcome, problems, (text) => options.secrets.scrub(text), now, options.keepAlive),
  )

  const fileProblem = await files.problem(outcome)
  const failures = fileProblem ? [...problems, fileProblem] : problems
  const [first] = failures
  if (!first) return undefined
  failures.forEach((problem, i) => {
    const recovery = i === 0 ? outcome.recovery : undefined
    toolkit.error(word(describeFailure(problem, outcome.context, recovery, now), actionWording), {
      title: titleOf(problem),
    })
  })
  const more = failures.length > 1 ? ` (and ${failures.length - 1} more, above)` : ''
  toolkit.setFailed(`${titleOf(first)}${more}: ${VERDICTS[first.tokenState]}`)
  return first
}

/**
 * Input problems: each named, in the log and in the job summary (every run writes one), and the
 * step failed before anything was sent. A summary file that cannot be written is said last, as
 * for a rotation.
 */
export async function reportInputProblems(
  toolkit: Toolkit,
  problems: SettingProblem[],
  options: Pick<ReportOptions, 'secrets' | 'env'>,
): Promise<void> {
  const messages = problems.map((problem) => ({
    input: problem.setting,
    text: options.secrets.scrub(word(problem.message, actionWording)),
  }))
  for (const { input, text } of messages) toolkit.error(text, { title: inputTitle(input) })
  const files = new RunnerFiles(toolkit, options.env)
  files.output('outcome', 'failed')
  const { inputProblemsSummary } = await import('./summary.js')
  await files.summary(inputProblemsSummary(messages))
  const fileProblem = await files.problem({ tokenState: 'unchanged' })
  if (fileProblem) toolkit.error(fileProblem.message, { title: titleOf(fileProblem) })
  toolkit.setFailed(
    `${problems.length} input problem(s); nothing was sent and the stored refresh token was not used.`,
  )
}
