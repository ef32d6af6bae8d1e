/**
 * The recovery command, pasted. The bundled action rotates the token, then every write of the new
 * one fails (503) until its retry budget is spent; it prints the `gh api` command that stores the
 * sealed value. That command, exactly as printed, is run by real bash and real zsh (each as `-c`
 * and as an interactive shell reading it as pasted, with history expansion on) with the real GitHub
 * CLI, against the GitHub emulator over HTTPS at /api/v3 (the GitHub Enterprise Server layout) on a
 * loopback port. Each shell's run must leave the secret holding the newest token of the family.
 *
 * gh is isolated from this machine: its own empty config folder, no update check, no prompts, the
 * emulator's throwaway CA through SSL_CERT_FILE (Go reads it), and the token in
 * GH_ENTERPRISE_TOKEN, the variable gh reads for any host but github.com.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { GitHubTokenGrant, Scope, StoredSecret } from '../../emulators/github.js'
import { createTestCertificates, type TestCertificates } from '../../emulators/tls.js'
import type { ActionRun } from '../../emulators/actions-runner.js'
import { findLeaks } from '../support/leaks.js'
import { parseGhApi, recoveryCommandIn } from '../support/recovery-command.js'
import {
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  WORKFLOW_TOKEN,
  startScenario,
  type Scenario,
} from '../support/scenario.js'
import { installed, runInShell, SHELLS, type Shell } from '../support/shells.js'

const PASTED_INTO = SHELLS.filter((shell) =>
  ['bash -c', 'zsh -c', 'bash -i', 'zsh -i (RC_QUOTES)'].includes(shell.name),
)
const ready = installed('gh') && installed('bash') && installed('zsh')
const test = ready ? it : it.skip

let certs: TestCertificates
let ghHome: string
beforeAll(async () => {
  ;[certs, ghHome] = await Promise.all([
    createTestCertificates([]),
    mkdtemp(join(tmpdir(), 'gh-home-')),
  ])
})
afterAll(async () => {
  await Promise.all([certs.cleanup(), rm(ghHome, { recursive: true, force: true })])
})

let world: Scenario | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

/** What a person's shell holds when they paste the command: gh, a token, nothing else of ours. */
function ghEnvironment(token: Record<string, string>): Record<string, string> {
  return {
    HOME: ghHome,
    GH_CONFIG_DIR: join(ghHome, 'gh'),
    GH_NO_UPDATE_NOTIFIER: '1',
    GH_PROMPT_DISABLED: '1',
    NO_COLOR: '1',
    SSL_CERT_FILE: certs.caFile,
    ...token,
  }
}
const WITH_TOKEN = (): Record<string, string> =>
  ghEnvironment({ GH_ENTERPRISE_TOKEN: GITHUB_TOKEN })

interface Failed {
  world: Scenario
  store: Scope
  run: ActionRun
  command: string
  oldToken: string
  /** The secret as the run found it, timestamps included. */
  seeded: StoredSecret
  /** The path of the PUT the action itself sent (and GitHub refused). */
  actionPut: string
}

/**
 * The bundled action, whose writes of the token all fail after the rotation (its lock's do not):
 * the command it printed.
 */
