/**
 * Quoting for POSIX shells (sh, bash, zsh, dash, ksh), so that a printed command means the same
 * thing however it is pasted: every argument is one word, taken literally.
 *
 * Between single quotes every character is literal in all of them (POSIX, Shell Command Language
 * §2.2.2): no globbing (`* ? [ ]`), no parameter, command or arithmetic expansion (`$`, backticks),
 * no brace or tilde expansion, no word splitting. Single quotes also stop history expansion (`!`)
 * in interactive bash ("Only `\` and `'` may be used to escape the history expansion character",
 * bash manual, History Expansion) and zsh (zshexpn, "History Expansion": enclosed in single quotes
 * it loses its special meaning). A single quote cannot appear inside them: it is written `'\''`
 * (close, an escaped quote, open again).
 *
 * zsh's RC_QUOTES option, where `''` inside a quoted string stands for a quote, cannot join the
 * pieces: the quote before the backslash closes the string, and `\'` is outside any. fish, where
 * `\'` inside single quotes is an escape, reads it the same way, since that backslash is outside.
 */
export function shellQuote(argument: string): string {
  // A NUL ends a C string: no process can receive it in an argument.
  if (argument.includes('\0')) throw new Error('A shell argument cannot hold a NUL character.')
  return `'${argument.replaceAll("'", "'\\''")}'`
}

/** A command line of quoted words; `literal` words (the program, its fixed flags) stay as written. */
export function commandLine(words: readonly (string | { literal: string })[]): string {
  return words.map((word) => (typeof word === 'string' ? shellQuote(word) : word.literal)).join(' ')
}
