/**
 * `authorize`, the bundled tool (dist/cli/index.js) run as a child process against both emulators:
 * a real headless Chromium following the consent page to the tool's local callback, paste mode
 * through standard input, and each way a consent goes wrong.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'undici'
import {
  consentAddressIn,
  followConsent,
  freePort,
  runCli,
  type CliOptions,
  type CliRun,
} from '../support/cli.js'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  startScenario,
  type Scenario,
} from '../support/scenario.js'

const CHROMIUM = '/usr/bin/chromium'
const VARIABLE = 'ATLASSIAN_CONSENTED_AT'
/** The guides' callback: the site itself, which this tool cannot listen on. Atlassian compares it as
 * a string, so it is sent exactly as given (here without the slash a URL parser would add). */
const SITE_CALLBACK = 'https://example.atlassian.net'

let world: Scenario
let firstToken: string | undefined
afterEach(async () => {
  await world.close()
})

/** A repository holding an older refresh token, and an app whose callback is `callback`. */
async function startWorld(callback: string): Promise<void> {
  world = await startScenario({
    githubToken: {
      kind: 'fine-grained-pat',
      repositories: [REPOSITORY],
      secrets: 'write',
      variables: 'write',
    },
  })
  firstToken = world.storedToken()
  world.atlassian.registerApp(CLIENT_ID, CLIENT_SECRET, undefined, { callbackUrl: callback })
  world.atlassian.addSite(CLIENT_ID, {
    id: '11111111-2222-3333-4444-555555555555',
    name: 'Example',
    url: 'https://example.atlassian.net',
  })
}

function authorize(
  callback: string,
  extra: string[] = [],
  options: CliOptions = {},
): Promise<CliRun> {
  return runCli(
    [
      'authorize',
      '--client-id',
      CLIENT_ID,
      '--callback',
      callback,
      '--repository',
      REPOSITORY,
      '--secret-name',
      SECRET_NAME,
      '--record-consent-variable',
      VARIABLE,
      ...extra,
    ],
    {
      ...options,
      env: {
        ATLASSIAN_CLIENT_SECRET: CLIENT_SECRET,
        GH_TOKEN: GITHUB_TOKEN,
        ATLASSIAN_AUTHORIZE_URL: world.atlassian.authorizeUrl,
        ATLASSIAN_TOKEN_URL: world.atlassian.tokenUrl,
        ATLASSIAN_API_URL: world.atlassian.apiUrl,
        ATLASSIAN_GITHUB_API_URL: world.github.apiUrl,
        ...options.env,
      },
    },
  )
}

/** Answers the "Address: " prompt with what `land` makes of the consent address. */
function pasting(
  land: (consentAddress: string) => Promise<string>,
): NonNullable<CliOptions['onStderr']> {
  let answered = false
  return (stderr, child) => {
    const address = consentAddressIn(stderr)
    if (answered || address === undefined || !stderr.includes('Address: ')) return
    answered = true
    land(address).then(
      (line) => child.stdin.write(`${line}\n`),
      (error: unknown) => child.stdin.write(`test failed to land: ${String(error)}\n`),
    )
  }
}

/** The code the tool exchanged, as the token endpoint received it. */
function exchangedCodes(): string[] {
  return world.atlassian.requests
    .map((r) => r.body as Record<string, unknown> | undefined)
    .filter((body) => body?.['grant_type'] === 'authorization_code')
    .map((body) => String(body?.['code']))
}

function expectNoSecretsIn(run: CliRun, secrets: (string | undefined)[]): void {
  for (const secret of secrets) {
    if (secret === undefined) continue
    expect(run.stdout).not.toContain(secret)
    expect(run.stderr).not.toContain(secret)
  }
}

function expectSecretUntouched(): void {
  expect(world.storedToken()).toBe(firstToken)
  expect(world.github.variable(REPOSITORY, VARIABLE)).toBeUndefined()
}

const today = (): string => new Date().toISOString().slice(0, 10)

