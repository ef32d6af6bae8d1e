/**
 * `npm run demo` is the first thing the README asks of a contributor: it runs the bundled action
 * against the emulators and checks the request order itself. Run here as npm runs it, so that a
 * change to the sequence (a new request, a new permission) fails the suite, not a newcomer.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PROJECT_ROOT } from '../../emulators/actions-runner.js'

const exec = promisify(execFile)

it('runs to "Demo complete." with every check passed and no notice or warning', async () => {
  const { stdout } = await exec(
    process.execPath,
    [join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/demo.ts'],
    { cwd: PROJECT_ROOT, env: { ...process.env, NODE_OPTIONS: '' }, timeout: 60_000 },
  )
  expect(stdout).toContain('Demo complete.')
  expect(stdout).not.toContain('✗')
  expect(stdout.match(/✓/g)?.length).toBeGreaterThanOrEqual(10)
  // The demo's workflow token has what the README's workflow gives it: nothing to complain about.
  expect(stdout).not.toMatch(/│ (Notice|Warning): /)
}, 90_000)
