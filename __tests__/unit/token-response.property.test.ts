/**
 * The token endpoint's answers, generated: any status, JSON and form bodies with every field in
 * valid and odd forms, credentials nested in unknown fields, BOMs and charsets, truncated, garbage
 * and HTML bodies (../support/token-answers.ts). Whatever comes back, the reader must never show a
 * credential, must mask every one it can see before it returns or throws, and must never drop a
 * refresh token it can read: Atlassian disabled the old one when it issued it.
 */
import fc from 'fast-check'
import { processTokenResponse, type TokenSet } from '../../src/atlassian/token-endpoint.js'
import { ActionError } from '../../src/common/errors.js'
import { SecretValues } from '../../src/common/secrets.js'
import { tokenAnswerCase, type TokenAnswerCase } from '../support/token-answers.js'

const TOKEN_URL = new URL('https://auth.atlassian.com/oauth/token')
const RUNS = { numRuns: 600 }

interface Outcome {
  tokens: TokenSet | undefined
  thrown: unknown
  /** Everything registered with the masker by the time the reader returned or threw. */
  masked: string[]
}

function read(generated: TokenAnswerCase): Outcome {
  const masked: string[] = []
  const secrets = new SecretValues((value) => masked.push(value))
  let tokens: TokenSet | undefined
  let thrown: unknown
  try {
    tokens = processTokenResponse(generated.answer, TOKEN_URL, secrets)
  } catch (error) {
    thrown = error
  }
  return { tokens, thrown, masked: [...masked] }
}

/** Every way a credential could be shown: itself and the encodings the runner does and does not mask. */
function formsOf(value: string): string[] {
  const bytes = Buffer.from(value)
  return [
    value,
    bytes.toString('base64'),
    bytes.toString('base64url'),
    bytes.toString('hex'),
    encodeURIComponent(value),
  ]
}

/** The texts a person (and the log) gets to see. */
function shownTexts(outcome: Outcome): string[] {
  const texts = [...(outcome.tokens?.warnings ?? [])]
  if (outcome.thrown instanceof ActionError) {
    texts.push(outcome.thrown.message, outcome.thrown.nextStep)
  }
  return texts
}

describe('processTokenResponse, on generated answers', () => {
  it('(a) never shows a credential, nor its base64, base64url, hex or URI-encoded form', () => {
    fc.assert(
      fc.property(tokenAnswerCase, (generated) => {
        const texts = shownTexts(read(generated))
        const shown = generated.credentials
          .flatMap(formsOf)
          .filter((form) => texts.some((text) => text.includes(form)))
        expect({ answer: generated.description, shown }).toEqual({
          answer: generated.description,
          shown: [],
        })
      }),
      RUNS,
    )
  })

  it('(b) registers every credential of a parseable answer with the masker before it returns or throws', () => {
    fc.assert(
      fc.property(
        tokenAnswerCase.filter((generated) => generated.parseable),
        (generated) => {
          const outcome = read(generated)
          const registered = new Set(outcome.masked)
          const missing = generated.credentials.filter((value) => !registered.has(value))
          expect({ answer: generated.description, missing }).toEqual({
            answer: generated.description,
            missing: [],
          })
        },
      ),
      RUNS,
    )
  })

  it('(c) never drops a readable refresh token of a 2xx object answer: it is returned exactly', () => {
    fc.assert(
      fc.property(
        tokenAnswerCase.filter((generated) => generated.readableRefreshToken !== undefined),
        (generated) => {
          const outcome = read(generated)
          expect(outcome.thrown).toBeUndefined()
          expect(outcome.tokens?.refreshToken).toBe(generated.readableRefreshToken)
        },
      ),
      RUNS,
    )
  })

  it('(d) throws nothing but an ActionError', () => {
    fc.assert(
      fc.property(tokenAnswerCase, (generated) => {
        const { thrown } = read(generated)
        if (thrown !== undefined) expect(thrown).toBeInstanceOf(ActionError)
      }),
      RUNS,
    )
  })

  it('(e) uses a 2xx object answer exactly when it holds a token to keep, and refuses the rest as maybe rotated', () => {
    fc.assert(
      fc.property(
        tokenAnswerCase.filter((generated) => generated.isTokenAnswer),
        (generated) => {
          const outcome = read(generated)
          if (generated.usable) {
            expect(outcome.thrown).toBeUndefined()
            expect(outcome.tokens?.accessToken).toBe(generated.readableAccessToken)
            const expiresIn = outcome.tokens?.expiresIn
            if (expiresIn !== undefined) {
              expect(Number.isInteger(expiresIn) && expiresIn >= 1).toBe(true)
              expect(expiresIn).toBeLessThanOrEqual(366 * 24 * 3600)
            }
          } else {
            expect(outcome.thrown).toMatchObject({
              code: 'INVALID_TOKEN_RESPONSE',
              tokenState: 'maybe-rotated',
            })
          }
        },
      ),
      RUNS,
    )
  })

  it('(f) describes any answer it refuses by its status, and a non-OAuth one by its length too', () => {
    fc.assert(
      fc.property(tokenAnswerCase, (generated) => {
        const { thrown } = read(generated)
        if (!(thrown instanceof ActionError)) return
        const { status, bytes } = generated.answer
        expect(thrown.message).toContain(`HTTP ${status}`)
        const isRedirect = status >= 300 && status <= 399
        if (!isRedirect && !thrown.code.startsWith('OAUTH_')) {
          const length =
            bytes.length === 0 ? 'an empty body' : `${bytes.length.toLocaleString('en-US')} byte`
          expect(thrown.message).toContain(length)
        }
      }),
      RUNS,
    )
  })
})
