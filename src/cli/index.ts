#!/usr/bin/env node
/** The command line tool's entry point (package.json "bin"): `atlassian-token-rotation <command>`. */
import { EXIT } from './exit-codes.js'
import { reportError, reportFailure } from './failure.js'
import { TOOL } from './options.js'
import { Terminal } from './terminal.js'

let started = false
try {
  // Imported here, not above: the toolkit reads the environment as it loads (a proxy variable
  // that is not a URL throws there), and that failure too must be reported in the one shape.
  const { defaultCliDependencies } = await import('./context.js')
  const { runCli } = await import('./main.js')
  started = true
  process.exitCode = await runCli(process.argv.slice(2), defaultCliDependencies())
} catch (error) {
  const terminal = new Terminal(process)
  if (started) {
    reportError(terminal, error)
  } else {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    reportFailure(terminal, {
      said: `Could not start: ${detail}. Nothing was sent.`,
      next: `Check the variables read at start: HTTPS_PROXY, HTTP_PROXY and NO_PROXY (a proxy must be a URL, e.g. http://proxy.example:3128). If they are fine, open an issue at the ${TOOL} repository with this output.`,
    })
  }
  process.exitCode = EXIT.UNEXPECTED
}
