/**
 * REST paths with every name in them percent-encoded in full, so that the path the action sends is
 * the path it prints in the recovery command, byte for byte, and neither a client nor a shell can
 * read anything into it.
 *
 * `encodeURIComponent` is not enough: it leaves `! ' ( ) *` as they are, which a shell treats as
 * syntax, and Octokit reads `:name` and `{name}` in a route as its own parameters (as `gh api`
 * reads `{owner}`). GitHub says of environment names: "The name must be URL encoded. For example,
 * any slashes in the name must be replaced with %2F." (OpenAPI description, parameter
 * `environment-name`.)
 */

/**
 * One path segment, percent-encoded per RFC 3986 §2.1/§2.3: only the unreserved characters
 * (ALPHA / DIGIT / "-" / "." / "_" / "~") stay literal; every other byte of the UTF-8 form is
 * written %XX (upper case, as §2.1 recommends). Octokit sends such a segment unchanged: its URL
 * template expansion keeps existing %XX escapes and only encodes what `encodeURI` would.
 */
export function pathSegment(value: string): string {
  // "." and ".." are dot-segments: every URL parser removes them (WHATWG URL does even for
  // "%2E"), so no request can name them. Inputs refuse them; reaching here is a bug.
  if (value === '' || value === '.' || value === '..') {
    throw new Error(`A REST path segment cannot be ${JSON.stringify(value)}.`)
  }
  // A lone surrogate has no UTF-8 form; TextEncoder would silently make it U+FFFD.
  if (/\p{Cs}/u.test(value)) {
    throw new Error('A REST path segment must be well-formed Unicode.')
  }
  let encoded = ''
  for (const byte of new TextEncoder().encode(value)) {
    encoded += isUnreserved(byte)
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  }
  return encoded
}

/** restPath`/repos/${owner}/${repo}`: each interpolated value becomes one encoded segment. */
export function restPath(literals: TemplateStringsArray, ...values: (string | number)[]): string {
  let path = literals[0] ?? ''
  values.forEach((value, i) => {
    path += pathSegment(String(value)) + (literals[i + 1] ?? '')
  })
  return path
}

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e // ~
  )
}