describe('authorize with a localhost callback', () => {
  const browserTest = existsSync(CHROMIUM) || process.env['CI'] ? it : it.skip

  browserTest(
    'a real Chromium follows the consent page to the local callback; the token lands in the secret',
    async () => {
      if (!existsSync(CHROMIUM)) {
        throw new Error(`CI is set but ${CHROMIUM} is missing: .ci/run installs Debian's chromium`)
      }
      const callback = `http://localhost:${await freePort()}/callback`
      await startWorld(callback)
      const dir = await mkdtemp(join(tmpdir(), 'chromium-'))
      // What BROWSER runs: a fresh headless Chromium that loads the address, follows redirects,
      // prints the final page (--dump-dom) and exits.
      const browser = join(dir, 'browser.sh')
      await writeFile(
        browser,
        [
          '#!/bin/sh',
          `echo $$ > '${dir}/pid'`,
          `exec ${CHROMIUM} --headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir='${dir}/profile' --dump-dom "$1" > '${dir}/page.html' 2> '${dir}/chromium.log'`,
          '',
        ].join('\n'),
        { mode: 0o755 },
      )
      try {
        // A browser's start can take long on a loaded 2-core machine: more room than other runs.
        const run = await authorize(callback, [], { env: { BROWSER: browser }, timeoutMs: 50_000 })

        expect(run.stderr).toContain(`(Opened it with ${browser}.)`)
        expect(run.exitCode).toBe(0)
        const stored = world.storedToken()
        expect(stored).toBeDefined()
        expect(stored).not.toBe(firstToken)
        expect(world.atlassian.authority.status(stored ?? '')).toBe('newest')
        expect(world.github.variable(REPOSITORY, VARIABLE)?.value).toBe(today())
        expect(run.stderr).toContain(
          'Example  https://example.atlassian.net  cloud id 11111111-2222-3333-4444-555555555555',
        )
        expect(run.stderr).toContain(`Stored the refresh token, sealed, in ${SECRET_NAME}`)
        expect(run.stdout).toBe('')
        const [code] = exchangedCodes()
        expect(code).toBeDefined()
        expectNoSecretsIn(run, [CLIENT_SECRET, GITHUB_TOKEN, stored, code])

        // The browser saw the tool's page, after following the consent page's redirect.
        const page = await waitForFile(join(dir, 'page.html'), 'close this tab')
        expect(page).toContain('Authorization received')
        expect(world.atlassian.requests.some((r) => r.path.startsWith('/authorize?'))).toBe(true)
      } finally {
        await stopBrowser(join(dir, 'pid'))
        await rm(dir, { recursive: true, force: true })
      }
    },
    60_000,
  )

  it('refuses an answer with another state, says so on the page, and exchanges nothing', async () => {
    const port = await freePort()
    const callback = `http://localhost:${port}/callback`
    await startWorld(callback)
    const pages: { status: number; text: string }[] = []
    let sent = false
    const run = await authorize(callback, ['--no-browser'], {
      onStderr: (stderr) => {
        if (sent || !stderr.includes('Waiting for the answer')) return
        sent = true
        void (async () => {
          for (const path of ['/favicon.ico', '/callback?code=forged-code&state=not-the-state']) {
            const answer = await request(`http://127.0.0.1:${port}${path}`, {
              headers: { host: `localhost:${port}` },
            })
            pages.push({ status: answer.statusCode, text: await answer.body.text() })
          }
        })()
      },
    })

    expect(run.exitCode).toBe(3)
    expect(run.stderr).toContain('another "state" than the consent address this run made')
    expect(run.stderr).toContain('Its code was not used.')
    // Another path is turned away and the listener keeps waiting; the callback gets the verdict.
    expect(pages[0]?.status).toBe(404)
    expect(pages[1]?.status).toBe(400)
    expect(pages[1]?.text).toContain('Authorization failed')
    expect(exchangedCodes()).toEqual([])
    expectSecretUntouched()
  })

  it('gives up after --timeout with a clear message when no answer comes', async () => {
    const callback = `http://localhost:${await freePort()}/callback`
    await startWorld(callback)
    const run = await authorize(callback, ['--no-browser', '--timeout', '1'])

    expect(run.exitCode).toBe(3)
    expect(run.stderr).toContain(`No answer reached ${callback} within 1 s.`)
    expect(run.stderr).toContain('--paste')
    expectSecretUntouched()
  })
})

