import { PassThrough } from 'node:stream'
import { Terminal } from '../../src/cli/terminal.js'
import { TerminalRunner } from '../../src/cli/terminal-runner.js'

function terminal(): { terminal: Terminal; stdout: () => string; stderr: () => string } {
  const out = new PassThrough()
  const err = new PassThrough()
  const read = (stream: PassThrough) => () => String(stream.read() ?? '')
  return {
    terminal: new Terminal({ stdout: out, stderr: err }),
    stdout: read(out),
    stderr: read(err),
  }
}

describe('Terminal', () => {
  it('scrubs every known secret, plain and URL-encoded, from everything but reveal()', () => {
    const t = terminal()
    t.terminal.secrets.add('s3cr3t/value')
    t.terminal.say('said s3cr3t/value')
    t.terminal.error('failed with s3cr3t%2Fvalue')
    t.terminal.result('result=s3cr3t/value')
    t.terminal.reveal('refresh_token=s3cr3t/value')
    expect(t.stderr()).toBe('said ***\nerror: failed with ***\n')
    expect(t.stdout()).toBe('result=***\nrefresh_token=s3cr3t/value\n')
  })

  it('indents groups and rewords after scrubbing', () => {
    const t = terminal()
    t.terminal.wording = (text) => text.replace('"repository"', '--repository')
    t.terminal.group('Title:')
    t.terminal.say('Check "repository".\nsecond line')
    t.terminal.endGroup()
    t.terminal.warn('done')
    expect(t.stderr()).toBe('Title:\n  Check --repository.\n  second line\nwarning: done\n')
  })
})

describe('TerminalRunner', () => {
  it('plays the runner: trimmed inputs, secrets scrubbed, outputs kept, input problems counted', async () => {
    const t = terminal()
    const seen: string[] = []
    const runner = new TerminalRunner(
      t.terminal,
      (name) => (name === 'client-id' ? '  id  ' : ''),
      (name, value) => seen.push(`${name}=${value}`),
    )
    expect(runner.getInput('client-id')).toBe('id')
    runner.setSecret('token-value-1')
    runner.info('got token-value-1')
    runner.setOutput('rotated', 'true')
    runner.error('bad', { title: 'Input "repository"' })
    runner.setFailed('1 input problem(s)')
    await runner.summary.addRaw('<h2>Summary</h2>').write()

    expect(t.stderr()).toBe('got ***\nerror: bad\nerror: 1 input problem(s)\n')
    expect(runner.outputs.get('rotated')).toBe('true')
    expect(seen).toEqual(['rotated=true'])
    expect(runner.inputProblems).toBe(1)
    expect(runner.failure).toBe('1 input problem(s)')
  })
})
