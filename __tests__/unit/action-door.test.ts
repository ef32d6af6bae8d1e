/**
 * The action's door (src/action/main.ts): what the runner sees through @actions/core for each kind
 * of outcome, with the rotation replaced by one that returns what each test says. The order of
 * calls is the point: masks before anything else, outputs and summary only after the rotation.
 */
import { jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import * as github from '../../__fixtures__/github.js'
import { rotate } from '../../__fixtures__/rotate.js'
import { ActionError } from '../../src/common/errors.js'
import { secretTarget } from '../../src/github/targets.js'
import type { RunContext } from '../../src/rotation/explain.js'
import type { RotationOutcome } from '../../src/rotation/outcome.js'

/** A recorded function of the fixture, whatever its signature. */
interface Recorded {
  mock: { calls: readonly (readonly unknown[])[]; invocationCallOrder: readonly number[] }
}

jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('@actions/github', () => github)
jest.unstable_mockModule('../../src/rotation/rotate.js', () => ({ rotate }))

const { defaultDependencies, run } = await import('../../src/action/main.js')
const { openHandoff } = await import('../../src/handoff/handoff.js')

const NEW_REFRESH = 'new-refresh-token-8c1f0e'
const NEW_ACCESS = 'new-access-token-51d2aa'
const INPUTS: Record<string, string> = {
  'client-id': 'the-client-id',
  'client-secret': 'the-client-secret',
  'refresh-token': 'old-refresh-token-77ab',
  'secret-name': 'ATLASSIAN_REFRESH_TOKEN',
  'github-token': 'github_pat_0000secretswriter',
  'workflow-token': 'ghs_0000workflowtoken',
  repository: 'octo-org/confluence-sync',
}
const RUNNER_ENV = {
  GITHUB_ACTIONS: 'true',
  GITHUB_OUTPUT: '/runner/file_commands/output',
  GITHUB_STEP_SUMMARY: '/runner/file_commands/summary',
}

const context: RunContext = {
  secretName: 'ATLASSIAN_REFRESH_TOKEN',
  target: secretTarget({
    kind: 'repository',
    repository: { owner: 'octo-org', repo: 'confluence-sync' },
  }),
  grantSentAt: new Date('2026-12-01T10:00:00Z'),
  leewayEndsAt: new Date('2026-12-01T10:10:00Z'),
  githubApiUrl: 'https://api.github.com',
}

function outcome(overrides: Partial<RotationOutcome>): RotationOutcome {
  return {
    kind: 'rotated',
    tokenState: 'stored',
    context,
    problems: [],
    tokens: {
      accessToken: NEW_ACCESS,
      refreshToken: NEW_REFRESH,
      expiresIn: 3600,
      scope: 'read:confluence-content.all offline_access',
      tokenType: 'Bearer',
      warnings: [],
    },
    expiresAt: new Date('2026-12-01T11:00:00Z'),
    nextRefreshToken: NEW_REFRESH,
    stored: { how: 'updated', at: new Date('2026-12-01T10:00:01Z') },
    recovery: undefined,
    site: undefined,
    accessTokenSecret: undefined,
    staleTokenCheck: 'the secret was last written before this run read it',
    consent: undefined,
    plan: undefined,
    lock: undefined,
    health: undefined,
    ...overrides,
  }
}

/** A rotation that, as the real one, masks the tokens Atlassian issued before returning them. */
function rotationReturning(result: RotationOutcome): void {
  rotate.mockImplementationOnce((_request, deps) => {
    deps.secrets.add(result.tokens?.accessToken)
    deps.secrets.add(result.nextRefreshToken)
    return Promise.resolve(result)
  })
}

async function runDoor(
  inputs: Record<string, string> = INPUTS,
  env: Record<string, string> = RUNNER_ENV,
): Promise<ActionError | undefined> {
  core.getInput.mockImplementation((name) => inputs[name] ?? '')
  const deps = defaultDependencies(env, github.context)
  return run({ ...deps, clock: { ...deps.clock, now: () => Date.parse('2026-12-01T10:05:00Z') } })
}

const order = (mock: Recorded, ...args: unknown[]): number => {
  const i = mock.mock.calls.findIndex((call) => args.every((arg, j) => call[j] === arg))
  if (i < 0) throw new Error(`not called with ${JSON.stringify(args)}`)
  return mock.mock.invocationCallOrder[i] ?? Number.NaN
}
const outputs = (): Record<string, unknown> => Object.fromEntries(core.setOutput.mock.calls)
const titles = (mock: Recorded): unknown[] =>
  mock.mock.calls.map((call) => (call[1] as { title?: string } | undefined)?.title)

beforeEach(() => {
  jest.clearAllMocks()
  process.exitCode = undefined
})
afterAll(() => {
  process.exitCode = undefined
})

it('masks every secret input before it reads any other input', async () => {
  rotationReturning(outcome({}))
  await runDoor()

  const firstOtherRead = Math.min(
    ...core.getInput.mock.calls
      .map((call, i) => [call[0], core.getInput.mock.invocationCallOrder[i] ?? 0] as const)
      .filter(
        ([name]) =>
          !['client-secret', 'refresh-token', 'github-token', 'workflow-token'].includes(name),
      )
      .map(([, at]) => at),
  )
  for (const name of ['client-secret', 'refresh-token', 'github-token', 'workflow-token']) {
    expect(order(core.setSecret, INPUTS[name])).toBeLessThan(firstOtherRead)
  }
})

it('sets the outputs only after the rotation returned, each token masked before it', async () => {
  let outputsDuringRotation = -1
  rotate.mockImplementationOnce((_request, deps) => {
    deps.secrets.add(NEW_ACCESS)
    deps.secrets.add(NEW_REFRESH)
    outputsDuringRotation = core.setOutput.mock.calls.length + core.summary.write.mock.calls.length
    return Promise.resolve(outcome({}))
  })

  const failed = await runDoor()

  expect(failed).toBeUndefined()
  expect(outputsDuringRotation).toBe(0)
  expect(outputs()).toEqual({
    outcome: 'rotated',
    rotated: 'true',
    'secret-updated': 'true',
    'access-token': NEW_ACCESS,
    'refresh-token': NEW_REFRESH,
    'expires-in': '3600',
    'expires-at': '2026-12-01T11:00:00.000Z',
    scope: 'read:confluence-content.all offline_access',
    'token-type': 'Bearer',
    'access-token-handoff': expect.stringMatching(/^ath1\.1000\.1\.[A-Za-z0-9_-]+$/) as string,
  })
  // Sealed with the client secret for this repository and run, until the token's own expiry.
  const handed = await openHandoff(
    String(outputs()['access-token-handoff']),
    INPUTS['client-secret'] ?? '',
    { repository: 'octo-org/confluence-sync', runId: '1000', runAttempt: '1' },
    new Date('2026-12-01T10:30:00Z'),
  )
  expect(handed).toEqual({
    accessToken: NEW_ACCESS,
    expiresAt: new Date('2026-12-01T11:00:00Z'),
    scope: 'read:confluence-content.all offline_access',
    tokenType: 'Bearer',
    cloudId: undefined,
    apiBaseUrl: undefined,
    jiraApiBaseUrl: undefined,
  })
  expect(order(core.setSecret, NEW_ACCESS)).toBeLessThan(
    order(core.setOutput, 'access-token', NEW_ACCESS),
  )
  expect(order(core.setSecret, NEW_REFRESH)).toBeLessThan(
    order(core.setOutput, 'refresh-token', NEW_REFRESH),
  )
  expect(core.summary.addRaw).toHaveBeenCalledTimes(1)
  expect(core.summary.addRaw.mock.calls[0]?.[0]).toContain('<h2>Atlassian token rotation</h2>')
  expect(core.summary.addRaw.mock.calls[0]?.[0]).not.toContain(NEW_REFRESH)
  expect(core.summary.write).toHaveBeenCalledTimes(1)
  expect(core.error).not.toHaveBeenCalled()
  expect(core.setFailed).not.toHaveBeenCalled()
})

describe('the access-token handoff', () => {
  const RUN = { repository: 'octo-org/confluence-sync', runId: '1000', runAttempt: '1' }
  const KEY = 'dedicated-handoff-key-0123456789abcdef'

  it('is sealed with a dedicated handoff-key, masked before any other input is read', async () => {
    rotationReturning(outcome({}))
    await runDoor({ ...INPUTS, 'handoff-key': KEY })

    const secretInputs = ['client-secret', 'refresh-token', 'github-token', 'workflow-token']
    const firstOtherRead = Math.min(
      ...core.getInput.mock.calls
        .map((call, i) => [call[0], core.getInput.mock.invocationCallOrder[i] ?? 0] as const)
        .filter(([name]) => ![...secretInputs, 'handoff-key'].includes(name))
        .map(([, at]) => at),
    )
    expect(order(core.setSecret, KEY)).toBeLessThan(firstOtherRead)
    const handoff = String(outputs()['access-token-handoff'])
    const now = new Date('2026-12-01T10:30:00Z')
    expect((await openHandoff(handoff, KEY, RUN, now)).accessToken).toBe(NEW_ACCESS)
    await expect(openHandoff(handoff, INPUTS['client-secret'] ?? '', RUN, now)).rejects.toThrow(
      'HANDOFF_NOT_OPENED',
    )
  })

  it('is not output when no usable access token came', async () => {
    rotationReturning(
      outcome({ kind: 'failed', tokenState: 'unchanged', tokens: undefined, expiresAt: undefined }),
    )
    await runDoor()
    expect(outputs()).not.toHaveProperty('access-token-handoff')
  })

  it('refuses a handoff-key too short to be a key, and sends nothing', async () => {
    await runDoor({ ...INPUTS, 'handoff-key': 'short-key' })
    expect(rotate).not.toHaveBeenCalled()
    expect(core.error.mock.calls.map((call) => call[0])).toEqual([
      expect.stringContaining(
        'Input "handoff-key" must be a random secret of 32 to 1024 characters',
      ),
    ])
  })
})

it('hands the rotation the run identity from @actions/github, and the inputs as read', async () => {
  rotationReturning(outcome({}))
  await runDoor(INPUTS, { ...RUNNER_ENV, GITHUB_RUN_ID: '1', GITHUB_REPOSITORY: 'other/repo' })

  const [request, deps] = rotate.mock.calls[0] ?? []
  expect(deps?.env).toMatchObject({
    GITHUB_REPOSITORY: 'octo-org/confluence-sync',
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'rotate',
  })
  expect(request?.secretName).toBe('ATLASSIAN_REFRESH_TOKEN')
  expect(request?.target).toEqual({
    kind: 'repository',
    repository: { owner: 'octo-org', repo: 'confluence-sync' },
  })
})

it('fails a rotated token it could not store with a titled error, the recovery value and a verdict', async () => {
  const writeRefused = new ActionError(
    'GITHUB_FORBIDDEN',
    'GitHub refused to write the secret.',
    'rotated-not-stored',
    'Store the recovery value below by hand.',
  )
  rotationReturning(
    outcome({
      kind: 'failed',
      tokenState: 'rotated-not-stored',
      problems: [writeRefused],
      stored: undefined,
      recovery: {
        sealed: { keyId: 'key-1', encryptedValue: 'c2VhbGVk' },
        organization: undefined,
        leewayEndsAt: new Date('2026-12-01T10:10:00Z'),
      },
    }),
  )

  const failed = await runDoor()

  expect(failed).toBe(writeRefused)
  expect(titles(core.error)).toEqual(['Refresh token rotated but not stored'])
  const text = String(core.error.mock.calls[0]?.[0])
  expect(text).toContain('GitHub refused to write the secret.')
  expect(text).toContain('the new token was NOT stored')
  expect(text).toContain('encrypted_value: c2VhbGVk')
  expect(core.setFailed.mock.calls).toEqual([
    [
      'Refresh token rotated but not stored: the new refresh token is NOT stored; store the recovery value above, or re-run, as said there.',
    ],
  ])
  expect(order(core.error, text)).toBeLessThan(core.setFailed.mock.invocationCallOrder[0] ?? 0)
  expect(outputs()).toMatchObject({
    outcome: 'failed',
    rotated: 'true',
    'secret-updated': 'false',
    'recovery-encrypted-value': 'c2VhbGVk',
    'recovery-key-id': 'key-1',
  })
})

it('titles every problem and counts them in the verdict', async () => {
  rotationReturning(
    outcome({
      problems: [
        new ActionError('ROTATIONS_OVERLAPPED', 'Overlap.', 'overlapped', 'Settle it.'),
        new ActionError('SITES_UNAVAILABLE', 'No site.', 'stored', 'Check the site.'),
      ],
    }),
  )

  await runDoor()

  expect(titles(core.error)).toEqual(['Two rotations overlapped', 'Cloud id not found'])
  expect(core.setFailed).toHaveBeenCalledWith(
    'Two rotations overlapped (and 1 more, above): the secret may not hold the newest refresh token; settle it as said above before the next rotation.',
  )
})

it('lets a superseded token pass with a titled notice when "on-superseded" is "succeed"', async () => {
  rotationReturning(
    outcome({
      kind: 'superseded',
      tokenState: 'unchanged',
      tokens: undefined,
      nextRefreshToken: undefined,
      stored: undefined,
      expiresAt: undefined,
      problems: [new ActionError('SUPERSEDED', 'Another rotation won.', 'unchanged', 'Nothing.')],
    }),
  )

  const failed = await runDoor({ ...INPUTS, 'on-superseded': 'succeed' })

  expect(failed).toBeUndefined()
  expect(core.notice).toHaveBeenCalledWith('Another rotation won.\nNext step: Nothing.', {
    title: 'Superseded by another rotation',
  })
  expect(core.setFailed).not.toHaveBeenCalled()
  expect(outputs()).toEqual({ outcome: 'superseded', rotated: 'false', 'secret-updated': 'false' })
})

it('names each input problem in a titled error and sends nothing', async () => {
  const failed = await runDoor({ ...INPUTS, 'client-id': '', 'secret-name': 'GITHUB_X' })

  expect(failed).toBeUndefined()
  expect(rotate).not.toHaveBeenCalled()
  expect(titles(core.error)).toEqual(['Input "client-id"', 'Input "secret-name"'])
  expect(core.setFailed).toHaveBeenCalledWith(
    '2 input problem(s); nothing was sent and the stored refresh token was not used.',
  )
  expect(outputs()).toEqual({ outcome: 'failed' })
})

it('says the rotation progress with titles, the recovery value in its own group', async () => {
  rotate.mockImplementationOnce((_request, _deps, events) => {
    events.warning('The consent ends soon.', 'Yearly consent due')
    events.notice('Could not check.', 'Overlap not checked')
    events.info('Refreshing.')
    events.recovery(
      {
        sealed: { keyId: 'key-1', encryptedValue: 'c2VhbGVk' },
        organization: undefined,
        leewayEndsAt: new Date('2026-12-01T10:10:00Z'),
      },
      context,
    )
    return Promise.resolve(outcome({}))
  })

  await runDoor()

  expect(core.warning).toHaveBeenCalledWith('The consent ends soon.', {
    title: 'Yearly consent due',
  })
  expect(core.notice).toHaveBeenCalledWith('Could not check.', { title: 'Overlap not checked' })
  const group = core.startGroup.mock.invocationCallOrder[0] ?? 0
  const sealed = core.info.mock.calls.findIndex((call) =>
    call[0].includes('encrypted_value: c2VhbGVk'),
  )
  expect(core.startGroup.mock.calls[0]?.[0]).toContain('Recovery value for ATLASSIAN_REFRESH_TOKEN')
  expect(core.info.mock.invocationCallOrder[sealed]).toBeGreaterThan(group)
  expect(core.endGroup.mock.invocationCallOrder[0]).toBeGreaterThan(
    core.info.mock.invocationCallOrder[sealed] ?? 0,
  )
})

describe('runner files that cannot be written', () => {
  it('keeps the first output failure, skips the rest, and fails the step after, naming them', async () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
    })
    core.setOutput.mockImplementationOnce(() => {
      throw full
    })
    rotationReturning(outcome({}))

    await runDoor()

    expect(core.setOutput).toHaveBeenCalledTimes(1)
    expect(titles(core.error)).toEqual(["Runner's files not written"])
    const text = String(core.error.mock.calls[0]?.[0])
    expect(text).toContain('The new refresh token is stored, so the integration is safe')
    expect(text).toContain(
      "the step outputs could not be written to the runner's GITHUB_OUTPUT file (ENOSPC: no space left on device, write), so later steps do not get outcome, rotated, secret-updated, access-token, refresh-token, expires-in, expires-at, scope, token-type",
    )
    expect(core.setFailed).toHaveBeenCalledWith(
      "Runner's files not written: the new refresh token is stored; only what came after failed.",
    )
  })

  it('fails safely when an output value holds the delimiter', async () => {
    core.setOutput.mockImplementationOnce(() => {
      throw new Error(
        'Unexpected input: value should not contain the delimiter "ghadelimiter_1234"',
      )
    })
    rotationReturning(outcome({}))

    await runDoor()

    expect(String(core.error.mock.calls[0]?.[0])).toContain(
      'GITHUB_OUTPUT file (Unexpected input: value should not contain the delimiter "ghadelimiter_1234")',
    )
    expect(process.exitCode).toBeUndefined() // the fixture's setFailed does not exit
    expect(core.setFailed).toHaveBeenCalledTimes(1)
  })

  it("gives the system's reason when the toolkit's summary check hides it", async () => {
    core.summary.write.mockRejectedValueOnce(
      new Error(
        "Unable to access summary file: '/nonexistent/summary'. Check if the file has correct read/write permissions.",
      ),
    )
    rotationReturning(outcome({}))

    await runDoor(INPUTS, { ...RUNNER_ENV, GITHUB_STEP_SUMMARY: '/nonexistent/summary' })

    expect(String(core.error.mock.calls[0]?.[0])).toContain(
      "the job summary could not be written to the runner's GITHUB_STEP_SUMMARY file (ENOENT: no such file or directory, access '/nonexistent/summary')",
    )
    expect(outputs()['outcome']).toBe('rotated')
  })
})

