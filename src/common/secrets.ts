/**
 * Every secret value this run knows, masked in the runner's log the moment it is known, and scrubbed
 * from any text (server answers, error messages, the job summary) before that text is shown.
 *
 * Masking alone is not enough: the runner only hides a value in lines printed *after* its
 * `::add-mask::` line, and it does not hide encodings such as hex or base64url
 * (../shared/FACTS.md, "The runner").
 */
export class SecretValues {
  readonly #values = new Set<string>()

  constructor(private readonly mask: (value: string) => void) {}

  /** Masks `value` at once; empty and very short values are skipped (masking them would garble logs). */
  add(value: string | undefined): void {
    if (value === undefined) return
    const trimmed = value.trim()
    if (trimmed.length < 4 || this.#values.has(trimmed)) return
    this.#values.add(trimmed)
    this.mask(trimmed)
  }

  /** Replaces every known secret, and its URL-encoded form, with `***`. Longest first, so a secret
   * that contains another is removed whole. */
  scrub(text: string): string {
    let result = text
    const values = [...this.#values].sort((a, b) => b.length - a.length)
    for (const value of values) {
      for (const form of new Set([value, encodeURIComponent(value)])) {
        result = result.split(form).join('***')
      }
    }
    return result
  }
}
