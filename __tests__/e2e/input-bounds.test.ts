/**
 * Values longer than any real one, through the bundles: the action (as the runner runs it) and the
 * command line tool (as a shell runs it). Each is refused before anything is sent, with a message
 * naming the input, the flag or the variable, showing at most a short escaped glimpse of the value
 * and nothing at all of a secret.
 */
import { runCli } from '../support/cli.js'
import { findLeaks } from '../support/leaks.js'
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
afterEach(async () => {
  await world.close()
})

/** A refresh token whose rotated successor could not be stored: over GitHub's 48 KB once sealed. */
const HUGE_TOKEN = `eyJ${'A'.repeat(40_000)}`

describe('the action', () => {
  it('refuses an over-long refresh token before spending it, and never shows it', async () => {
    world = await startScenario()
    const run = await world.run({ inputs: { 'refresh-token': HUGE_TOKEN } })

    expect(run.exitCode).toBe(1)
    expect(world.timeline).toEqual([])
    const annotation = run.stdout
      .split('\n')
      .find((line) => line.startsWith('::error title=Input "refresh-token"::'))
    expect(annotation).toContain('is 40003 bytes long')
    expect(annotation).toContain('48 KB')
    expect(annotation).not.toContain('eyJAAAA')
    expect(findLeaks(run, { HUGE_TOKEN, CLIENT_SECRET, GITHUB_TOKEN, WORKFLOW_TOKEN })).toEqual([])
  })

  it('names every over-long input at once, each with a short escaped glimpse', async () => {
    world = await startScenario()
    const run = await world.run({
      inputs: {
        'secret-name': 'A'.repeat(300),
        environment: `prod\n${'e'.repeat(300)}`,
        'token-url': `https://auth.atlassian.com/${'x'.repeat(3000)}`,
        'consented-at': `2026-01-31T00:00:00.${'9'.repeat(100)}Z`,
      },
    })

    expect(run.exitCode).toBe(1)
    expect(world.timeline).toEqual([])
    for (const input of ['secret-name', 'environment', 'token-url', 'consented-at']) {
      expect(run.stdout).toMatch(new RegExp(`^::error title=Input "${input}"::`, 'm'))
    }
    expect(run.stdout).toContain('It begins "prod\\ne')
    expect(run.stdout).not.toContain('A'.repeat(41))
    expect(run.errors.join('\n')).toContain('nothing was sent')
  })
})

describe('the job summary of a run that stops at its inputs', () => {
  it('names each problem and says nothing was sent, with no secret in it', async () => {
    world = await startScenario()
    const run = await world.run({
      inputs: {
        'client-secret': '',
        'token-url': 'http://auth.example.com/oauth/token',
        'retry-budget-seconds': 'soon',
      },
    })

    expect(run.exitCode).toBe(1)
    expect(world.timeline).toEqual([])
    expect(run.summary).toContain('<h2>Atlassian token rotation: stopped at the inputs</h2>')
    expect(run.summary).toContain('3 inputs are missing or invalid')
    expect(run.summary).toContain('Nothing was sent: the refresh token was not used')
    for (const input of ['client-secret', 'token-url', 'retry-budget-seconds']) {
      expect(run.summary).toContain(`<li><code>${input}</code>: `)
    }
    expect(run.outputs['outcome']).toBe('failed')
    const REFRESH_TOKEN = world.storedToken()
    expect(findLeaks(run, { REFRESH_TOKEN, GITHUB_TOKEN, WORKFLOW_TOKEN })).toEqual([])
  })

  it('shows nothing of an over-long secret input, and none of the other secrets', async () => {
    world = await startScenario()
    const run = await world.run({ inputs: { 'refresh-token': HUGE_TOKEN } })

    expect(run.exitCode).toBe(1)
    expect(world.timeline).toEqual([])
    expect(run.summary).toContain('One input is missing or invalid')
    expect(run.summary).toContain('<li><code>refresh-token</code>: ')
    expect(run.summary).not.toContain('eyJAAAA')
    expect(findLeaks(run, { HUGE_TOKEN, CLIENT_SECRET, GITHUB_TOKEN, WORKFLOW_TOKEN })).toEqual([])
  })
})

describe('the command line tool', () => {
  /** Both emulators' addresses, a client secret and a GitHub token: a complete setup but one value. */
  function env(extra: Record<string, string>): Record<string, string> {
    return {
      ATLASSIAN_TOKEN_URL: world.atlassian.tokenUrl,
      ATLASSIAN_API_URL: world.atlassian.apiUrl,
      ATLASSIAN_AUTHORIZE_URL: world.atlassian.authorizeUrl,
      ATLASSIAN_GITHUB_API_URL: world.github.apiUrl,
      ATLASSIAN_CLIENT_SECRET: CLIENT_SECRET,
      GH_TOKEN: GITHUB_TOKEN,
      ...extra,
    }
  }

  it('authorize: refuses an over-long --scope, exit 2, before anything is sent', async () => {
    world = await startScenario()
    const scope = `read:confluence-content.all ${'write:x '.repeat(1000)}`
    const run = await runCli(
      [
        'authorize',
        '--client-id',
        CLIENT_ID,
        '--callback',
        'https://example.atlassian.net',
        '--repository',
        REPOSITORY,
        '--secret-name',
        SECRET_NAME,
        '--scope',
        scope,
        '--no-browser',
      ],
      { env: env({}) },
    )

    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(`--scope is ${scope.trim().length} characters long`)
    expect(run.stderr).toContain('Nothing was sent.')
    expect(world.timeline).toEqual([])
  })

  it('refresh: names ATLASSIAN_REFRESH_TOKEN, shows none of it, exit 2, nothing sent', async () => {
    world = await startScenario()
    const run = await runCli(
      [
        'refresh',
        '--client-id',
        CLIENT_ID,
        '--repository',
        REPOSITORY,
        '--secret-name',
        SECRET_NAME,
      ],
      { env: env({ ATLASSIAN_REFRESH_TOKEN: HUGE_TOKEN }) },
    )

    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('ATLASSIAN_REFRESH_TOKEN is 40003 bytes long')
    expect(run.stderr).not.toContain('eyJAAAA')
    expect(world.timeline).toEqual([])
  })

  it('sites: refuses an over-long ATLASSIAN_ACCESS_TOKEN, exit 2, nothing sent', async () => {
    world = await startScenario()
    const run = await runCli(['sites'], {
      env: env({ ATLASSIAN_ACCESS_TOKEN: `at-${'z'.repeat(20_000)}` }),
    })

    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('ATLASSIAN_ACCESS_TOKEN is 20003 characters long')
    expect(run.stderr).not.toContain('at-zzz')
    expect(world.timeline).toEqual([])
  })
})
