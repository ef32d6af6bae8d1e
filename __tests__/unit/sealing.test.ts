import { decodePublicKey, prepareSealing, sealForGitHub } from '../../src/github/sealing.js'
import { newKeyPair, openSealedBox } from '../../emulators/sealed-box.js'

describe('sealForGitHub', () => {
  it('seals as before once prepared: the warm-up touches no real value', async () => {
    prepareSealing()
    prepareSealing()
    const pair = newKeyPair()
    const sealed = await sealForGitHub(
      'prepared-value',
      Buffer.from(pair.publicKey).toString('base64'),
    )
    expect(Buffer.from(openSealedBox(Buffer.from(sealed, 'base64'), pair) ?? []).toString()).toBe(
      'prepared-value',
    )
  })

  it('seals so that an independent sealed-box implementation opens it', async () => {
    const pair = newKeyPair()
    const value = 'eyJhbGciOi.refresh-token-ü-value.sig'
    const sealed = await sealForGitHub(value, Buffer.from(pair.publicKey).toString('base64'))

    // GitHub expects standard base64 with padding, and a sealed box is the message + 48 bytes.
    expect(sealed).toMatch(/^[A-Za-z0-9+/]+={0,2}$/)
    expect(sealed.length % 4).toBe(0)
    const bytes = Buffer.from(sealed, 'base64')
    expect(bytes.length).toBe(Buffer.byteLength(value) + 48)
    expect(Buffer.from(openSealedBox(bytes, pair) ?? []).toString('utf8')).toBe(value)
  })

  it('seals differently each time (ephemeral keys), and only the recipient can open it', async () => {
    const pair = newKeyPair()
    const key = Buffer.from(pair.publicKey).toString('base64')
    const [a, b] = await Promise.all([sealForGitHub('same', key), sealForGitHub('same', key)])
    expect(a).not.toBe(b)
    expect(openSealedBox(Buffer.from(a, 'base64'), newKeyPair())).toBeUndefined()
  })

  it('refuses a key that is not 32 bytes of base64', async () => {
    await expect(sealForGitHub('x', Buffer.alloc(31).toString('base64'))).rejects.toThrow(
      '32 bytes',
    )
    expect(decodePublicKey('not base64 at all!')).toBeUndefined()
    expect(decodePublicKey(Buffer.alloc(32).toString('base64url'))).toBeUndefined()
    expect(decodePublicKey(Buffer.alloc(32).toString('base64'))).toHaveLength(32)
  })

  it('reads the key as standard base64, not the URL-safe variant libsodium defaults to', () => {
    // 0xfb 0xff… encodes to "+/" characters in standard base64 and "-_" in URL-safe base64.
    const key = Buffer.alloc(32, 0xfb)
    expect(key.toString('base64')).toContain('+')
    expect(decodePublicKey(key.toString('base64'))).toEqual(new Uint8Array(key))
  })
})
