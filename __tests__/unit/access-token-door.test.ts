/** The access-token action's door (src/access-token/main.ts), with a recorded toolkit. */
import { run } from '../../src/access-token/main.js'
import type { Toolkit } from '../../src/action/toolkit.js'
import { sealHandoff } from '../../src/handoff/handoff.js'

const KEY = 'client-secret-0123456789abcdefghijklmnop'
const ACCESS = 'at-handed-off-0123456789'
const RUN = { repository: 'octo-org/confluence-sync', runId: '77', runAttempt: '2' }
const ENV = {
  GITHUB_REPOSITORY: RUN.repository,
  GITHUB_RUN_ID: RUN.runId,
  GITHUB_RUN_ATTEMPT: RUN.runAttempt,
}
const NOW = new Date('2026-12-02T01:00:00.000Z')

/** Every toolkit call, in order, as `name(args…)`. */
function recordedToolkit(inputs: Record<string, string>): { toolkit: Toolkit; calls: string[] } {
  const calls: string[] = []
  const record =
    (name: string) =>
    (...args: unknown[]): void => {
      calls.push(
        `${name}(${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(', ')})`,
      )
    }
  const toolkit = {
    getInput: (name: string) => {
      calls.push(`getInput(${name})`)
      return inputs[name] ?? ''
    },
    setSecret: record('setSecret'),
    setOutput: record('setOutput'),
    info: record('info'),
    debug: record('debug'),
    notice: record('notice'),
    warning: record('warning'),
    error: record('error'),
    startGroup: record('startGroup'),
    endGroup: record('endGroup'),
    setFailed: record('setFailed'),
    summary: { addRaw: () => toolkit.summary, write: () => Promise.resolve() },
  } as unknown as Toolkit
  return { toolkit, calls }
}

async function handoff(
  binding = { ...RUN, runAttempt: '1' },
  described: { scope: string; tokenType: string } = {
    scope: 'read:confluence-content.all',
    tokenType: 'Bearer',
  },
): Promise<string> {
  return sealHandoff(
    {
      accessToken: ACCESS,
      expiresAt: new Date('2026-12-02T01:40:00.000Z'),
      ...described,
      cloudId: 'cloud-7',
      apiBaseUrl: 'https://api.atlassian.com/ex/confluence/cloud-7',
      jiraApiBaseUrl: 'https://api.atlassian.com/ex/jira/cloud-7',
    },
    KEY,
    binding,
  )
}

describe('the access-token action', () => {
  it('masks the key, then the token, before any output or log line; then outputs it all', async () => {
    const { toolkit, calls } = recordedToolkit({ handoff: await handoff(), 'handoff-key': KEY })
    expect(await run({ toolkit, env: ENV, now: () => NOW })).toBe(true)
    expect(calls).toEqual([
      'getInput(handoff-key)',
      `setSecret(${KEY})`,
      'getInput(handoff)',
      `setSecret(${ACCESS})`,
      `setOutput(access-token, ${ACCESS})`,
      'setOutput(expires-at, 2026-12-02T01:40:00.000Z)',
      'setOutput(expires-in, 2400)',
      'setOutput(scope, read:confluence-content.all)',
      'setOutput(token-type, Bearer)',
      'setOutput(cloud-id, cloud-7)',
      'setOutput(api-base-url, https://api.atlassian.com/ex/confluence/cloud-7)',
      'setOutput(confluence-api-base-url, https://api.atlassian.com/ex/confluence/cloud-7)',
      'setOutput(jira-api-base-url, https://api.atlassian.com/ex/jira/cloud-7)',
      expect.stringMatching(
        /^info\(Access token handed on .* expires at 2026-12-02T01:40:00.000Z at the latest/,
      ),
    ])
  })

  it('masks the words of the scope and type that are no scope name or token type, as the rotating step did, before outputting them', async () => {
    const odd = { scope: 'read:confluence-content.all X9secretWord', tokenType: 'Zq0paque' }
    const { toolkit, calls } = recordedToolkit({
      handoff: await handoff({ ...RUN, runAttempt: '1' }, odd),
      'handoff-key': KEY,
    })
    expect(await run({ toolkit, env: ENV, now: () => NOW })).toBe(true)
    const firstOutput = calls.findIndex((c) => c.startsWith('setOutput'))
    const masks = calls.slice(0, firstOutput)
    expect(masks).toContain('setSecret(X9secretWord)')
    expect(masks).toContain('setSecret(Zq0paque)')
    expect(masks).not.toContain('setSecret(read:confluence-content.all)')
  })

  it.each([
    ['no key', { 'handoff-key': '' }, 'Input "handoff-key" is required'],
    ['no handoff', { handoff: '' }, 'Input "handoff" is empty'],
    ['a wrong key', { 'handoff-key': `${KEY}-other` }, 'does not open with "handoff-key"'],
  ])('fails with %s, naming the input, and outputs nothing', async (_, change, message) => {
    const inputs = { handoff: await handoff(), 'handoff-key': KEY, ...change }
    const { toolkit, calls } = recordedToolkit(inputs)
    expect(await run({ toolkit, env: ENV, now: () => NOW })).toBe(false)
    expect(calls.filter((c) => c.startsWith('setOutput'))).toEqual([])
    expect(calls.join('\n')).not.toContain(ACCESS)
    expect(calls.find((c) => c.startsWith('error('))).toContain(message)
    expect(calls.at(-1)).toMatch(/^setFailed\(.*: no access token was output\.\)$/)
  })

  it('fails outside a workflow run, which it cannot check the handoff against', async () => {
    const { toolkit, calls } = recordedToolkit({ handoff: await handoff(), 'handoff-key': KEY })
    expect(await run({ toolkit, env: {}, now: () => NOW })).toBe(false)
    expect(calls.find((c) => c.startsWith('error('))).toContain('GITHUB_RUN_ID')
  })

  it('titles each refusal', async () => {
    const { toolkit, calls } = recordedToolkit({
      handoff: await handoff({ ...RUN, runId: '78' }),
      'handoff-key': KEY,
    })
    await run({ toolkit, env: ENV, now: () => NOW })
    expect(calls.find((c) => c.startsWith('error('))).toContain(
      '{"title":"Handoff from another run"}',
    )
  })
})
