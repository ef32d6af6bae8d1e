/**
 * @actions/github, for tests of the action's door: a `context` as the runner's variables of a
 * scheduled run make it (no repository in the payload).
 */
import type * as github from '@actions/github'

type Context = Pick<typeof github.context, 'repo' | 'runId' | 'runAttempt' | 'job'>

export const context: Context = {
  repo: { owner: 'octo-org', repo: 'confluence-sync' },
  runId: 1000,
  runAttempt: 1,
  job: 'rotate',
}
