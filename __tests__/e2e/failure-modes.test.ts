/**
 * One scenario per row of the README's "When something fails" table: the bundled action, run as the
 * runner runs it, against emulators that inject the fault. Each ends either with the secret holding
 * a working token, or with a failed step whose log says how to make it so; none leaks a secret.
 */
import { request } from 'undici'
import { MINUTE } from '../../emulators/clock.js'
import { runAction, type ActionRun } from '../../emulators/actions-runner.js'
import { findLeaks } from '../support/leaks.js'
import { parseGhApi, recoveryCommandIn, requestUrl } from '../support/recovery-command.js'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  WORKFLOW_TOKEN,
  startScenario,
  type Scenario,
} from '../support/scenario.js'

let world: Scenario
/** Every token the test saw, to check that no run printed one. */
let known: string[]

afterEach(async () => {
  await world.close()
})

async function start(options?: Parameters<typeof startScenario>[0]): Promise<void> {
  world = await startScenario(options)
  known = [world.storedToken() ?? '']
}

/** The run, after checking it leaked nothing: not the inputs, not any token issued meanwhile. */
async function run(options?: Parameters<Scenario['run']>[0]): Promise<ActionRun> {
  const result = await world.run(options)
  known.push(
    world.storedToken() ?? '',
    result.outputs['access-token'] ?? '',
    result.outputs['refresh-token'] ?? '',
  )
  const secrets = Object.fromEntries(
    [CLIENT_SECRET, GITHUB_TOKEN, WORKFLOW_TOKEN, ...known].map((value, i) => [
      `secret #${i}`,
      value,
    ]),
  )
  expect(findLeaks(result, secrets)).toEqual([])
  return result
}

const tokenRequests = (): number => world.atlassian.requests.length
const status = (token: string | undefined): string => world.atlassian.authority.status(token ?? '')
const errorText = (result: ActionRun): string => result.errors.join('\n')

describe('the token endpoint fails for a moment', () => {
  it('retries through a connection reset and a 503, then stores the newest token', async () => {
    await start()
    world.atlassian.injectFaults(
      { kind: 'reset-before' },
      {
        kind: 'answer',
        status: 503,
        body: 'busy',
        contentType: 'text/plain',
        headers: { 'retry-after': '0' },
      },
    )
    const result = await run()

    expect(result.exitCode).toBe(0)
    expect(tokenRequests()).toBe(3)
    expect(status(world.storedToken())).toBe('newest')
    expect(result.stdout).toMatch(
      /Refresh: attempt 1 failed \(the connection was reset: ECONNRESET\); trying again in \d\.\d s\./,
    )
    expect(result.stdout).toContain('Refresh: attempt 2 failed (HTTP 503); trying again in 0.0 s.')
  })

  it('recovers a lost answer by presenting the same token again inside the leeway', async () => {
    await start()
    const original = world.storedToken()
    world.atlassian.injectFaults({ kind: 'lose-answer' })
    const result = await run()

    expect(result.exitCode).toBe(0)
    const presented = world.atlassian.requests.map(
      (r) => (r.body as { refresh_token: string }).refresh_token,
    )
    expect(presented).toEqual([original, original])
    expect(status(world.storedToken())).toBe('newest')
  })
})

describe('the token endpoint stays down', () => {
  it('gives up inside the time budget and says until when a re-run is safe', async () => {
    await start()
    const original = world.storedToken()
    world.atlassian.injectFaults(
      ...Array.from({ length: 20 }, () => ({ kind: 'lose-answer' as const })),
    )
    const result = await run({ inputs: { 'retry-budget-seconds': '2' } })

    expect(result.exitCode).toBe(1)
    expect(world.storedToken()).toBe(original)
    const error = errorText(result)
    expect(error).toMatch(/stopped: the next attempt would start past the time budget/)
    expect(error).toContain('Atlassian may have rotated it')
    expect(error).toMatch(
      /still accepted until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(the 10-minute leeway\): a re-run before then recovers it/,
    )
    // And it does: once the endpoint is back, a re-run inside the leeway presents the same token
    // and gets the newest pair.
    world.atlassian.clearFaults()
    const rerun = await run()
    expect(rerun.exitCode).toBe(0)
    expect(status(world.storedToken())).toBe('newest')
  })
})

