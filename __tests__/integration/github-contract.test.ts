/** The GitHub emulator holds every request to GitHub's published description, in every scenario. */
import { request } from 'undici'
import { GITHUB_TOKEN, REPOSITORY, SECRET_NAME, startScenario } from '../support/scenario.js'

it('answers 400 to a request that does not match the description, and the scenario fails on close', async () => {
  const world = await startScenario()
  const answer = await request(
    `${world.github.apiUrl}/repos/${REPOSITORY}/actions/secrets/${SECRET_NAME}`,
    {
      method: 'PUT',
      headers: { authorization: `token ${GITHUB_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ encrypted_value: 'not base64!' }),
    },
  )
  await answer.body.dump()

  expect(answer.statusCode).toBe(400)
  expect(world.github.contractViolations.join('\n')).toMatch(/key_id/)
  await expect(world.close()).rejects.toThrow("do not match GitHub's OpenAPI description")
})
