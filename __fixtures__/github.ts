/**
 * @actions/github, for tests of the action's door: a `context` as the runner's variables of a
 * scheduled run make it (no repository in the payload).
 */
import type * as github from '@actions/github'
import { GitHub, getOctokitOptions } from '@actions/github/lib/utils'

type Context = Pick<typeof github.context, 'repo' | 'runId' | 'runAttempt' | 'job'>

export const context: Context = {
  repo: { owner: 'octo-org', repo: 'confluence-sync' },
  runId: 1000,
  runAttempt: 1,
  job: 'rotate',
}

/**
 * The real `getOctokit`, built as @actions/github builds it, from the module's `./lib/utils` entry
 * (which the mock of '@actions/github' leaves alone): the door's requests still reach the
 * emulators through Octokit.
 */
export function getOctokit(
  token: string,
  options?: Parameters<typeof github.getOctokit>[1],
): ReturnType<typeof github.getOctokit> {
  return new GitHub(getOctokitOptions(token, options))
}
