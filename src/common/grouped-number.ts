/**
 * A whole number with its thousands grouped by commas, as messages show sizes: "35,952".
 *
 * This is what `toLocaleString('en-US')` prints for a whole number, without it: the first call of
 * that sets up ICU's number formatting, some 10–20 ms of start-up, and token-set.ts makes one of
 * its messages when the bundle loads, before the first request.
 */
export function groupedNumber(value: number): string {
  if (!Number.isSafeInteger(value)) return String(value)
  const digits = String(Math.abs(value))
  const grouped = digits.replace(/\B(?=(?:\d{3})+$)/g, ',')
  return value < 0 ? `-${grouped}` : grouped
}
