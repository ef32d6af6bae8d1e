import { actionWording, word } from '../../src/common/settings.js'
import {
  addDays,
  assessHealth,
  daysLeft,
  healthFigures,
  wholeDays,
} from '../../src/health/health.js'
import { THRESHOLDS } from '../../src/health/thresholds.js'

const now = new Date('2026-12-02T09:30:00Z')
const hours = (n: number): number => n * 60 * 60 * 1000
/** `n` days and an hour before now: clear of a day's edge, as a seeded `updated_at` would be. */
const daysAgo = (n: number): Date => new Date(now.getTime() - n * 24 * hours(1) - hours(1))
const words = (value: Parameters<typeof word>[0] | undefined): string =>
  value === undefined ? '' : word(value, actionWording)
const secretName = 'ATLASSIAN_REFRESH_TOKEN'

describe('healthFigures', () => {
  it('counts from the last write and the consent, on the clock it is given', () => {
    const figures = healthFigures({
      now,
      lastWrite: daysAgo(2),
      consentedAt: new Date('2026-03-01T00:00:00Z'),
      secretName,
    })
    expect(figures).toEqual({
      now,
      lastRotatedAt: daysAgo(2),
      daysSinceLastRotation: 2,
      lastUsedAt: daysAgo(2),
      refreshTokenExpiresAt: new Date('2027-02-28T08:30:00Z'),
      daysUntilRefreshTokenExpiry: 87,
      consentedAt: new Date('2026-03-01T00:00:00Z'),
      reconsentDueAt: new Date('2027-03-01T00:00:00Z'),
      daysUntilReconsent: 88,
    })
  })

  it("counts the 90 days from this run's rotation once it stored a new token", () => {
    const figures = healthFigures({
      now,
      lastWrite: daysAgo(45),
      consentedAt: undefined,
      rotatedAt: now,
      secretName,
    })
    expect(figures.daysSinceLastRotation).toBe(45)
    expect(figures.lastUsedAt).toEqual(now)
    expect(figures.refreshTokenExpiresAt).toEqual(addDays(now, 90))
    expect(figures.daysUntilRefreshTokenExpiry).toBe(90)
    expect(figures.reconsentDueAt).toBeUndefined()
    expect(figures.daysUntilReconsent).toBeUndefined()
  })

  it('leaves every figure of an unknown date undefined', () => {
    const figures = healthFigures({ now, lastWrite: undefined, consentedAt: undefined, secretName })
    expect(figures.lastRotatedAt).toBeUndefined()
    expect(figures.daysSinceLastRotation).toBeUndefined()
    expect(figures.refreshTokenExpiresAt).toBeUndefined()
    expect(figures.daysUntilRefreshTokenExpiry).toBeUndefined()
  })

  it('counts whole days toward zero, negative once past, never -0', () => {
    expect(wholeDays(now, new Date(now.getTime() + hours(47)))).toBe(1)
    expect(wholeDays(now, new Date(now.getTime() - hours(121)))).toBe(-5)
    expect(Object.is(wholeDays(now, new Date(now.getTime() - hours(1))), 0)).toBe(true)
  })

  it('counts days left rounded down: 0 on the last day, negative from the moment a limit passes', () => {
    expect(daysLeft(now, new Date(now.getTime() + hours(47)))).toBe(1)
    expect(daysLeft(now, new Date(now.getTime() + hours(1)))).toBe(0)
    expect(daysLeft(now, new Date(now.getTime() - hours(1)))).toBe(-1)
    expect(daysLeft(now, new Date(now.getTime() - hours(121)))).toBe(-6)
    expect(Object.is(daysLeft(now, now), 0)).toBe(true)
  })

  it('calls a consent past its 365 days at risk, not dead, when this run refreshed with it', () => {
    const consent = new Date(now.getTime() - 365 * 24 * hours(1) - hours(3))
    const refreshed = assessHealth({
      now,
      lastWrite: daysAgo(3),
      consentedAt: consent,
      rotatedAt: now,
      secretName,
    })
    expect(refreshed.verdict).toBe('at-risk')
    expect(refreshed.reasons.map((r) => r.code)).toEqual(['reconsent-near'])
    expect(words(refreshed.reasons[0]?.said)).toContain("yet this run's refresh worked")
    const untried = assessHealth({ now, lastWrite: daysAgo(3), consentedAt: consent, secretName })
    expect(untried.verdict).toBe('dead')
  })

  it('says a limit passed half a day ago is past in its figures: 90.5 and 365.5 days', () => {
    const half = new Date(now.getTime() - 90 * 24 * hours(1) - hours(12))
    const consent = new Date(now.getTime() - 365 * 24 * hours(1) - hours(12))
    const health = assessHealth({ now, lastWrite: half, consentedAt: consent, secretName })
    expect(health.verdict).toBe('dead')
    expect(health.figures.daysUntilRefreshTokenExpiry).toBe(-1)
    expect(health.figures.daysUntilReconsent).toBe(-1)
  })
})

