/**
 * The release workflow's rules (scripts/release/rules.ts): which tags release, what the tag must
 * agree with, the notes taken from CHANGELOG.md, and when the major tag moves.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../emulators/actions-runner.js'
import {
  changelogSection,
  checkTagAgainstPackage,
  majorTagOf,
  movesMajorTag,
  versionOfTag,
} from '../../scripts/release/rules.js'

const CHANGELOG = `# Changelog

Intro.

## [Unreleased]

### Added

- Something not yet released.

## [1.1.0] - 2027-01-05

### Changed

- A change.

## [1.0.0] - 2026-12-02

### Added

- The first release.

[Unreleased]: https://github.com/OWNER/atlassian-token-rotation/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/OWNER/atlassian-token-rotation/compare/v1.0.0...v1.1.0
`

describe('a release tag', () => {
  it('is v and a plain semantic version', () => {
    expect(versionOfTag('v1.0.0')).toBe('1.0.0')
    expect(versionOfTag('v10.20.30')).toBe('10.20.30')
  })

  it.each(['1.0.0', 'v1', 'v1.0', 'v1.0.0-rc.1', 'v01.0.0', 'v1.0.0 ', 'release-1.0.0'])(
    'is not %j',
    (tag) => {
      expect(() => versionOfTag(tag)).toThrow('push a tag of the form vMAJOR.MINOR.PATCH')
    },
  )

  it("names package.json's version, or says how to make them agree", () => {
    expect(checkTagAgainstPackage('v1.0.0', '1.0.0')).toBe('1.0.0')
    expect(() => checkTagAgainstPackage('v1.0.1', '1.0.0')).toThrow(
      'The tag v1.0.1 does not match package.json\'s version 1.0.0. Set "version" to 1.0.1 with `npm version 1.0.1 --no-git-tag-version`',
    )
  })

  it('moves the major tag of its major', () => {
    expect(majorTagOf('v1.4.2')).toBe('v1')
    expect(majorTagOf('v12.0.0')).toBe('v12')
  })
})

describe('the major tag', () => {
  it('moves to the highest release of its major, also the first and a re-run', () => {
    expect(movesMajorTag('v1.0.0', [])).toBe(true)
    expect(movesMajorTag('v1.0.0', ['v1.0.0', 'v1', ''])).toBe(true)
    expect(movesMajorTag('v1.3.0', ['v1.0.0', 'v1.2.9', 'v0.9.0', 'v2.0.0'])).toBe(true)
    expect(movesMajorTag('v1.2.10', ['v1.2.9'])).toBe(true)
  })

  it('stays when a higher release of the same major exists', () => {
    expect(movesMajorTag('v1.2.5', ['v1.3.0'])).toBe(false)
    expect(movesMajorTag('v1.2.5', ['v1.2.6'])).toBe(false)
    expect(movesMajorTag('v1.9.0', ['v1.10.0'])).toBe(false)
    // Pre-release tags and other names do not count.
    expect(movesMajorTag('v1.2.5', ['v1.3.0-rc.1', 'v1.x', 'latest'])).toBe(true)
  })
})

describe('the release notes', () => {
  it("are the version's CHANGELOG section, without its heading or the next one", () => {
    expect(changelogSection(CHANGELOG, '1.1.0')).toBe('### Changed\n\n- A change.')
  })

  it('of the last section stop at the link references', () => {
    expect(changelogSection(CHANGELOG, '1.0.0')).toBe('### Added\n\n- The first release.')
  })

  it('are found in a file with Windows line ends', () => {
    expect(changelogSection(CHANGELOG.replace(/\n/g, '\r\n'), '1.1.0')).toBe(
      '### Changed\n\n- A change.',
    )
  })

  it('need a section of exactly that version, with something in it', () => {
    expect(() => changelogSection(CHANGELOG, '1.0')).toThrow(
      'CHANGELOG.md has no section for 1.0: add "## [1.0] - YYYY-MM-DD"',
    )
    expect(() => changelogSection(CHANGELOG, '1.0.1')).toThrow('no section for 1.0.1')
    expect(() => changelogSection('## [2.0.0] - 2027-01-01\n\n## [1.0.0]\n', '2.0.0')).toThrow(
      "CHANGELOG.md's section for 2.0.0 is empty",
    )
  })

  it("exist in this repository for package.json's version, dated", async () => {
    const packageJson = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    const changelog = await readFile(join(PROJECT_ROOT, 'CHANGELOG.md'), 'utf8')
    expect(changelogSection(changelog, packageJson.version)).toMatch(
      /^### (Added|Changed|Fixed|Removed|Deprecated|Security)$/m,
    )
    expect(changelog).toMatch(
      new RegExp(
        `^## \\[${packageJson.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`,
        'm',
      ),
    )
  })
})
