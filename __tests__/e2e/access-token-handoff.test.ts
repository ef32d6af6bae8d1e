/**
 * Rotate once, use the access token in many jobs: job 1 runs the bundled action (dist/index.js)
 * and maps its `access-token-handoff` output to a job output, under the runner's rule that drops a
 * job output holding a masked value; job 2 runs the bundled access-token action
 * (dist/access-token/index.js) with that job output, as the runner runs it.
 */
import { request } from 'undici'
import {
  jobOutputs,
  maskLikeRunner,
  runAction,
  type ActionRun,
} from '../../emulators/actions-runner.js'
import { findLeaks } from '../support/leaks.js'
import {
  CLIENT_ID,
  CLIENT_SECRET,
  GITHUB_TOKEN,
  REPOSITORY,
  startScenario,
  type Scenario,
} from '../support/scenario.js'

let world: Scenario
afterEach(async () => {
  await world.close()
})

const SITE = { id: 'cloud-7', name: 'Example', url: 'https://example.atlassian.net' }

/** Job 1, `rotate`: the rotating step, and the job outputs a workflow would map from it. */
async function rotateJob(inputs: Record<string, string> = {}, withSite = true) {
  world.atlassian.addSite(CLIENT_ID, SITE)
  const site = { 'site-url': SITE.url, 'atlassian-api-url': world.atlassian.apiUrl }
  const step = await world.run({ inputs: { ...(withSite && site), ...inputs } })
  expect(step.exitCode).toBe(0)
  const job = jobOutputs(
    { rotation: step },
    {
      handoff: { step: 'rotation', output: 'access-token-handoff' },
      // What users try first: GitHub drops it.
      'access-token': { step: 'rotation', output: 'access-token' },
    },
    [CLIENT_SECRET, GITHUB_TOKEN],
  )
  return { step, job, runId: world.runIds.at(-1) ?? '' }
}

/** Job 2, `sync`: the access-token action, in run `runId`. */
function syncJob(
  handoff: string,
  runId: string,
  options: { key?: string; runAttempt?: string; repository?: string; now?: string } = {},
): Promise<ActionRun> {
  return runAction({
    manifest: 'access-token/action.yml',
    inputs: { handoff, 'handoff-key': options.key ?? CLIENT_SECRET },
    context: {
      repository: options.repository ?? REPOSITORY,
      apiUrl: world.github.apiUrl,
      runId,
      runAttempt: options.runAttempt ?? '1',
      job: 'sync',
    },
  })
}

async function sitesStatus(accessToken: string): Promise<number> {
  const answer = await request(`${world.atlassian.apiUrl}/oauth/token/accessible-resources`, {
    headers: { authorization: `Bearer ${accessToken}` },
  })
  await answer.body.dump()
  return answer.statusCode
}

function expectRefused(run: ActionRun, message: string, key = CLIENT_SECRET): void {
  expect(run.exitCode).toBe(1)
  expect(run.outputs).toEqual({})
  // Only the key was masked: the access token was never known to the step.
  expect(run.masks).toEqual([key])
  expect(run.errors.join('\n')).toContain(message)
}

