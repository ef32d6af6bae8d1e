/**
 * The command line tool as users install it: from the packed tarball (`npm pack`) and from a git
 * checkout (`npx github:OWNER/atlassian-token-rotation#v1` installs from git), each into a fresh
 * prefix with an empty npm cache and `--offline`. The install must need nothing from the registry
 * (dist/ bundles every package the tool runs on), print no npm warning, carry the files the tool
 * and the actions need and none of the project's development files; and the installed bin must
 * rotate a token against the emulators from a folder outside the project.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { PROJECT_ROOT } from '../../emulators/actions-runner.js'
import { runCli, runRefresh, withThisNode } from '../support/cli.js'
import { startScenario, type Scenario } from '../support/scenario.js'

const { name, version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string
  version: string
}

const root = mkdtempSync(join(tmpdir(), 'cli-install-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/**
 * npm as a user's shell runs it: on the Node running the tests, with a home of its own (no user
 * .npmrc) and none of the npm_* variables `npm test` sets for its children.
 */
function npm(
  args: string[],
  cwd: string,
): { status: number | null; stdout: string; stderr: string } {
  const home = mkdtempSync(join(root, 'home-'))
  const run = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: withThisNode(), HOME: home },
    timeout: 120_000,
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** Every `npm warn` line (engines, deprecations, install scripts, peer dependencies …). */
function warnings(output: string): string[] {
  return output.split('\n').filter((line) => /^npm warn/i.test(line))
}

/** Installs `spec` into a fresh prefix, offline with an empty cache; returns the prefix. */
function installOffline(spec: string): string {
  const prefix = mkdtempSync(join(root, 'prefix-'))
  const cache = mkdtempSync(join(root, 'cache-'))
  const run = npm(
    ['install', '--prefix', prefix, '--cache', cache, '--offline', '--no-audit', '--no-fund', spec],
    root,
  )
  expect(run.stderr).toBe('')
  expect(warnings(run.stdout)).toEqual([])
  expect(run.status).toBe(0)
  return prefix
}

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
}

/** What an installed copy must hold, and what it must leave out. */
function expectPackageContents(packageDir: string): void {
  const files = filesIn(packageDir)
  expect(files).toEqual(
    expect.arrayContaining([
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'action.yml',
      'access-token/action.yml',
      'dist/index.js',
      'dist/package.json',
      'dist/access-token/index.js',
      'dist/cli/index.js',
      'dist/cli/package.json',
      'dist/cli/licenses.txt',
    ]),
  )
  expect(
    files.filter((file) =>
      /^(src|__tests__|__fixtures__|emulators|scripts|examples|\.github|\.ci|node_modules)\/|^\.env/.test(
        file,
      ),
    ),
  ).toEqual([])
}

/** The installed prefix holds this package alone: nothing that dist/ already bundles. */
function expectAlone(prefix: string): void {
  const installed = readdirSync(join(prefix, 'node_modules')).filter((n) => !n.startsWith('.'))
  expect(installed).toEqual([name])
}

let world: Scenario | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

/** The installed bin rotates the stored token against the emulators, run outside the project. */
async function expectRotation(bin: string): Promise<void> {
  world = await startScenario()
  const oldToken = world.storedToken()
  const run = await runRefresh(world, [], {}, { bin, cwd: root })

  expect(run.stderr).toContain('Rotated the refresh token and updated')
  expect(run.exitCode).toBe(0)
  const newToken = world.storedToken()
  expect(newToken).not.toBe(oldToken)
  expect(world.atlassian.authority.status(newToken ?? '')).toBe('newest')
}

describe('installed from the packed tarball', () => {
  let prefix = ''
  let bin = ''

  beforeAll(() => {
    const packed = npm(['pack', '--pack-destination', root, '--json'], PROJECT_ROOT)
    expect(warnings(packed.stderr)).toEqual([])
    expect(packed.status).toBe(0)
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }]
    prefix = installOffline(join(root, filename))
    bin = join(prefix, 'node_modules', '.bin', 'atlassian-token-rotation')
  }, 120_000)

  it('pulls in no other package, and carries only what the tool and the actions need', () => {
    expectAlone(prefix)
    expectPackageContents(join(prefix, 'node_modules', name))
  })

  it("prints package.json's version", async () => {
    const run = await runCli(['--version'], { bin, cwd: root })
    expect(run.stdout).toBe(`${version}\n`)
    expect(run.exitCode).toBe(0)
  })

  it('rotates a token against the emulators', async () => {
    await expectRotation(bin)
  })
})

describe('installed from a git checkout', () => {
  let prefix = ''

  beforeAll(() => {
    // The working tree as a commit (the files git would clone: tracked and new, not ignored).
    const repo = mkdtempSync(join(root, 'repo-'))
    const listed = execFileSync(
      'git',
      ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
      { cwd: PROJECT_ROOT },
    )
      .toString('utf8')
      .split('\0')
      .filter((file) => file !== '')
    execFileSync('cp', ['--parents', '--no-dereference', '-t', repo, ...listed], {
      cwd: PROJECT_ROOT,
    })
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: repo,
        stdio: 'ignore',
      })
    }
    git('init', '-q')
    git('add', '-A')
    git('commit', '-qm', 'release')
    prefix = installOffline(`git+file://${repo}`)
  }, 120_000)

  it('pulls in no other package, carries the same files, and rotates a token', async () => {
    expectAlone(prefix)
    expectPackageContents(join(prefix, 'node_modules', name))
    await expectRotation(join(prefix, 'node_modules', '.bin', 'atlassian-token-rotation'))
  })
})
