/**
 * The bundled action (dist/index.js), run as the runner runs it, against both emulators over real
 * HTTP with real crypto.
 */
import { request } from 'undici'
import { findLeaks } from '../support/leaks.js'
import { parseGhApi, recoveryCommandIn, requestUrl } from '../support/recovery-command.js'
import {
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  startScenario,
  type Scenario,
} from '../support/scenario.js'

let world: Scenario
afterEach(async () => {
  await world.close()
})

const PUBLIC_KEY = `GET /repos/${REPOSITORY}/actions/secrets/public-key`
const PUT_SECRET = `PUT /repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`
const TOKEN = 'POST /oauth/token'
const SECRET_METADATA = `GET /repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`
const RUN_ATTEMPT = /^GET \/repos\/octo-org\/confluence-sync\/actions\/runs\/\d+\/attempts\/1$/
const LOCK_METADATA = `GET /repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}_LOCK`
const TAKE_LOCK = `PUT /repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}_LOCK`
const RELEASE_LOCK = `DELETE /repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}_LOCK`
const ENABLE_WORKFLOW = `PUT /repos/${REPOSITORY}/actions/workflows/rotate.yml/enable`

/**
 * The preflight's four reads, sent together in any order; the lock taken; then `after` in this
 * order, and `together`, in any order; last, when the token is settled (stored or unchanged), this
 * scheduled run keeps its schedule alive; a run whose token needs attention (refused, maybe
 * rotated, not stored) leaves that out, so that what to do comes first.
 */
function expectPreflightThen(
  all: string[],
  after: string[],
  together: string[],
  settled = true,
): void {
  expect(all[all.length - 1] === ENABLE_WORKFLOW).toBe(settled)
  const timeline = settled ? all.slice(0, -1) : all
  const preflight = timeline.slice(0, 4)
  expect(preflight).toContain(PUBLIC_KEY)
  expect(preflight).toContain(SECRET_METADATA)
  expect(preflight).toContain(LOCK_METADATA)
  expect(preflight.some((line) => RUN_ATTEMPT.test(line))).toBe(true)
  expect(timeline[4]).toBe(TAKE_LOCK)
  expect(timeline.slice(5, 5 + after.length)).toEqual(after)
  expect([...timeline.slice(5 + after.length)].sort()).toEqual([...together].sort())
}

