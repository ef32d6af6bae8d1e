/** The runner emulator's job outputs (emulators/actions-runner.ts): GitHub's rule for masked values. */
import { jobOutputs, type ActionRun } from '../../emulators/actions-runner.js'

function step(outputs: Record<string, string>, masks: string[]): ActionRun {
  return {
    exitCode: 0,
    stdout: '',
    stderr: '',
    outputs,
    summary: '',
    masks,
    errors: [],
    warnings: [],
    wallMs: 0,
    startedAt: 0,
    maxRssKb: undefined,
  }
}

describe('jobOutputs', () => {
  it('drops an output holding a value masked in the job, or a form the runner also hides', () => {
    // Its base64 holds "+" and "/", so its base64url form differs from it.
    const secret = 'token/with "quotes"+and=signs~~~?>>>'
    const a = step(
      {
        plain: 'nothing secret',
        whole: secret,
        inside: `Bearer ${secret}`,
        base64: Buffer.from(secret).toString('base64'),
        json: JSON.stringify({ secret }),
        uri: `https://example.test/?t=${encodeURIComponent(secret)}`,
        base64url: Buffer.from(secret).toString('base64url'),
      },
      [secret],
    )
    const map = Object.fromEntries(
      Object.keys(a.outputs).map((name) => [name, { step: 'a', output: name }]),
    )
    const job = jobOutputs({ a }, map)
    expect(job.dropped.sort()).toEqual(['base64', 'inside', 'json', 'uri', 'whole'])
    // base64url is never hidden by the runner (../shared/FACTS.md), so the rule does not see it.
    expect(job.outputs).toEqual({
      plain: 'nothing secret',
      base64url: Buffer.from(secret).toString('base64url'),
    })
  })

  it('drops the base64 of a longer text that holds the masked value at any alignment', () => {
    const secret = 'at-0123456789abcdef'
    const outputs = Object.fromEntries(
      ['', 'x', 'xy'].map((before) => [
        `after-${before.length}`,
        Buffer.from(`${before}${secret} and more`).toString('base64'),
      ]),
    )
    const a = step({ ...outputs, plain: 'nothing secret' }, [secret])
    const map = Object.fromEntries(
      Object.keys(a.outputs).map((name) => [name, { step: 'a', output: name }]),
    )
    const job = jobOutputs({ a }, map)
    expect(job.dropped.sort()).toEqual(['after-0', 'after-1', 'after-2'])
    expect(job.outputs).toEqual({ plain: 'nothing secret' })
  })

  it("counts masks of every step of the job, and the job's own secrets", () => {
    const a = step({ first: 'one-secret-value' }, [])
    const b = step({ second: 'xx another-secret xx' }, ['one-secret-value'])
    const job = jobOutputs(
      { a, b },
      {
        first: { step: 'a', output: 'first' },
        second: { step: 'b', output: 'second' },
        missing: { step: 'c', output: 'none' },
      },
      ['another-secret'],
    )
    expect(job).toEqual({ outputs: { missing: '' }, dropped: ['first', 'second'] })
  })
})
