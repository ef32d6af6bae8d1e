/**
 * The action's door with the real rotation, against both emulators over real HTTP, and
 * @actions/core recorded: every secret reaches `setSecret` before any other call of the toolkit
 * carries it, whatever that call is (a log line, an annotation, an output, the summary).
 */
import { jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import * as github from '../../__fixtures__/github.js'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  WORKFLOW_TOKEN,
  startScenario,
  type Scenario,
} from '../support/scenario.js'

/** A recorded function of the fixture, whatever its signature. */
interface Recorded {
  mock: { calls: readonly (readonly unknown[])[]; invocationCallOrder: readonly number[] }
}

jest.unstable_mockModule('@actions/core', () => core)
jest.unstable_mockModule('@actions/github', () => github)

const { defaultDependencies, run } = await import('../../src/action/main.js')

let world: Scenario
afterEach(async () => {
  await world.close()
  jest.clearAllMocks()
  process.exitCode = undefined
})

/** Every call of the toolkit, in order, as the text it carries. */
function toolkitCalls(): { at: number; what: string; text: string }[] {
  const calls: { at: number; what: string; text: string }[] = []
  const record = (what: string, mock: Recorded): void => {
    mock.mock.calls.forEach((args, i) => {
      calls.push({
        at: mock.mock.invocationCallOrder[i] ?? 0,
        what,
        text: args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '),
      })
    })
  }
  record('setSecret', core.setSecret)
  for (const [what, mock] of Object.entries({
    setOutput: core.setOutput,
    info: core.info,
    debug: core.debug,
    notice: core.notice,
    warning: core.warning,
    error: core.error,
    startGroup: core.startGroup,
    setFailed: core.setFailed,
    summary: core.summary.addRaw,
  })) {
    record(what, mock)
  }
  return calls.sort((a, b) => a.at - b.at)
}

/** Each secret shown by a call before its own `setSecret`, as "call: secret". */
function unmaskedShows(secrets: Record<string, string>): string[] {
  const masked = new Set<string>()
  const shown: string[] = []
  for (const call of toolkitCalls()) {
    if (call.what === 'setSecret') {
      masked.add(call.text)
      continue
    }
    for (const [label, value] of Object.entries(secrets)) {
      if (call.text.includes(value) && !masked.has(value)) shown.push(`${call.what}: ${label}`)
    }
  }
  return shown
}

it('masks the inputs and the new tokens before any call of the toolkit carries them', async () => {
  world = await startScenario()
  const original = world.storedToken() ?? ''
  const inputs: Record<string, string> = {
    'client-id': CLIENT_ID,
    'client-secret': CLIENT_SECRET,
    'refresh-token': original,
    'secret-name': SECRET_NAME,
    'github-token': GITHUB_TOKEN,
    'workflow-token': WORKFLOW_TOKEN,
    repository: REPOSITORY,
    'token-url': world.atlassian.tokenUrl,
    'github-api-url': world.github.apiUrl,
  }
  core.getInput.mockImplementation((name) => inputs[name] ?? '')
  world.github.addRun(REPOSITORY, '1000', '1', {
    createdAt: new Date(world.clock.now()),
    runStartedAt: new Date(world.clock.now()),
    jobs: [{ name: 'rotate', status: 'in_progress', startedAt: new Date(world.clock.now()) }],
  })
  const env = {
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: '/runner/output',
    GITHUB_STEP_SUMMARY: '/runner/summary',
  }

  const failed = await run(defaultDependencies(env, github.context))

  expect(failed).toBeUndefined()
  expect(core.setFailed).not.toHaveBeenCalled()
  const outputs = Object.fromEntries(core.setOutput.mock.calls) as Record<string, string>
  expect(outputs['outcome']).toBe('rotated')
  const stored = world.storedToken() ?? ''
  expect(stored).not.toBe(original)
  expect(outputs['refresh-token']).toBe(stored)
  const accessToken = outputs['access-token'] ?? ''
  expect(accessToken).not.toBe('')
  expect(
    unmaskedShows({
      'client secret': CLIENT_SECRET,
      'old refresh token': original,
      'GitHub token': GITHUB_TOKEN,
      'workflow token': WORKFLOW_TOKEN,
      'new refresh token': stored,
      'access token': accessToken,
    }),
  ).toEqual([])
  // The check itself sees what it looks for: the outputs do carry the new tokens.
  expect(
    toolkitCalls().some((call) => call.what === 'setOutput' && call.text.includes(stored)),
  ).toBe(true)
})