describe('assessHealth', () => {
  it('calls a secret written 2 days ago healthy', () => {
    const health = assessHealth({ now, lastWrite: daysAgo(2), consentedAt: undefined, secretName })
    expect(health.verdict).toBe('healthy')
    expect(health.reasons).toEqual([])
  })

  it('calls a secret written 45 days ago at risk: the schedule misses or fails its runs', () => {
    const health = assessHealth({ now, lastWrite: daysAgo(45), consentedAt: undefined, secretName })
    expect(health.verdict).toBe('at-risk')
    expect(health.reasons.map((r) => r.code)).toEqual(['rotation-overdue'])
    const [reason] = health.reasons
    expect(words(reason?.said)).toBe(
      'ATLASSIAN_REFRESH_TOKEN was last written 45 days ago (2026-10-18), longer than a scheduled rotation allows (30 days): its runs are being missed or are failing.',
    )
    expect(words(reason?.next)).toContain('"keep-schedule-alive"')
    expect(health.figures.daysUntilRefreshTokenExpiry).toBe(44)
  })

  it('warns from 30 days before the 90-day limit', () => {
    expect(
      assessHealth({ now, lastWrite: daysAgo(59), consentedAt: undefined, secretName }).reasons.map(
        (r) => r.code,
      ),
    ).toEqual(['rotation-overdue'])
    const health = assessHealth({ now, lastWrite: daysAgo(60), consentedAt: undefined, secretName })
    expect(health.reasons.map((r) => r.code)).toEqual([
      'refresh-token-expiry-near',
      'rotation-overdue',
    ])
    expect(words(health.reasons[0]?.said)).toContain('dies on 2027-01-01 (29 days left)')
  })

  it('calls a secret written 95 days ago dead, and says to consent again', () => {
    const health = assessHealth({ now, lastWrite: daysAgo(95), consentedAt: undefined, secretName })
    expect(health.verdict).toBe('dead')
    expect(health.reasons.map((r) => r.code)).toEqual(['refresh-token-expired', 'rotation-overdue'])
    // 5 days and an hour past the limit: the sixth day past has begun.
    expect(health.figures.daysUntilRefreshTokenExpiry).toBe(-6)
    const [dead] = health.reasons
    expect(words(dead?.said)).toContain('last written 95 days ago (2026-08-29)')
    expect(words(dead?.said)).toContain("past Atlassian's 90-day limit")
    expect(words(dead?.said)).toContain('invalid_grant')
    expect(words(dead?.next)).toContain('`atlassian-token-rotation authorize`')
    expect(words(dead?.next)).toContain('update "consented-at"')
  })

  it('takes a rotation of this run as proof that the token lived, and still reports the missed runs', () => {
    const health = assessHealth({
      now,
      lastWrite: daysAgo(95),
      consentedAt: undefined,
      rotatedAt: now,
      secretName,
    })
    expect(health.verdict).toBe('at-risk')
    expect(health.reasons.map((r) => r.code)).toEqual(['rotation-overdue'])
    expect(words(health.reasons[0]?.said)).toMatch(/^Before this run, ATLASSIAN_REFRESH_TOKEN/)
  })

  it('warns from 30 days before re-consent, and calls a consent past 365 days dead', () => {
    const consent = (daysBefore: number): Date => addDays(now, -daysBefore)
    const near = assessHealth({ now, lastWrite: daysAgo(2), consentedAt: consent(340), secretName })
    expect(near.verdict).toBe('at-risk')
    expect(near.reasons.map((r) => r.code)).toEqual(['reconsent-near'])
    expect(words(near.reasons[0]?.said)).toContain('ends on 2026-12-27 (25 days left)')
    expect(
      assessHealth({ now, lastWrite: daysAgo(2), consentedAt: consent(335), secretName }).verdict,
    ).toBe('healthy')
    const dead = assessHealth({ now, lastWrite: daysAgo(2), consentedAt: consent(365), secretName })
    expect(dead.verdict).toBe('dead')
    expect(dead.reasons.map((r) => r.code)).toEqual(['consent-expired'])
    expect(dead.figures.daysUntilReconsent).toBe(0)
  })

  it('is at risk when nothing says when the secret was written, unless this run wrote it', () => {
    const unknown = assessHealth({ now, lastWrite: undefined, consentedAt: undefined, secretName })
    expect(unknown.verdict).toBe('at-risk')
    expect(unknown.reasons.map((r) => r.code)).toEqual(['last-write-unknown'])
    const created = assessHealth({
      now,
      lastWrite: undefined,
      consentedAt: undefined,
      rotatedAt: now,
      secretName,
    })
    expect(created.verdict).toBe('healthy')
  })

  it('names every threshold it uses, with the rule and a source', () => {
    const names = THRESHOLDS.map((t) => t.name)
    for (const reason of [
      ...assessHealth({ now, lastWrite: daysAgo(95), consentedAt: addDays(now, -400), secretName })
        .reasons,
      ...assessHealth({ now, lastWrite: undefined, consentedAt: undefined, secretName }).reasons,
    ]) {
      expect(names).toContain(reason.threshold)
    }
    expect(THRESHOLDS.map((t) => [t.name, t.days])).toEqual([
      ['refresh-token-unused', 90],
      ['consent-lifetime', 365],
      ['schedule-inactivity', 60],
      ['rotation-overdue', 30],
      ['rotation-leeway', 10 / (24 * 60)],
      ['reminder', 30],
    ])
    for (const t of THRESHOLDS) expect(t.source).toMatch(/^https:\/\//)
  })
})

describe('assessHealth: the rotation workflow', () => {
  const healthy = { now, lastWrite: daysAgo(2), consentedAt: undefined, secretName }
  const workflow = (state: string, conclusions: (string | null)[]) => ({
    repository: 'octo-org/confluence-sync',
    workflow: 'rotate.yml',
    state,
    runs: conclusions.map((conclusion, i) => ({
      conclusion,
      createdAt: daysAgo(i + 1),
      htmlUrl: `https://github.com/octo-org/confluence-sync/actions/runs/${100 - i}`,
    })),
  })

  it('stays healthy with an active workflow whose latest finished run succeeded', () => {
    // In progress, cancelled and skipped runs say nothing either way.
    const health = assessHealth({
      ...healthy,
      workflow: workflow('active', [null, 'cancelled', 'success', 'failure']),
    })
    expect(health.verdict).toBe('healthy')
    expect(health.reasons).toEqual([])
  })

  it('is at risk when the workflow is disabled, and says how to enable it', () => {
    const health = assessHealth({
      ...healthy,
      workflow: workflow('disabled_inactivity', ['success']),
    })
    expect(health.verdict).toBe('at-risk')
    expect(health.reasons.map((r) => r.code)).toEqual(['workflow-disabled'])
    expect(words(health.reasons[0]?.said)).toContain('60 days without activity')
    expect(words(health.reasons[0]?.next)).toContain(
      '`gh workflow enable rotate.yml --repo octo-org/confluence-sync`',
    )
  })

  it('is at risk when the latest finished runs failed, counting them back to the last success', () => {
    const health = assessHealth({
      ...healthy,
      workflow: workflow('active', ['failure', 'cancelled', 'timed_out', 'success']),
    })
    expect(health.reasons.map((r) => r.code)).toEqual(['runs-failing'])
    const said = words(health.reasons[0]?.said)
    expect(said).toContain('The latest 2 finished runs of rotate.yml failed')
    expect(said).toContain(`since ${daysAgo(3).toISOString().slice(0, 10)}`)
    expect(words(health.reasons[0]?.next)).toContain('actions/runs/100')
  })

  it('keeps dead reasons first when the workflow is at risk too', () => {
    const health = assessHealth({
      ...healthy,
      lastWrite: daysAgo(95),
      workflow: workflow('disabled_manually', ['failure']),
    })
    expect(health.verdict).toBe('dead')
    expect(health.reasons.map((r) => r.code)).toEqual([
      'refresh-token-expired',
      'rotation-overdue',
      'workflow-disabled',
      'runs-failing',
    ])
  })
})
