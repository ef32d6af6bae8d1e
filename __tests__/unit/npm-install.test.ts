/**
 * `npm ci` on a fresh clone prints no warning on a supported Node: npm warns about a package whose
 * `engines` exclude the running Node (EBADENGINE) and about install scripts that `allowScripts`
 * has not decided on. Both are decided by what package-lock.json records, checked here with the
 * range logic npm itself uses (semver). .ci/run also fails on any `npm warn` line of a real
 * `npm ci` on Node 22 and 24.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import semver from 'semver'
import { PROJECT_ROOT } from '../../emulators/actions-runner.js'

interface LockedPackage {
  version?: string
  engines?: { node?: string } | string[]
  hasInstallScript?: boolean
}

const packageJson = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string }
  scripts: Record<string, string>
  allowScripts?: Record<string, boolean>
}
const lock = JSON.parse(await readFile(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>
}
const locked = Object.entries(lock.packages).filter(([path]) => path !== '')

/** `node_modules/a/node_modules/@b/c` → `@b/c`. */
function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
}

/** The oldest release of each Node line the project's `engines` admit: 22.13.0, 24.0.0 … */
const oldestSupported = packageJson.engines.node
  .split('||')
  .map((range) => semver.minVersion(range)?.version ?? range)

describe('npm ci on a supported Node', () => {
  it('the supported lines are Node 22 and 24, as CI runs them', () => {
    expect(semver.satisfies('22.99.0', packageJson.engines.node)).toBe(true)
    expect(semver.satisfies('24.0.0', packageJson.engines.node)).toBe(true)
    expect(semver.satisfies('20.99.0', packageJson.engines.node)).toBe(false)
    expect(oldestSupported).toEqual(['22.13.0', '24.0.0'])
  })

  it.each(oldestSupported)('meets every locked package engines on Node %s', (version) => {
    const excluded = locked
      .map(([path, p]) => [path, Array.isArray(p.engines) ? undefined : p.engines?.node] as const)
      .filter(
        ([, range]) =>
          range !== undefined && !semver.satisfies(version, range, { includePrerelease: true }),
      )
      .map(([path, range]) => `${path} needs Node ${range ?? ''}`)
    expect(excluded).toEqual([])
  })

  it('has a decision in allowScripts for every package with an install script', () => {
    const decided = new Set(Object.keys(packageJson.allowScripts ?? {}))
    const undecided = locked
      .filter(([, p]) => p.hasInstallScript === true)
      .map(([path]) => nameOf(path))
      .filter((name) => !decided.has(name))
    expect(undecided).toEqual([])
  })

  it('runs no install script of its own: a git install would then fetch the devDependencies', () => {
    const own = ['preinstall', 'install', 'postinstall', 'prepare', 'prepack']
    expect(Object.keys(packageJson.scripts).filter((name) => own.includes(name))).toEqual([])
  })
})
