/**
 * The claim of every command's --help, "each [option] may also come from the variable in
 * brackets", held to account through the bundled tool: for every flag its help names a variable
 * for, the flag is left off and only the variable is set, to a value the flag's own check refuses
 * in words that only that value produces, so the refusal proves the variable reached the flag.
 * A flag with a variable and no case here fails the test.
 */
import { COMMANDS } from '../../src/cli/main.js'
import { envName } from '../../src/cli/options.js'
import { runCli, type CliOptions, type CliRun } from '../support/cli.js'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  startScenario,
  type Scenario,
} from '../support/scenario.js'

const SITE_CALLBACK = 'https://example.atlassian.net'

let world: Scenario | undefined
afterAll(async () => {
  await world?.close()
})

async function theWorld(): Promise<Scenario> {
  if (world !== undefined) return world
  // Variables too: \`status\` reads the consent variable, and a refused read is a partial check.
  world = await startScenario({
    githubToken: {
      kind: 'fine-grained-pat',
      repositories: [REPOSITORY],
      secrets: 'write',
      variables: 'write',
    },
  })
  world.atlassian.registerApp(CLIENT_ID, CLIENT_SECRET, undefined, { callbackUrl: SITE_CALLBACK })
  return world
}

/** For each flag: a value its check refuses, and words of the refusal only that value causes. */
const REFUSED: Record<string, { value: string; says: string }> = {
  'client-id': { value: 'two words', says: '--client-id contains whitespace' },
  callback: { value: 'not a url', says: '--callback must be a URL, e.g.' },
  scope: { value: ',', says: '--scope is empty' },
  'secret-name': { value: 'bad name', says: '--secret-name must contain only letters' },
  repository: { value: 'nope', says: '--repository must be "owner/name"' },
  environment: { value: '..', says: "--environment must be an environment's name" },
  organization: { value: 'bad_org!', says: "--organization must be an organization's login" },
  visibility: { value: 'some', says: '--visibility applies only to an organization secret' },
  'selected-repositories': {
    value: 'a',
    says: '--selected-repositories applies only to an organization secret',
  },
  'record-consent-variable': {
    value: 'bad name',
    says: '--record-consent-variable must contain only letters',
  },
  browser: { value: 'x'.repeat(5000), says: '--browser is 5000 characters long' },
  timeout: {
    value: 'abc',
    says: '--timeout must be a whole number of seconds from 1 to 3600; got "abc"',
  },
  'authorize-url': { value: 'not a url', says: '--authorize-url is not a URL' },
  'access-token-secret-name': {
    value: 'bad name',
    says: '--access-token-secret-name must contain only letters',
  },
  'site-url': { value: 'not a url', says: "--site-url must be your site's address" },
  'consented-at': { value: 'someday', says: '--consented-at must be an ISO 8601 date' },
  'token-obtained-at': {
    value: 'yesterday',
    says: '--token-obtained-at must be an ISO 8601 time with its zone',
  },
  'retry-budget-seconds': {
    value: '9999',
    says: '--retry-budget-seconds must be a whole number of seconds from 1 to 480',
  },
  'lock-secret-name': { value: 'bad name', says: '--lock-secret-name must contain only letters' },
  'lock-wait-seconds': {
    value: '9999',
    says: '--lock-wait-seconds must be a whole number of seconds from 0 to 3600',
  },
  'token-url': { value: 'not a url', says: '--token-url is not a URL' },
  'atlassian-api-url': { value: 'not a url', says: '--atlassian-api-url is not a URL' },
  'github-api-url': { value: 'not a url', says: '--github-api-url is not a URL' },
  workflow: { value: 'no file', says: "--workflow must be the workflow's file name" },
  'consent-variable': {
    value: 'bad name',
    says: '--consent-variable must contain only letters',
  },
  // A boolean flag's variable holds "true" or "false"; anything else is refused by its name.
  'dry-run': { value: 'maybe', says: 'ATLASSIAN_DRY_RUN must be "true" or "false"; got "maybe"' },
  'no-lock': { value: 'maybe', says: 'ATLASSIAN_NO_LOCK must be "true" or "false"; got "maybe"' },
  verbose: { value: 'maybe', says: 'ATLASSIAN_VERBOSE must be "true" or "false"; got "maybe"' },
}

/** A run of the command that gets past every check, as flags, and what it needs from outside. */
interface Baseline {
  flags: Record<string, string | true>
  env: Record<string, string>
  options?: CliOptions
  /** Where the baseline run ends: past every check of the flags. */
  status: number
}

function rotationBaseline(w: Scenario): Baseline {
  return {
    flags: {
      'client-id': CLIENT_ID,
      repository: REPOSITORY,
      'secret-name': SECRET_NAME,
      'token-obtained-at': new Date().toISOString(),
      'dry-run': true,
      'token-url': w.atlassian.tokenUrl,
      'atlassian-api-url': w.atlassian.apiUrl,
      'github-api-url': w.github.apiUrl,
    },
    env: {
      ATLASSIAN_CLIENT_SECRET: CLIENT_SECRET,
      ATLASSIAN_REFRESH_TOKEN: w.storedToken() ?? '',
      GH_TOKEN: GITHUB_TOKEN,
    },
    status: 0,
  }
}