describe('authorize in paste mode (a callback this tool cannot listen on)', () => {
  it('takes the code from the pasted address, stores the token and records the consent date', async () => {
    await startWorld(SITE_CALLBACK)
    const run = await authorize(SITE_CALLBACK, [], {
      // The site's page may move the parameters behind a fragment: still readable.
      onStderr: pasting(async (consent) => `${await followConsent(consent)}#/spaces`),
    })

    expect(run.exitCode).toBe(0)
    expect(run.stderr).toContain('(No browser to open here: open the address yourself.)')
    const stored = world.storedToken()
    expect(world.atlassian.authority.status(stored ?? '')).toBe('newest')
    expect(stored).not.toBe(firstToken)
    expect(world.github.variable(REPOSITORY, VARIABLE)?.value).toBe(today())
    expect(run.stderr).toContain(`Recorded the consent date ${today()} in the variable ${VARIABLE}`)
    expect(run.stderr).toContain('cloud id 11111111-2222-3333-4444-555555555555')
    expectNoSecretsIn(run, [CLIENT_SECRET, GITHUB_TOKEN, stored, ...exchangedCodes()])

    // The consent address: every parameter Atlassian documents, offline_access added once.
    const consent = new URL(consentAddressIn(run.stderr) ?? '')
    expect([...consent.searchParams.keys()]).toEqual([
      'audience',
      'client_id',
      'scope',
      'redirect_uri',
      'state',
      'response_type',
      'prompt',
    ])
    expect(consent.searchParams.get('scope')).toBe('read:confluence-content.all offline_access')
    expect(consent.searchParams.get('redirect_uri')).toBe(SITE_CALLBACK)
    expect(consent.searchParams.get('prompt')).toBe('consent')
  })

  it('prints the tokens only when asked, on standard output', async () => {
    await startWorld(SITE_CALLBACK)
    const run = await authorize(SITE_CALLBACK, ['--show-tokens'], {
      onStderr: pasting(followConsent),
    })

    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(`refresh_token=${world.storedToken() ?? 'missing'}\n`)
    expect(run.stdout).toMatch(/^access_token=\S+$/m)
    expect(run.stderr).not.toContain(world.storedToken() ?? 'missing')
  })

  it('stores in an organization secret, and the consent date in the named repository', async () => {
    world = await startScenario({
      store: { kind: 'organization', organization: 'octo-org' },
      githubToken: {
        kind: 'fine-grained-pat',
        repositories: [REPOSITORY],
        secrets: 'none',
        variables: 'write',
        organizationSecrets: { organizations: ['octo-org'], access: 'write' },
      },
    })
    firstToken = world.storedToken()
    world.atlassian.registerApp(CLIENT_ID, CLIENT_SECRET, undefined, { callbackUrl: SITE_CALLBACK })
    const run = await authorize(SITE_CALLBACK, ['--organization', 'octo-org'], {
      onStderr: pasting(followConsent),
    })

    expect(run.exitCode).toBe(0)
    const scope = { kind: 'organization', organization: 'octo-org' } as const
    const stored = world.github.secret(scope, SECRET_NAME)
    expect(stored?.value).not.toBe(firstToken)
    expect(world.atlassian.authority.status(stored?.value ?? '')).toBe('newest')
    expect(stored?.visibility).toBe('private')
    expect(world.github.variable(REPOSITORY, VARIABLE)?.value).toBe(today())
    expect(run.stderr).toContain(`in ${SECRET_NAME} of organization octo-org (updated)`)
  })

  it('with --show-tokens alone, only prints the tokens: no GitHub token needed', async () => {
    await startWorld(SITE_CALLBACK)
    const run = await runCli(
      ['authorize', '--client-id', CLIENT_ID, '--callback', SITE_CALLBACK, '--show-tokens'],
      {
        env: {
          ATLASSIAN_CLIENT_SECRET: CLIENT_SECRET,
          ATLASSIAN_AUTHORIZE_URL: world.atlassian.authorizeUrl,
          ATLASSIAN_TOKEN_URL: world.atlassian.tokenUrl,
          ATLASSIAN_API_URL: world.atlassian.apiUrl,
        },
        onStderr: pasting(followConsent),
      },
    )

    expect(run.exitCode).toBe(0)
    const refreshToken = /^refresh_token=(\S+)$/m.exec(run.stdout)?.[1] ?? ''
    expect(world.atlassian.authority.status(refreshToken)).toBe('newest')
    expect(world.github.requests).toEqual([])
    expectSecretUntouched()
  })

  it("refuses an address whose state is not this run's", async () => {
    await startWorld(SITE_CALLBACK)
    const run = await authorize(SITE_CALLBACK, [], {
      onStderr: pasting(async (consent) => {
        const other = new URL(consent)
        other.searchParams.set('state', 'a-state-from-another-attempt')
        return followConsent(other.href)
      }),
    })

    expect(run.exitCode).toBe(3)
    expect(run.stderr).toContain('another "state"')
    expect(exchangedCodes()).toEqual([])
    expectSecretUntouched()
  })

  it('explains a code that was already used', async () => {
    await startWorld(SITE_CALLBACK)
    let code = ''
    const run = await authorize(SITE_CALLBACK, [], {
      onStderr: pasting(async (consent) => {
        const landed = await followConsent(consent)
        code = new URL(landed).searchParams.get('code') ?? ''
        // Someone (a first paste, a reloaded page) exchanged it already.
        const first = await request(world.atlassian.tokenUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            grant_type: 'authorization_code',
            client_id: CLIENT_ID,
            client_secret: CLIENT_SECRET,
            code,
            redirect_uri: SITE_CALLBACK,
          }),
        })
        expect(first.statusCode).toBe(200)
        await first.body.dump()
        return landed
      }),
    })

    expect(run.exitCode).toBe(4)
    expect(run.stderr).toContain('refused the authorization code: HTTP 403, "invalid_grant"')
    expect(run.stderr).toContain('A code works once')
    expect(run.stderr).toContain('Next step: Run authorize again')
    expectNoSecretsIn(run, [code, CLIENT_SECRET])
    expectSecretUntouched()
  })

  it('explains a consent without offline_access: no refresh token, nothing stored', async () => {
    await startWorld(SITE_CALLBACK)
    const run = await authorize(SITE_CALLBACK, [], {
      onStderr: pasting(async (consent) => {
        // The address as a person might have edited it: offline_access dropped from the scope.
        const edited = new URL(consent)
        edited.searchParams.set('scope', 'read:confluence-content.all')
        return followConsent(edited.href)
      }),
    })

    expect(run.exitCode).toBe(4)
    expect(run.stderr).toContain('issued no refresh token')
    expect(run.stderr).toContain('offline_access')
    expectSecretUntouched()
  })

  it('reports a declined consent', async () => {
    await startWorld(SITE_CALLBACK)
    world.atlassian.consentAnswer = 'decline'
    const run = await authorize(SITE_CALLBACK, [], { onStderr: pasting(followConsent) })

    expect(run.exitCode).toBe(3)
    expect(run.stderr).toContain('The consent was declined in the browser ("access_denied"')
    expect(exchangedCodes()).toEqual([])
    expectSecretUntouched()
  })

  it('refuses a pasted text that is not the address', async () => {
    await startWorld(SITE_CALLBACK)
    const run = await authorize(SITE_CALLBACK, [], {
      onStderr: pasting(() => Promise.resolve('just some text')),
    })

    expect(run.exitCode).toBe(3)
    expect(run.stderr).toContain('is not a web address')
    expectSecretUntouched()
  })
})

