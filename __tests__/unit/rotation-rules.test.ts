import { ManualClock, DAY, MINUTE } from '../../emulators/clock.js'
import { RotationAuthority } from '../../emulators/rotation-rules.js'

function setup(): { clock: ManualClock; authority: RotationAuthority; first: string } {
  const clock = new ManualClock()
  const authority = new RotationAuthority(() => clock.now())
  return { clock, authority, first: authority.consent('app', 'offline_access') }
}

function refreshed(outcome: ReturnType<RotationAuthority['refresh']>): string {
  if (!outcome.ok || outcome.tokens.refreshToken === undefined)
    throw new Error(`refresh failed: ${JSON.stringify(outcome)}`)
  return outcome.tokens.refreshToken
}

describe('the emulated rotation rules', () => {
  it('rotates: each refresh returns a new token and disables the one presented', () => {
    const { authority, first } = setup()
    const second = refreshed(authority.refresh('app', first))
    expect(second).not.toBe(first)
    expect(authority.status(first)).toBe('previous')
    expect(authority.status(second)).toBe('newest')
    const third = refreshed(authority.refresh('app', second))
    expect(authority.status(first)).toBe('superseded')
    expect(authority.status(third)).toBe('newest')
  })

  it('accepts the previous token again within the 10-minute leeway', () => {
    const { clock, authority, first } = setup()
    refreshed(authority.refresh('app', first))
    clock.advance(10 * MINUTE)
    const outcome = authority.refresh('app', first)
    expect(outcome).toMatchObject({ ok: true, reusedWithinLeeway: true })
    expect(authority.status(refreshed(outcome))).toBe('newest')
  })

  it('revokes the whole family when the previous token comes back after the leeway', () => {
    const { clock, authority, first } = setup()
    const second = refreshed(authority.refresh('app', first))
    clock.advance(10 * MINUTE + 1)
    expect(authority.refresh('app', first)).toEqual({ ok: false, reason: 'reuse-detected' })
    expect(authority.status(second)).toBe('revoked')
    expect(authority.refresh('app', second)).toEqual({ ok: false, reason: 'revoked' })
  })

  it('revokes the family when a superseded sibling is presented, even inside the leeway', () => {
    const { authority, first } = setup()
    const a = refreshed(authority.refresh('app', first))
    const b = refreshed(authority.refresh('app', first)) // overlapping rotation from the same token
    expect(authority.status(b)).toBe('newest')
    expect(authority.refresh('app', a)).toEqual({ ok: false, reason: 'reuse-detected' })
    expect(authority.status(b)).toBe('revoked')
  })

  it('revokes the family when the second-to-last token is presented', () => {
    const { authority, first } = setup()
    const second = refreshed(authority.refresh('app', first))
    refreshed(authority.refresh('app', second))
    expect(authority.refresh('app', first)).toEqual({ ok: false, reason: 'reuse-detected' })
  })

  it('kills a token left unused for 90 days, and every token 365 days after consent', () => {
    const { clock, authority, first } = setup()
    clock.advance(90 * DAY + 1)
    expect(authority.refresh('app', first)).toEqual({ ok: false, reason: 'inactive' })

    const fresh = authority.consent('app', 'offline_access')
    let token = fresh
    for (let month = 1; month <= 12; month++) {
      clock.advance(30 * DAY) // 360 days of regular refreshes: all accepted
      token = refreshed(authority.refresh('app', token))
    }
    clock.advance(6 * DAY)
    expect(authority.refresh('app', token)).toEqual({ ok: false, reason: 'consent-expired' })
  })

  it('refuses unknown tokens and tokens of another client without revoking anything', () => {
    const { authority, first } = setup()
    expect(authority.refresh('app', 'not-a-token')).toEqual({ ok: false, reason: 'unknown' })
    expect(authority.refresh('other-app', first)).toEqual({ ok: false, reason: 'wrong-client' })
    expect(authority.status(first)).toBe('newest')
  })

  it('issues no refresh token when rotation is off, and the old one stays the newest', () => {
    const clock = new ManualClock()
    const authority = new RotationAuthority(() => clock.now(), { rotate: false })
    const token = authority.consent('app', 'offline_access')
    const outcome = authority.refresh('app', token)
    expect(outcome).toMatchObject({ ok: true, tokens: { refreshToken: undefined } })
    expect(authority.status(token)).toBe('newest')
  })
})
