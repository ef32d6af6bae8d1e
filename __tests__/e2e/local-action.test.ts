/**
 * `.env.example` as a contributor uses it: copied, filled in with the emulators' addresses and
 * credentials, and run by the command of `npm run local-action` (@github/local-action on the
 * TypeScript entry, no bundle, no runner). As shipped it is a dry run, so a first local run never
 * spends a real token; what the file says about such runs is checked here.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { PROJECT_ROOT } from '../../emulators/actions-runner.js'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  WORKFLOW_TOKEN,
  startScenario,
  type Scenario,
} from '../support/scenario.js'

const exec = promisify(execFile)

let world: Scenario
let folder: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'local-action-'))
  world = await startScenario()
})
afterEach(async () => {
  await world.close()
  await rm(folder, { recursive: true, force: true })
})

/** `.env.example` with these values in place of its own; every name must be in it already. */
function filledIn(example: string, values: Record<string, string>): string {
  let text = example
  for (const [name, value] of Object.entries(values)) {
    const line = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}=.*$`, 'm')
    if (!line.test(text)) throw new Error(`${name} is not in .env.example`)
    text = text.replace(line, `${name}=${value}`)
  }
  return text
}

/**
 * Runs the `local-action` script of package.json with an env file made from `.env.example` (its
 * `.env` replaced by that file, so that a contributor's own `.env` is never touched).
 */
async function localAction(
  change: Record<string, string> = {},
): Promise<{ exitCode: number; stdout: string }> {
  const pkg = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
  const words = (pkg.scripts['local-action'] ?? '').split(' ')
  expect(words.slice(0, 2)).toEqual(['local-action', 'run'])
  expect(words.at(-1)).toBe('.env')
  const envFile = join(folder, 'local.env')
  const example = await readFile(join(PROJECT_ROOT, '.env.example'), 'utf8')
  await writeFile(
    envFile,
    filledIn(example, {
      'INPUT_CLIENT-ID': CLIENT_ID,
      'INPUT_CLIENT-SECRET': CLIENT_SECRET,
      'INPUT_REFRESH-TOKEN': world.storedToken() ?? '',
      'INPUT_GITHUB-TOKEN': GITHUB_TOKEN,
      INPUT_REPOSITORY: REPOSITORY,
      'INPUT_TOKEN-URL': world.atlassian.tokenUrl,
      'INPUT_GITHUB-API-URL': world.github.apiUrl,
      'INPUT_WORKFLOW-TOKEN': WORKFLOW_TOKEN,
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_API_URL: world.github.apiUrl,
      GITHUB_STEP_SUMMARY: join(folder, 'summary.md'),
      GITHUB_OUTPUT: join(folder, 'outputs'),
      ...change,
    }),
  )
  const bin = join(PROJECT_ROOT, 'node_modules', '.bin', 'local-action')
  try {
    const { stdout } = await exec(bin, [...words.slice(2, -1), envFile], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' },
    })
    return { exitCode: 0, stdout }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string }
    return { exitCode: failed.code ?? -1, stdout: failed.stdout ?? '' }
  }
}

it('names every input of action.yml, so that a local run can set any of them', async () => {
  const example = await readFile(join(PROJECT_ROOT, '.env.example'), 'utf8')
  const manifest = parse(await readFile(join(PROJECT_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>
  }
  const named = [...example.matchAll(/^INPUT_([A-Z0-9-]+)=/gm)].map((m) => m[1]?.toLowerCase())
  expect(named.sort()).toEqual(Object.keys(manifest.inputs).sort())
})

it('as shipped, runs the TypeScript entry as a dry run that sends no grant', async () => {
  const example = await readFile(join(PROJECT_ROOT, '.env.example'), 'utf8')
  expect(example).toMatch(/^INPUT_DRY-RUN=true$/m)
  expect(example).toContain('src/action/main.ts')
  const stored = world.storedToken()

  const run = await localAction()

  expect(run.exitCode).toBe(0)
  expect(run.stdout).toContain('::set-output name=outcome::dry-run')
  expect(run.stdout).toContain('Dry run: nothing was sent to the token endpoint')
  // Outside a workflow run the stale-token guard is skipped, with a warning.
  expect(run.stdout).toMatch(/^::warning title=Stale-token check incomplete::.*GITHUB_RUN_ID/m)
  expect(world.timeline).not.toContain('POST /oauth/token')
  expect(world.storedToken()).toBe(stored)
  expect(await readFile(join(folder, 'summary.md'), 'utf8')).toContain(
    'Atlassian token rotation: dry run',
  )
  for (const secret of [stored ?? '', CLIENT_SECRET, GITHUB_TOKEN, WORKFLOW_TOKEN]) {
    expect(run.stdout).not.toContain(secret)
  }
}, 60_000)

it('with INPUT_DRY-RUN=false, rotates and stores the token, and prints no token', async () => {
  const old = world.storedToken() ?? ''

  const run = await localAction({ 'INPUT_DRY-RUN': 'false' })

  expect(run.exitCode).toBe(0)
  expect(run.stdout).toContain('::set-output name=outcome::rotated')
  const stored = world.storedToken() ?? ''
  expect(stored).not.toBe(old)
  // No mask outside the runner, so the token outputs are not set at all.
  expect(run.stdout).toMatch(/^::warning title=Token outputs not set::/m)
  expect(run.stdout).not.toContain('name=access-token::')
  expect(run.stdout).not.toContain('name=refresh-token::')
  for (const secret of [old, stored, CLIENT_SECRET, GITHUB_TOKEN, WORKFLOW_TOKEN]) {
    expect(run.stdout).not.toContain(secret)
  }
}, 60_000)

it('exits 0 even when the action fails: the ::error:: lines say so', async () => {
  const run = await localAction({ 'INPUT_CLIENT-SECRET': '' })

  expect(run.exitCode).toBe(0)
  expect(run.stdout).toMatch(/^::error title=Input "client-secret"::/m)
  expect(world.timeline).toEqual([])
}, 60_000)
