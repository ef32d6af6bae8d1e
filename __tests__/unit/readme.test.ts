/**
 * The README reads well in a terminal: no table row wider than a terminal window, so long
 * explanations go below the tables. CONTRIBUTING.md keeps to the same rule.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../emulators/actions-runner.js'

/** About the width of a terminal window, in characters. */
const MAX_ROW = 120

/**
 * Sections whose tables are still wider, listed by heading, each with the width it has today so
 * that none grows: the command line tool's reference, whose rows quote its help text.
 */
const WIDER_SECTIONS: Record<string, number> = { '## The command line tool': 254 }

/** Characters as a terminal counts them (code points: `—` and `→` are one each). */
const width = (line: string): number => Array.from(line).length

/** Every table row longer than its section allows, as `file:line: N characters (section)`. */
function wideRows(path: string, text: string): string[] {
  let section = ''
  return text.split('\n').flatMap((line, i) => {
    if (line.startsWith('## ')) section = line
    const limit = WIDER_SECTIONS[section] ?? MAX_ROW
    if (!line.startsWith('|') || width(line) <= limit) return []
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
  expect(
    wideRows('t.md', `## The command line tool\n\n${row(200)}\n## Next\n\n${row(121)}\n`),
  ).toEqual(['t.md:6: 121 characters (## Next)'])
})
