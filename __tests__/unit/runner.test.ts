/**
 * src/runner.ts speaks the workflow-command protocol itself, instead of loading @actions/core on
 * every start. This holds it to @actions/core's own output, call for call and byte for byte (the
 * toolkit stays a development dependency for exactly this).
 */
import { jest } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { actionsRunner, type Runner } from '../../src/action/runner.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'runner-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The same calls, with awkward values: percent signs, new lines, colons and commas. */
async function script(runner: Runner): Promise<void> {
  runner.setSecret('s3cr%t\nline:two')
  runner.info('plain line with 100% and a: colon')
  runner.notice('notice\r\nwith breaks')
  runner.warning('warning, with comma')
  runner.error('error %0A not an escape', { title: 'Input "secret-name": bad, really' })
  runner.error('untitled error')
  runner.startGroup('Recovery value for X')
  runner.info('inside')
  runner.endGroup()
  runner.setOutput('access-token', 'multi\nline value')
  runner.setOutput('rotated', 'true')
  await runner.writeSummary('<h2>Summary</h2>\n<table></table>')
  runner.setFailed('it failed\nbadly')
}

interface Captured {
  stdout: string
  output: string
  summary: string
  exitCode: number | string | undefined
}

async function capture(
  make: (env: Record<string, string>, write: (t: string) => void) => Promise<Runner>,
): Promise<Captured> {
  const output = join(dir, `output-${Math.random()}`)
  const summary = join(dir, `summary-${Math.random()}`)
  await Promise.all([writeFile(output, ''), writeFile(summary, '')])
  const env = { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary }
  let stdout = ''
  const write = (text: string): void => {
    stdout += text
  }
  const saved = { ...process.env }
  const savedExitCode = process.exitCode
  Object.assign(process.env, env)
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      write(String(chunk))
      return true
    })
  try {
    await script(await make(env, write))
    return {
      stdout,
      // The heredoc delimiters are random by design.
      output: (await readFile(output, 'utf8')).replace(/ghadelimiter_[0-9a-f-]+/g, 'DELIMITER'),
      summary: await readFile(summary, 'utf8'),
      exitCode: process.exitCode,
    }
  } finally {
    spy.mockRestore()
    process.env = saved
    process.exitCode = savedExitCode
  }
}

it('writes exactly what @actions/core writes', async () => {
  const core = await import('@actions/core')
  const theirs = await capture(() =>
    Promise.resolve({
      getInput: (name: string) => core.getInput(name),
      setSecret: (value: string) => core.setSecret(value),
      setOutput: (name: string, value: string) => core.setOutput(name, value),
      info: (message: string) => core.info(message),
      notice: (message: string) => core.notice(message),
      warning: (message: string) => core.warning(message),
      error: (message: string, properties?: { title?: string }) => core.error(message, properties),
      startGroup: (title: string) => core.startGroup(title),
      endGroup: () => core.endGroup(),
      setFailed: (message: string) => core.setFailed(message),
      writeSummary: async (html: string) => {
        await core.summary.addRaw(html, true).write()
      },
    }),
  )
  const ours = await capture((env, write) => Promise.resolve(actionsRunner(env, write)))

  expect(ours).toEqual(theirs)
  expect(ours.stdout).toContain('::add-mask::s3cr%25t%0Aline:two')
  expect(ours.exitCode).toBe(1)
})

it('prints no ::add-mask:: line, and so no secret, outside the Actions runner', () => {
  let stdout = ''
  const runner = actionsRunner({}, (text) => (stdout += text))
  runner.setSecret('a-secret-value')
  runner.setOutput('refresh-token', 'a-secret-value')
  expect(stdout).not.toContain('a-secret-value')
  expect(stdout).toContain('GITHUB_OUTPUT is not set')
})

it('reads inputs as the runner passes them: upper case, hyphens kept, trimmed', () => {
  const runner = actionsRunner({
    'INPUT_SECRET-NAME': '  ATLASSIAN_REFRESH_TOKEN \n',
    INPUT_MY_INPUT: 'x',
  })
  expect(runner.getInput('secret-name')).toBe('ATLASSIAN_REFRESH_TOKEN')
  expect(runner.getInput('my input')).toBe('x')
  expect(runner.getInput('missing')).toBe('')
})
