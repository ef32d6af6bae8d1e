/**
 * The bundled action over a sample of the odd token answers the property tests generate
 * (__tests__/unit/token-response.property.test.ts), each wrapped around the tokens the emulator
 * really issued: whatever the body, no token reaches the log unmasked, a readable refresh token is
 * stored, and an unreadable one leaves the run saying how to recover, which then works.
 */
import { MINUTE } from '../../emulators/clock.js'
import type { ActionRun } from '../../emulators/actions-runner.js'
import type { IssuedTokens } from '../../emulators/rotation-rules.js'
import { findLeaks } from '../support/leaks.js'
import {
  CLIENT_SECRET,
  GITHUB_TOKEN,
  WORKFLOW_TOKEN,
  startScenario,
  type Scenario,
} from '../support/scenario.js'
import { sampleOddAnswers } from '../support/token-answers.js'

let world: Scenario | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

/** Fixed: the same sample on every run, so a failure can be replayed. */
const SEED = 20261201
const SAMPLE = sampleOddAnswers(12, SEED)

function expectNoLeaks(result: ActionRun, tokens: (string | undefined)[]): void {
  const secrets = [CLIENT_SECRET, GITHUB_TOKEN, WORKFLOW_TOKEN, ...tokens]
  expect(
    findLeaks(result, Object.fromEntries(secrets.map((value, i) => [`secret #${i}`, value]))),
  ).toEqual([])
}

it.each(SAMPLE.map((answer, i) => [i, answer.description, answer] as const))(
  'odd answer #%i (%s): no token shown, a readable refresh token stored',
  async (_, __, answer) => {
    world = await startScenario()
    const w = world
    const original = w.storedToken()
    const issued: IssuedTokens[] = []
    w.atlassian.injectFaults({
      kind: 'shape-answer',
      shape: (tokens) => {
        issued.push(tokens)
        return answer.fault.shape(tokens)
      },
    })

    const result = await w.run()
    const tokens = [
      original,
      w.storedToken(),
      ...issued.flatMap((t) => [t.accessToken, t.refreshToken]),
      result.outputs['access-token'],
    ]
    expectNoLeaks(result, tokens)
    const status = w.atlassian.authority.status(w.storedToken() ?? '')

    if (answer.expected.retried) {
      // A 5xx: sent again (the old token is the previous one, inside the leeway); the next answer
      // is a normal one.
      expect(w.atlassian.requests.length).toBeGreaterThanOrEqual(2)
      expect(result.exitCode).toBe(0)
      expect(status).toBe('newest')
    } else if (answer.expected.refreshTokenKept) {
      expect(status).toBe('newest')
      expect(w.storedToken()).toBe(issued[0]?.refreshToken)
      expect(result.outputs['outcome']).toBe('rotated')
      expect(result.exitCode).toBe(answer.expected.accessTokenUsable ? 0 : 1)
    } else if (answer.expected.answerUsable) {
      // No refresh token in the answer: to the action, the provider did not rotate.
      expect(result.outputs['outcome']).toBe('unchanged')
      expect(w.storedToken()).toBe(original)
      expect(result.exitCode).toBe(answer.expected.accessTokenUsable ? 0 : 1)
    } else {
      // Unreadable: nothing stored, and the run says the stored token is still accepted for a
      // while; a re-run inside that time recovers the integration.
      expect(result.exitCode).toBe(1)
      expect(w.storedToken()).toBe(original)
      expect(result.errors.join('\n')).toMatch(
        /still accepted until .* UTC \(the 10-minute leeway\)/,
      )
      w.clock.advance(3 * MINUTE)
      const rerun = await w.run()
      expect(rerun.exitCode).toBe(0)
      expect(w.atlassian.authority.status(w.storedToken() ?? '')).toBe('newest')
    }
  },
)
