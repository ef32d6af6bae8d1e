/** The access-token handoff's seal (src/handoff/handoff.ts): what opens, and what is refused. */
import { blake2b } from 'blakejs'
import {
  handoffExpiry,
  HandoffRefusal,
  openHandoff,
  sealHandoff,
  type HandedToken,
  type RunBinding,
} from '../../src/handoff/handoff.js'
import { actionWording, word } from '../../src/common/settings.js'
import { handoffKeyProblem } from '../../src/rotation/request.js'
import sodium from 'libsodium-wrappers'

const KEY = 'client-secret-0123456789abcdefghijklmnopqrstuvwxyz'
const RUN: RunBinding = { repository: 'Octo-Org/Confluence-Sync', runId: '4242', runAttempt: '1' }
const NOW = new Date('2026-12-02T01:00:00.000Z')
const TOKEN: HandedToken = {
  accessToken: 'eyJhbGciOiJIUzI1NiJ9.access-token-ü"/+=.signature',
  expiresAt: new Date('2026-12-02T02:00:00.000Z'),
  scope: 'read:confluence-content.all offline_access',
  tokenType: 'Bearer',
  cloudId: 'cloud-7',
  apiBaseUrl: 'https://api.atlassian.com/ex/confluence/cloud-7',
  jiraApiBaseUrl: 'https://api.atlassian.com/ex/jira/cloud-7',
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof HandoffRefusal) {
      return { code: error.code, message: word(error.text, actionWording) }
    }
    throw error
  }
  throw new Error('the handoff opened')
}

/** The handoff with one byte of its sealed part (nonce ‖ ciphertext ‖ tag) changed. */
function flipByte(handoff: string, index: number): string {
  const parts = handoff.split('.')
  const bytes = Buffer.from(parts[3] ?? '', 'base64url')
  const at = index < 0 ? bytes.length + index : index
  bytes[at] = (bytes[at] ?? 0) ^ 0x01
  return [...parts.slice(0, 3), bytes.toString('base64url')].join('.')
}

