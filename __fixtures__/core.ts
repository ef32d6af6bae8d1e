/**
 * @actions/core, for tests of the action's door: every function the door calls, recorded. The job
 * summary chains as the real one does and writes nowhere.
 */
import { jest } from '@jest/globals'
import type * as core from '@actions/core'

export const getInput = jest.fn<typeof core.getInput>(() => '')
export const setSecret = jest.fn<typeof core.setSecret>()
export const setOutput = jest.fn<typeof core.setOutput>()
export const info = jest.fn<typeof core.info>()
export const debug = jest.fn<typeof core.debug>()
export const notice = jest.fn<typeof core.notice>()
export const warning = jest.fn<typeof core.warning>()
export const error = jest.fn<typeof core.error>()
export const startGroup = jest.fn<typeof core.startGroup>()
export const endGroup = jest.fn<typeof core.endGroup>()
export const setFailed = jest.fn<typeof core.setFailed>()

export interface SummaryFixture {
  addRaw: jest.Mock<(text: string, addEOL?: boolean) => SummaryFixture>
  write: jest.Mock<() => Promise<SummaryFixture>>
}

export const summary: SummaryFixture = {
  addRaw: jest.fn(() => summary),
  write: jest.fn(() => Promise.resolve(summary)),
}