describe('outside the runner', () => {
  it('prints no mask and sets no output, and says once that outputs are not written', async () => {
    rotationReturning(outcome({}))

    await runDoor(INPUTS, {})

    expect(core.setSecret).not.toHaveBeenCalled()
    expect(core.setOutput).not.toHaveBeenCalled()
    expect(core.warning.mock.calls).toEqual([
      [
        'GITHUB_OUTPUT is not set (not running under the Actions runner): step outputs are not written.',
        { title: 'Step outputs not written' },
      ],
    ])
  })

  it('never sets an output that holds a token, even with GITHUB_OUTPUT set (local-action)', async () => {
    rotationReturning(outcome({}))

    await runDoor(INPUTS, { GITHUB_OUTPUT: '/tmp/outputs' })

    expect(core.setSecret).not.toHaveBeenCalled()
    const names = core.setOutput.mock.calls.map(([name]) => name)
    expect(names).toContain('outcome')
    expect(names).not.toContain('access-token')
    expect(names).not.toContain('refresh-token')
    expect(core.warning.mock.calls).toEqual([
      [
        'Not running under the Actions runner: the outputs that hold a token (access-token, refresh-token) are not set, since nothing would mask them.',
        { title: 'Token outputs not set' },
      ],
    ])
  })

  it('still scrubs the secrets from what it shows', async () => {
    rotate.mockImplementationOnce((_request, deps) => {
      deps.secrets.add(NEW_REFRESH)
      const settled = outcome({})
      if (settled.tokens) settled.tokens.scope = `offline_access ${NEW_REFRESH}`
      return Promise.resolve(settled)
    })

    await runDoor(INPUTS, { GITHUB_STEP_SUMMARY: '/runner/summary' })

    expect(core.summary.addRaw.mock.calls[0]?.[0]).not.toContain(NEW_REFRESH)
    expect(core.summary.addRaw.mock.calls[0]?.[0]).toContain('<code>***</code>')
  })
})
