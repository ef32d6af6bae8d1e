/**
 * The run's identity, from @actions/github's `context` to the variables the rotation reads: the
 * context is the source, so what it cannot say is unset, not taken from elsewhere.
 */
import { withRunIdentity, type RunContext } from '../../src/action/run-identity.js'

const scheduled: RunContext = {
  repo: { owner: 'octo-org', repo: 'confluence-sync' },
  runId: 1000,
  runAttempt: 2,
  job: 'rotate',
}

it('gives the repository, run, attempt and job of the context, and keeps the other variables', () => {
  expect(withRunIdentity({ GITHUB_API_URL: 'https://ghe.example/api/v3' }, scheduled)).toEqual({
    GITHUB_API_URL: 'https://ghe.example/api/v3',
    GITHUB_REPOSITORY: 'octo-org/confluence-sync',
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_JOB: 'rotate',
  })
})

it('leaves unset what the context cannot say: no repository, numbers it read as NaN, no job', () => {
  const nothing: RunContext = {
    get repo(): never {
      throw new Error(
        "context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'",
      )
    },
    runId: Number.NaN,
    runAttempt: Number.NaN,
    job: '',
  }
  expect(withRunIdentity({ GITHUB_RUN_ID: 'stale' }, nothing)).toEqual({
    GITHUB_REPOSITORY: undefined,
    GITHUB_RUN_ID: undefined,
    GITHUB_RUN_ATTEMPT: undefined,
    GITHUB_JOB: undefined,
  })
})

it('keeps a half-named repository as given, so the input check can quote it', () => {
  const half: RunContext = { ...scheduled, repo: { owner: 'octo-org', repo: '' } }
  expect(withRunIdentity({}, half)['GITHUB_REPOSITORY']).toBe('octo-org')
})
