/**
 * The runner's side of the action: how it reads inputs and speaks to the log, outputs and summary.
 * @actions/core in production; tests pass a recorder.
 */
import * as core from '@actions/core'

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
  setFailed(message: string): void
  writeSummary(html: string): Promise<void>
}

export const actionsRunner: Runner = {
  getInput: (name) => core.getInput(name),
  setSecret: (value) => core.setSecret(value),
  setOutput: (name, value) => core.setOutput(name, value),
  info: (message) => core.info(message),
  notice: (message) => core.notice(message),
  warning: (message) => core.warning(message),
  error: (message, properties) => core.error(message, properties),
  startGroup: (title) => core.startGroup(title),
  endGroup: () => core.endGroup(),
  setFailed: (message) => core.setFailed(message),
  writeSummary: async (html) => {
    await core.summary.addRaw(html, true).write()
  },
}