describe('a rotation', () => {
  it('rotates the refresh token and stores the new one, sealed, in the repository secret', async () => {
    world = await startScenario()
    const oldToken = world.storedToken()
    const before = Date.now()

    const run = await world.run()

    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    // The order that keeps the token safe: prove GitHub access and take the lock, then spend, then
    // store; then check that nobody else wrote the secret meanwhile, and release the lock.
    expectPreflightThen(world.timeline, [TOKEN, PUT_SECRET], [SECRET_METADATA, RELEASE_LOCK])
    expect(run.outputs['outcome']).toBe('rotated')
    expect(world.atlassian.requests[0]?.body).toEqual({
      grant_type: 'refresh_token',
      client_id: 'emulated-client-id',
      client_secret: CLIENT_SECRET,
      refresh_token: oldToken,
    })

    const newToken = world.storedToken()
    expect(newToken).toBeDefined()
    expect(newToken).not.toBe(oldToken)
    expect(world.atlassian.authority.status(newToken ?? '')).toBe('newest')
    expect(world.atlassian.authority.status(oldToken ?? '')).toBe('previous')

    expect(run.outputs).toMatchObject({
      'refresh-token': newToken,
      'expires-in': '3600',
      scope: 'read:confluence-content.all offline_access',
      'token-type': 'Bearer',
      rotated: 'true',
      'secret-updated': 'true',
    })
    expect(run.outputs['access-token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
    const expiresAt = Date.parse(run.outputs['expires-at'] ?? '')
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3600_000 - 1000)
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 3600_000)
    expect(run.outputs['expires-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)

    expect(run.summary).toContain(SECRET_NAME)
    expect(run.summary).toContain(REPOSITORY)
    expect(run.summary).toContain(run.outputs['expires-at']?.slice(0, 10))
    expect(run.summary).toContain('read:confluence-content.all')

    expect(
      findLeaks(run, {
        'client secret': CLIENT_SECRET,
        'old refresh token': oldToken,
        'new refresh token': newToken,
        'access token': run.outputs['access-token'],
        'GitHub token': GITHUB_TOKEN,
      }),
    ).toEqual([])
    // Each token is masked, and each new one is masked before anything else mentions it.
    expect(run.masks).toEqual(
      expect.arrayContaining([CLIENT_SECRET, oldToken, newToken, run.outputs['access-token']]),
    )
  })

  it('keeps working run after run: each rotation starts from the token the last one stored', async () => {
    world = await startScenario()
    const seen = new Set([world.storedToken()])
    for (let i = 0; i < 3; i++) {
      world.clock.advance(3 * 24 * 60 * 60 * 1000) // a scheduled run every three days
      const run = await world.run()
      expect(run.exitCode).toBe(0)
      expect(seen.has(world.storedToken())).toBe(false)
      seen.add(world.storedToken())
    }
    expect(world.atlassian.authority.status(world.storedToken() ?? '')).toBe('newest')
  })

  it('leaves the secret alone when the token endpoint issues no new refresh token', async () => {
    world = await startScenario({ rotate: false })
    const token = world.storedToken()

    const run = await world.run()

    expect(run.exitCode).toBe(0)
    expectPreflightThen(world.timeline, [TOKEN], [RELEASE_LOCK])
    expect(world.storedToken()).toBe(token)
    expect(run.outputs).toMatchObject({
      rotated: 'false',
      'secret-updated': 'false',
      'refresh-token': token,
    })
    expect(run.stdout).toContain('issued no new refresh token')
  })

  it('masks every token with debug logging on', async () => {
    world = await startScenario()
    const oldToken = world.storedToken()

    const run = await world.run({ env: { RUNNER_DEBUG: '1' } })

    expect(run.exitCode).toBe(0)
    expect(
      findLeaks(run, {
        'client secret': CLIENT_SECRET,
        'old refresh token': oldToken,
        'new refresh token': world.storedToken(),
        'access token': run.outputs['access-token'],
        'GitHub token': GITHUB_TOKEN,
      }),
    ).toEqual([])
  })
})

describe('before the refresh token is spent', () => {
  it('stops when the workflow GITHUB_TOKEN is passed, says why, and never calls the token endpoint', async () => {
    world = await startScenario({
      githubToken: { kind: 'workflow', repositories: [REPOSITORY], secrets: 'none' },
    })
    const token = world.storedToken()

    const run = await world.run()

    expect(run.exitCode).toBe(1)
    expect(world.atlassian.requests).toEqual([])
    expect(world.storedToken()).toBe(token)
    expect(world.atlassian.authority.status(token ?? '')).toBe('newest')
    const error = run.errors.join('\n')
    expect(error).toContain('HTTP 403 "Resource not accessible by integration"')
    expect(error).toContain('GITHUB_TOKEN')
    expect(error).toContain('can never read or write Actions secrets')
    expect(error).toContain('"Secrets: Read and write"')
    expect(error).toContain('secrets=read')
    expect(error).toContain('still works: this run did not replace it')
    expect(run.summary).toContain('failed')
  })

  it('stops on a GitHub token that is not valid (401)', async () => {
    world = await startScenario()
    const run = await world.run({
      inputs: { 'github-token': 'ghp_revokedTokenXXXXXXXXXXXXXXXXXXXXXX' },
    })

    expect(run.exitCode).toBe(1)
    expect(world.atlassian.requests).toEqual([])
    expect(run.errors.join('\n')).toContain('wrong, expired or revoked')
  })

  it('stops when the repository is not visible to the GitHub token (404)', async () => {
    world = await startScenario()
    const run = await world.run({ inputs: { repository: 'octo-org/another-repo' } })

    expect(run.exitCode).toBe(1)
    expect(world.atlassian.requests).toEqual([])
    const error = run.errors.join('\n')
    expect(error).toContain(
      'repository octo-org/another-repo does not exist, or the token in "github-token" cannot see it',
    )
    expect(error).toContain('selected repositories')
  })

  it('refuses bad inputs with one annotation per input, and sends nothing', async () => {
    world = await startScenario()
    const run = await world.run({
      inputs: {
        'secret-name': '1BAD-NAME',
        repository: 'not-a-repository',
        'token-url': 'http://auth.example.com/oauth/token',
        'refresh-token': 'two words',
      },
    })

    expect(run.exitCode).toBe(1)
    expect(world.atlassian.requests).toEqual([])
    expect(world.github.requests).toEqual([])
    expect(run.stdout).toMatch(/^::error title=Input "secret-name"::/m)
    expect(run.stdout).toMatch(/^::error title=Input "repository"::/m)
    expect(run.stdout).toMatch(/^::error title=Input "token-url"::.*plain http/m)
    expect(run.stdout).toMatch(/^::error title=Input "refresh-token"::.*whitespace/m)
    expect(findLeaks(run, { 'refresh-token input': 'two words' })).toEqual([])
  })

  it('refuses a missing required input by name', async () => {
    world = await startScenario()
    const run = await world.run({ inputs: { 'client-secret': '' } })

    expect(run.exitCode).toBe(1)
    expect(world.github.requests).toEqual([])
    expect(run.stdout).toMatch(
      /^::error title=Input "client-secret"::Input "client-secret" is required/m,
    )
  })
})

describe('when Atlassian refuses', () => {
  it('explains invalid_grant: the causes and the way back, and writes nothing', async () => {
    world = await startScenario()
    const run = await world.run({
      inputs: { 'refresh-token': 'eyJhbGciOi.not-a-token-Atlassian-knows.x' },
    })

    expect(run.exitCode).toBe(1)
    // Refused: the token is dead, nothing is settled, so no keep-alive either.
    expectPreflightThen(world.timeline, [TOKEN], [RELEASE_LOCK], false)
    const error = run.errors.join('\n')
    expect(error).toContain('HTTP 403, "invalid_grant" ("Unknown or invalid refresh token.")')
    expect(error).toContain('90 days')
    expect(error).toContain('365 days')
    expect(error).toContain('Consent again')
    expect(error).toContain('offline_access')
    expect(run.outputs).toMatchObject({
      outcome: 'failed',
      rotated: 'false',
      'secret-updated': 'false',
    })
  })

  it('treats a wrong client secret as a credentials problem: the stored token is untouched', async () => {
    world = await startScenario()
    const token = world.storedToken()
    const run = await world.run({ inputs: { 'client-secret': 'wrong-secret-value' } })

    expect(run.exitCode).toBe(1)
    expect(world.storedToken()).toBe(token)
    expect(world.atlassian.authority.status(token ?? '')).toBe('newest')
    const error = run.errors.join('\n')
    expect(error).toContain('HTTP 401, "access_denied"')
    expect(error).toContain('"client-id" and "client-secret"')
    expect(error).toContain('still works: this run did not replace it')
  })
})

describe('when the new token cannot be written', () => {
  it('finds a token that can read secrets but not write them before spending anything', async () => {
    world = await startScenario({
      githubToken: { kind: 'fine-grained-pat', repositories: [REPOSITORY], secrets: 'read' },
    })
    const oldToken = world.storedToken()

    const run = await world.run()

    // Taking the lock is a write: it proves the permission while the token is still unspent.
    expect(run.exitCode).toBe(1)
    expect(world.atlassian.requests).toHaveLength(0)
    expect(world.storedToken()).toBe(oldToken)
    expect(world.atlassian.authority.status(oldToken ?? '')).toBe('newest')
    const error = run.errors.join('\n')
    expect(error).toContain(`Could not write the secret ${SECRET_NAME}_LOCK`)
    expect(error).toContain('Resource not accessible by personal access token')
    expect(error).toContain('Secrets')
    expect(run.outputs['outcome']).toBe('failed')
    expect(run.outputs['recovery-encrypted-value']).toBeUndefined()
  })

  it('fails with the sealed recovery value, which restores the integration when stored as told', async () => {
    // The lock could be written, the token's secret cannot: the failure shows after the rotation.
    world = await startScenario()
    // (A 403 is not retried: one answer is enough.)
    world.github.injectFaults({
      on: 'put',
      secret: SECRET_NAME,
      status: 403,
      body: { message: 'Resource not accessible by personal access token' },
    })
    const oldToken = world.storedToken()

    const run = await world.run()

    expect(run.exitCode).toBe(1)
    expect(world.storedToken()).toBe(oldToken)
    const error = run.errors.join('\n')
    expect(error).toContain('Resource not accessible by personal access token')
    expect(error).toContain('was NOT stored')
    const command = parseGhApi(recoveryCommandIn(error))
    expect(command.method).toBe('PUT')
    const url = requestUrl(command, world.github.apiUrl)
    expect(url).toBe(`${world.github.apiUrl}/repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`)
    const fields = Object.fromEntries(command.strings)
    const encryptedValue = fields['encrypted_value'] ?? ''
    const keyId = fields['key_id'] ?? ''
    expect(run.outputs['recovery-encrypted-value']).toBe(encryptedValue)
    expect(run.outputs['recovery-key-id']).toBe(keyId)
    expect(run.summary).toContain(encryptedValue)
    expect(run.outputs['secret-updated']).toBe('false')

    // A person stores it, as the message says, with a token that may write.
    world.github.addToken('ghp_personWithWriteAccess000000000000000', {
      kind: 'fine-grained-pat',
      repositories: [REPOSITORY],
      secrets: 'write',
    })
    const stored = await request(url, {
      method: 'PUT',
      headers: {
        authorization: 'token ghp_personWithWriteAccess000000000000000',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ encrypted_value: encryptedValue, key_id: keyId }),
    })
    expect(stored.statusCode).toBe(204)
    await stored.body.dump()
    const recovered = world.storedToken()
    expect(recovered).toBe(run.outputs['refresh-token'])
    expect(world.atlassian.authority.status(recovered ?? '')).toBe('newest')

    // The next scheduled run, long after the leeway, rotates from the recovered token.
    world.clock.advance(24 * 60 * 60 * 1000)
    world.github.addToken(GITHUB_TOKEN, {
      kind: 'fine-grained-pat',
      repositories: [REPOSITORY],
      secrets: 'write',
    })
    const next = await world.run()
    expect(next.exitCode).toBe(0)
    expect(world.atlassian.authority.status(world.storedToken() ?? '')).toBe('newest')
  })
})
