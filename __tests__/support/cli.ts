/**
 * Runs the bundled command line tool (dist/cli/index.js) as a person's shell would: a child
 * process with only the environment given here (no GH_TOKEN or BROWSER leaking in from the machine
 * running the tests), standard input kept open for paste mode, and both outputs captured.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createServer } from 'node:net'
import { delimiter, dirname, join } from 'node:path'
import { request } from 'undici'
import { PROJECT_ROOT } from '../../emulators/actions-runner.js'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  type Scenario,
} from './scenario.js'

export const CLI = join(PROJECT_ROOT, 'dist', 'cli', 'index.js')

export interface CliRun {
  exitCode: number | null
  /** The signal that ended the process, if one did (then exitCode is null). */
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** Milliseconds from the start to the exit. */
  ms: number
}

export interface CliOptions {
  env?: Record<string, string>
  /** Sees standard error as it grows (the whole text so far), e.g. to answer a prompt. */
  onStderr?: (stderr: string, child: ChildProcessWithoutNullStreams) => void
  timeoutMs?: number
  /** Another installed copy of the tool (its `bin`), started as a shell would: by its `#!` line. */
  bin?: string
  /** Where it runs; the project's folder unless given. */
  cwd?: string
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const [program, programArgs] =
      options.bin === undefined ? [process.execPath, [CLI, ...args]] : [options.bin, args]
    const child = spawn(program, programArgs, {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: {
        // The Node running the tests first, for a `#!/usr/bin/env node` bin.
        PATH: options.bin === undefined ? (process.env['PATH'] ?? '') : withThisNode(),
        HOME: process.env['HOME'] ?? '/tmp',
        ...options.env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
      options.onStderr?.(stderr, child)
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000)
    child.on('error', reject)
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer)
      resolve({ exitCode, signal, stdout, stderr, ms: performance.now() - started })
    })
  })
}

/** PATH with the folder of the Node running the tests first. */
export function withThisNode(): string {
  return [dirname(process.execPath), process.env['PATH'] ?? ''].join(delimiter)
}

/** The consent address the tool printed (it is indented on a line of its own). */
export function consentAddressIn(stderr: string): string | undefined {
  return /^ {2}(https?:\/\/\S+\/authorize\?\S+)$/m.exec(stderr)?.[1]
}

/** A loopback port nobody listens on right now, for a callback URL. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

/**
 * What a browser does with the consent address against the emulator: the consent page answers with
 * a redirect to the callback; returns where it points (the callback URL with code and state).
 */
export async function followConsent(address: string): Promise<string> {
  const response = await request(address, { method: 'GET' })
  await response.body.dump()
  const location = response.headers['location']
  if (response.statusCode !== 302 || typeof location !== 'string') {
    throw new Error(`consent page answered HTTP ${response.statusCode}, not a redirect`)
  }
  return location
}

/** The emulators' addresses, as a person testing against them would export them. */
export function endpointsOf(world: Scenario): Record<string, string> {
  return {
    ATLASSIAN_TOKEN_URL: world.atlassian.tokenUrl,
    ATLASSIAN_API_URL: world.atlassian.apiUrl,
    ATLASSIAN_GITHUB_API_URL: world.github.apiUrl,
  }
}

/**
 * `refresh` (or `sites`, which rotates first) of the stored token, as a person would run it against the emulators: the token given is
 * the one the secret holds, obtained just now (or at `--token-obtained-at` in `extra`, which wins).
 */
export function runRefresh(
  world: Scenario,
  extra: string[] = [],
  env: Record<string, string> = {},
  options: Omit<CliOptions, 'env'> = {},
  command: 'refresh' | 'sites' = 'refresh',
): Promise<CliRun> {
  return runCli(
    [
      command,
      '--client-id',
      CLIENT_ID,
      '--repository',
      REPOSITORY,
      '--secret-name',
      SECRET_NAME,
      '--token-obtained-at',
      new Date().toISOString(),
      ...extra,
    ],
    {
      ...options,
      env: {
        ...endpointsOf(world),
        ATLASSIAN_CLIENT_SECRET: CLIENT_SECRET,
        ATLASSIAN_REFRESH_TOKEN: world.storedToken() ?? '',
        GH_TOKEN: GITHUB_TOKEN,
        ...env,
      },
    },
  )
}
