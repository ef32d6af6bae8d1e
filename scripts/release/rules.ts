/**
 * What a release tag must agree with, as plain functions: the tag names package.json's version,
 * the CHANGELOG has that version's section (the release notes), and which major tag follows it.
 * The release workflow (.github/workflows/release.yml) runs them through ./facts.ts.
 */

/** A release tag: `v` and a plain semantic version. Pre-release tags are not published as `vX`. */
const RELEASE_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

export class ReleaseError extends Error {
  override name = 'ReleaseError'
}

/** `v1.2.3` → `1.2.3`; anything else is refused, saying what a release tag looks like. */
export function versionOfTag(tag: string): string {
  if (!RELEASE_TAG.test(tag)) {
    throw new ReleaseError(
      `"${tag}" is not a release tag: push a tag of the form vMAJOR.MINOR.PATCH, e.g. v1.0.0.`,
    )
  }
  return tag.slice(1)
}

/** The tag's version is package.json's: else the release would carry another version's dist/. */
export function checkTagAgainstPackage(tag: string, packageVersion: string): string {
  const version = versionOfTag(tag)
  if (version !== packageVersion) {
    throw new ReleaseError(
      `The tag ${tag} does not match package.json's version ${packageVersion}. Set "version" to ` +
        `${version} with \`npm version ${version} --no-git-tag-version\`, add its CHANGELOG ` +
        `section, commit, and tag that commit; or delete the tag (\`git push --delete origin ${tag}\`).`,
    )
  }
  return version
}

/** The moving major tag users name in `uses: …@v1`: `v1.2.3` → `v1`. */
export function majorTagOf(tag: string): string {
  return `v${versionOfTag(tag).split('.')[0] ?? ''}`
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The body of `## [1.2.3] - YYYY-MM-DD` (Keep a Changelog), up to the next `## ` heading or the
 * link references at the end; trimmed. A release needs one, with something in it.
 */
export function changelogSection(changelog: string, version: string): string {
  const lines = changelog.replace(/\r\n/g, '\n').split('\n')
  const heading = new RegExp(`^## \\[${escapeRegExp(version)}\\](?:\\s|$)`)
  const start = lines.findIndex((line) => heading.test(line))
  if (start === -1) {
    throw new ReleaseError(
      `CHANGELOG.md has no section for ${version}: add "## [${version}] - YYYY-MM-DD" with ` +
        `what the release changes, commit, and tag that commit.`,
    )
  }
  const rest = lines.slice(start + 1)
  const end = rest.findIndex((line) => line.startsWith('## ') || /^\[[^\]]+\]: /.test(line))
  const body = (end === -1 ? rest : rest.slice(0, end)).join('\n').trim()
  if (body === '') {
    throw new ReleaseError(`CHANGELOG.md's section for ${version} is empty: say what it changes.`)
  }
  return body
}

function parts(version: string): number[] {
  return version.split('.').map(Number)
}

/**
 * Whether releasing `tag` moves its major tag: only when no higher release of the same major
 * exists, so a patch for an older minor (v1.2.5 after v1.3.0) never takes `v1` back to older code.
 */
export function movesMajorTag(tag: string, existingTags: readonly string[]): boolean {
  const [major, ...rest] = parts(versionOfTag(tag))
  const compare = (a: number[], b: number[]): number =>
    (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0)
  return existingTags
    .filter((other) => RELEASE_TAG.test(other))
    .map((other) => parts(other.slice(1)))
    .filter(([otherMajor]) => otherMajor === major)
    .every((other) => compare(other.slice(1), rest) <= 0)
}