describe('sealHandoff and openHandoff', () => {
  it('round-trips every field, in a printable, URL-safe text that shows the run', async () => {
    const handoff = await sealHandoff(TOKEN, KEY, RUN)
    expect(handoff).toMatch(/^ath1\.4242\.1\.[A-Za-z0-9_-]+$/)
    expect(await openHandoff(handoff, KEY, RUN, NOW)).toEqual(TOKEN)
    // A fresh nonce each time.
    expect(await sealHandoff(TOKEN, KEY, RUN)).not.toBe(handoff)
  })

  it('holds none of the forms the runner masks of the token or the key', async () => {
    const handoff = await sealHandoff(TOKEN, KEY, RUN)
    for (const value of [TOKEN.accessToken, KEY]) {
      for (const form of [
        value,
        Buffer.from(value).toString('base64'),
        Buffer.from(value).toString('base64url'),
        JSON.stringify(value).slice(1, -1),
        encodeURIComponent(value),
      ]) {
        expect(handoff).not.toContain(form)
      }
    }
  })

  it('keeps the optional fields absent when the rotation had none', async () => {
    const bare: HandedToken = {
      accessToken: 'at-0123456789',
      expiresAt: TOKEN.expiresAt,
      scope: undefined,
      tokenType: undefined,
      cloudId: undefined,
      apiBaseUrl: undefined,
      jiraApiBaseUrl: undefined,
    }
    expect(await openHandoff(await sealHandoff(bare, KEY, RUN), KEY, RUN, NOW)).toEqual(bare)
  })

  it('names the repository in any case, as GitHub does', async () => {
    const handoff = await sealHandoff(TOKEN, KEY, RUN)
    const lower = { ...RUN, repository: RUN.repository.toLowerCase() }
    expect((await openHandoff(handoff, KEY, lower, NOW)).accessToken).toBe(TOKEN.accessToken)
  })

  it('opens in a later attempt of the same run ("Re-run failed jobs"), and refuses one from a later attempt', async () => {
    const first = await sealHandoff(TOKEN, KEY, RUN)
    const rerun = { ...RUN, runAttempt: '3' }
    expect((await openHandoff(first, KEY, rerun, NOW)).accessToken).toBe(TOKEN.accessToken)

    const third = await sealHandoff(TOKEN, KEY, rerun)
    const refused = await refusal(openHandoff(third, KEY, RUN, NOW))
    expect(refused.code).toBe('HANDOFF_LATER_ATTEMPT')
    expect(refused.message).toContain('made by attempt 3 of this run, later than this attempt (1)')
  })

  it('refuses another run by its id, before trying the key', async () => {
    const handoff = await sealHandoff(TOKEN, KEY, RUN)
    const refused = await refusal(openHandoff(handoff, 'wrong', { ...RUN, runId: '4243' }, NOW))
    expect(refused).toEqual({
      code: 'HANDOFF_OTHER_RUN',
      message: expect.stringContaining('made in run 4242, and this is run 4243') as string,
    })
  })

  it('refuses a run id or attempt changed in the clear part: they are sealed in too', async () => {
    const handoff = await sealHandoff(TOKEN, KEY, { ...RUN, runAttempt: '2' })
    const earlier = handoff.replace(/^ath1\.4242\.2\./, 'ath1.4242.1.')
    const refused = await refusal(openHandoff(earlier, KEY, { ...RUN, runAttempt: '2' }, NOW))
    expect(refused.code).toBe('HANDOFF_NOT_OPENED')

    const moved = handoff.replace(/^ath1\.4242\./, 'ath1.4243.')
    const alsoRefused = await refusal(
      openHandoff(moved, KEY, { ...RUN, runId: '4243', runAttempt: '2' }, NOW),
    )
    expect(alsoRefused.code).toBe('HANDOFF_NOT_OPENED')
  })

  it('refuses another repository, a wrong key and every altered byte alike', async () => {
    const handoff = await sealHandoff(TOKEN, KEY, RUN)
    const sealedLength = Buffer.from(handoff.split('.')[3] ?? '', 'base64url').length
    const attempts = [
      openHandoff(handoff, KEY, { ...RUN, repository: 'octo-org/other' }, NOW),
      openHandoff(handoff, `${KEY}x`, RUN, NOW),
      openHandoff(handoff, KEY.slice(1), RUN, NOW),
      // The nonce, the ciphertext, the tag.
      ...[0, 23, 24, 30, sealedLength - 17, -1].map((i) =>
        openHandoff(flipByte(handoff, i), KEY, RUN, NOW),
      ),
    ]
    for (const attempt of attempts) {
      const refused = await refusal(attempt)
      expect(refused.code).toBe('HANDOFF_NOT_OPENED')
      expect(refused.message).toContain('"handoff-key"')
      expect(refused.message).not.toContain(KEY)
    }
  })

  it('refuses a handoff once its token has expired, or has less than a minute left, by the clock it is given', async () => {
    const handoff = await sealHandoff(TOKEN, KEY, RUN)
    const minuteAndABit = new Date(TOKEN.expiresAt.getTime() - 60_001)
    expect((await openHandoff(handoff, KEY, RUN, minuteAndABit)).accessToken).toBe(
      TOKEN.accessToken,
    )
    const lastMinute = await refusal(
      openHandoff(handoff, KEY, RUN, new Date(TOKEN.expiresAt.getTime() - 60_000)),
    )
    expect(lastMinute.code).toBe('HANDOFF_EXPIRED')
    expect(lastMinute.message).toContain(
      'expires in less than a minute, at 2026-12-02T02:00:00.000Z',
    )
    const refused = await refusal(openHandoff(handoff, KEY, RUN, TOKEN.expiresAt))
    expect(refused.code).toBe('HANDOFF_EXPIRED')
    expect(refused.message).toContain('expired at 2026-12-02T02:00:00.000Z')
    expect(refused.message).toContain('Re-run all jobs')
    expect(refused.message).not.toContain(TOKEN.accessToken)
  })

  it('refuses another format version, and what is not a handoff at all', async () => {
    const handoff = await sealHandoff(TOKEN, KEY, RUN)
    expect((await refusal(openHandoff(handoff.replace(/^ath1/, 'ath2'), KEY, RUN, NOW))).code).toBe(
      'HANDOFF_VERSION',
    )
    for (const bad of [
      '',
      'ath1',
      'ath1.4242.1',
      `ath1.4242.1.${'A'.repeat(10)}`,
      `${handoff}.extra`,
      handoff.replace(/\.(?=[^.]*$)/, '.+/'),
      `ath1.42x.1.${handoff.split('.')[3] ?? ''}`,
      TOKEN.accessToken,
    ]) {
      expect((await refusal(openHandoff(bad, KEY, RUN, NOW))).code).toBe('HANDOFF_MALFORMED')
    }
  })

  it('refuses a sealed payload this version cannot read, as another version', async () => {
    // Sealed by hand with the documented construction, around a payload without a token.
    await sodium.ready
    const master = blake2b(Buffer.from(KEY), undefined, 32)
    const key = sodium.crypto_kdf_derive_from_key(32, 1, 'athndoff', master)
    const nonce = sodium.randombytes_buf(24)
    const ad = JSON.stringify([
      'atlassian-token-rotation/access-token-handoff',
      1,
      'octo-org/confluence-sync',
      '4242',
      '1',
    ])
    const sealed = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      JSON.stringify({ token: 'x' }),
      ad,
      null,
      nonce,
      key,
    )
    const handoff = `ath1.4242.1.${Buffer.concat([nonce, sealed]).toString('base64url')}`
    expect((await refusal(openHandoff(handoff, KEY, RUN, NOW))).code).toBe('HANDOFF_VERSION')

    // The same construction around a real payload opens: the comment in the module is the truth.
    const good = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
      JSON.stringify({ accessToken: 'at-by-hand', expiresAt: TOKEN.expiresAt.toISOString() }),
      ad,
      null,
      nonce,
      key,
    )
    const byHand = `ath1.4242.1.${Buffer.concat([nonce, good]).toString('base64url')}`
    expect((await openHandoff(byHand, KEY, RUN, NOW)).accessToken).toBe('at-by-hand')
  })
})

describe('handoffExpiry', () => {
  const sent = new Date('2026-12-02T01:00:00.000Z')
  it("is the token's own expiry, never more than an hour after the grant was sent", () => {
    expect(handoffExpiry(new Date('2026-12-02T01:30:00.000Z'), sent)).toEqual(
      new Date('2026-12-02T01:30:00.000Z'),
    )
    expect(handoffExpiry(new Date('2026-12-02T03:00:00.000Z'), sent)).toEqual(
      new Date('2026-12-02T02:00:00.000Z'),
    )
    expect(handoffExpiry(undefined, sent)).toEqual(new Date('2026-12-02T02:00:00.000Z'))
  })
})

describe('handoffKeyProblem', () => {
  it('wants a long random value without whitespace', () => {
    expect(handoffKeyProblem('a'.repeat(32))).toBeUndefined()
    expect(word(handoffKeyProblem('short') ?? [], actionWording)).toContain(
      'Input "handoff-key" must be a random secret of 32 to 1024 characters',
    )
    expect(word(handoffKeyProblem(`${'a'.repeat(32)} b`) ?? [], actionWording)).toContain(
      'contains whitespace',
    )
  })
})
