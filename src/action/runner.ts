/**
 * The runner's side of the action: how it reads inputs and speaks to the log, outputs and summary.
 *
 * The workflow-command protocol, written out here rather than imported from @actions/core: the
 * toolkit's entry point also loads its OIDC client, an HTTP client and a process runner, about
 * 1 MB that this action never runs but would parse on every start (see the README's benchmark).
 * A test holds this file to @actions/core's own output, byte for byte
 * (__tests__/unit/runner.test.ts). Protocol: docs.github.com, "Workflow commands for GitHub Actions".
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'
import type { ActionError } from '../common/errors.js'

export interface Runner {
  getInput(name: string): string
  setSecret(value: string): void
  setOutput(name: string, value: string): void
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
  error(message: string, properties?: { title?: string }): void
  startGroup(title: string): void
  endGroup(): void
  /** Fails the step; `failure` is the error itself, for runners that act on its code and state. */
  setFailed(message: string, failure?: ActionError): void
  writeSummary(html: string): Promise<void>
}

/** The runner as the GitHub Actions runner sees it: environment in, stdout and files out. */
export function actionsRunner(
  env: Record<string, string | undefined> = process.env,
  write: (text: string) => void = (text) => process.stdout.write(text),
): Runner {
  const command = (name: string, properties: Record<string, string>, message: string): void => {
    const props = Object.entries(properties)
      .filter(([, value]) => value !== '')
      .map(([key, value]) => `${key}=${escapeProperty(value)}`)
      .join(',')
    write(`::${name}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`)
  }
  let warnedNoOutputFile = false
  const runner: Runner = {
    // Inputs arrive as INPUT_<NAME>: upper case, spaces to underscores, hyphens kept; trimmed.
    getInput: (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
    // `::add-mask::` lines are consumed by the runner; anywhere else (a terminal, local-action)
    // they would print the very values they are meant to hide.
    setSecret: (value) => {
      if (env['GITHUB_ACTIONS'] === 'true') command('add-mask', {}, value)
    },
    setOutput: (name, value) => {
      const file = env['GITHUB_OUTPUT']
      // Without the runner's output file there is nowhere safe to put a value: the old
      // `::set-output` command would print tokens on a terminal that masks nothing.
      if (file) appendFileSync(file, `${keyValue(name, value)}${EOL}`, { encoding: 'utf8' })
      else if (!warnedNoOutputFile) {
        warnedNoOutputFile = true
        command(
          'warning',
          {},
          'GITHUB_OUTPUT is not set (not running under the Actions runner): step outputs are not written.',
        )
      }
    },
    info: (message) => {
      write(`${message}${EOL}`)
    },
    notice: (message) => {
      command('notice', {}, message)
    },
    warning: (message) => {
      command('warning', {}, message)
    },
    error: (message, properties = {}) => {
      command('error', properties.title === undefined ? {} : { title: properties.title }, message)
    },
    startGroup: (title) => {
      command('group', {}, title)
    },
    endGroup: () => {
      command('endgroup', {}, '')
    },
    setFailed: (message) => {
      process.exitCode = 1
      runner.error(message)
    },
    writeSummary: (html) => {
      const file = env['GITHUB_STEP_SUMMARY']
      if (!file) return Promise.reject(new Error('GITHUB_STEP_SUMMARY is not set'))
      appendFileSync(file, `${html}${EOL}`, { encoding: 'utf8' })
      return Promise.resolve()
    },
  }
  return runner
}

/** `name<<DELIMITER` … `DELIMITER`, with a delimiter no value can contain by chance. */
function keyValue(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: the output ${name} contains the delimiter ${delimiter}`)
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}
