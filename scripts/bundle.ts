/**
 * `npm run bundle`: builds dist/ from src/ with ncc, byte for byte the same on every run, for the
 * action (dist/index.js), the access-token action (dist/access-token/index.js, which
 * access-token/action.yml runs) and the command-line tool (dist/cli/index.js), each with a licenses.txt
 * that lists every third-party package inside it.
 *
 * ncc's own --license option misses packages that webpack concatenates into one module (every ESM
 * package, Octokit among them), so the list is made here from ncc's module statistics instead.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const ENTRIES = [
  { source: 'src/index.ts', out: 'dist' },
  { source: 'src/access-token/index.ts', out: 'dist/access-token' },
  { source: 'src/cli/index.ts', out: 'dist/cli' },
]

interface StatsModule {
  name?: string
  modules?: StatsModule[]
}

/** `node_modules/<package>` directories of every module in the build, nested ones included. */
function bundledPackages(stats: { modules?: StatsModule[] }): string[] {
  const directories = new Set<string>()
  const visit = (modules: StatsModule[] = []): void => {
    for (const module of modules) {
      const match = /^(?:\.\/)?((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(
        module.name ?? '',
      )
      if (match?.[1]) directories.add(match[1])
      visit(module.modules)
    }
  }
  visit(stats.modules)
  return [...directories].sort()
}

function licenseText(directory: string): string {
  const file = readdirSync(join(ROOT, directory)).find((name) =>
    /^(licen[cs]e|copying)/i.test(name),
  )
  return file ? readFileSync(join(ROOT, directory, file), 'utf8').trim() : ''
}

function licenses(directories: string[]): string {
  const entries = directories.map((directory) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, directory, 'package.json'), 'utf8')) as {
      name: string
      version: string
      license?: string
    }
    return {
      name: manifest.name,
      version: manifest.version,
      license: manifest.license ?? 'UNKNOWN',
      text: licenseText(directory),
    }
  })
  entries.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))
  return (
    entries
      .map((entry) =>
        [`${entry.name}@${entry.version}`, entry.license, entry.text].filter(Boolean).join('\n'),
      )
      .join('\n\n') + '\n'
  )
}

const statsDirectory = mkdtempSync(join(tmpdir(), 'ncc-stats-'))
try {
  for (const entry of ENTRIES) {
    if (!existsSync(join(ROOT, entry.source))) continue
    const stats = join(statsDirectory, 'stats.json')
    // ncc writes its chunks (NNN.index.js, one per dynamic import) but never removes the ones an
    // earlier build left: delete them first, so dist/ holds only what this build loads, and the
    // dist check sees a stale chunk as a difference. Only this entry's own folder, not the ones
    // inside it (dist/ holds dist/cli/).
    for (const name of existsSync(join(ROOT, entry.out))
      ? readdirSync(join(ROOT, entry.out))
      : []) {
      if (/^\d+\.index\.js$/.test(name)) rmSync(join(ROOT, entry.out, name))
    }
    // --no-cache: a cached build from other module settings can emit a bundle that crashes.
    execFileSync(
      'npx',
      [
        'ncc',
        'build',
        entry.source,
        '--out',
        entry.out,
        '--no-cache',
        '--target',
        'es2022',
        '--stats-out',
        stats,
      ],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    )
    const packages = bundledPackages(
      JSON.parse(readFileSync(stats, 'utf8')) as { modules?: StatsModule[] },
    )
    writeFileSync(join(ROOT, entry.out, 'licenses.txt'), licenses(packages))
    console.log(`${entry.out}/licenses.txt: ${packages.length} packages`)
  }
} finally {
  rmSync(statsDirectory, { recursive: true, force: true })
}