describe('authorize before the consent', () => {
  it('checks the GitHub token first: nobody consents for a token that cannot be stored', async () => {
    await startWorld(SITE_CALLBACK)
    const run = await authorize(SITE_CALLBACK, [], {
      env: { GH_TOKEN: 'ghp_revokedTokenXXXXXXXXXXXXXXXXXXXXXX' },
    })

    expect(run.exitCode).toBe(5)
    expect(run.stderr).toContain('wrong, expired or revoked')
    expect(run.stderr).toContain('The GitHub token (from GH_TOKEN) is not a valid token')
    expect(consentAddressIn(run.stderr)).toBeUndefined()
    expect(world.atlassian.requests).toEqual([])
  })

  it('checks that the GitHub token may write variables when asked to record the consent date', async () => {
    await startWorld(SITE_CALLBACK)
    world.github.addToken(GITHUB_TOKEN, {
      kind: 'fine-grained-pat',
      repositories: [REPOSITORY],
      secrets: 'write',
    })
    const run = await authorize(SITE_CALLBACK)

    expect(run.exitCode).toBe(5)
    expect(run.stderr).toContain('"Variables: Read and write"')
    expect(world.atlassian.requests).toEqual([])
  })

  it('without GH_TOKEN, GITHUB_TOKEN or gh, lists the three ways to give a GitHub token', async () => {
    await startWorld(SITE_CALLBACK)
    const emptyPath = await mkdtemp(join(tmpdir(), 'no-gh-'))
    try {
      const run = await authorize(SITE_CALLBACK, [], { env: { GH_TOKEN: '', PATH: emptyPath } })

      expect(run.exitCode).toBe(2)
      expect(run.stderr).toContain('GitHub CLI (gh) is not installed')
      expect(run.stderr).toContain('export GH_TOKEN=')
      expect(run.stderr).toContain('export GITHUB_TOKEN=')
      expect(run.stderr).toContain('gh auth login')
      expect(world.github.requests).toEqual([])
    } finally {
      await rm(emptyPath, { recursive: true, force: true })
    }
  })

  it('reports every flag problem at once and sends nothing', async () => {
    await startWorld(SITE_CALLBACK)
    const run = await runCli(
      [
        'authorize',
        '--callback',
        'http://example.com/cb',
        '--secret-name',
        'GITHUB_X',
        '--timeout',
        '0',
      ],
      { env: {} },
    )

    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain('6 problems:')
    expect(run.stderr).toContain('--client-id is required')
    expect(run.stderr).toContain('ATLASSIAN_CLIENT_SECRET is not set')
    expect(run.stderr).toContain('--callback must be https')
    expect(run.stderr).toContain('--secret-name must not start with GITHUB_')
    expect(run.stderr).toContain('--timeout must be')
    expect(run.stderr).toContain('--repository is empty and GITHUB_REPOSITORY is not set')
    expect(world.github.requests).toEqual([])
  })
})

