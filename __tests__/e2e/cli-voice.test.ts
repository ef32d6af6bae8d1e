/**
 * One voice on the command line, through the bundled tool (dist/cli/index.js) against the
 * emulators: every failure of every command, and of the dispatcher, in the one shape
 * (src/cli/failure.ts); "did you mean" for a mistyped command or flag; and each command's exit
 * codes, where every code its --help lists is one a scenario here drives it to, and no other.
 */
import { constants } from 'node:os'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { COMMANDS } from '../../src/cli/main.js'
import {
  consentAddressIn,
  endpointsOf,
  followConsent,
  runCli,
  runRefresh,
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

const TOOL = 'atlassian-token-rotation'
const SITE_CALLBACK = 'https://example.atlassian.net'
const LOCK = `${SECRET_NAME}_LOCK`
/** A proxy variable that is no URL: the toolkit throws on it as it loads. */
const UNKNOWN_ENVIRONMENT = { HTTPS_PROXY: '::not-a-proxy' }
const REVOKED_GITHUB_TOKEN = 'ghp_revokedTokenXXXXXXXXXXXXXXXXXXXXXX'

let world: Scenario | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

async function startWorld(): Promise<Scenario> {
  world = await startScenario({
    githubToken: {
      kind: 'fine-grained-pat',
      repositories: [REPOSITORY],
      secrets: 'write',
      variables: 'write',
    },
  })
  world.atlassian.registerApp(CLIENT_ID, CLIENT_SECRET, undefined, { callbackUrl: SITE_CALLBACK })
  world.atlassian.addSite(CLIENT_ID, {
    id: '11111111-2222-3333-4444-555555555555',
    name: 'Example',
    url: 'https://example.atlassian.net',
  })
  return world
}

/** The status a shell reports: the exit code, or 128 + the signal's number (SIGINT: 130). */
function statusOf(run: CliRun): number | null {
  if (run.exitCode !== null) return run.exitCode
  return run.signal === null ? null : 128 + constants.signals[run.signal]
}

/**
 * The one shape (src/cli/failure.ts): each failure opens with "error: " and has exactly one
 * "Next step: " before the next failure begins; nothing else on standard error looks like a
 * failure (no stack trace, no other prefix). Returns the failures' first lines.
 */
function expectOneShape(run: CliRun): string[] {
  const opened: string[] = []
  const wrong: string[] = []
  let awaitingNext = false
  for (const line of run.stderr.split('\n')) {
    // Node's own report of an uncaught error: its name first, then a stack.
    if (/^\s*([A-Z]\w*Error\b|Uncaught|node:internal)/.test(line)) wrong.push(`uncaught: ${line}`)
    if (/^\s+at .*:\d+:\d+\)?$/.test(line)) wrong.push(`stack: ${line}`)
    if (line.startsWith('error: ')) {
      if (awaitingNext) wrong.push(`a failure before the last one's next step: ${line}`)
      if (line.slice('error: '.length).trim() === '') wrong.push('an empty failure')
      opened.push(line)
      awaitingNext = true
    } else if (line.startsWith('Next step: ')) {
      if (!awaitingNext) wrong.push(`a next step of no failure: ${line}`)
      if (line.slice('Next step: '.length).trim() === '') wrong.push('an empty next step')
      awaitingNext = false
    } else if (/^\s*(error|next step):/i.test(line)) {
      // Indented or not, no other line may look like a failure or its next step.
      wrong.push(`another shape: ${line}`)
    }
  }
  if (awaitingNext) wrong.push('a failure without a next step')
  expect({ wrong, stderr: run.stderr }).toEqual({ wrong: [], stderr: run.stderr })
  return opened
}

/** A failing run: at least one failure, all in the one shape. */
function expectFailure(run: CliRun, status: number): string[] {
  // The output beside the status, so that a wrong status shows why.
  expect({ status: statusOf(run), stderr: run.stderr }).toEqual({ status, stderr: run.stderr })
  const failures = expectOneShape(run)
  // Killed by a signal a process can say nothing; every failure this tool reports says why.
  if (run.signal === null) expect(failures.length).toBeGreaterThan(0)
  return failures
}

