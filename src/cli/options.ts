/**
 * Flags and environment variables, from one table per command: the same table parses the command
 * line (node:util parseArgs, strict) and writes the command's --help, so the two cannot drift.
 *
 * Every flag `--foo-bar` may also come from the variable `ATLASSIAN_FOO_BAR`; the flag wins. Secret
 * values are never flags (they would land in shell history and in the process list): they are read
 * from the environment only.
 */
import { asText, concat, type Text } from '../common/settings.js'
import { SECRET_SOURCES } from './wording.js'
import { parseArgs } from 'node:util'
import { quoteValue } from '../common/input-limits.js'
import { CliError, EXIT, EXIT_CODE_HELP, ROTATION_EXIT_CODES, type ExitCode } from './exit-codes.js'

export const TOOL = 'atlassian-token-rotation'

export interface FlagSpec {
  name: string
  kind: 'string' | 'boolean'
  /** What the value is, for --help: URL, NAME, SECONDS. */
  value?: string
  description: string
  /** The variable read when the flag is absent; default ATLASSIAN_<NAME>; false for none. */
  env?: string | false
}

export interface CommandSpec {
  name: string
  /** One line, for the overview. */
  summary: string
  usage: string
  /** Paragraphs. */
  description: string[]
  flags: FlagSpec[]
  /** Variables that are not flags (secrets, the GitHub token), for --help. */
  environment: [string, string][]
  examples: string[]
  /**
   * Every exit code the command can return, and no other: its --help lists these. Default: the
   * codes of the commands that rotate (./exit-codes.ts, ROTATION_EXIT_CODES).
   */
  exitCodes?: readonly ExitCode[]
}

export interface ParsedFlags {
  help: boolean
  /** A string flag's value (flag, else its variable); undefined when neither is set. */
  string(name: string): string | undefined
  boolean(name: string): boolean
}

export function envName(flag: FlagSpec): string | undefined {
  if (flag.env === false) return undefined
  return flag.env ?? `ATLASSIAN_${flag.name.toUpperCase().replace(/-/g, '_')}`
}

export function parseFlags(
  command: CommandSpec,
  args: string[],
  env: Record<string, string | undefined>,
): ParsedFlags {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  }
  for (const flag of command.flags) options[flag.name] = { type: flag.kind }
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw usageError(command, error)
  }
  const spec = (name: string): FlagSpec => {
    const flag = command.flags.find((f) => f.name === name)
    if (!flag) throw new Error(`${command.name}: no flag --${name} in its table`)
    return flag
  }
  return {
    help: values['help'] === true,
    string: (name) => {
      const flag = spec(name)
      const given = values[name]
      if (typeof given === 'string') return given.trim()
      const variable = envName(flag)
      const fromEnv = variable === undefined ? undefined : env[variable]?.trim()
      return fromEnv === '' ? undefined : fromEnv
    },
    boolean: (name) => {
      const flag = spec(name)
      if (values[name] === true) return true
      const variable = envName(flag)
      const text = (variable === undefined ? undefined : env[variable])?.trim().toLowerCase()
      if (text === undefined || text === '' || text === 'false' || text === '0') return false
      if (text === 'true' || text === '1') return true
      throw new CliError(
        EXIT.USAGE,
        `${variable ?? ''} must be "true" or "false"; got ${quoteValue(text)}.`,
        `Fix it, or unset it and use --${name}.`,
      )
    },
  }
}

function usageError(command: CommandSpec, error: unknown): CliError {
  const help = `Run \`${TOOL} ${command.name} --help\` for the options.`
  const code = (error as { code?: unknown }).code
  const message = error instanceof Error ? error.message : String(error)
  const option = /'(-[^' ]*)/.exec(message)?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) {
    const name = option.replace(/^-+/, '').replace(/=.*$/, '')
    const source = SECRET_SOURCES[name]
    if (source !== undefined) {
      return new CliError(
        EXIT.USAGE,
        `--${name} is not a flag: secrets are read from the environment only (${source}), so they never land in shell history or the process list.`,
        `Set it without echoing it, e.g. \`read -rs ${source.split(' ')[0] ?? ''} && export ${source.split(' ')[0] ?? ''}\`, then run the command again.`,
      )
    }
    // Only the option's name: a value after "=" may be anything, a secret included.
    return new CliError(
      EXIT.USAGE,
      `Unknown option ${quoteValue(option.replace(/=.*$/s, ''))} for "${command.name}".`,
      help,
    )
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    return new CliError(
      EXIT.USAGE,
      /argument missing/.test(message)
        ? `Option ${option} needs a value.`
        : `Option ${option.replace(/=.*$/s, '')} takes no value.`,
      help,
    )
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1] ?? ''
    return new CliError(
      EXIT.USAGE,
      `Unexpected argument ${quoteValue(argument)}: "${command.name}" takes only options (--name value).`,
      help,
    )
  }
  return new CliError(EXIT.USAGE, message, help)
}

/** One problem as it is; several as a list, so each can be fixed in one go. */
export function listProblems(problems: readonly (string | Text)[]): Text {
  if (problems.length === 1) return asText(problems[0] ?? '')
  return concat([`${problems.length} problems:`, ...problems.map((p) => concat(['  - ', p]))], '\n')
}

const WIDTH = 100

/** The command's --help text. */
export function renderHelp(command: CommandSpec): string {
  const labels = command.flags.map(
    (flag) => `--${flag.name}${flag.value === undefined ? '' : ` ${flag.value}`}`,
  )
  const column = Math.min(32, Math.max(...labels.map((l) => l.length), 10) + 4)
  const row = (label: string, text: string, width = column): string => {
    const column = width
    const indent = ' '.repeat(column)
    const body = wrap(text, WIDTH - column)
    const first =
      label.length + 2 >= column ? `  ${label}\n${indent}` : `  ${label.padEnd(column - 2)}`
    return first + body.join(`\n${indent}`)
  }
  const flagRows = command.flags.map((flag, i) => {
    const variable = envName(flag)
    const env = variable === undefined ? '' : ` [${variable}]`
    return row(labels[i] ?? '', `${flag.description}${env}`)
  })
  return [
    `${TOOL} ${command.name}: ${command.summary}`,
    '',
    'Usage:',
    `  ${TOOL} ${command.usage}`,
    '',
    ...command.description.flatMap((paragraph) => [...wrap(paragraph, WIDTH), '']),
    'Options (each may also come from the variable in brackets; the flag wins):',
    ...flagRows,
    row('-h, --help', 'Show this help.'),
    '',
    'Environment:',
    ...command.environment.map(([name, text]) => row(name, text)),
    '',
    'Exit codes:',
    ...EXIT_CODE_HELP.filter(([code]) =>
      (command.exitCodes ?? ROTATION_EXIT_CODES).includes(code),
    ).map(([code, text]) => row(String(code), text, 7)),
    '',
    'Examples:',
    ...command.examples.map((example) => `  ${example}`),
    '',
  ].join('\n')
}

/** The overview: what each command is for. */
export function renderOverview(commands: CommandSpec[]): string {
  const column = Math.max(...commands.map((c) => c.name.length)) + 4
  return [
    `${TOOL}: get, rotate and inspect Atlassian OAuth 2.0 (3LO) refresh tokens kept in GitHub secrets.`,
    '',
    'Usage:',
    `  ${TOOL} <command> [options]`,
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(column - 2)}${c.summary}`),
    '',
    `Run \`${TOOL} <command> --help\` for a command's options, environment and exit codes.`,
    '',
  ].join('\n')
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines.length === 0 ? [''] : lines
}