async function waitForFile(path: string, text: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const content = await readFile(path, 'utf8').catch(() => '')
    if (content.includes(text)) return content
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return readFile(path, 'utf8').catch(() => '')
}

/** Chromium exits by itself after --dump-dom; make sure, so no test leaves a browser behind. */
async function stopBrowser(pidFile: string): Promise<void> {
  const pid = Number(await readFile(pidFile, 'utf8').catch(() => ''))
  if (!Number.isInteger(pid) || pid <= 0) return
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0)
    } catch {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

describe('authorize and the rotation lock', () => {
  const LOCK = `${SECRET_NAME}_LOCK`
  const LOCK_PATH = `/repos/${REPOSITORY}/actions/secrets/${LOCK}`
  const SECRET_PATH = `/repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`
  const paste = (): CliOptions => ({ onStderr: pasting(followConsent) })

  it('writes the first token under the lock: taken after the consent, released after the write', async () => {
    await startWorld(SITE_CALLBACK)
    const run = await authorize(SITE_CALLBACK, [], paste())

    expect(run.exitCode).toBe(0)
    const writes = world.timeline.filter(
      (line) => line === 'POST /oauth/token' || !line.startsWith('GET '),
    )
    // The code's exchange, then the lock, the secret, the release (the variable comes after).
    expect(writes.slice(0, 4)).toEqual([
      'POST /oauth/token',
      `PUT ${LOCK_PATH}`,
      `PUT ${SECRET_PATH}`,
      `DELETE ${LOCK_PATH}`,
    ])
    expect(world.github.secret(REPOSITORY, LOCK)).toBeUndefined()
  })

  it('waits for a rotation in progress, so that its write cannot go over the new consent', async () => {
    await startWorld(SITE_CALLBACK)
    world.github.setSecret(REPOSITORY, LOCK, 'a rotation in progress')
    let released = false
    const run = await authorize(SITE_CALLBACK, [], {
      onStderr: (stderr, child) => {
        paste().onStderr?.(stderr, child)
        if (!released && stderr.includes(`Another rotation holds the lock ${LOCK}`)) {
          released = true
          world.github.deleteSecret(REPOSITORY, LOCK)
        }
      },
    })

    expect(run.exitCode).toBe(0)
    expect(released).toBe(true)
    const stored = world.storedToken()
    expect(stored).not.toBe(firstToken)
    expect(world.atlassian.authority.status(stored ?? '')).toBe('newest')
    expect(world.github.secret(REPOSITORY, LOCK)).toBeUndefined()
  })

  it('held for the whole wait: the new token is not written, and its sealed copy is printed', async () => {
    await startWorld(SITE_CALLBACK)
    world.github.setSecret(REPOSITORY, LOCK, 'a rotation in progress')
    const run = await authorize(SITE_CALLBACK, ['--lock-wait-seconds', '0'], paste())

    expect(run.exitCode).toBe(6)
    expect(world.storedToken()).toBe(firstToken)
    expect(run.stderr).toContain(`Another rotation holds the lock ${LOCK}`)
    expect(run.stderr).toContain('so this command did not write the new token')
    expect(run.stderr).toContain('The new refresh token was NOT stored')
    expect(run.stderr).toMatch(
      /gh api --method PUT '[^']*\/actions\/secrets\/ATLASSIAN_REFRESH_TOKEN'/,
    )
    expect(world.github.secret(REPOSITORY, LOCK)?.value).toBe('a rotation in progress')
  })
})