function authorize(extra: string[] = [], options: CliOptions = {}): Promise<CliRun> {
  const w = world
  if (w === undefined) throw new Error('no world')
  return runCli(
    [
      'authorize',
      '--client-id',
      CLIENT_ID,
      '--callback',
      SITE_CALLBACK,
      '--repository',
      REPOSITORY,
      '--secret-name',
      SECRET_NAME,
      ...extra,
    ],
    {
      ...options,
      env: {
        ATLASSIAN_CLIENT_SECRET: CLIENT_SECRET,
        GH_TOKEN: GITHUB_TOKEN,
        ATLASSIAN_AUTHORIZE_URL: w.atlassian.authorizeUrl,
        ...endpointsOf(w),
        ...options.env,
      },
    },
  )
}

/** Answers the "Address: " prompt with what `land` makes of the consent address. */
function pasting(land: (consent: string) => Promise<string>): Required<CliOptions>['onStderr'] {
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

/** Sends SIGINT once standard error says `when`. */
function interruptWhen(when: string): Required<CliOptions>['onStderr'] {
  let sent = false
  return (stderr: string, child: ChildProcessWithoutNullStreams) => {
    if (!sent && stderr.includes(when)) {
      sent = true
      child.kill('SIGINT')
    }
  }
}

type Scenarios = Record<number, { what: string; run: () => Promise<CliRun> }>

const DAY_MS = 24 * 60 * 60 * 1000

/** `status` of a world whose secret was last written `days` days (and an hour) ago. */
async function statusAfter(days: number, env: Record<string, string> = {}): Promise<CliRun> {
  const w = await startWorld()
  const secret = w.github.secret(REPOSITORY, SECRET_NAME)
  if (secret === undefined) throw new Error('the scenario stores no secret')
  w.github.restoreSecret(REPOSITORY, {
    ...secret,
    updatedAt: new Date(Date.now() - days * DAY_MS - 60 * 60 * 1000),
  })
  return runCli(['status', '--secret-name', SECRET_NAME, '--repository', REPOSITORY], {
    env: { ...endpointsOf(w), GH_TOKEN: GITHUB_TOKEN, ...env },
  })
}

/**
 * The codes of `status` that are its verdict, not a failure: standard output says it, and
 * standard error holds no failure.
 */
const VERDICTS = new Set([9, 10])

/** What drives a rotating command (refresh, or sites with a refresh token) to each exit code. */
function rotationScenarios(command: 'refresh' | 'sites'): Scenarios {
  const rotate = async (
    extra: string[] = [],
    env: Record<string, string> = {},
    options: Omit<CliOptions, 'env'> = {},
  ): Promise<CliRun> => runRefresh(await startWorld(), extra, env, options, command)
  return {
    0: { what: 'a dry run', run: () => rotate(['--dry-run']) },
    1: { what: 'an environment it does not know', run: () => rotate([], UNKNOWN_ENVIRONMENT) },
    2: {
      what: 'a value missing',
      run: async () => {
        const w = await startWorld()
        return runCli([command, '--client-id', CLIENT_ID], {
          env: { ...endpointsOf(w), ATLASSIAN_REFRESH_TOKEN: 'eyJhbGciOi.x.y' },
        })
      },
    },
    4: {
      what: 'Atlassian refusing the refresh token',
      run: () => rotate([], { ATLASSIAN_REFRESH_TOKEN: 'eyJhbGciOi.not-a-token-it-knows.x' }),
    },
    5: {
      what: 'GitHub refusing its token',
      run: () => rotate([], { GH_TOKEN: REVOKED_GITHUB_TOKEN }),
    },
    6: {
      what: 'the write of the new token refused',
      run: async () => {
        const w = await startWorld()
        w.github.injectFaults({ on: 'put', secret: SECRET_NAME, status: 403, body: {} })
        return runRefresh(w, [], {}, {}, command)
      },
    },
    7: {
      what: 'a token superseded since it was read',
      run: () => rotate(['--token-obtained-at', '2026-01-01']),
    },
    8: {
      what: 'the lock held for the whole wait',
      run: async () => {
        const w = await startWorld()
        w.github.setSecret(REPOSITORY, LOCK, 'a rotation in progress')
        return runRefresh(w, ['--lock-wait-seconds', '0'], {}, {}, command)
      },
    },
    130: {
      what: 'Ctrl-C while it waits for the lock',
      run: async () => {
        const w = await startWorld()
        w.github.setSecret(REPOSITORY, LOCK, 'a rotation in progress')
        return runRefresh(
          w,
          ['--lock-wait-seconds', '600'],
          {},
          { onStderr: interruptWhen(`Another rotation holds the lock ${LOCK}`) },
          command,
        )
      },
    },
  }
}

const SCENARIOS: Record<string, Scenarios> = {
  authorize: {
    0: {
      what: 'a consent pasted back',
      run: async () => {
        await startWorld()
        return authorize([], { onStderr: pasting(followConsent) })
      },
    },
    1: {
      what: 'an environment it does not know',
      run: async () => {
        await startWorld()
        return authorize([], { env: UNKNOWN_ENVIRONMENT })
      },
    },
    2: { what: 'every value missing', run: () => runCli(['authorize']) },
    3: {
      what: 'a declined consent',
      run: async () => {
        const w = await startWorld()
        w.atlassian.consentAnswer = 'decline'
        return authorize([], { onStderr: pasting(followConsent) })
      },
    },
    4: {
      what: 'a consent without offline_access',
      run: async () => {
        await startWorld()
        return authorize([], {
          onStderr: pasting(async (consent) => {
            const edited = new URL(consent)
            edited.searchParams.set('scope', 'read:confluence-content.all')
            return followConsent(edited.href)
          }),
        })
      },
    },
    5: {
      what: 'GitHub refusing its token',
      run: async () => {
        await startWorld()
        return authorize([], { env: { GH_TOKEN: REVOKED_GITHUB_TOKEN } })
      },
    },
    6: {
      what: 'the lock held for the whole wait',
      run: async () => {
        const w = await startWorld()
        w.github.setSecret(REPOSITORY, LOCK, 'a rotation in progress')
        return authorize(['--lock-wait-seconds', '0'], { onStderr: pasting(followConsent) })
      },
    },
    130: {
      what: 'Ctrl-C while it waits for the pasted address',
      run: async () => {
        await startWorld()
        return authorize([], { onStderr: interruptWhen('Address: ') })
      },
    },
  },
  refresh: rotationScenarios('refresh'),
  sites: rotationScenarios('sites'),
  status: {
    0: { what: 'a secret written 2 days ago', run: () => statusAfter(2) },
    1: { what: 'an environment it does not know', run: () => statusAfter(2, UNKNOWN_ENVIRONMENT) },
    2: { what: 'every value missing', run: () => runCli(['status']) },
    5: {
      what: 'GitHub refusing its token',
      run: () => statusAfter(2, { GH_TOKEN: REVOKED_GITHUB_TOKEN }),
    },
    9: { what: 'a secret written 45 days ago (at risk)', run: () => statusAfter(45) },
    10: { what: 'a secret written 95 days ago (dead)', run: () => statusAfter(95) },
  },
}

/** The codes a command's --help lists. */
async function helpCodes(command: string): Promise<number[]> {
  const help = (await runCli([command, '--help'])).stdout
  const section = /\nExit codes:\n((?: {2}\d+ .*\n(?: {7}.*\n)*)+)/.exec(help)?.[1] ?? ''
  return [...section.matchAll(/^ {2}(\d+) /gm)].map((match) => Number(match[1]))
}

describe.each(COMMANDS.map((command) => command.spec.name))('%s', (name) => {
  const spec = COMMANDS.find((command) => command.spec.name === name)?.spec
  const scenarios = SCENARIOS[name] ?? {}

  it('lists in --help exactly the exit codes it declares, each driven by a scenario below', async () => {
    const declared = [...(spec?.exitCodes ?? [])].sort((a, b) => a - b)
    expect(declared.length).toBeGreaterThan(0)
    expect(await helpCodes(name)).toEqual(declared)
    expect(Object.keys(scenarios).map(Number)).toEqual(declared)
  })

  it.each(Object.entries(scenarios).map(([code, s]) => [Number(code), s.what, s.run] as const))(
    'returns %i on %s, and a failure says so in the one shape',
    async (code, _what, run) => {
      const result = await run()
      if (code === 0 || (name === 'status' && VERDICTS.has(code))) {
        expect({ status: statusOf(result), stderr: result.stderr }).toEqual({
          status: code,
          stderr: result.stderr,
        })
        expect(expectOneShape(result)).toEqual([])
      } else {
        expectFailure(result, code)
      }
    },
  )

  it('reports its usage errors in the one shape, suggesting a close flag and only a close one', async () => {
    // A flag that takes a value, with two of its letters swapped: one edit away.
    const flag = spec?.flags.find((f) => f.kind === 'string' && f.name.length > 5)?.name ?? ''
    expect(flag).not.toBe('')
    const typo = `${flag.slice(0, 2)}${flag[3] ?? ''}${flag[2] ?? ''}${flag.slice(4)}`
    const mistyped = await runCli([name, `--${typo}=s3cr3t-value`])
    const different = await runCli([name, '--colour'])
    const needsValue = await runCli([name, `--${flag}`])
    const positional = await runCli([name, 'extra'])
    const secretFlag = await runCli([name, '--client-secret', 's3cr3t-value'])

    for (const run of [mistyped, different, needsValue, positional, secretFlag]) {
      expectFailure(run, 2)
    }
    expect(mistyped.stderr).toBe(
      `error: Unknown option "--${typo}" for "${name}".\nNext step: Did you mean --${flag}? (\`${TOOL} ${name} --help\` lists the options.)\n`,
    )
    expect(different.stderr).toBe(
      `error: Unknown option "--colour" for "${name}".\nNext step: Run \`${TOOL} ${name} --help\` for the options.\n`,
    )
    expect(needsValue.stderr).toContain(`error: Option --${flag} needs a value.`)
    expect(positional.stderr).toContain('error: Unexpected argument "extra"')
    expect(secretFlag.stderr).toContain('error: --client-secret is not a flag')
    for (const run of [mistyped, secretFlag]) expect(run.stderr).not.toContain('s3cr3t-value')
  })
})

describe('the dispatcher', () => {
  it('reports a missing, mistyped or unknown command in the one shape, with "did you mean"', async () => {
    const none = await runCli([])
    const mistyped = await runCli(['refesh'])
    const helpMistyped = await runCli(['help', 'sitse'])
    const unknown = await runCli(['rotate'])
    const optionFirst = await runCli(['--hlep'])

    for (const run of [none, mistyped, helpMistyped, unknown, optionFirst]) expectFailure(run, 2)
    // Without a command, the overview first (what there is to run), then the failure.
    expect(none.stderr).toMatch(/^atlassian-token-rotation: get, rotate/)
    expect(none.stderr).toContain('\nerror: No command given.\nNext step: Name the command')
    expect(mistyped.stderr).toBe(
      `error: Unknown command "refesh".\nNext step: Did you mean \`${TOOL} refresh\`? (\`${TOOL} --help\` lists the commands.)\n`,
    )
    expect(helpMistyped.stderr).toContain(`Did you mean \`${TOOL} help sites\`?`)
    expect(unknown.stderr).toBe(
      `error: Unknown command "rotate".\nNext step: Name one of the commands, ${COMMANDS.map(
        (c) => c.spec.name,
      )
        .join(', ')
        .replace(/, ([^,]*)$/, ' or $1')}: \`${TOOL} --help\` says what each does.\n`,
    )
    expect(optionFirst.stderr).toContain('Did you mean --help?')
  })
})
