/**
 * Opening the consent address in a browser: the program named by --browser or BROWSER (as Python's
 * webbrowser and many tools read it), else the desktop's opener when there is a desktop. The
 * browser is started on its own, without this tool's secrets in its environment, and left running.
 */
import { spawn } from 'node:child_process'
import { delimiter } from 'node:path'
import { childEnvironment } from './child-env.js'

/**
 * The command that opens an address, as program and arguments; undefined when there is no browser
 * to open (no desktop, e.g. over SSH). In `command`, "%s" stands for the address; without it the
 * address is appended. Arguments are separated by spaces (no shell, no quoting).
 */
export function browserCommand(
  command: string | undefined,
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): string[] | undefined {
  const chosen = (command ?? env['BROWSER'] ?? '').split(delimiter)[0]?.trim() ?? ''
  if (chosen !== '') return chosen.split(/\s+/)
  if (platform === 'darwin') return ['open']
  if (platform === 'win32') return ['rundll32', 'url.dll,FileProtocolHandler']
  return env['DISPLAY'] || env['WAYLAND_DISPLAY'] ? ['xdg-open'] : undefined
}

/** Starts the browser; resolves once it started (true) or could not start (false). */
export function openBrowser(
  command: string[],
  address: string,
  env: Record<string, string | undefined>,
): Promise<boolean> {
  const [program, ...rest] = command
  if (program === undefined) return Promise.resolve(false)
  const args = rest.some((arg) => arg.includes('%s'))
    ? rest.map((arg) => arg.replaceAll('%s', address))
    : [...rest, address]
  return new Promise((resolve) => {
    const child = spawn(program, args, {
      detached: true,
      stdio: 'ignore',
      env: childEnvironment(env),
    })
    child.once('error', () => resolve(false))
    child.once('spawn', () => {
      child.unref()
      resolve(true)
    })
  })
}
