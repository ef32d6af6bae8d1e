/**
 * The POSIX shells a person pastes a command into, run for real: non-interactive (`-c`) and
 * interactive (reading the pasted text on standard input, with history expansion on, as a
 * terminal would have it), each with no start-up files and an empty HOME so the machine's own
 * configuration cannot change the outcome. A shell that is not installed is skipped, except under
 * CI (`CI` set), where .ci/run installs bash and zsh.
 */
import { spawn, spawnSync } from 'node:child_process'

export interface Shell {
  /** For test names: "zsh -i (RC_QUOTES)". */
  name: string
  program: string
  /** Arguments; the command goes after them (`-c`) or on standard input (interactive). */
  args: string[]
  interactive: boolean
}

export const SHELLS: Shell[] = [
  { name: 'sh -c', program: 'sh', args: ['-c'], interactive: false },
  { name: 'bash -c', program: 'bash', args: ['--norc', '--noprofile', '-c'], interactive: false },
  { name: 'zsh -c', program: 'zsh', args: ['-f', '-c'], interactive: false },
  // RC_QUOTES: '' inside a quoted string stands for a quote (a user may have it set).
  {
    name: 'zsh -c (RC_QUOTES)',
    program: 'zsh',
    args: ['-f', '-o', 'rc_quotes', '-c'],
    interactive: false,
  },
  // Interactive: history expansion (`!`) is on, as in a terminal.
  { name: 'bash -i', program: 'bash', args: ['--norc', '--noprofile', '-i'], interactive: true },
  {
    name: 'zsh -i (RC_QUOTES)',
    program: 'zsh',
    args: ['-f', '-o', 'rc_quotes', '-i'],
    interactive: true,
  },
]

/** Whether `program` runs here (a shell runs `-c 'exit 0'`, gh `--version`); under CI it must. */
export function installed(program: string): boolean {
  const probe = program === 'gh' ? ['--version'] : ['-c', 'exit 0']
  const found = spawnSync(program, probe, { stdio: 'ignore' }).status === 0
  if (!found && process.env['CI']) {
    throw new Error(`CI is set but ${program} is missing: .ci/run installs it`)
  }
  return found
}

export interface ShellRun {
  exitCode: number | null
  stdout: string
  stderr: string
}

/** Runs `command` as pasted into `shell`, with exactly `env` (plus a PATH and a UTF-8 locale). */
export function runInShell(
  shell: Shell,
  command: string,
  env: Record<string, string>,
  timeoutMs = 20_000,
): Promise<ShellRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(shell.program, shell.interactive ? shell.args : [...shell.args, command], {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LANG: 'C.UTF-8', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      resolve({ exitCode, stdout, stderr })
    })
    // Interactive: the text arrives as typed (pasted), then the shell leaves with its status.
    if (shell.interactive) {
      // A shell that exits early closes its input: its status says why, not the failed write.
      child.stdin.on('error', () => {})
      child.stdin.end(`${command}\nexit $?\n`)
    }
  })
}
