/**
 * Runs the bundled action the way the GitHub Actions runner does: a child process of `node
 * dist/index.js` with `INPUT_*` variables (upper-cased, spaces to underscores, hyphens kept), the
 * defaults of action.yml with their `${{ github.* }}` expressions evaluated, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, the workflow's ref, and a `schedule` event whose payload is empty.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)))

export interface RunnerContext {
  /** `github.repository` */
  repository: string
  /** `github.api_url` */
  apiUrl: string
  /** `github.token`: the workflow's GITHUB_TOKEN */
  token?: string
  eventName?: string
  runId?: string
  runAttempt?: string
  /** The job's key in the workflow (GITHUB_JOB). */
  job?: string
  /** GITHUB_WORKFLOW_REF; default: `.github/workflows/rotate.yml` of `repository` on main. */
  workflowRef?: string
}

export interface ActionRunOptions {
  inputs: Record<string, string>
  /** The action's metadata file, relative to the project root; default `action.yml`. */
  manifest?: string
  context: RunnerContext
  /** The Node binary; defaults to the one running this code. */
  node?: string
  entry?: string
  /** Extra environment (e.g. RUNNER_DEBUG=1, HTTPS_PROXY). */
  env?: Record<string, string>
  timeoutMs?: number
  /** Sees each chunk of standard output as it arrives (e.g. to cancel the job at a given point). */
  onStdout?: (text: string, child: ChildProcess) => void
  /** Also measure the peak memory (through GNU time; the benchmark uses it). */
  measureMemory?: boolean
  /**
   * Run the action as this user (and group), as a container job does with its own user: the
   * runner's files stay the runner's. Needs this process to run as root.
   */
  user?: { uid: number; gid: number }
}

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Every value registered with `::add-mask::`, in order. */
  masks: string[]
  /** `::error::` annotation texts, decoded. */
  errors: string[]
  warnings: string[]
  /** From spawning the process to its exit. */
  wallMs: number
  /** performance.now() at the spawn, in this process's time base (as the emulators' timestamps). */
  startedAt: number
  /** Peak resident memory, with `measureMemory`. */
  maxRssKb: number | undefined
}

export interface ActionManifest {
  inputs?: Record<string, { default?: string | number | boolean; required?: boolean }>
  outputs?: Record<string, { description?: string }>
  runs?: { using?: string; main?: string }
}

export async function readManifest(file = 'action.yml'): Promise<ActionManifest> {
  return parse(await readFile(join(PROJECT_ROOT, file), 'utf8')) as ActionManifest
}

/** Evaluates the few expressions action.yml defaults use; any other expression is a test bug. */
function evaluateDefault(value: string, context: RunnerContext): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    switch (expression) {
      case 'github.repository':
        return context.repository
      case 'github.api_url':
        return context.apiUrl
      case 'github.token':
        return context.token ?? ''
      default:
        throw new Error(`actions-runner: cannot evaluate \${{ ${expression} }}`)
    }
  })
}

export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const manifestFile = options.manifest ?? 'action.yml'
  const manifest = await readManifest(manifestFile)
  const declared = manifest.inputs ?? {}
  for (const name of Object.keys(options.inputs)) {
    if (!(name in declared))
      throw new Error(`actions-runner: "${name}" is not an input in ${manifestFile}`)
  }

  const workDir = await mkdtemp(join(tmpdir(), 'action-run-'))
  // Readable by another user, as the runner's folders are; each file stays writable by its owner.
  if (options.user) await chmod(workDir, 0o755)
  try {
    const outputFile = join(workDir, 'output')
    const summaryFile = join(workDir, 'summary')
    const eventFile = join(workDir, 'event.json')
    await Promise.all([
      writeFile(outputFile, ''),
      writeFile(summaryFile, ''),
      writeFile(eventFile, '{}'),
    ])

    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? workDir,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: options.context.eventName ?? 'schedule',
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_REPOSITORY: options.context.repository,
      GITHUB_REPOSITORY_OWNER: options.context.repository.split('/')[0] ?? '',
      GITHUB_API_URL: options.context.apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: options.context.runId ?? '1000',
      GITHUB_RUN_ATTEMPT: options.context.runAttempt ?? '1',
      GITHUB_JOB: options.context.job ?? 'rotate',
      GITHUB_WORKFLOW_REF:
        options.context.workflowRef ??
        `${options.context.repository}/.github/workflows/rotate.yml@refs/heads/main`,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: workDir,
      ...options.env,
    }
    for (const [name, spec] of Object.entries(declared)) {
      const given = options.inputs[name]
      if (given !== undefined) env[inputVariable(name)] = given
      else if (spec.default !== undefined)
        env[inputVariable(name)] = evaluateDefault(String(spec.default), options.context)
    }

    // `runs.main` is relative to the folder of the action's metadata file, as the runner reads it.
    const entry =
      options.entry ??
      join(PROJECT_ROOT, dirname(manifestFile), manifest.runs?.main ?? 'dist/index.js')
    const { exitCode, stdout, stderr, wallMs, startedAt, maxRssKb } = await spawnProcess(
      options.node ?? process.execPath,
      [entry],
      env,
      {
        timeoutMs: options.timeoutMs ?? 60_000,
        measureMemory: options.measureMemory ?? false,
        ...(options.onStdout && { onStdout: options.onStdout }),
        ...(options.user && { user: options.user }),
      },
    )
    const [outputText, summary] = await Promise.all([
      readFile(outputFile, 'utf8'),
      readFile(summaryFile, 'utf8'),
    ])
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseOutputFile(outputText),
      summary,
      masks: commandValues(stdout, 'add-mask'),
      errors: commandValues(stdout, 'error'),
      warnings: commandValues(stdout, 'warning'),
      wallMs,
      startedAt,
      maxRssKb,
    }
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

