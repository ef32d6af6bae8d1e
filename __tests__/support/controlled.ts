/**
 * Setting the order of events between a test and the processes it runs: answers the emulators hold
 * until the test lets them go, waits for something another process does, and a bundled action
 * whose process and log the test can reach while it runs.
 */
import type { ChildProcess } from 'node:child_process'
import type { ActionRun } from '../../emulators/actions-runner.js'
import type { RunOptions, Scenario } from './scenario.js'

/** Promises an emulator waits on; whatever a test still holds at its end, `releaseAll` lets go. */
export class Holds {
  #releases: (() => void)[] = []

  /** A promise to wait on, and the function that ends the wait. */
  hold(): { wait: Promise<void>; release: () => void } {
    let release!: () => void
    const wait = new Promise<void>((resolve) => {
      release = resolve
    })
    this.#releases.push(release)
    return { wait, release }
  }

  releaseAll(): void {
    for (const release of this.#releases) release()
    this.#releases = []
  }
}

/** Waits (briefly polling) until `condition` holds: an event in another process, not a timer. */
export async function until(
  condition: () => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export interface Controlled {
  result: Promise<ActionRun>
  /** The process, once it runs. */
  child: () => ChildProcess
  /** Standard output so far. */
  stdout: () => string
}

/** Runs the action and hands back its process, so the test can signal it as the runner does. */
export function runControlled(world: Scenario, options: RunOptions = {}): Controlled {
  let child: ChildProcess | undefined
  let stdout = ''
  const result = world.run({
    ...options,
    onStdout: (text, process) => {
      child = process
      stdout += text
    },
  })
  return {
    result,
    child: () => {
      if (!child) throw new Error('the action has not started')
      return child
    },
    stdout: () => stdout,
  }
}
