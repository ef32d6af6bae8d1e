/**
 * The runner's side of the action, played by a terminal: so `refresh` runs the action's own `run()`
 * (same order, same checks, same messages) from a shell. Inputs come from flags and variables;
 * masking is the terminal's scrubbing; outputs are kept for the command to print.
 */
import type { AnnotationProperties } from '@actions/core'
import type { JobSummary, Toolkit } from '../action/toolkit.js'
import type { Terminal } from './terminal.js'

export class TerminalRunner implements Toolkit {
  readonly outputs = new Map<string, string>()
  /** Input problems reported (`error` with an "Input …" title): a usage error. */
  inputProblems = 0
  /** The failure, once the rotation failed. */
  failure: string | undefined
  /** The job summary repeats what the log said; a terminal has only the log. */
  readonly summary: JobSummary = {
    addRaw: () => this.summary,
    write: () => Promise.resolve(),
  }

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

  /** Debug lines are for the runner's debug log; a terminal shows what a person acts on. */
  debug(): void {}

  notice(message: string | Error): void {
    this.terminal.note(String(message))
  }

  warning(message: string | Error): void {
    this.terminal.warn(String(message))
  }

  error(message: string | Error, properties?: AnnotationProperties): void {
    if (properties?.title?.startsWith('Input ')) this.inputProblems++
    this.terminal.error(String(message))
  }

  startGroup(title: string): void {
    this.terminal.group(`${title}:`)
  }

  endGroup(): void {
    this.terminal.endGroup()
  }

  setFailed(message: string | Error): void {
    this.failure = String(message)
    this.terminal.error(this.failure)
  }
}
