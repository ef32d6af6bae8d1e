/** action.yml, the code and the README name the same inputs and outputs: users' workflows use them. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PROJECT_ROOT, readManifest } from '../../emulators/actions-runner.js'
import { actionWording, word } from '../../src/common/settings.js'
import { readSettings, SECRET_SETTINGS } from '../../src/rotation/request.js'

const manifest = await readManifest()
const readme = await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8')
/** Where the rotation's outputs are named, for both doors. */
const source = await readFile(join(PROJECT_ROOT, 'src', 'rotation', 'outputs.ts'), 'utf8')
const door = await readFile(join(PROJECT_ROOT, 'src', 'action', 'main.ts'), 'utf8')
const accessToken = await readManifest('access-token/action.yml')
const accessTokenSource = await readFile(
  join(PROJECT_ROOT, 'src', 'access-token', 'main.ts'),
  'utf8',
)

describe('action.yml', () => {
  it('runs the committed bundle on Node 24', () => {
    expect(manifest.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs the code reads, and marks as required exactly the ones it requires', () => {
    const read = new Set<string>(SECRET_SETTINGS)
    const result = readSettings((name) => {
      read.add(name)
      return ''
    }, {})
    const declared = manifest.inputs ?? {}
    expect([...read].sort()).toEqual(Object.keys(declared).sort())
    const requiredByCode = result.ok
      ? []
      : result.problems
          .filter((p) => word(p.message, actionWording).includes('is required'))
          .map((p) => p.setting)
    const requiredByManifest = Object.entries(declared)
      .filter(([, spec]) => spec.required === true)
      .map(([name]) => name)
    expect(requiredByCode.sort()).toEqual(requiredByManifest.sort())
  })

  it('declares every output the code sets', () => {
    const set = [...source.matchAll(/\[\s*'([a-z-]+)',(?!\s*')/g)].map((m) => m[1])
    expect(set.length).toBeGreaterThan(10)
    expect(set.length).toBeGreaterThan(5)
    for (const name of set) expect(Object.keys(manifest.outputs ?? {})).toContain(name)
    // The door's own output.
    expect(door).toContain("'access-token-handoff'")
    expect(Object.keys(manifest.outputs ?? {})).toContain('access-token-handoff')
  })

  it('has every input and output in the README tables', () => {
    for (const name of [
      ...Object.keys(manifest.inputs ?? {}),
      ...Object.keys(manifest.outputs ?? {}),
    ]) {
      expect(readme).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'))
    }
  })
})

describe('access-token/action.yml', () => {
  it('runs its own committed bundle on Node 24 (main is relative to its folder)', () => {
    expect(accessToken.runs).toEqual({ using: 'node24', main: '../dist/access-token/index.js' })
  })

  it('declares exactly the inputs the code reads, all required, and every output it sets', () => {
    const read = [...accessTokenSource.matchAll(/getInput\('([a-z-]+)'\)/g)].map((m) => m[1])
    expect(read.sort()).toEqual(Object.keys(accessToken.inputs ?? {}).sort())
    for (const spec of Object.values(accessToken.inputs ?? {})) expect(spec.required).toBe(true)
    const set = [...accessTokenSource.matchAll(/\[\s*'([a-z-]+)',/g)].map((m) => m[1])
    expect(set.sort()).toEqual(Object.keys(accessToken.outputs ?? {}).sort())
  })

  it('has every input and output in the README tables', () => {
    for (const name of [
      ...Object.keys(accessToken.inputs ?? {}),
      ...Object.keys(accessToken.outputs ?? {}),
    ]) {
      expect(readme).toMatch(new RegExp(`^\\| \`${name}\` +\\|`, 'm'))
    }
  })
})