async function failAfterRotation(
  store: Scope,
  githubToken: GitHubTokenGrant,
  inputs: Record<string, string>,
  setup: (scenario: Scenario) => void = () => {},
): Promise<Failed> {
  const scenario = await startScenario({
    tls: { atlassian: certs, github: certs },
    basePath: '/api/v3',
    store,
    githubToken,
  })
  world = scenario
  setup(scenario)
  const oldToken = scenario.storedToken() ?? ''
  const seeded = scenario.github.secret(store, SECRET_NAME)
  if (seeded === undefined) throw new Error('setup: no secret')
  scenario.github.injectFaults(
    ...Array.from({ length: 20 }, () => ({
      on: 'put' as const,
      secret: SECRET_NAME,
      status: 503,
      body: { message: 'Unavailable' },
    })),
  )
  const run = await scenario.run({
    inputs: { 'retry-budget-seconds': '1', ...inputs },
    env: { NODE_EXTRA_CA_CERTS: certs.caFile },
  })
  expect(run.exitCode).toBe(1)
  const error = run.errors.join('\n')
  expect(error).toContain('the new token was NOT stored')
  expect(
    findLeaks(run, {
      CLIENT_SECRET,
      GITHUB_TOKEN,
      WORKFLOW_TOKEN,
      oldToken,
      newToken: run.outputs['refresh-token'],
    }),
  ).toEqual([])

  // The same command in the annotation, in the log's recovery group, and in the summary.
  const command = recoveryCommandIn(error)
  expect(recoveryCommandIn(run.stdout)).toBe(command)
  expect(decodeHtmlText(/<pre>([^<]*)<\/pre>/.exec(run.summary)?.[1] ?? '')).toBe(command)

  const puts = scenario.github.requests.filter(
    (r) => r.method === 'PUT' && r.path.endsWith(`/secrets/${SECRET_NAME}`),
  )
  expect(puts.length).toBeGreaterThan(0)
  scenario.github.clearFaults()
  return {
    world: scenario,
    store,
    run,
    command,
    oldToken,
    seeded: { ...seeded },
    actionPut: puts[0]?.path ?? '',
  }
}

/** Pastes the command into `shell`; the secret must then hold the newest token. */
async function pasteAndStore(failed: Failed, shell: Shell): Promise<void> {
  const { world: scenario, store, command, seeded, actionPut } = failed
  const stored = (): string => scenario.storedToken() ?? ''
  // As it was before this shell's attempt, timestamps included (the command checks updated_at):
  // each shell must store the value on its own.
  scenario.github.restoreSecret(store, seeded)
  expect(scenario.atlassian.authority.status(stored())).not.toBe('newest')

  const before = scenario.github.requests.length
  const result = await runInShell(shell, command, WITH_TOKEN())

  expect({
    shell: shell.name,
    exitCode: result.exitCode,
    stderr: result.exitCode === 0 ? '' : result.stderr,
  }).toEqual({
    shell: shell.name,
    exitCode: 0,
    stderr: '',
  })
  expect(scenario.atlassian.authority.status(stored())).toBe('newest')
  // gh sent the very path the action sent: the printed path is the action's own, byte for byte.
  const sent = scenario.github.requests.slice(before)
  // First the check that the secret is as the run saw it, then the write.
  expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${actionPut}`, `PUT ${actionPut}`])
}

const REPOSITORY_STORE: Scope = { kind: 'repository', repository: REPOSITORY }
const REPOSITORY_WRITER: GitHubTokenGrant = {
  kind: 'fine-grained-pat',
  repositories: [REPOSITORY],
  secrets: 'write',
}

describe('the printed recovery command, pasted into bash and zsh with the real gh', () => {
  test('stores a repository secret', async () => {
    const failed = await failAfterRotation(REPOSITORY_STORE, REPOSITORY_WRITER, {})
    // A loopback port: gh's --hostname refuses host:port, so the whole URL is given.
    const call = parseGhApi(failed.command)
    expect(call.hostname).toBeUndefined()
    expect(call.endpoint).toBe(
      `${failed.world.github.apiUrl}/repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`,
    )
    expect(call.endpoint).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/api\/v3\//)
    for (const shell of PASTED_INTO) await pasteAndStore(failed, shell)
  })

  const ENVIRONMENT_NAMES = [
    'prod (EU) – ‘ü’ $HOME `x` !x *?[a]',
    `it's "quoted", ''twice'' and \\back\\slashed`,
    '{owner}/{repo} :name %41 #frag ?q=1 &a;b=c @host +plus ,comma ~tilde 日本 😀',
  ]
  for (const environment of ENVIRONMENT_NAMES) {
    test(`stores an environment secret of the environment ${JSON.stringify(environment)}`, async () => {
      const failed = await failAfterRotation(
        { kind: 'environment', repository: REPOSITORY, environment },
        {
          kind: 'fine-grained-pat',
          repositories: [REPOSITORY],
          secrets: 'none',
          environments: 'write',
        },
        { environment },
      )
      // Every name in the path the action sent is encoded in full (RFC 3986 unreserved only).
      expect(failed.actionPut).toMatch(/^(?:\/(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})+)+$/)
      expect(failed.command).toMatch(/^[\x20-\x7e]+$/)
      for (const shell of PASTED_INTO) await pasteAndStore(failed, shell)
    })
  }

  test('stores an organization secret for selected repositories, with their ids as an array', async () => {
    const store: Scope = { kind: 'organization', organization: 'octo-org' }
    let ids: number[] = []
    const failed = await failAfterRotation(
      store,
      {
        kind: 'app-installation',
        repositories: 'all',
        secrets: 'none',
        organizationSecrets: { organizations: ['octo-org'], access: 'write' },
      },
      {
        organization: 'octo-org',
        visibility: 'selected',
        'selected-repositories': 'sync-a, sync-b',
      },
      (scenario) => {
        scenario.github.addRepository('octo-org/sync-a').addRepository('octo-org/sync-b')
        ids = [
          scenario.github.repositoryId('octo-org/sync-a'),
          scenario.github.repositoryId('octo-org/sync-b'),
        ]
      },
    )
    expect(parseGhApi(failed.command).typed).toEqual(
      ids.map((id) => ['selected_repository_ids[]', String(id)]),
    )
    for (const shell of PASTED_INTO) {
      await pasteAndStore(failed, shell)
      expect(failed.world.github.secret(store, SECRET_NAME)).toMatchObject({
        visibility: 'selected',
        selectedRepositoryIds: ids,
      })
    }
  })
})

