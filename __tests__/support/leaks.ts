/**
 * The masking rule the runner imposes: a secret printed before its `::add-mask::` line is shown in
 * clear, and encodings the runner does not mask (hex, base64url) are never hidden.
 * (../shared/FACTS.md, "The runner")
 */
import type { ActionRun } from '../../emulators/actions-runner.js'

/** Every way a value could leak, described; an empty list means the run kept it secret. */
export function findLeaks(run: ActionRun, secrets: Record<string, string | undefined>): string[] {
  const leaks: string[] = []
  const stdoutLines = run.stdout.split('\n')
  for (const [label, value] of Object.entries(secrets)) {
    if (!value) continue
    // `::add-mask::` lines are consumed by the runner, never shown (one may hold a longer value
    // that contains this one); any other line that holds the value must come after its own mask.
    const masked = stdoutLines.indexOf(`::add-mask::${value}`)
    const shown = stdoutLines.findIndex(
      (line) => !line.startsWith('::add-mask::') && line.includes(value),
    )
    if (shown >= 0 && (masked < 0 || masked > shown)) {
      leaks.push(`${label} printed before its ::add-mask:: line: line ${shown + 1}`)
    }
    if (run.stderr.includes(value)) leaks.push(`${label} in stderr`)
    if (run.summary.includes(value)) leaks.push(`${label} in the job summary`)
    for (const [encoding, form] of [
      ['hex', Buffer.from(value).toString('hex')],
      ['base64url', Buffer.from(value).toString('base64url')],
    ] as const) {
      if (run.stdout.includes(form) || run.stderr.includes(form) || run.summary.includes(form)) {
        leaks.push(`${label} in ${encoding}, which the runner does not mask`)
      }
    }
  }
  return leaks
}
