/**
 * `refresh`, `sites` and the tool's own surface (help, usage errors, exit codes): the bundled tool
 * run as a child process against both emulators.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../emulators/actions-runner.js'
import { endpointsOf, runCli, runRefresh, type CliRun } from '../support/cli.js'
import { parseGhApi, recoveryCommandIn } from '../support/recovery-command.js'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  startScenario,
  type Scenario,
} from '../support/scenario.js'

let world: Scenario | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

const SITE = {
  id: '11111111-2222-3333-4444-555555555555',
  name: 'Example',
  url: 'https://example.atlassian.net',
}

async function startWorld(options: Parameters<typeof startScenario>[0] = {}): Promise<Scenario> {
  world = await startScenario(options)
  world.atlassian.addSite(CLIENT_ID, SITE)
  return world
}

const endpoints = endpointsOf

function refresh(
  w: Scenario,
  extra: string[] = [],
  env: Record<string, string> = {},
): Promise<CliRun> {
  return runRefresh(w, extra, env)
}

function outputsOf(run: CliRun): Record<string, string> {
  return Object.fromEntries(
    run.stdout
      .split('\n')
      .map((line) => /^([a-z-]+)=(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1] ?? '', match[2] ?? '']),
  )
}

function expectNoSecretsIn(run: CliRun, secrets: (string | undefined)[]): void {
  for (const secret of secrets) {
    if (!secret) continue
    expect(run.stdout).not.toContain(secret)
    expect(run.stderr).not.toContain(secret)
  }
}

describe('refresh', () => {
  it("rotates end to end with the action's code and stores the new token", async () => {
    const w = await startWorld()
    const oldToken = w.storedToken()

    const run = await refresh(w, ['--site-url', SITE.url])

    expect(run.exitCode).toBe(0)
    const newToken = w.storedToken()
    expect(newToken).not.toBe(oldToken)
    expect(w.atlassian.authority.status(newToken ?? '')).toBe('newest')
    expect(w.atlassian.authority.status(oldToken ?? '')).toBe('previous')
    // The action's order: the GitHub reads first, then the lock, then the grant, then the write;
    // last, together, the write's check and the lock's release.
    const secrets = `/repos/${REPOSITORY}/actions/secrets`
    const order = w.timeline.filter((line) => !line.includes('accessible-resources'))
    expect([...order.slice(0, -5)].sort()).toEqual(
      [
        `GET ${secrets}/public-key`,
        `GET ${secrets}/${SECRET_NAME}`,
        `GET ${secrets}/${SECRET_NAME}_LOCK`,
      ].sort(),
    )
    expect(order.slice(-5, -2)).toEqual([
      `PUT ${secrets}/${SECRET_NAME}_LOCK`,
      'POST /oauth/token',
      `PUT ${secrets}/${SECRET_NAME}`,
    ])
    expect([...order.slice(-2)].sort()).toEqual(
      [`GET ${secrets}/${SECRET_NAME}`, `DELETE ${secrets}/${SECRET_NAME}_LOCK`].sort(),
    )
    expect(outputsOf(run)).toMatchObject({
      rotated: 'true',
      'secret-updated': 'true',
      'cloud-id': SITE.id,
      'jira-api-base-url': `${w.atlassian.apiUrl}/ex/jira/${SITE.id}`,
      scope: 'read:confluence-content.all offline_access',
    })
    expect(run.stderr).toContain(`Rotated the refresh token and updated ${SECRET_NAME}`)
    // Outside a workflow the guard judges by --token-obtained-at, and says nothing of the
    // action's workflow token.
    expect(run.stderr).not.toContain('Could not check whether another rotation')
    expect(run.stderr).not.toContain('workflow-token')
    expectNoSecretsIn(run, [oldToken, newToken, CLIENT_SECRET, GITHUB_TOKEN])
    expect(run.stdout).not.toMatch(/^(access|refresh)-token=/m)
  })

  it('prints the token outputs with --show-tokens', async () => {
    const w = await startWorld()
    const run = await refresh(w, ['--show-tokens'])

    expect(run.exitCode).toBe(0)
    expect(outputsOf(run)['refresh-token']).toBe(w.storedToken())
    expect(outputsOf(run)['access-token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
  })

  it('exits 4 when Atlassian refuses the refresh token, with the way back', async () => {
    const w = await startWorld()
    const stored = w.storedToken()
    const run = await refresh(w, [], {
      ATLASSIAN_REFRESH_TOKEN: 'eyJhbGciOi.not-a-token-Atlassian-knows.x',
    })

    expect(run.exitCode).toBe(4)
    expect(run.stderr).toContain('"invalid_grant"')
    expect(run.stderr).toContain('Consent again')
    expect(w.storedToken()).toBe(stored)
  })

  it('exits 5 when GitHub refuses the token, before the refresh token is spent', async () => {
    const w = await startWorld()
    const run = await refresh(w, [], { GH_TOKEN: 'ghp_revokedTokenXXXXXXXXXXXXXXXXXXXXXX' })

    expect(run.exitCode).toBe(5)
    expect(run.stderr).toContain('wrong, expired or revoked')
    expect(w.atlassian.requests).toEqual([])
  })

  it('exits 5 when the GitHub token can read secrets but not write them, before the refresh token is spent', async () => {
    const w = await startWorld({
      githubToken: { kind: 'fine-grained-pat', repositories: [REPOSITORY], secrets: 'read' },
    })
    const stored = w.storedToken()
    const run = await refresh(w)

    // Taking the lock is the first write: it fails while the token is still unspent.
    expect(run.exitCode).toBe(5)
    expect(run.stderr).toContain(`Could not write the secret ${SECRET_NAME}_LOCK`)
    expect(w.atlassian.requests).toEqual([])
    expect(w.storedToken()).toBe(stored)
    expect(outputsOf(run)['recovery-encrypted-value']).toBeUndefined()
  })

  it('exits 6 when the new token cannot be written, and prints the command that stores it', async () => {
    const w = await startWorld()
    // The lock is written; the write of the new token is refused (a 403 is not retried).
    w.github.injectFaults({
      on: 'put',
      secret: SECRET_NAME,
      status: 403,
      body: { message: 'Resource not accessible by personal access token' },
    })
    const run = await refresh(w)

    expect(run.exitCode).toBe(6)
    expect(run.stderr).toContain('was NOT stored')
    expect(parseGhApi(recoveryCommandIn(run.stderr)).endpoint).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/repos\/octo-org\//,
    )
    expect(outputsOf(run)).toMatchObject({ rotated: 'true', 'secret-updated': 'false' })
    expect(outputsOf(run)['recovery-encrypted-value']).toBeDefined()
  })

  it('exits 2 on missing values, naming each, and sends nothing', async () => {
    const w = await startWorld()
    const run = await runCli(['refresh', '--client-id', CLIENT_ID], { env: endpoints(w) })

    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('ATLASSIAN_CLIENT_SECRET')
    expect(run.stderr).toContain('ATLASSIAN_REFRESH_TOKEN')
    expect(run.stderr).toContain('--secret-name')
    expect(w.github.requests).toEqual([])
  })

  it("exits 2 on the action's own input checks, in the tool's terms", async () => {
    const w = await startWorld()
    const run = await refresh(w, ['--retry-budget-seconds', '9999'])

    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('--retry-budget-seconds must be a whole number of seconds')
    expect(w.github.requests).toEqual([])
  })
})

describe('refresh, and when the token given was read', () => {
  it('without --token-obtained-at, refuses to spend a token the secret may have superseded', async () => {
    const w = await startWorld()
    const stored = w.storedToken()
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
      {
        env: {
          ...endpoints(w),
          ATLASSIAN_CLIENT_SECRET: CLIENT_SECRET,
          ATLASSIAN_REFRESH_TOKEN: stored ?? '',
          GH_TOKEN: GITHUB_TOKEN,
        },
      },
    )

    expect(run.exitCode).toBe(2)
    expect(w.atlassian.requests).toEqual([])
    expect(run.stderr).toMatch(
      /The secret ATLASSIAN_REFRESH_TOKEN was last written at .* UTC, and nothing says when the refresh token given was read/,
    )
    expect(run.stderr).toContain(
      'Give the time you obtained that refresh token in --token-obtained-at',
    )
    expect(w.storedToken()).toBe(stored)
  })

  it('with a time before the secret was last written, calls the token superseded and sends nothing', async () => {
    const w = await startWorld()
    const stored = w.storedToken()
    const run = await refresh(w, ['--token-obtained-at', '2026-01-01'])

    expect(run.exitCode).toBe(7)
    expect(w.atlassian.requests).toEqual([])
    expect(run.stderr).toContain('Another rotation got there first')
    expect(run.stderr).toContain('after the time given with --token-obtained-at')
    expect(w.storedToken()).toBe(stored)
  })

  it('refuses a time that is not one, or in the future', async () => {
    const w = await startWorld()
    for (const time of ['yesterday', '2099-01-01T00:00:00Z']) {
      const run = await refresh(w, ['--token-obtained-at', time])
      expect(run.exitCode).toBe(2)
      expect(run.stderr).toContain('--token-obtained-at')
    }
    expect(w.atlassian.requests).toEqual([])
  })
})

describe('sites', () => {
  it('lists the sites an access token reaches, as lines or JSON, and changes nothing', async () => {
    const w = await startWorld()
    const stored = w.storedToken()
    const issued = w.atlassian.authority.refresh(CLIENT_ID, stored ?? '')
    if (!issued.ok) throw new Error('the emulator refused the first refresh')
    const env = { ...endpoints(w), ATLASSIAN_ACCESS_TOKEN: issued.tokens.accessToken }

    const lines = await runCli(['sites'], { env })
    const json = await runCli(['sites', '--json'], { env })

    expect(lines.exitCode).toBe(0)
    expect(lines.stdout).toBe(`${SITE.id}  ${SITE.url}  ${SITE.name}\n`)
    expect(json.exitCode).toBe(0)
    expect(JSON.parse(json.stdout)).toEqual([
      {
        ...SITE,
        apiBaseUrl: `${w.atlassian.apiUrl}/ex/confluence/${SITE.id}`,
        confluenceApiBaseUrl: `${w.atlassian.apiUrl}/ex/confluence/${SITE.id}`,
        jiraApiBaseUrl: `${w.atlassian.apiUrl}/ex/jira/${SITE.id}`,
      },
    ])
    expect(w.github.requests).toEqual([])
    expectNoSecretsIn(lines, [issued.tokens.accessToken])
  })

  it('explains a refused access token', async () => {
    const w = await startWorld()
    const run = await runCli(['sites'], {
      env: { ...endpoints(w), ATLASSIAN_ACCESS_TOKEN: 'eyJhbGciOi.expired.x' },
    })

    expect(run.exitCode).toBe(4)
    expect(run.stderr).toContain('The access token was refused')
    expect(run.stderr).not.toContain('eyJhbGciOi.expired.x')
  })

  it('with a refresh token, rotates first (storing the new one), then lists', async () => {
    const w = await startWorld()
    const oldToken = w.storedToken()
    const run = await runRefresh(w, [], { ATLASSIAN_REFRESH_TOKEN: oldToken ?? '' }, {}, 'sites')

    expect(run.exitCode).toBe(0)
    expect(run.stdout).toBe(`${SITE.id}  ${SITE.url}  ${SITE.name}\n`)
    expect(run.stderr).toContain('takes a whole rotation')
    expect(w.atlassian.authority.status(w.storedToken() ?? '')).toBe('newest')
    expect(w.storedToken()).not.toBe(oldToken)
  })

  it('exits 2 without any token', async () => {
    const run = await runCli(['sites'])

    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('set ATLASSIAN_ACCESS_TOKEN')
  })
})

describe('the command line', () => {
  it.each(['authorize', 'refresh', 'sites'])(
    '%s --help shows the usage, options, environment and exit codes',
    async (command) => {
      const run = await runCli([command, '--help'])

      expect(run.exitCode).toBe(0)
      expect(run.stdout).toContain(`Usage:\n  atlassian-token-rotation ${command}`)
      expect(run.stdout).toContain('Options')
      expect(run.stdout).toContain('Environment:')
      expect(run.stdout).toMatch(/Exit codes:\n {2}0 +done\n {2}1 /)
      expect(run.stdout).toMatch(/\n {2}6 +a new refresh token was issued but the secret does not/)
      // Only the codes the command returns: authorize presents no refresh token to supersede.
      if (command === 'authorize') expect(run.stdout).not.toMatch(/\n {2}7 /)
      else expect(run.stdout).toMatch(/\n {2}7 +another rotation rewrote the secret/)
      expect(run.stderr).toBe('')
    },
  )

  it('without a command shows the overview and exits 2', async () => {
    const run = await runCli([])

    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('authorize')
    expect(run.stderr).toContain('refresh')
    expect(run.stderr).toContain('sites')
  })

  it('refuses an unknown command, an unknown option and a secret given as a flag', async () => {
    const unknownCommand = await runCli(['rotate'])
    const unknownOption = await runCli(['sites', '--colour'])
    const secretFlag = await runCli(['refresh', '--refresh-token', 'eyJhbGciOi.secret.x'])

    expect(unknownCommand.exitCode).toBe(2)
    expect(unknownCommand.stderr).toContain('Unknown command "rotate"')
    expect(unknownOption.exitCode).toBe(2)
    expect(unknownOption.stderr).toContain('Unknown option "--colour" for "sites"')
    expect(secretFlag.exitCode).toBe(2)
    expect(secretFlag.stderr).toContain('--refresh-token is not a flag')
    expect(secretFlag.stderr).toContain('ATLASSIAN_REFRESH_TOKEN')
  })

  it("prints its version, package.json's (the one the release tag names)", async () => {
    const { version } = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
    for (const flag of ['--version', '-v']) {
      const run = await runCli([flag])

      expect(run.exitCode).toBe(0)
      expect(run.stdout).toBe(`${version}\n`)
    }
  })
})
