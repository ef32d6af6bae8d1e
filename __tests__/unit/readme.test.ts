/**
 * The README reads well in a terminal: no table row wider than a terminal window, so long
 * explanations go below the tables. CONTRIBUTING.md keeps to the same rule.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../emulators/actions-runner.js'
import { EXIT_CODE_HELP } from '../../src/cli/exit-codes.js'
import { COMMANDS } from '../../src/cli/main.js'

/** About the width of a terminal window, in characters. */
const MAX_ROW = 120

/** Characters as a terminal counts them (code points: `—` and `→` are one each). */
const width = (line: string): number => Array.from(line).length

/** Every table row longer than its section allows, as `file:line: N characters (section)`. */
function wideRows(path: string, text: string): string[] {
  let section = ''
  return text.split('\n').flatMap((line, i) => {
    if (line.startsWith('## ')) section = line
    if (!line.startsWith('|') || width(line) <= MAX_ROW) return []
    return [`${path}:${i + 1}: ${width(line)} characters (${section || 'top'})`]
  })
}

describe.each(['README.md', 'CONTRIBUTING.md'])('%s', (path) => {
  it(`has no table row longer than ${MAX_ROW} characters`, async () => {
    const text = await readFile(join(PROJECT_ROOT, path), 'utf8')
    expect(text).toMatch(/^\| /m)
    expect(wideRows(path, text)).toEqual([])
  })
})

it('the width check finds a long row, and counts characters, not bytes', () => {
  const row = (width: number): string => `| ${'x'.repeat(width - 4)} |`
  expect(wideRows('t.md', `# T\n\n${row(120)}\n${row(121)}\n`)).toEqual([
    't.md:4: 121 characters (top)',
  ])
  expect(wideRows('t.md', `| ${'—'.repeat(116)} |\n`)).toEqual([])
  expect(wideRows('t.md', `## A section\n\n${row(121)}\n`)).toEqual([
    't.md:3: 121 characters (## A section)',
  ])
})

/**
 * The command line tool's exit-code table: `| code | commands | meaning |`, where commands is
 * `all` or a list. Read back as code -> the commands it names.
 */
function exitCodeTable(text: string): Map<number, string[]> {
  const section = text.slice(text.indexOf('### Exit codes'))
  const names = COMMANDS.map((command) => command.spec.name)
  const table = new Map<number, string[]>()
  for (const [, code = '', commands = ''] of section.matchAll(/^\| (\d+) +\| ([^|]+?) +\|/gm)) {
    table.set(Number(code), commands === 'all' ? names : commands.split(/, */))
  }
  return table
}

it("the README's exit-code table says which command returns which, as each command declares", async () => {
  const table = exitCodeTable(await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8'))
  expect([...table.keys()].sort((a, b) => a - b)).toEqual(
    EXIT_CODE_HELP.map(([code]) => code as number).sort((a, b) => a - b),
  )
  for (const command of COMMANDS) {
    const listed = [...table].filter(([, names]) => names.includes(command.spec.name))
    expect({
      command: command.spec.name,
      codes: listed.map(([code]) => code).sort((a, b) => a - b),
    }).toEqual({
      command: command.spec.name,
      codes: [...command.spec.exitCodes].sort((a, b) => a - b),
    })
  }
})

it('the exit-code table reader tells one wrong cell', () => {
  const text =
    '### Exit codes\n\n| Code | Commands | Meaning |\n| ---- | --- | --- |\n| 0 | all | Done. |\n| 3 | refresh | x |\n'
  const table = exitCodeTable(text)
  expect(table.get(0)).toEqual(COMMANDS.map((command) => command.spec.name))
  expect(table.get(3)).toEqual(['refresh'])
  expect(table.has(4)).toBe(false)
})
