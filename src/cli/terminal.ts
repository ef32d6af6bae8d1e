/**
 * Everything the command line tool prints goes through here. Explanations and progress go to
 * standard error, results a script may read to standard output, and every line is scrubbed of
 * every secret known so far first: a terminal has no `::add-mask::`, so this is the masking.
 * Only `reveal` (for --show-tokens) prints a secret, and only where the user asked for it.
 * Failures have a shape of their own, printed through `say` by ./failure.ts alone.
 */
import { SecretValues } from '../common/secrets.js'
import { asText, word, type Text, type Wording } from '../common/settings.js'
import { cliWording } from './wording.js'

export interface Streams {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

export class Terminal {
  /** Every secret value met so far: inputs, tokens, codes. */
  readonly secrets = new SecretValues(() => {})
  /** How messages name settings: flags and variables (./wording.ts). */
  wording: Wording = cliWording()
  /**
   * A prompt waits at the end of the last line on standard error: what is said next starts a line
   * of its own (a failure's "error: " above all).
   */
  promptOpen = false
  #indent = ''

  constructor(private readonly streams: Streams) {}

  /** Progress and explanations, for people (standard error). */
  say(text: string | Text): void {
    this.#write(this.streams.stderr, text)
  }

  note(text: string | Text): void {
    this.#write(this.streams.stderr, text, 'note: ')
  }

  warn(text: string | Text): void {
    this.#write(this.streams.stderr, text, 'warning: ')
  }

  /** A result a script may read (standard output), scrubbed like the rest. */
  result(text: string): void {
    this.streams.stdout.write(`${this.secrets.scrub(text)}\n`)
  }

  /** The one way to print a secret: only for --show-tokens, to standard output. */
  reveal(text: string): void {
    this.streams.stdout.write(`${text}\n`)
  }

  /** Lines said until `endGroup` are indented under `title`. */
  group(title: string | Text): void {
    this.say(title)
    this.#indent += '  '
  }

  endGroup(): void {
    this.#indent = this.#indent.slice(2)
  }

  #write(sink: NodeJS.WritableStream, text: string | Text, prefix = ''): void {
    const lines = this.secrets.scrub(word(asText(text), this.wording)).split('\n')
    const shown = lines.map((line, i) => `${this.#indent}${i === 0 ? prefix : ''}${line}`)
    const lead = this.promptOpen && sink === this.streams.stderr ? '\n' : ''
    if (sink === this.streams.stderr) this.promptOpen = false
    sink.write(`${lead}${shown.join('\n')}\n`)
  }
}
