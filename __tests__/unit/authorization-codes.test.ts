import { MINUTE, ManualClock } from '../../emulators/clock.js'
import { CODE_LIFETIME_MS, RotationAuthority } from '../../emulators/rotation-rules.js'

const CALLBACK = 'http://localhost:8765/callback'

function setup(): { clock: ManualClock; authority: RotationAuthority } {
  const clock = new ManualClock()
  return { clock, authority: new RotationAuthority(() => clock.now()) }
}

describe('the emulated authorization codes', () => {
  it('exchange once for a new token family, whose refresh token is the newest', () => {
    const { authority } = setup()
    const code = authority.issueCode('app', CALLBACK, 'read:a offline_access')
    const first = authority.redeemCode('app', code, CALLBACK)
    if (!first.ok || first.tokens.refreshToken === undefined) throw new Error('refused')
    expect(authority.status(first.tokens.refreshToken)).toBe('newest')
    expect(authority.clientOfAccessToken(first.tokens.accessToken)).toBe('app')
    expect(first.tokens.scope).toBe('read:a offline_access')
    expect(authority.redeemCode('app', code, CALLBACK)).toEqual({ ok: false, reason: 'used' })
  })

  it('issue no refresh token without offline_access in the scope', () => {
    const { authority } = setup()
    const outcome = authority.redeemCode(
      'app',
      authority.issueCode('app', CALLBACK, 'read:a'),
      CALLBACK,
    )
    expect(outcome).toMatchObject({
      ok: true,
      tokens: { refreshToken: undefined, scope: 'read:a' },
    })
  })

  it('are bound to the client and the callback, and expire after a few minutes', () => {
    const { clock, authority } = setup()
    const code = authority.issueCode('app', CALLBACK, 'offline_access')
    expect(authority.redeemCode('other', code, CALLBACK)).toEqual({
      ok: false,
      reason: 'wrong-client',
    })
    expect(authority.redeemCode('app', code, 'http://localhost:1/cb')).toEqual({
      ok: false,
      reason: 'wrong-redirect-uri',
    })
    expect(authority.redeemCode('app', 'never-issued', CALLBACK)).toEqual({
      ok: false,
      reason: 'unknown',
    })
    clock.advance(CODE_LIFETIME_MS + 1)
    expect(authority.redeemCode('app', code, CALLBACK)).toEqual({ ok: false, reason: 'expired' })
    expect(CODE_LIFETIME_MS).toBeLessThanOrEqual(10 * MINUTE)
  })
})
