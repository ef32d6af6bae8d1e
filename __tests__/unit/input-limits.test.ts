import { actionWording, subject, word, type Mention } from '../../src/common/settings.js'
import fc from 'fast-check'
import {
  LIMITS,
  MAX_SECRET_VALUE_BYTES,
  MAX_SECRET_VALUE_ENCODED,
  quoteValue,
  sealedSecretLength,
  tooLong,
  type Limit,
} from '../../src/common/input-limits.js'
import { sealForGitHub } from '../../src/github/sealing.js'
import { newKeyPair } from '../../emulators/sealed-box.js'

describe('quoteValue', () => {
  it('shows a short value whole, as a JSON string', () => {
    expect(quoteValue('octo-org')).toBe('"octo-org"')
  })

  it('cuts after 40 characters, counting code points, and says so with …', () => {
    expect(quoteValue('a'.repeat(41))).toBe(`"${'a'.repeat(40)}"…`)
    expect(quoteValue('a'.repeat(40))).toBe(`"${'a'.repeat(40)}"`)
    // 40 emoji are 80 UTF-16 units: none is split in half.
    expect(quoteValue('😀'.repeat(41))).toBe(`"${'😀'.repeat(40)}"…`)
  })

  it.each([
    ['two\nlines', '"two\\nlines"'],
    ['\u001b[31mred', '"\\u001b[31mred"'],
    ['del\u007f', '"del\\u007f"'],
    ['c1\u0085', '"c1\\u0085"'],
    ['bidi\u202eevil', '"bidi\\u202eevil"'],
    ['zero\u200bwidth', '"zero\\u200bwidth"'],
    ['line\u2028sep', '"line\\u2028sep"'],
    ['tag\u{e0041}', '"tag\\udb40\\udc41"'],
    ['quote " and \\', '"quote \\" and \\\\"'],
  ])('escapes %j', (value, shown) => {
    expect(quoteValue(value)).toBe(shown)
  })

  it('never lets a control, format or line-separator character through raw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const shown = quoteValue(value)
        expect(shown).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u)
        // Without its …, it is JSON for the value's first 40 characters.
        expect(JSON.parse(shown.replace(/…$/, ''))).toBe(Array.from(value).slice(0, 40).join(''))
      }),
    )
  })
})

describe('the size GitHub can store', () => {
  it('is the largest value whose encrypted_value is at most 48,000 characters', () => {
    expect(MAX_SECRET_VALUE_BYTES).toBe(35_952)
    expect(sealedSecretLength(MAX_SECRET_VALUE_BYTES)).toBeLessThanOrEqual(MAX_SECRET_VALUE_ENCODED)
    expect(sealedSecretLength(MAX_SECRET_VALUE_BYTES + 1)).toBeGreaterThan(MAX_SECRET_VALUE_ENCODED)
  })

  it('counts what sealing really produces', async () => {
    const key = Buffer.from(newKeyPair().publicKey).toString('base64')
    for (const bytes of [0, 1, 2, 3, 100, MAX_SECRET_VALUE_BYTES, MAX_SECRET_VALUE_BYTES + 1]) {
      const sealed = await sealForGitHub('x'.repeat(bytes), key)
      expect([bytes, sealed.length]).toEqual([bytes, sealedSecretLength(bytes)])
    }
  })
})

/** tooLong's message as the action words it; undefined when the value fits. */
function said(...args: [Mention, string, Limit, boolean]): string | undefined {
  const message = tooLong(...args)
  return message === undefined ? undefined : word(message, actionWording)
}

describe('tooLong', () => {
  it('accepts a value at the limit and refuses one past it, naming the subject', () => {
    expect(said(subject('client-id'), 'a'.repeat(256), LIMITS.clientId, false)).toBeUndefined()
    const message = said(subject('client-id'), 'a'.repeat(257), LIMITS.clientId, false)
    expect(message).toContain('Input "client-id" is 257 characters long')
    expect(message).toContain('at most 256')
    expect(message).toContain(`It begins "${'a'.repeat(40)}"…`)
  })

  it('never shows any part of a secret', () => {
    const secret = `s3cr3t-${'x'.repeat(2000)}`
    const message = said(subject('client-secret'), secret, LIMITS.clientSecret, true)
    expect(message).toContain('is 2007 characters long')
    expect(message).not.toContain('s3cr3t')
    expect(message).not.toContain('begins')
  })

  it('counts bytes where the limit is in bytes', () => {
    // 17,977 "ü" are 35,954 bytes: past the limit in bytes, though far below it in characters.
    const token = 'ü'.repeat(17_977)
    expect(said(subject('refresh-token'), token, LIMITS.refreshToken, true)).toContain(
      'is 35954 bytes long',
    )
    expect(
      said(subject('refresh-token'), 'a'.repeat(MAX_SECRET_VALUE_BYTES), LIMITS.refreshToken, true),
    ).toBeUndefined()
  })
})
