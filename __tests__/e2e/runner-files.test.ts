/**
 * The runner's files cannot be written: a full disk (ENOSPC, from /dev/full) or a container job
 * whose user does not own them (EACCES, actions/runner issue 3290). Between the refresh grant's
 * answer and the secret write, the only working token is in memory: nothing there may touch these
 * files. The step fails, but after the new token is stored, and it says so.
 */
import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionRun } from '../../emulators/actions-runner.js'
import { findLeaks } from '../support/leaks.js'
import {
  CLIENT_SECRET,
  GITHUB_TOKEN,
  WORKFLOW_TOKEN,
  startScenario,
  type Scenario,
} from '../support/scenario.js'

let world: Scenario
afterEach(async () => {
  await world.close()
})

const NOBODY = { uid: 65534, gid: 65534 }
const status = (token: string | undefined): string => world.atlassian.authority.status(token ?? '')
const errorText = (result: ActionRun): string => result.errors.join('\n')

function expectNoLeaks(result: ActionRun): void {
  const secrets = [CLIENT_SECRET, GITHUB_TOKEN, WORKFLOW_TOKEN, world.storedToken()]
  expect(
    findLeaks(result, Object.fromEntries(secrets.map((value, i) => [`secret #${i}`, value]))),
  ).toEqual([])
}

it('a full disk under GITHUB_OUTPUT: the token is stored first, then the step fails and says so', async () => {
  world = await startScenario()
  const original = world.storedToken()

  const result = await world.run({ env: { GITHUB_OUTPUT: '/dev/full' } })

  expect(status(world.storedToken())).toBe('newest')
  expect(world.storedToken()).not.toBe(original)
  expect(result.exitCode).toBe(1)
  const error = errorText(result)
  expect(error).toContain('The new refresh token is stored, so the integration is safe')
  expect(error).toMatch(
    /the step outputs could not be written to the runner's GITHUB_OUTPUT file \(ENOSPC: no space left on device.*\), so later steps do not get outcome, rotated, secret-updated, access-token, refresh-token/,
  )
  expect(error).toContain('free space')
  // Titled, and the step's verdict last.
  expect(result.stdout).toMatch(
    /^::error title=Runner's files not written::The new refresh token is stored, so the integration is safe/m,
  )
  expect(result.errors.at(-1)).toBe(
    "Runner's files not written: the new refresh token is stored; only what came after failed.",
  )
  // The summary file still works, and tells the rotation.
  expect(result.summary).toContain('<h2>Atlassian token rotation</h2>')
  expectNoLeaks(result)
})

it('outside the runner: no mask line, no output command, no token on standard output', async () => {
  world = await startScenario()
  const original = world.storedToken() ?? ''

  const result = await world.run({ env: { GITHUB_ACTIONS: '', GITHUB_OUTPUT: '' } })

  expect(status(world.storedToken())).toBe('newest')
  expect(result.exitCode).toBe(0)
  expect(result.masks).toEqual([])
  expect(result.stdout).not.toContain('::add-mask::')
  expect(result.stdout).not.toContain('::set-output')
  expect(result.warnings).toEqual([
    'GITHUB_OUTPUT is not set (not running under the Actions runner): step outputs are not written.',
  ])
  for (const secret of [
    CLIENT_SECRET,
    GITHUB_TOKEN,
    WORKFLOW_TOKEN,
    original,
    world.storedToken() ?? '',
  ]) {
    expect(result.stdout).not.toContain(secret)
    expect(result.stderr).not.toContain(secret)
  }
  expect(result.summary).toContain('<h2>Atlassian token rotation</h2>')
})

it('a full disk under GITHUB_STEP_SUMMARY: stored first, then failed, naming the file', async () => {
  world = await startScenario()

  const result = await world.run({ env: { GITHUB_STEP_SUMMARY: '/dev/full' } })

  expect(status(world.storedToken())).toBe('newest')
  expect(result.exitCode).toBe(1)
  expect(result.outputs['outcome']).toBe('rotated')
  expect(errorText(result)).toMatch(
    /the job summary could not be written to the runner's GITHUB_STEP_SUMMARY file \(ENOSPC/,
  )
  expectNoLeaks(result)
})

/** A Node binary another user may run (the one running the tests may sit in root's home). */
function nodeFor(user: typeof NOBODY): string | undefined {
  for (const node of [process.execPath, '/usr/bin/node', '/usr/local/bin/node']) {
    const probe = spawnSync(node, ['-e', ''], { ...user, stdio: 'ignore' })
    if (probe.status === 0) return node
  }
  return undefined
}

const asRoot = process.getuid?.() === 0
;(asRoot ? it : it.skip)(
  'a container user who does not own the runner files (EACCES): stored first, then failed, with the fix',
  async () => {
    world = await startScenario()
    const node = nodeFor(NOBODY)
    if (node === undefined) throw new Error('no Node binary that the user nobody may run')
    // The runner's files, created by the runner (root) and readable only to others.
    const outputFile = join(tmpdir(), `runner-output-${process.pid}`)
    const summaryFile = join(tmpdir(), `runner-summary-${process.pid}`)
    await Promise.all([
      writeFile(outputFile, '', { mode: 0o644 }),
      writeFile(summaryFile, '', { mode: 0o644 }),
    ])

    const result = await world.run({
      user: NOBODY,
      node,
      env: { GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile },
    })

    expect(status(world.storedToken())).toBe('newest')
    expect(result.exitCode).toBe(1)
    const error = errorText(result)
    expect(error).toContain('The new refresh token is stored, so the integration is safe')
    expect(error).toMatch(/GITHUB_OUTPUT file \(EACCES: permission denied/)
    expect(error).toMatch(/GITHUB_STEP_SUMMARY file \(EACCES: permission denied/)
    expect(error).toContain('actions/runner issue 3290')
    expect(error).toContain('--user root')
    expectNoLeaks(result)
  },
)
