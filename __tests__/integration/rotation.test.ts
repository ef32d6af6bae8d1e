/**
 * The rotation core in this process, against both emulators over real HTTP, with a cancellation the
 * test fires at exact points (no signals, no timing) and doors that fail to speak.
 */
import { readSettings, type RotationRequest } from '../../src/rotation/request.js'
import type { Clock } from '../../src/common/retry.js'
import type { RotationEvents } from '../../src/rotation/events.js'
import { rotate, type RotationDependencies } from '../../src/rotation/rotate.js'
import { SecretValues } from '../../src/common/secrets.js'
import { actionWording, asText, word } from '../../src/common/settings.js'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  SECRET_NAME,
  startScenario,
  type Scenario,
} from '../support/scenario.js'

let world: Scenario
afterEach(async () => {
  await world.close()
})

function request(): RotationRequest {
  const inputs: Record<string, string> = {
    'client-id': CLIENT_ID,
    'client-secret': CLIENT_SECRET,
    'refresh-token': world.storedToken() ?? '',
    'secret-name': SECRET_NAME,
    'github-token': GITHUB_TOKEN,
    repository: REPOSITORY,
    'token-url': world.atlassian.tokenUrl,
    'github-api-url': world.github.apiUrl,
  }
  const read = readSettings((name) => inputs[name] ?? '', {})
  if (!read.ok) throw new Error(JSON.stringify(read.problems))
  return read.request
}

/** Dependencies with a cancellation the test fires itself, and a clock whose waits pass at once. */
function dependencies(onSleep?: () => void): {
  deps: RotationDependencies
  cancel: (signal: string) => void
  waits: number[]
} {
  let handler: ((signal: string) => void) | undefined
  const waits: number[] = []
  let skipped = 0
  const clock: Clock = {
    now: () => Date.now() + skipped,
    sleep: (ms, signal) => {
      waits.push(ms)
      onSleep?.()
      if (signal?.aborted) return Promise.reject(new Error('cancelled'))
      skipped += ms
      return Promise.resolve()
    },
  }
  return {
    deps: {
      env: {},
      clock,
      random: () => 0.5,
      requestTimeoutMs: 10_000,
      onCancel: (listener) => {
        handler = listener
        return () => {
          handler = undefined
        }
      },
      tokenHeldSince: { at: new Date(), what: 'this test started', exact: false },
      secrets: new SecretValues(() => {}),
    },
    cancel: (signal) => handler?.(signal),
    waits,
  }
}

function recordingEvents(onInfo?: (message: string) => void): RotationEvents & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (message) => {
      const line = word(asText(message), actionWording)
      lines.push(line)
      onInfo?.(line)
    },
    notice: (message) => lines.push(`notice: ${word(asText(message), actionWording)}`),
    warning: (message) => lines.push(`warning: ${word(asText(message), actionWording)}`),
    debug: () => {},
    recovery: () => lines.push('recovery'),
  }
}

it('a cancellation that comes after the preflight, before the grant, stops it from starting', async () => {
  world = await startScenario({ workflowActions: 'none' })
  const original = world.storedToken()
  const { deps, cancel } = dependencies()
  const events = recordingEvents((message) => {
    // Said right after the preflight answered, before the refresh grant is sent.
    if (message.startsWith('The GitHub token can read')) cancel('SIGINT')
  })

  const outcome = await rotate(request(), deps, events)

  expect(world.atlassian.requests).toHaveLength(0)
  expect(outcome.kind).toBe('cancelled')
  expect(outcome.tokenState).toBe('unchanged')
  expect(outcome.problems[0]?.message).toContain('before the refresh grant was sent')
  expect(world.storedToken()).toBe(original)
})

it('a cancellation during a wait between refresh attempts starts no other attempt', async () => {
  world = await startScenario({ workflowActions: 'none' })
  world.atlassian.injectFaults({ kind: 'answer', status: 503, body: 'busy' })
  let cancel: (signal: string) => void = () => {}
  const made = dependencies(() => cancel('SIGTERM'))
  cancel = made.cancel

  const outcome = await rotate(request(), made.deps, recordingEvents())

  expect(world.atlassian.requests).toHaveLength(1)
  expect(outcome.kind).toBe('cancelled')
  expect(outcome.tokenState).toBe('maybe-rotated')
  expect(outcome.context.leewayEndsAt).toBeDefined()
})

