import { PassThrough } from 'node:stream'
import { Terminal } from '../../src/cli/terminal.js'
import { named, text } from '../../src/common/settings.js'

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
    t.terminal.warn('failed with s3cr3t%2Fvalue')
    t.terminal.result('result=s3cr3t/value')
    t.terminal.reveal('refresh_token=s3cr3t/value')
    expect(t.stderr()).toBe('said ***\nwarning: failed with ***\n')
    expect(t.stdout()).toBe('result=***\nrefresh_token=s3cr3t/value\n')
  })

  it('indents groups and names settings as flags', () => {
    const t = terminal()
    t.terminal.group('Title:')
    t.terminal.say(text`Check ${named('repository')}.\nsecond line`)
    t.terminal.endGroup()
    t.terminal.warn('done')
    expect(t.stderr()).toBe('Title:\n  Check --repository.\n  second line\nwarning: done\n')
  })

  it('starts a new line when a prompt waits at the end of the last one', () => {
    const t = terminal()
    t.terminal.promptOpen = true
    t.terminal.result('on standard output')
    t.terminal.say('said')
    t.terminal.say('said again')
    expect(t.stderr()).toBe('\nsaid\nsaid again\n')
    expect(t.stdout()).toBe('on standard output\n')
  })
})
