import { addDays, assessHealth } from '../../src/health/health.js'
import { healthTimeline } from '../../src/health/timeline.js'
import { healthWarnings } from '../../src/rotation/health-report.js'
import { actionWording, word } from '../../src/common/settings.js'

const now = new Date('2026-12-02T09:30:00Z')
const secretName = 'ATLASSIAN_REFRESH_TOKEN'

describe('healthTimeline', () => {
  it('draws the consent, the last write, this rotation and today, each on its day', () => {
    const chart = healthTimeline(
      assessHealth({
        now,
        lastWrite: addDays(now, -45),
        consentedAt: new Date('2026-03-01T00:00:00Z'),
        rotatedAt: now,
        secretName,
      }),
    )
    expect(chart.split('\n')).toEqual([
      'gantt',
      '  title Refresh token health on 2026-12-02 (UTC) - at-risk',
      '  dateFormat YYYY-MM-DD',
      '  axisFormat %Y-%m-%d',
      '  todayMarker off',
      '  section Consent',
      '  Consent given 2026-03-01 :milestone, consent, 2026-03-01, 0d',
      '  Consent lifetime (365 days) :active, 2026-03-01, 2027-03-01',
      '  Re-consent due 2027-03-01 :milestone, crit, 2027-03-01, 0d',
      '  section Before this run',
      '  Last rotation 2026-10-18 :milestone, previous, 2026-10-18, 0d',
      '  Unused limit from it (90 days) :done, 2026-10-18, 2027-01-16',
      '  Limit 2027-01-16 :milestone, crit, 2027-01-16, 0d',
      '  section This run',
      '  This rotation 2026-12-02 :milestone, rotation, 2026-12-02, 0d',
      '  Unused limit from it (90 days) :active, 2026-12-02, 2027-03-02',
      '  Limit 2027-03-02 :milestone, crit, 2027-03-02, 0d',
      '  section Today',
      '  Today 2026-12-02 :milestone, today, 2026-12-02, 0d',
    ])
  })

  it('marks a limit already passed as critical, and leaves out what is unknown', () => {
    const chart = healthTimeline(
      assessHealth({ now, lastWrite: addDays(now, -95), consentedAt: undefined, secretName }),
    )
    expect(chart).toContain('Unused limit from it (90 days) :crit, 2026-08-29, 2026-11-27')
    expect(chart).not.toContain('section Consent')
    expect(chart).not.toContain('section This run')
    for (const line of chart.split('\n').slice(5)) {
      // Task names hold no ':' or '#' of their own: one separator per task line.
      if (!line.includes('section')) expect(line.split(':')).toHaveLength(2)
      expect(line).not.toContain('#')
    }
  })
})

describe('healthWarnings', () => {
  it('warns for an overdue rotation and a token likely dead, not for the consent (said elsewhere)', () => {
    const warnings = healthWarnings(
      assessHealth({
        now,
        lastWrite: addDays(now, -95),
        consentedAt: addDays(now, -360),
        secretName,
      }),
    )
    expect(warnings.map(([, title]) => title)).toEqual([
      'Refresh token likely expired',
      'Rotation overdue',
    ])
    const [dead] = warnings
    expect(word(dead?.[0] ?? [], actionWording)).toContain('The refresh is sent all the same')
    for (const [, title] of warnings) expect(title).not.toMatch(/[:,]/)
  })
})