describe('the token endpoint answers something that is not a token answer', () => {
  const cases: [string, Parameters<Scenario['atlassian']['injectFaults']>[0], string][] = [
    [
      'an HTML page with status 200',
      {
        kind: 'answer',
        status: 200,
        body: '<!DOCTYPE html><html>Log in</html>',
        contentType: 'text/html',
      },
      'text/html, body starts: "<!DOCTYPE html><html>Log in</html>"',
    ],
    [
      'invalid JSON',
      { kind: 'answer', status: 200, body: '{"access_token": ', contentType: 'application/json' },
      'not a JSON object',
    ],
    [
      '200 without access_token',
      { kind: 'answer', status: 200, body: '{"expires_in":3600}' },
      '"access_token" is missing',
    ],
    [
      'a MAC token',
      {
        kind: 'answer',
        status: 200,
        body: '{"access_token":"abc.def","expires_in":3600,"token_type":"mac"}',
      },
      '"token_type" is not "Bearer"',
    ],
    [
      'a body over the size cap',
      { kind: 'answer', status: 200, body: 'x'.repeat(300 * 1024), contentType: 'text/plain' },
      'more than 262144 bytes',
    ],
    [
      'a redirect',
      {
        kind: 'answer',
        status: 302,
        body: '',
        headers: { location: 'https://elsewhere.example/token?x=1' },
      },
      'redirect (HTTP 302 to https://elsewhere.example/token)',
    ],
  ]
  it.each(cases)(
    'refuses %s, writes nothing, and quotes what came back',
    async (_, fault, quoted) => {
      await start()
      const original = world.storedToken()
      world.atlassian.injectFaults(fault)
      const result = await run()

      expect(result.exitCode).toBe(1)
      expect(tokenRequests()).toBe(1)
      expect(world.storedToken()).toBe(original)
      expect(world.github.requests.some((r) => r.method === 'PUT')).toBe(false)
      expect(errorText(result)).toContain(quoted)
    },
  )
})

describe('GitHub fails for a moment', () => {
  it('retries the preflight through a 502 and a secondary rate limit', async () => {
    await start()
    world.github.injectFaults(
      { on: 'public-key', status: 502, body: { message: 'Server Error' } },
      {
        on: 'public-key',
        status: 403,
        body: { message: 'You have exceeded a secondary rate limit.' },
        headers: { 'retry-after': '0' },
      },
    )
    const result = await run()

    expect(result.exitCode).toBe(0)
    expect(status(world.storedToken())).toBe('newest')
    expect(result.stdout).toContain(
      `Preflight: attempt 2 to read the Actions secrets public key of repository ${REPOSITORY} failed (rate limited (HTTP 403)); trying again in 0.0 s.`,
    )
  })

  it('retries the write through a 500 and a dropped connection, and stores the token', async () => {
    await start()
    world.github.injectFaults(
      { on: 'put', status: 500, body: { message: 'Server Error' } },
      { on: 'put', reset: true },
    )
    const result = await run()

    expect(result.exitCode).toBe(0)
    expect(world.github.requests.filter((r) => r.method === 'PUT')).toHaveLength(3)
    expect(status(world.storedToken())).toBe('newest')
  })

  it('seals again under the new key when the key was replaced between the preflight and the write', async () => {
    await start()
    world.github.injectFaults({ on: 'put', before: () => world.github.rotateKey(REPOSITORY) })
    const result = await run()

    expect(result.exitCode).toBe(0)
    expect(world.github.requests.filter((r) => r.path.endsWith('/public-key'))).toHaveLength(2)
    const keyIds = world.github.requests
      .filter((r) => r.method === 'PUT')
      .map((r) => (r.body as { key_id: string }).key_id)
    expect(keyIds).toHaveLength(2)
    expect(keyIds[1]).toBe(world.github.publicKey(REPOSITORY).keyId)
    expect(status(world.storedToken())).toBe('newest')
  })
})

