import type { ActionError } from '../common/errors.js'
/**
 * The runner's side of the action, played by a terminal: so `refresh` runs the action's own `run()`
 * (same order, same checks, same messages) from a shell. Inputs come from flags and variables;
 * masking is the terminal's scrubbing; outputs are kept for the command to print.
 */
import type { Runner } from '../action/runner.js'
import type { Terminal } from './terminal.js'

export class TerminalRunner implements Runner {
  readonly outputs = new Map<string, string>()
  /** Input problems reported (`error` with an "Input …" title): a usage error. */
  inputProblems = 0
  /** The failure, once the rotation failed. */
  failure: string | undefined
  /** The error behind it, when the action gave it (it does for every failure after the inputs). */
  failedWith: ActionError | undefined

  constructor(
    private readonly terminal: Terminal,
    private readonly input: (name: string) => string,
    private readonly onOutput: (name: string, value: string) => void = () => {},
  ) {}

  getInput(name: string): string {
    // As core.getInput: trimmed.
    return this.input(name).trim()
  }

  setSecret(value: string): void {
    this.terminal.secrets.add(value)
  }

  setOutput(name: string, value: string): void {
    this.outputs.set(name, value)
    this.onOutput(name, value)
  }

  info(message: string): void {
    this.terminal.say(message)
  }

  notice(message: string): void {
    this.terminal.note(message)
  }

  warning(message: string): void {
    this.terminal.warn(message)
  }

  error(message: string, properties?: { title?: string }): void {
    if (properties?.title?.startsWith('Input ')) this.inputProblems++
    this.terminal.error(message)
  }

  startGroup(title: string): void {
    this.terminal.group(`${title}:`)
  }

  endGroup(): void {
    this.terminal.endGroup()
  }

  setFailed(message: string, error?: ActionError): void {
    this.failure = message
    this.failedWith = error
    this.terminal.error(message)
  }

  /** The job summary repeats what the log said; a terminal has only the log. */
  writeSummary(): Promise<void> {
    return Promise.resolve()
  }
}
