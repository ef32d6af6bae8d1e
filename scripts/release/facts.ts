/**
 * `tsx scripts/release/facts.ts vX.Y.Z`: checks a release tag against package.json and
 * CHANGELOG.md (in the current folder, a git checkout with its tags) and gives the release workflow
 * what it publishes, as step outputs (`version`, `major-tag`, `move-major`, `notes`) when
 * GITHUB_OUTPUT names the runner's file, and on standard output. Exits 1 with the reason and the
 * next step when the tag cannot be released.
 */
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { appendFileSync, readFileSync } from 'node:fs'
import {
  changelogSection,
  checkTagAgainstPackage,
  majorTagOf,
  movesMajorTag,
  ReleaseError,
} from './rules.js'

function main(tag: string | undefined): void {
  if (tag === undefined || tag === '') {
    throw new ReleaseError('Usage: tsx scripts/release/facts.ts vX.Y.Z (the tag to release).')
  }
  const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { version?: unknown }
  const version = checkTagAgainstPackage(tag, String(packageJson.version))
  const notes = changelogSection(readFileSync('CHANGELOG.md', 'utf8'), version)
  const majorTag = majorTagOf(tag)
  const tags = execFileSync('git', ['tag', '--list', 'v*'], { encoding: 'utf8' }).split('\n')
  const moveMajor = movesMajorTag(tag, tags)

  const outputFile = process.env['GITHUB_OUTPUT']
  if (outputFile) {
    // A multi-line output needs a delimiter that cannot occur in the value.
    const delimiter = `NOTES_${randomUUID()}`
    appendFileSync(
      outputFile,
      `version=${version}\nmajor-tag=${majorTag}\nmove-major=${moveMajor}\n` +
        `notes<<${delimiter}\n${notes}\n${delimiter}\n`,
    )
  }
  const major = moveMajor
    ? `moves ${majorTag}`
    : `leaves ${majorTag} alone (a higher ${majorTag}.x release exists)`
  process.stdout.write(`Release ${tag}: version ${version}, ${major}.\n\n${notes}\n`)
}

try {
  main(process.argv[2])
} catch (error) {
  if (!(error instanceof ReleaseError)) throw error
  // On the runner, an annotation on the run's page; its title may hold neither ':' nor ','.
  const prefix = process.env['GITHUB_ACTIONS'] === 'true' ? '::error title=Not released::' : ''
  process.stderr.write(`${prefix}${error.message}\n`)
  process.exitCode = 1
}
