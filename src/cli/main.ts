/**
 * The command line tool: `authorize` gets the first refresh token, `refresh` rotates it once,
 * `sites` lists what a token reaches, `status` says how healthy an integration is. Each command
 * reports its own failures' kind by exit code.
 */
import packageJson from '../../package.json' with { type: 'json' }
import { ActionError } from '../common/errors.js'
import { quoteValue } from '../common/input-limits.js'
import { concat } from '../common/settings.js'
import { authorize } from './authorize.js'
import { openNetwork } from '../common/network.js'
import type { CliDependencies, Command } from './context.js'
import { CliError, EXIT, exitCodeOf, type ExitCode } from './exit-codes.js'
import { parseFlags, renderHelp, renderOverview, TOOL } from './options.js'
import { refresh } from './refresh.js'
import { sites } from './sites.js'
import { status } from './status.js'
import { Terminal } from './terminal.js'

export const COMMANDS: readonly Command[] = [authorize, refresh, sites, status]

export async function runCli(args: string[], deps: CliDependencies): Promise<ExitCode> {
  const terminal = new Terminal(deps.streams)
  const [name, ...rest] = args
  const overview = renderOverview(COMMANDS.map((command) => command.spec))
  if (name === undefined) {
    deps.streams.stderr.write(overview)
    return EXIT.USAGE
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const command = COMMANDS.find((c) => c.spec.name === rest[0])
    deps.streams.stdout.write(command ? renderHelp(command.spec) : overview)
    return EXIT.OK
  }
  if (name === '--version' || name === '-v') {
    deps.streams.stdout.write(`${packageJson.version}\n`)
    return EXIT.OK
  }
  const command = COMMANDS.find((c) => c.spec.name === name)
  if (command === undefined) {
    terminal.error(`Unknown command ${quoteValue(name)}.`)
    deps.streams.stderr.write(`\n${overview}`)
    return EXIT.USAGE
  }

  const network = openNetwork({ env: deps.env })
  try {
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
    report(terminal, error)
    return exitCodeOf(error)
  } finally {
    await network.close()
  }
}

/** What happened and what to do next; scrubbed of every secret, like every line printed. */
function report(terminal: Terminal, error: unknown): void {
  if (error instanceof CliError || error instanceof ActionError) {
    terminal.error(error.said)
    if (error.next !== undefined && error.next.length > 0) {
      terminal.say(concat(['Next step: ', error.next]))
    }
    return
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  terminal.error(`Unexpected failure: ${detail}`)
  terminal.say(
    `Next step: run it again; if it fails the same way, open an issue at the ${TOOL} repository with this output (secrets are removed from it).`,
  )
}
