import { actionWording, word } from '../../src/common/settings.js'
import { consentStatus } from '../../src/rotation/consent.js'

const warningOf = (status: { warning: Parameters<typeof word>[0] | undefined }): string =>
  status.warning === undefined ? '' : word(status.warning, actionWording)

const consentedAt = new Date('2026-01-31T00:00:00Z')
const day = (n: number): Date => new Date(consentedAt.getTime() + n * 24 * 60 * 60 * 1000)

describe('consentStatus', () => {
  it('puts the re-consent 365 days after the consent, and stays quiet until 30 days before', () => {
    expect(consentStatus(consentedAt, day(10))).toEqual({
      reconsentBy: new Date('2027-01-31T00:00:00Z'),
      daysLeft: 355,
      warning: undefined,
    })
    expect(consentStatus(consentedAt, day(335)).warning).toBeUndefined()
  })

  it('warns from 30 days before, with the date and what to do', () => {
    const status = consentStatus(consentedAt, day(336))
    expect(status.daysLeft).toBe(29)
    expect(warningOf(status)).toContain('ends on 2027-01-31 (29 days left)')
    expect(warningOf(status)).toContain('consent again')
    expect(warningOf(consentStatus(consentedAt, day(364.5)))).toContain('(0 days left)')
  })

  it('says the tokens are dead once the limit has passed', () => {
    expect(warningOf(consentStatus(consentedAt, day(366)))).toContain('no longer work')
  })
})