describe('the access-token handoff across jobs', () => {
  it('reaches job 2 as a job output, and opens there into a working access token, masked first', async () => {
    world = await startScenario()
    const { step, job, runId } = await rotateJob()
    const accessToken = step.outputs['access-token'] ?? ''
    expect(accessToken).not.toBe('')

    // GitHub's rule: the access token cannot be a job output; the handoff can.
    expect(job.dropped).toEqual(['access-token'])
    const handoff = job.outputs['handoff'] ?? ''
    expect(handoff).toMatch(new RegExp(`^ath1\\.${runId}\\.1\\.[A-Za-z0-9_-]+$`))
    expect(handoff).not.toContain(accessToken)
    expect(step.stdout).toContain(
      `Output access-token-handoff: the access token sealed for the other jobs of run ${runId} (attempt 1 or later), good until ${step.outputs['expires-at'] ?? ''} at the latest.`,
    )

    const sync = await syncJob(handoff, runId)
    expect(sync.stderr).toBe('')
    expect(sync.exitCode).toBe(0)
    expect(sync.outputs['access-token']).toBe(accessToken)
    expect(sync.outputs['cloud-id']).toBe(SITE.id)
    expect(sync.outputs['api-base-url']).toBe(`${world.atlassian.apiUrl}/ex/confluence/${SITE.id}`)
    expect(sync.outputs['confluence-api-base-url']).toBe(
      `${world.atlassian.apiUrl}/ex/confluence/${SITE.id}`,
    )
    expect(sync.outputs['jira-api-base-url']).toBe(`${world.atlassian.apiUrl}/ex/jira/${SITE.id}`)
    expect(sync.outputs['expires-at']).toBe(step.outputs['expires-at'])
    expect(Number(sync.outputs['expires-in'])).toBeGreaterThan(3500)
    expect(sync.outputs['scope']).toBe(step.outputs['scope'])
    expect(sync.outputs['token-type']).toBe(step.outputs['token-type'])
    // The key, then the token, masked before any other line.
    expect(sync.masks).toEqual([CLIENT_SECRET, accessToken])
    const lines = sync.stdout.split('\n')
    expect(lines[0]).toBe(`::add-mask::${CLIENT_SECRET}`)
    expect(lines[1]).toBe(`::add-mask::${accessToken}`)
    expect(findLeaks(sync, { accessToken, key: CLIENT_SECRET })).toEqual([])
    expect(findLeaks(step, { accessToken })).toEqual([])
    expect(maskLikeRunner(sync.stdout, sync.masks)).not.toContain(accessToken)
    // Job 2 never went near a token endpoint: the only grant is job 1's.
    const grants = world.timeline.filter((line) => line === 'POST /oauth/token')
    expect(grants).toHaveLength(1)

    expect(await sitesStatus(sync.outputs['access-token'] ?? '')).toBe(200)
  })

  it('opens with a dedicated handoff key, and not with the client secret then', async () => {
    world = await startScenario()
    const key = 'dedicated-handoff-key-0123456789abcdef'
    const { job, runId } = await rotateJob({ 'handoff-key': key })
    const handoff = job.outputs['handoff'] ?? ''

    const wrong = await syncJob(handoff, runId)
    expectRefused(wrong, 'The handoff does not open with "handoff-key"')

    const sync = await syncJob(handoff, runId, { key })
    expect(sync.exitCode).toBe(0)
    expect(sync.masks[0]).toBe(key)
    expect(await sitesStatus(sync.outputs['access-token'] ?? '')).toBe(200)
  })

  it('is accepted by a job of a later attempt of the same run ("Re-run failed jobs")', async () => {
    world = await startScenario()
    const { job, runId } = await rotateJob()
    const sync = await syncJob(job.outputs['handoff'] ?? '', runId, { runAttempt: '2' })
    expect(sync.exitCode).toBe(0)
  })

  it('is refused in another run, another repository, altered, or with a wrong key; nothing is output', async () => {
    world = await startScenario()
    const { step, job, runId } = await rotateJob()
    const handoff = job.outputs['handoff'] ?? ''
    const accessToken = step.outputs['access-token'] ?? ''

    const replay = await syncJob(handoff, String(Number(runId) + 1))
    expectRefused(
      replay,
      `The handoff was made in run ${runId}, and this is run ${Number(runId) + 1}`,
    )

    const otherRepository = await syncJob(handoff, runId, { repository: 'octo-org/other' })
    expectRefused(otherRepository, 'The handoff does not open with "handoff-key" in octo-org/other')

    const body = handoff.split('.')[3] ?? ''
    const flipped = `${body.slice(0, 40)}${body[40] === 'A' ? 'B' : 'A'}${body.slice(41)}`
    const tampered = await syncJob(`ath1.${runId}.1.${flipped}`, runId)
    expectRefused(tampered, 'altered on the way')

    const wrongKey = await syncJob(handoff, runId, { key: `${CLIENT_SECRET}x` })
    expectRefused(wrongKey, 'is not the one the rotating step sealed it with', `${CLIENT_SECRET}x`)

    for (const run of [replay, otherRepository, tampered, wrongKey]) {
      expect(findLeaks(run, { accessToken })).toEqual([])
      expect(run.stdout).not.toContain(accessToken)
    }
  })

  it('is refused once the access token has expired', async () => {
    world = await startScenario()
    // The token endpoint answers with an access token that lives 2 seconds.
    world.atlassian.injectFaults({
      kind: 'answer',
      status: 200,
      body: JSON.stringify({
        access_token: 'at-short-lived-0123456789abcdefghij',
        refresh_token: 'rt-next-0123456789abcdefghijklmnop',
        expires_in: 2,
        scope: 'read:confluence-content.all offline_access',
        token_type: 'Bearer',
      }),
    })
    // No site: the emulator does not know this token.
    const { step, job, runId } = await rotateJob({}, false)
    const expiresAt = Date.parse(step.outputs['expires-at'] ?? '')
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now() + 200)))

    const late = await syncJob(job.outputs['handoff'] ?? '', runId)
    expectRefused(
      late,
      `The handed-off access token expired at ${new Date(expiresAt).toISOString()}`,
    )
    expect(late.stdout).not.toContain('at-short-lived-0123456789abcdefghij')
  })
})