export interface SpawnResult {
  exitCode: number | null
  stdout: string
  stderr: string
  wallMs: number
  startedAt: number
  maxRssKb: number | undefined
}

/** Runs a command to its end; with `measureMemory`, under GNU time for its peak memory. */
export async function spawnProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  options: {
    timeoutMs: number
    measureMemory: boolean
    onStdout?: (text: string, child: ChildProcess) => void
    user?: { uid: number; gid: number }
  },
): Promise<SpawnResult> {
  const timeFile = options.measureMemory
    ? join(await mkdtemp(join(tmpdir(), 'time-')), 'rss')
    : undefined
  const [file, argv] = timeFile
    ? ['/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args]]
    : [command, args]
  const started = performance.now()
  const result = await new Promise<Omit<SpawnResult, 'maxRssKb'>>((resolvePromise, reject) => {
    const child = spawn(file, argv, {
      env,
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options.user,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      options.onStdout?.(chunk, child)
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
    child.on('error', reject)
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      resolvePromise({
        exitCode,
        stdout,
        stderr,
        wallMs: performance.now() - started,
        startedAt: started,
      })
    })
  })
  if (!timeFile) return { ...result, maxRssKb: undefined }
  const rss = Number((await readFile(timeFile, 'utf8')).trim().split('\n').pop())
  await rm(join(timeFile, '..'), { recursive: true, force: true })
  return { ...result, maxRssKb: Number.isFinite(rss) ? rss : undefined }
}

/** Reads the `name<<DELIMITER … DELIMITER` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '')
      outputs[name] = value.join('\n')
      continue
    }
    const simple = /^([^=]+)=(.*)$/.exec(lines[i] ?? '')
    if (simple) outputs[simple[1] as string] = simple[2] as string
  }
  return outputs
}

/** The decoded values of `::command …::value` lines (workflow command escaping undone). */
export function commandValues(stdout: string, command: string): string[] {
  const pattern = new RegExp(`^::${command}(?: [^:]*)?::(.*)$`)
  return stdout
    .split(/\r?\n/)
    .map((line) => pattern.exec(line)?.[1])
    .filter((value): value is string => value !== undefined)
    .map((value) => value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'))
}

/** What the runner would show in the log: every masked value replaced by `***`. */
export function maskLikeRunner(text: string, masks: string[]): string {
  let shown = text
  for (const mask of [...masks].sort((a, b) => b.length - a.length)) {
    shown = shown.split(mask).join('***')
  }
  return shown
}

/** `jobs.<job>.outputs.<name>: ${{ steps.<step>.outputs.<output> }}` */
export type JobOutputMap = Record<string, { step: string; output: string }>

export interface JobResult {
  /** The job outputs that reach the jobs that `needs` this one. */
  outputs: Record<string, string>
  /** The outputs the runner dropped ("Skip output '…' since it may contain secret"). */
  dropped: string[]
}

/**
 * The value's base64 as it appears inside the base64 of any longer text: at each of the three
 * alignments, only the characters that depend on the value's bytes alone (the runner hides base64
 * this way, so that a secret inside encoded text is hidden too; actions/runner, ADR 0297).
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value)
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64')
    // Characters that carry bits of the bytes before the value, and of those after it.
    const lead = [0, 2, 3][offset] ?? 0
    const tail = [0, 3, 2][(offset + bytes.length) % 3] ?? 0
    return encoded.slice(lead, encoded.length - tail)
  })
}

/**
 * The outputs of a job, as the runner hands them to later jobs: each mapped from a step's output,
 * then dropped when it contains a value masked in that job, or one of the forms the runner also
 * hides (base64 at each alignment, JSON-escaped, URI-escaped) (../shared/FACTS.md, "The runner"). `jobSecrets` are
 * the secrets the job's workflow expressions named (the runner masks those from the start).
 */
export function jobOutputs(
  steps: Record<string, ActionRun>,
  map: JobOutputMap,
  jobSecrets: string[] = [],
): JobResult {
  const masked = [...jobSecrets, ...Object.values(steps).flatMap((step) => step.masks)]
    .filter((value) => value !== '')
    .flatMap((value) => [
      value,
      ...base64Forms(value),
      JSON.stringify(value).slice(1, -1),
      encodeURIComponent(value),
    ])
    .filter((form) => form !== '')
  const outputs: Record<string, string> = {}
  const dropped: string[] = []
  for (const [name, { step, output }] of Object.entries(map)) {
    const value = steps[step]?.outputs[output] ?? ''
    if (masked.some((secret) => value.includes(secret))) dropped.push(name)
    else outputs[name] = value
  }
  return { outputs, dropped }
}