describe('the printed recovery command never stores over a newer token', () => {
  test('stores nothing once the secret was written after the run saw it (a re-run stored a newer token)', async () => {
    const failed = await failAfterRotation(REPOSITORY_STORE, REPOSITORY_WRITER, {})
    const { world: scenario, command, actionPut } = failed
    // A re-run rotated meanwhile and stored its newer token.
    scenario.clock.advance(5_000)
    scenario.github.setSecret(REPOSITORY_STORE, SECRET_NAME, 'a-newer-token-from-a-re-run')
    for (const shell of PASTED_INTO) {
      const before = scenario.github.requests.length
      const result = await runInShell(shell, command, WITH_TOKEN())
      expect(result.stdout).toContain('Not stored: the secret was written after')
      expect(result.stdout).toContain('Store nothing: the secret holds a newer token')
      expect(scenario.storedToken()).toBe('a-newer-token-from-a-re-run')
      const sent = scenario.github.requests.slice(before)
      expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${actionPut}`])
    }
  })
})

describe('what gh 2.23 does, which the command is built around', () => {
  test('refuses a host with a port in --hostname, and reads GH_TOKEN only for github.com', async () => {
    const failed = await failAfterRotation(REPOSITORY_STORE, REPOSITORY_WRITER, {})
    const { host } = new URL(failed.world.github.apiUrl)
    const bash = PASTED_INTO[0] as Shell
    const path = `repos/${REPOSITORY}/actions/secrets/public-key`

    const withPort = await runInShell(bash, `gh api --hostname '${host}' '${path}'`, WITH_TOKEN())
    expect(withPort.exitCode).not.toBe(0)
    expect(withPort.stderr).toContain('invalid hostname')

    const ghToken = await runInShell(
      bash,
      `gh api '${failed.world.github.apiUrl}/${path}'`,
      ghEnvironment({ GH_TOKEN: GITHUB_TOKEN }),
    )
    expect(ghToken.exitCode).not.toBe(0)
    expect(ghToken.stderr).toContain('HTTP 401')
  })
})

/** What a browser shows for text that holds no markup and only the entities escapeHtml writes. */
function decodeHtmlText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' }
  return html.replace(/&(amp|lt|gt|quot);/g, (_, name: string) => entities[name] ?? '')
}
