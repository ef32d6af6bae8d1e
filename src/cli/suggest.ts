/**
 * "Did you mean": the names a mistyped one was probably meant to be. Edit distance (Damerau's
 * optimal string alignment: insert, delete, substitute, or swap two neighbours, each counting one),
 * allowing one edit for names up to 4 characters and two for longer ones, so that a slip of the
 * finger finds its flag and a different word finds nothing.
 */

/** The candidates closest to `given` within the allowed distance, best first; none if none is. */
export function closeMatches(given: string, candidates: readonly string[]): string[] {
  const allowed = given.length <= 4 ? 1 : 2
  const scored = candidates
    .map((candidate) => ({ candidate, distance: editDistance(given, candidate) }))
    .filter(({ distance }) => distance > 0 && distance <= allowed)
  const best = Math.min(...scored.map(({ distance }) => distance))
  return scored.filter(({ distance }) => distance === best).map(({ candidate }) => candidate)
}

/** "Did you mean --scope?" / "Did you mean --a or --b?"; '' when nothing is close. */
export function didYouMean(matches: readonly string[]): string {
  if (matches.length === 0) return ''
  const last = matches[matches.length - 1] ?? ''
  const names = matches.length === 1 ? last : `${matches.slice(0, -1).join(', ')} or ${last}`
  return `Did you mean ${names}?`
}

/** Optimal string alignment distance between `a` and `b`. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = []
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i]
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j)
        continue
      }
      const above = rows[i - 1] ?? []
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let distance = Math.min(
        (above[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (above[j - 1] ?? 0) + cost,
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, (rows[i - 2]?.[j - 2] ?? 0) + 1)
      }
      row.push(distance)
    }
    rows.push(row)
  }
  return rows[a.length]?.[b.length] ?? 0
}
