/**
 * Health figures and the schedule keep-alive, end to end: the bundled action (dist/index.js) run as
 * the runner runs it, against both emulators. The secret's age is set by moving the emulated world
 * on from the day it was written (GitHub's updated_at and Atlassian's 90-day count both move).
 */
import { DAY } from '../../emulators/clock.js'
import { commandValues } from '../../emulators/actions-runner.js'
import {
  REPOSITORY,
  SECRET_NAME,
  WORKFLOW_PATH,
  startScenario,
  type Scenario,
} from '../support/scenario.js'

let world: Scenario
afterEach(async () => {
  await world.close()
})

const HOUR = 60 * 60 * 1000
const ENABLE = `PUT /repos/${REPOSITORY}/actions/workflows/rotate.yml/enable`
const PUT_SECRET = `PUT /repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** The world `days` days (and an hour, clear of a day's edge) after the secret was written. */
async function secretWritten(daysAgo: number, options: Parameters<typeof startScenario>[0] = {}) {
  world = await startScenario(options)
  // GitHub's updated_at is whole seconds.
  const writtenAt =
    Math.floor((world.github.secret(REPOSITORY, SECRET_NAME)?.updatedAt.getTime() ?? 0) / 1000) *
    1000
  world.clock.advance(daysAgo * DAY + HOUR)
  return writtenAt
}

describe('keeping the schedule alive', () => {
  it('re-enables its own workflow on a scheduled run, once the token is stored', async () => {
    world = await startScenario()
    world.github.addWorkflow(REPOSITORY, WORKFLOW_PATH, 'disabled_inactivity')

    const run = await world.run()

    expect(run.exitCode).toBe(0)
    expect(run.outputs['outcome']).toBe('rotated')
    expect(world.github.workflowEnables).toEqual([
      expect.objectContaining({
        repository: REPOSITORY,
        workflow: 'rotate.yml',
        was: 'disabled_inactivity',
      }),
    ])
    expect(world.github.workflow(REPOSITORY, WORKFLOW_PATH)?.state).toBe('active')
    // After the token is safe: the enable comes after the secret's write, last of all.
    expect(world.timeline.indexOf(ENABLE)).toBeGreaterThan(world.timeline.indexOf(PUT_SECRET))
    expect(world.timeline[world.timeline.length - 1]).toBe(ENABLE)
    expect(run.stdout).toContain(
      `Enabled the workflow rotate.yml of ${REPOSITORY} (HTTP 204), to keep its schedule alive`,
    )
    expect(run.stdout).toContain('reported (by third parties; GitHub does not document it)')
    expect(run.summary).toContain('Schedule keep-alive')
    expect(run.warnings).toEqual([])
  })

  it('without actions: write, says which permission line to add in a notice, and still succeeds', async () => {
    world = await startScenario({ workflowActions: 'read' })

    const run = await world.run()

    expect(run.exitCode).toBe(0)
    expect(run.outputs['outcome']).toBe('rotated')
    expect(world.github.workflowEnables).toEqual([])
    const enable = world.github.requests.find(
      (r) => r.method === 'PUT' && r.path.endsWith('/enable'),
    )
    expect(enable).toBeDefined()
    const notices = commandValues(run.stdout, 'notice')
    expect(notices).toEqual([
      expect.stringContaining('the workflow\'s token lacks "actions: write"'),
    ])
    expect(notices[0]).toContain('Add the line `actions: write` under `permissions:`')
    expect(notices[0]).toContain('"keep-schedule-alive"')
    expect(run.stdout).toMatch(/^::notice title=Schedule not kept alive::/m)
    expect(run.warnings).toEqual([])
    expect(run.errors).toEqual([])
  })

  it('does not call it on a run that is not scheduled, unless asked to', async () => {
    world = await startScenario()

    const dispatched = await world.run({ eventName: 'workflow_dispatch' })
    expect(dispatched.exitCode).toBe(0)
    expect(world.timeline).not.toContain(ENABLE)
    expect(dispatched.stdout).not.toContain('keep its schedule alive')

    const asked = await world.run({
      eventName: 'workflow_dispatch',
      inputs: { 'keep-schedule-alive': 'true' },
    })
    expect(asked.exitCode).toBe(0)
    expect(world.github.workflowEnables).toHaveLength(1)

    const off = await world.run({ inputs: { 'keep-schedule-alive': 'false' } })
    expect(off.exitCode).toBe(0)
    expect(world.github.workflowEnables).toHaveLength(1)
  })

  it('turns a failing enable into a warning: the rotation is not affected', async () => {
    world = await startScenario()
    world.github.injectFaults(
      ...[1, 2, 3].map(() => ({ on: 'enable-workflow' as const, status: 502 })),
    )

    const run = await world.run()

    expect(run.exitCode).toBe(0)
    expect(run.outputs['outcome']).toBe('rotated')
    expect(run.outputs['secret-updated']).toBe('true')
    expect(run.warnings).toEqual([
      expect.stringContaining(`Could not enable the workflow rotate.yml of ${REPOSITORY}`),
    ])
    expect(run.warnings[0]).toContain('The rotation is not affected')
  })

  it('refuses a keep-schedule-alive that is not auto, true or false, before sending anything', async () => {
    world = await startScenario()
    const run = await world.run({ inputs: { 'keep-schedule-alive': 'always' } })
    expect(run.exitCode).toBe(1)
    expect(run.errors.join('\n')).toContain('Input "keep-schedule-alive" must be "auto"')
    expect(world.timeline).toEqual([])
  })
})

describe('health figures', () => {
  it('a secret written 2 days ago: healthy, no warning', async () => {
    const writtenAt = await secretWritten(2)

    const run = await world.run()

    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'rotated',
      health: 'healthy',
      'last-rotated-at': new Date(writtenAt).toISOString(),
      'days-since-last-rotation': '2',
      'refresh-token-days-left': '90',
    })
    // After this rotation, the 90 days count from now.
    expect(isoDay(Date.parse(run.outputs['refresh-token-expires-at'] ?? ''))).toBe(
      isoDay(world.clock.now() + 90 * DAY),
    )
    expect(run.warnings).toEqual([])
    expect(run.summary).toContain('<h3>Health: healthy</h3>')
    expect(run.summary).toContain(`${isoDay(writtenAt)} (2 days ago)`)
  })

  it('a new refresh token the secret could not take: at risk, the 90 days not restarted, and no enable call', async () => {
    const writtenAt = await secretWritten(2)
    world.github.addWorkflow(REPOSITORY, WORKFLOW_PATH, 'disabled_inactivity')
    world.github.injectFaults({ on: 'put', secret: SECRET_NAME, status: 403, body: {} })

    const run = await world.run()

    expect(run.exitCode).toBe(1)
    expect(run.outputs['secret-updated']).toBe('false')
    expect(run.outputs['recovery-encrypted-value']).toBeTruthy()
    expect(run.outputs).toMatchObject({
      health: 'at-risk',
      'last-rotated-at': new Date(writtenAt).toISOString(),
      // The secret still holds the token this run superseded: its 90 days count from its write.
      'refresh-token-days-left': '87',
    })
    expect(run.summary).toContain('<h3>Health: at risk</h3>')
    expect(run.summary).toContain("This run's refresh issued a new refresh token that")
    // The recovery value comes first: no keep-alive call on such a run.
    expect(world.github.workflowEnables).toEqual([])
    expect(world.timeline).not.toContain(ENABLE)
  })

  it('a secret written 45 days ago: rotates, and warns that scheduled runs are missed or failing', async () => {
    const writtenAt = await secretWritten(45)

    const run = await world.run()

    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      outcome: 'rotated',
      health: 'at-risk',
      'last-rotated-at': new Date(writtenAt).toISOString(),
      'days-since-last-rotation': '45',
      'refresh-token-days-left': '90',
    })
    expect(run.warnings).toEqual([
      `${SECRET_NAME} was last written 45 days ago (${isoDay(writtenAt)}), longer than a scheduled rotation allows (30 days): its runs are being missed or are failing. Next step: Look at the rotation workflow's recent runs: failures (a revoked GitHub token, a changed permission), or a schedule GitHub disabled (a public repository's, after 60 days without activity; "keep-schedule-alive" re-enables it on every scheduled run).`,
    ])
    expect(run.stdout).toMatch(/^::warning title=Rotation overdue::/m)
    expect(run.summary).toContain('<h3>Health: at risk</h3>')
  })

  it('a secret written 70 days ago also warns that the 90-day limit is close', async () => {
    await secretWritten(70)
    const run = await world.run({ inputs: { 'dry-run': 'true' } })
    expect(run.outputs['health']).toBe('at-risk')
    expect(run.outputs['refresh-token-days-left']).toBe('19')
    expect(run.stdout).toMatch(/^::warning title=Refresh token expires soon::.*\(19 days left\)/m)
    expect(run.stdout).toMatch(/^::warning title=Rotation overdue::/m)
  })

  it('a secret written 95 days ago: says before sending that the token is likely dead; Atlassian refuses it; consent again', async () => {
    const writtenAt = await secretWritten(95)

    const run = await world.run()

    // The refresh is still sent (the only proof), and Atlassian refuses the 95-day-old token.
    expect(world.atlassian.requests).toHaveLength(1)
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({
      outcome: 'failed',
      health: 'dead',
      'last-rotated-at': new Date(writtenAt).toISOString(),
      'days-since-last-rotation': '95',
      'refresh-token-expires-at': new Date(writtenAt + 90 * DAY).toISOString(),
      'refresh-token-days-left': '-6', // 5 days and an hour past the limit
    })
    const [dead] = run.warnings
    expect(dead).toContain(`${SECRET_NAME} was last written 95 days ago (${isoDay(writtenAt)})`)
    expect(dead).toContain("past Atlassian's 90-day limit for an unused refresh token")
    expect(dead).toContain('The refresh is sent all the same')
    expect(dead).toContain('`atlassian-token-rotation authorize`')
    expect(run.stdout).toMatch(/^::warning title=Refresh token likely expired::/m)
    // Said before the token was sent.
    expect(run.stdout.indexOf('Refresh token likely expired')).toBeLessThan(
      run.stdout.indexOf('::error'),
    )
    expect(world.storedToken()).toBeDefined()
    expect(run.summary).toContain('<h3>Health: dead</h3>')
    expect(run.summary).toContain('<strong>Dead:</strong>')
  })

  it('counts the re-consent from consented-at', async () => {
    await secretWritten(2)
    const consentedAt = isoDay(world.clock.now() - 350 * DAY)
    const run = await world.run({ inputs: { 'consented-at': consentedAt } })
    expect(run.outputs['health']).toBe('at-risk')
    expect(run.outputs['reconsent-days-left']).toBe('14')
    expect(run.outputs['reconsent-by']).toBe(
      new Date(Date.parse(`${consentedAt}T00:00:00Z`) + 365 * DAY).toISOString(),
    )
    // The consent's own warning, once.
    expect(run.warnings.filter((w) => w.includes('365-day limit'))).toHaveLength(1)
  })
})

describe('a dry run', () => {
  it('reports the same health figures, outputs and summary, and spends nothing', async () => {
    const writtenAt = await secretWritten(45)

    const run = await world.run({ inputs: { 'dry-run': 'true' } })

    expect(run.exitCode).toBe(0)
    expect(world.atlassian.requests).toHaveLength(0)
    expect(run.outputs).toMatchObject({
      outcome: 'dry-run',
      health: 'at-risk',
      'last-rotated-at': new Date(writtenAt).toISOString(),
      'days-since-last-rotation': '45',
      'refresh-token-expires-at': new Date(writtenAt + 90 * DAY).toISOString(),
      'refresh-token-days-left': '44',
    })
    expect(run.stdout).toMatch(/^::warning title=Rotation overdue::/m)
    expect(run.summary).toContain('dry run')
    expect(run.summary).toContain('<h3>Health: at risk</h3>')
    expect(run.summary).toContain('```mermaid\ngantt')
  })
})
