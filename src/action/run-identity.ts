/**
 * Which run this step belongs to, from @actions/github's `context`, in the form the rotation reads
 * it: the runner's variables (src/rotation/request.ts takes the repository default from
 * GITHUB_REPOSITORY; src/github/workflow-run.ts the run, attempt and job). The rotation is shared
 * with the command line tool and knows nothing of the toolkit, so the mapping stays in this door.
 */
import type * as github from '@actions/github'

/** What the door reads of the context; `repo` throws when nothing names the repository. */
export type RunContext = Pick<typeof github.context, 'repo' | 'runId' | 'runAttempt' | 'job'>

/**
 * `env` with the run's identity taken from `context`. Scheduled runs carry no repository in their
 * event payload; `context.repo` then reads GITHUB_REPOSITORY (../shared/FACTS.md, "The runner").
 */
export function withRunIdentity(
  env: Record<string, string | undefined>,
  context: RunContext,
): Record<string, string | undefined> {
  return {
    ...env,
    GITHUB_REPOSITORY: repositoryOf(context),
    GITHUB_RUN_ID: wholeNumber(context.runId),
    GITHUB_RUN_ATTEMPT: wholeNumber(context.runAttempt),
    GITHUB_JOB: context.job || undefined,
  }
}

function repositoryOf(context: RunContext): string | undefined {
  let repo: { owner: string; repo: string }
  try {
    repo = context.repo
  } catch {
    return undefined
  }
  // A half-named repository stays visible as given, so the input check can quote it.
  const named = [repo.owner, repo.repo].filter(Boolean).join('/')
  return named === '' ? undefined : named
}

/** The context parses numbers with parseInt: NaN when the variable is unset. */
function wholeNumber(value: number): string | undefined {
  return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined
}
