/**
 * Reading the `gh api` recovery command a run printed. The words are split the way a POSIX shell
 * splits this one form (unquoted words, '…' literal, \' a quote), which is all the command uses;
 * __tests__/e2e/recovery-command.test.ts runs it through real bash and zsh with the real gh.
 */

/**
 * The command on its own line in `text` (the log indents it): the write alone, or the write inside
 * the `if … then … else … fi` that first checks the secret is as the run last saw it.
 */
export function recoveryCommandIn(text: string): string {
  const line = /^\s*((?:if |gh api ).*)$/m.exec(text)?.[1]
  if (line === undefined) throw new Error(`no "gh api" command in:\n${text}`)
  return line
}

/** The `gh api --method PUT …` write within a recovery command. */
export function writeIn(command: string): string {
  const write = / (gh api (?:--hostname \S+ )?--method PUT [^;]*)(?:;|$)/.exec(` ${command}`)?.[1]
  if (write === undefined) throw new Error(`no write in: ${command}`)
  return write
}

export interface GhApiCall {
  hostname: string | undefined
  method: string
  endpoint: string
  /** `-f key=value`, in order. */
  strings: [string, string][]
  /** `-F key=value`, in order. */
  typed: [string, string][]
}

export function parseGhApi(command: string): GhApiCall {
  const words = shellWords(writeIn(command))
  if (words[0] !== 'gh' || words[1] !== 'api') throw new Error(`not gh api: ${command}`)
  const call: GhApiCall = {
    hostname: undefined,
    method: 'GET',
    endpoint: '',
    strings: [],
    typed: [],
  }
  for (let i = 2; i < words.length; i++) {
    const word = words[i] ?? ''
    const next = (): string => words[++i] ?? ''
    const field = (): [string, string] => {
      const text = next()
      const at = text.indexOf('=')
      return [text.slice(0, at), text.slice(at + 1)]
    }
    if (word === '--hostname') call.hostname = next()
    else if (word === '--method') call.method = next()
    else if (word === '-f') call.strings.push(field())
    else if (word === '-F') call.typed.push(field())
    else call.endpoint = word
  }
  return call
}

/** Where gh sends the request: a full URL as given, else the path under `apiUrl`. */
export function requestUrl(call: GhApiCall, apiUrl: string): string {
  return /^https?:\/\//.test(call.endpoint) ? call.endpoint : `${apiUrl}/${call.endpoint}`
}

function shellWords(line: string): string[] {
  const words: string[] = []
  let word: string | undefined
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? ''
    if (c === ' ') {
      if (word !== undefined) words.push(word)
      word = undefined
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) throw new Error(`unterminated quote in: ${line}`)
      word = (word ?? '') + line.slice(i + 1, end)
      i = end
    } else if (c === '\\') {
      word = (word ?? '') + (line[++i] ?? '')
    } else {
      word = (word ?? '') + c
    }
  }
  if (word !== undefined) words.push(word)
  return words
}
