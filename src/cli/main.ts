/**
 * The command line tool: `authorize` gets the first refresh token, `refresh` rotates it once,
 * `sites` lists what a token reaches, `status` says how healthy an integration is. Each command
 * declares the exit codes it returns; every failure, the dispatcher's own included, is reported in
 * one shape (./failure.ts).
 */
import packageJson from '../../package.json' with { type: 'json' }
import { quoteValue } from '../common/input-limits.js'
import { authorize } from './authorize.js'
import { openNetwork } from '../common/network.js'
import type { CliDependencies, Command } from './context.js'
import { EXIT, exitCodeOf, type ExitCode } from './exit-codes.js'
import { reportError, reportFailure } from './failure.js'
import { parseFlags, renderHelp, renderOverview, TOOL } from './options.js'
import { refresh } from './refresh.js'
import { sites } from './sites.js'
import { closeMatches, didYouMean } from './suggest.js'
import { status } from './status.js'
import { Terminal } from './terminal.js'

export const COMMANDS: readonly Command[] = [authorize, refresh, sites, status]

export async function runCli(args: string[], deps: CliDependencies): Promise<ExitCode> {
  const terminal = new Terminal(deps.streams)
  const [name, ...rest] = args
  const names = COMMANDS.map((command) => command.spec.name)
  const overview = renderOverview(COMMANDS.map((command) => command.spec))
  if (name === undefined) {
    deps.streams.stderr.write(`${overview}\n`)
    reportFailure(terminal, {
      said: 'No command given.',
      next: `Name the command: \`${TOOL} <command>\`, with ${listed(names, 'or')} as the command. \`${TOOL} <command> --help\` shows its options.`,
    })
    return EXIT.USAGE
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const [topic] = rest
    if (topic === undefined) {
      deps.streams.stdout.write(overview)
      return EXIT.OK
    }
    const command = COMMANDS.find((c) => c.spec.name === topic)
    if (command === undefined) return unknownCommand(terminal, topic, names, 'help ')
    deps.streams.stdout.write(renderHelp(command.spec))
    return EXIT.OK
  }
  if (name === '--version' || name === '-v') {
    deps.streams.stdout.write(`${packageJson.version}\n`)
    return EXIT.OK
  }
  const command = COMMANDS.find((c) => c.spec.name === name)
  if (command === undefined) return unknownCommand(terminal, name, names)

  let network: ReturnType<typeof openNetwork> | undefined
  try {
    network = openNetwork({ env: deps.env })
    const flags = parseFlags(command.spec, rest, deps.env)
    if (flags.help) {
      deps.streams.stdout.write(renderHelp(command.spec))
      return EXIT.OK
    }
    return await command.run(flags, {
      command: name,
      terminal,
      deps,
      network,
    })
  } catch (error) {
    reportError(terminal, error)
    return exitCodeOf(error)
  } finally {
    await network?.close()
  }
}

/** `prefix`: what came before the name ("help "), said again in the suggestion. */
function unknownCommand(terminal: Terminal, name: string, names: string[], prefix = ''): ExitCode {
  // An option where the command belongs is named as such: `--colour` is no command.
  const option = name.startsWith('-')
  const suggestion = didYouMean(
    option
      ? closeMatches(name.replace(/=.*$/s, ''), ['--help', '--version'])
      : closeMatches(name, names).map((n) => `\`${TOOL} ${prefix}${n}\``),
  )
  reportFailure(terminal, {
    said: option
      ? `Unknown option ${quoteValue(name.replace(/=.*$/s, ''))}: a command comes first.`
      : `Unknown command ${quoteValue(name)}.`,
    next:
      suggestion !== ''
        ? `${suggestion} (\`${TOOL} --help\` lists the commands.)`
        : option
          ? `Give the command first, its options after it: \`${TOOL} <command> [options]\`, with ${listed(names, 'or')} as the command.`
          : `Name one of the commands, ${listed(names, 'or')}: \`${TOOL} --help\` says what each does.`,
  })
  return EXIT.USAGE
}

/** "a, b or c". */
function listed(names: readonly string[], conjunction: string): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1] ?? ''}`
}