describe('GitHub refuses before the refresh', () => {
  it('stops on a spent rate limit, names when it resets, and never calls the token endpoint', async () => {
    await start()
    const reset = Math.floor(Date.now() / 1000) + 3600
    world.github.injectFaults({
      on: 'public-key',
      status: 403,
      body: { message: 'API rate limit exceeded' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
    })
    const result = await run()

    expect(result.exitCode).toBe(1)
    expect(tokenRequests()).toBe(0)
    expect(errorText(result)).toContain(`it resets at ${new Date(reset * 1000).toISOString()}`)
    expect(errorText(result)).toContain('past the time budget')
    expect(errorText(result)).toContain('still works: this run did not replace it')
  })

  it('stops on a public key answer of the wrong shape', async () => {
    await start()
    world.github.injectFaults({
      on: 'public-key',
      status: 200,
      body: { key_id: '1', key: 'c2hvcnQ=' },
    })
    const result = await run()

    expect(result.exitCode).toBe(1)
    expect(tokenRequests()).toBe(0)
    expect(errorText(result)).toContain(
      'is not {key_id, key} with a 32-byte base64 key: "{\\"key_id\\":\\"1\\",\\"key\\":\\"c2hvcnQ=\\"}"',
    )
  })
})

describe('the write fails for good after the rotation', () => {
  it('leaves a recovery value that, stored as the message says, restores the integration', async () => {
    await start()
    world.github.injectFaults(
      ...Array.from({ length: 10 }, () => ({
        on: 'put' as const,
        status: 503,
        body: { message: 'Unavailable' },
      })),
    )
    const result = await run({ inputs: { 'retry-budget-seconds': '2' } })

    expect(result.exitCode).toBe(1)
    const error = errorText(result)
    expect(error).toContain('the new token was NOT stored')
    expect(error).toMatch(/old token is still accepted until .* a re-run before then is safe/)
    // The recovery value was printed before the first write attempt, in a collapsed group.
    const group = result.stdout.indexOf('::group::Recovery value for ATLASSIAN_REFRESH_TOKEN')
    expect(group).toBeGreaterThan(-1)
    expect(result.outputs['recovery-encrypted-value']).toBeDefined()
    expect(
      result.stdout.indexOf(result.outputs['recovery-encrypted-value'] ?? '-'),
    ).toBeGreaterThan(group)
    expect(result.summary).toContain(result.outputs['recovery-encrypted-value'])

    // GitHub is back; the person stores the value exactly as the message says.
    world.github.clearFaults()
    const command = parseGhApi(recoveryCommandIn(error))
    expect(command.method).toBe('PUT')
    const stored = await request(requestUrl(command, world.github.apiUrl), {
      method: 'PUT',
      headers: { authorization: `token ${GITHUB_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(command.strings)),
    })
    await stored.body.dump()
    expect(stored.statusCode).toBe(204)
    expect(status(world.storedToken())).toBe('newest')

    world.clock.advance(3 * 24 * 60 * MINUTE)
    expect((await run()).exitCode).toBe(0)
  })
})

describe('the stale-token guard', () => {
  /** Another run rotates the token `minutesAgo` after this run was queued. */
  function anotherRunRotatesAfterQueueing(): { queuedAt: number; heldToken: string } {
    const queuedAt = world.clock.now()
    const heldToken = world.storedToken() ?? ''
    world.clock.advance(MINUTE)
    const outcome = world.atlassian.authority.refresh(CLIENT_ID, heldToken)
    if (!outcome.ok || !outcome.tokens.refreshToken) throw new Error('setup: rotation failed')
    world.github.setSecret(REPOSITORY, SECRET_NAME, outcome.tokens.refreshToken)
    known.push(outcome.tokens.refreshToken)
    return { queuedAt, heldToken }
  }

  it('stops a run whose token was rotated by another run after the leeway, before it revokes the consent', async () => {
    await start()
    const { queuedAt, heldToken } = anotherRunRotatesAfterQueueing()
    const newest = world.storedToken()
    world.clock.advance(15 * MINUTE)

    const result = await run({ queuedAt, inputs: { 'refresh-token': heldToken } })

    expect(result.exitCode).toBe(1)
    expect(tokenRequests()).toBe(0) // the stale token was never presented
    expect(status(newest)).toBe('newest') // so the consent is intact
    const error = errorText(result)
    expect(error).toContain('was rewritten at')
    expect(error).toContain(
      'presenting it now would revoke the consent. Nothing was sent to Atlassian.',
    )
    expect(error).toContain('Re-run the workflow')
    expect(error).toContain('concurrency:')
    // The re-run the message asks for reads the current secret and succeeds.
    expect((await run()).exitCode).toBe(0)
  })

  it('lets a run inside the leeway go ahead, with a warning, and stores the newest token', async () => {
    await start()
    const { queuedAt, heldToken } = anotherRunRotatesAfterQueueing()
    world.clock.advance(2 * MINUTE)

    const result = await run({ queuedAt, inputs: { 'refresh-token': heldToken } })

    expect(result.exitCode).toBe(0)
    expect(result.warnings.join('\n')).toContain('another run rotated the token meanwhile')
    expect(status(world.storedToken())).toBe('newest')
    expect(result.summary).toContain('warned')
  })

  it('goes ahead with a notice naming the missing permission when the run cannot be read', async () => {
    await start({ workflowActions: 'none' })
    const result = await run()

    expect(result.exitCode).toBe(0)
    const notice = result.stdout.split('\n').find((line) => line.startsWith('::notice::')) ?? ''
    expect(notice).toContain('Could not check whether another run rotated')
    expect(notice).toContain('actions: read')
    expect(result.summary).toContain('skipped')
  })
})

describe('a cancelled job', () => {
  it('stops retrying at once and leaves the recovery value', async () => {
    await start()
    // The write is refused with a long Retry-After: the job is cancelled during the wait.
    world.github.injectFaults({
      on: 'put',
      status: 503,
      body: { message: 'Unavailable' },
      headers: { 'retry-after': '60' },
    })
    const started = Date.now()
    const result = await runAction({
      inputs: {
        'client-id': CLIENT_ID,
        'client-secret': CLIENT_SECRET,
        'refresh-token': world.storedToken() ?? '',
        'secret-name': SECRET_NAME,
        'github-token': GITHUB_TOKEN,
        'token-url': world.atlassian.tokenUrl,
      },
      context: { repository: REPOSITORY, apiUrl: world.github.apiUrl, token: WORKFLOW_TOKEN },
      onStdout: (text, child) => {
        if (text.includes('trying again in 60.0 s')) child.kill('SIGINT')
      },
    })

    expect(result.exitCode).toBe(1)
    expect(Date.now() - started).toBeLessThan(30_000)
    expect(result.warnings.join('\n')).toContain('Received SIGINT')
    expect(errorText(result)).toContain('stopped: the run is being cancelled')
    expect(errorText(result)).toContain('Recovery value')
    expect(result.outputs['recovery-encrypted-value']).toBeDefined()
  })
})