it('a door that cannot print anything still gets its token stored', async () => {
  world = await startScenario({ workflowActions: 'none' })
  const { deps } = dependencies()
  const broken: RotationEvents = {
    info: () => {
      throw new Error('EPIPE')
    },
    notice: () => {
      throw new Error('EPIPE')
    },
    warning: () => {
      throw new Error('EPIPE')
    },
    debug: () => {
      throw new Error('EPIPE')
    },
    recovery: () => {
      throw new Error('ENOSPC')
    },
  }

  const outcome = await rotate(request(), deps, broken)

  expect(outcome.kind).toBe('rotated')
  expect(outcome.problems).toEqual([])
  expect(world.atlassian.authority.status(world.storedToken() ?? '')).toBe('newest')
})

it('the recovery value reaches the door before the write is sent', async () => {
  world = await startScenario({ workflowActions: 'none' })
  const { deps } = dependencies()
  const order: string[] = []
  world.github.injectFaults({ on: 'put', secret: SECRET_NAME, before: () => order.push('put') })
  const events = recordingEvents()
  events.recovery = () => order.push('recovery')

  const outcome = await rotate(request(), deps, events)

  expect(outcome.kind).toBe('rotated')
  expect(order).toEqual(['recovery', 'put'])
})

it('tells the door of every request in one debug line: method, path, status and time, nothing else', async () => {
  world = await startScenario({ workflowActions: 'none' })
  const { deps } = dependencies()
  const sentToken = world.storedToken() ?? ''
  const debug: string[] = []
  const events = recordingEvents()
  events.debug = (message) => debug.push(message)

  const outcome = await rotate(request(), deps, events)

  expect(outcome.kind).toBe('rotated')
  const received = [...world.github.requests, ...world.atlassian.requests]
  expect(debug).toHaveLength(received.length)
  for (const { method, path } of received) {
    const bare = path.split('?')[0] ?? ''
    expect(debug).toContainEqual(expect.stringMatching(lineFor(method, bare)))
  }
  expect(debug).toContainEqual(expect.stringMatching(lineFor('POST', '/oauth/token')))
  const newToken = world.storedToken() ?? ''
  for (const line of debug) {
    expect(line).not.toContain('?')
    for (const secret of [sentToken, newToken, CLIENT_SECRET, GITHUB_TOKEN]) {
      expect(line).not.toContain(secret)
    }
  }
})

function lineFor(method: string, path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^${method} ${escaped}: HTTP [1-5]\\d\\d in \\d+ ms$`)
}

it('never sends a refresh that could not leave its write time under the lock (a slow look after a wait)', async () => {
  world = await startScenario({ workflowActions: 'none' })
  const original = world.storedToken()
  const lock = `${SECRET_NAME}_LOCK`
  // The secret was last written a minute before this run.
  const seeded = world.github.secret(REPOSITORY, SECRET_NAME)
  if (seeded) {
    const minuteAgo = new Date(Date.now() - 60_000)
    world.github.restoreSecret(REPOSITORY, {
      ...seeded,
      createdAt: minuteAgo,
      updatedAt: minuteAgo,
    })
  }
  // Another rotation holds the lock, and releases it during this run's first wait.
  world.github.setSecret(REPOSITORY, lock, 'another rotation')
  const made = dependencies(() => {
    world.github.deleteSecret(REPOSITORY, lock)
  })
  // GitHub's clock passes the skipped waits too, as it would in real time.
  const local = made.deps.clock
  made.deps.clock = {
    now: () => local.now(),
    sleep: async (ms, signal) => {
      await local.sleep(ms, signal)
      world.clock.advance(ms)
    },
  }
  // Then reading the secret again fails twice, each time asking for 110 s: 220 s in all, past the
  // 3.5 minutes of the hold in which a refresh may still start.
  const slow = {
    on: 'metadata' as const,
    secret: SECRET_NAME,
    status: 503,
    headers: { 'retry-after': '110' },
  }
  const request480 = { ...request(), retryBudgetMs: 480_000 }
  const events = recordingEvents((message) => {
    if (message.startsWith('Took the lock')) world.github.injectFaults(slow, slow)
  })

  const outcome = await rotate(request480, made.deps, events)

  expect(world.atlassian.requests).toHaveLength(0)
  expect(outcome.kind).toBe('failed')
  expect(outcome.tokenState).toBe('unchanged')
  expect(outcome.problems[0]?.code).toBe('LOCK_TIME_UP')
  expect(world.storedToken()).toBe(original)
  // It still released its lock.
  expect(world.github.secret(REPOSITORY, lock)).toBeUndefined()
})