const BASELINES: Record<string, (w: Scenario) => Baseline> = {
  refresh: rotationBaseline,
  sites: rotationBaseline,
  authorize: (w) => ({
    flags: {
      'client-id': CLIENT_ID,
      callback: SITE_CALLBACK,
      'secret-name': SECRET_NAME,
      repository: REPOSITORY,
      paste: true,
      'no-browser': true,
      'authorize-url': w.atlassian.authorizeUrl,
      'token-url': w.atlassian.tokenUrl,
      'atlassian-api-url': w.atlassian.apiUrl,
      'github-api-url': w.github.apiUrl,
    },
    env: { ATLASSIAN_CLIENT_SECRET: CLIENT_SECRET, GH_TOKEN: GITHUB_TOKEN },
    // Past every check, it asks for the pasted address; no address comes.
    options: {
      onStderr: (stderr, child) => {
        if (stderr.includes('Address: ')) child.stdin.end()
      },
    },
    status: 3,
  }),
  // Past every check, it reads the secret (written just now) and says healthy.
  status: (w) => ({
    flags: {
      'secret-name': SECRET_NAME,
      repository: REPOSITORY,
      'consent-variable': 'ATLASSIAN_CONSENTED_AT',
      'github-api-url': w.github.apiUrl,
    },
    env: { GH_TOKEN: GITHUB_TOKEN },
    status: 0,
  }),
}

function run(
  command: string,
  baseline: Baseline,
  leaveOff?: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  const args = Object.entries(baseline.flags)
    .filter(([name]) => name !== leaveOff)
    .flatMap(([name, value]) => (value === true ? [`--${name}`] : [`--${name}`, value]))
  return runCli([command, ...args], {
    ...baseline.options,
    env: { ...baseline.env, ...env },
  })
}

/** The flags a command's --help names a variable for, as the help shows them. */
async function flagsWithVariables(command: string): Promise<[string, string][]> {
  const help = (await runCli([command, '--help'])).stdout
  expect(help).toContain(
    'Options (each may also come from the variable in brackets; the flag wins):',
  )
  const options = /\nOptions[^\n]*\n([\s\S]*?)\n\n/.exec(help)?.[1] ?? ''
  const rows = options.split(/\n(?= {2}-)/).map((row) => row.replace(/\s+/g, ' ').trim())
  return rows
    .map((row) => [/^--([a-z-]+)/.exec(row)?.[1], /\[([A-Z_]+)\]$/.exec(row)?.[1]] as const)
    .filter(
      (pair): pair is readonly [string, string] => pair[0] !== undefined && pair[1] !== undefined,
    )
    .map(([flag, variable]) => [flag, variable])
}

/** The flags a command's table gives a variable, with it: what its --help must show. */
function declaredVariables(command: string): [string, string][] {
  const spec = COMMANDS.find((c) => c.spec.name === command)?.spec
  return (spec?.flags ?? []).flatMap((flag): [string, string][] => {
    const variable = envName(flag)
    return variable === undefined ? [] : [[flag.name, variable]]
  })
}

function baselineOf(command: string, w: Scenario): Baseline {
  const baseline = BASELINES[command]?.(w)
  if (baseline === undefined) throw new Error(`no baseline run for ${command} in this test`)
  return baseline
}

describe.each(COMMANDS.map((command) => command.spec.name))('%s', (command) => {
  const declared = declaredVariables(command)

  it('shows in --help the variable of each flag that has one, under the claim', async () => {
    // Read from the help as a person reads it: the claim is about what the help says.
    expect(await flagsWithVariables(command)).toEqual(declared)
  })

  if (declared.length === 0) return

  it('gets past every check of its flags without any of those variables', async () => {
    const baseline = baselineOf(command, await theWorld())
    const control = await run(command, baseline)

    expect({ status: control.exitCode, stderr: control.stderr }).toEqual({
      status: baseline.status,
      stderr: control.stderr,
    })
  })

  it.each(declared)('takes --%s from %s alone', async (flag, variable) => {
    const refused = REFUSED[flag]
    if (refused === undefined) throw new Error(`no refused value for --${flag} in this test`)
    const baseline = baselineOf(command, await theWorld())
    const result = await run(command, baseline, flag, { [variable]: refused.value })

    expect(result.exitCode).toBe(2)
    expect(result.stderr).toContain(refused.says)
  })
})

describe('a boolean flag from its variable', () => {
  it('ATLASSIAN_DRY_RUN=true alone makes a dry run: nothing is sent to the token endpoint', async () => {
    const w = await theWorld()
    const requests = w.atlassian.requests.length
    const result = await run('refresh', rotationBaseline(w), 'dry-run', {
      ATLASSIAN_DRY_RUN: 'true',
    })

    expect(result.exitCode).toBe(0)
    expect(result.stderr).toContain('Dry run: nothing was sent to the token endpoint')
    expect(w.atlassian.requests.length).toBe(requests)
  })
})
