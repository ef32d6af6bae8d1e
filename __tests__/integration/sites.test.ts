/**
 * The list of sites over real HTTP: an answer that is not the list is described, never quoted
 * (the request carried the new access token, which such a page may echo).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { listSites } from '../../src/atlassian/sites.js'
import { ActionError } from '../../src/common/errors.js'
import type { Clock } from '../../src/common/retry.js'
import { SecretValues } from '../../src/common/secrets.js'
import { openNetwork } from '../../src/common/network.js'

const ACCESS = 'eyJhbGciOi.Access-token-for-sites.sig'
const instantClock: Clock = { now: () => Date.now(), sleep: () => Promise.resolve() }
let server: http.Server
let apiUrl: string
let answer: { status: number; contentType: string; body: string }

beforeAll(async () => {
  server = http.createServer((_request, response) => {
    response.writeHead(answer.status, { 'content-type': answer.contentType })
    response.end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

function sites(): ReturnType<typeof listSites> {
  return listSites(
    apiUrl,
    ACCESS,
    { network: openNetwork({ env: {} }), timeoutMs: 5_000, maxBodyBytes: 64 * 1024 },
    new SecretValues(() => {}),
    {
      clock: instantClock,
      deadline: Date.now() + 10_000,
      maxAttempts: 1,
      baseDelayMs: 1,
      maxDelayMs: 1,
      random: () => 0.5,
    },
  )
}

describe('listSites', () => {
  it('reads the list, with a byte order mark and whitespace around it', async () => {
    answer = {
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: `\uFEFF [{"id":"cloud-1","name":"Example","url":"https://example.atlassian.net"}]\n`,
    }
    expect(await sites()).toEqual([
      { id: 'cloud-1', name: 'Example', url: 'https://example.atlassian.net' },
    ])
  })

  it('describes an answer that is not a list by status, content type and length, quoting none of it', async () => {
    const body = `<html><body>Signed in with ${ACCESS}</body></html>`
    answer = { status: 200, contentType: 'text/html', body }
    const error: unknown = await sites().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ActionError)
    expect(error).toMatchObject({ code: 'SITES_UNAVAILABLE', tokenState: 'stored' })
    const { message } = error as ActionError
    expect(message).toContain(`is not a JSON list (HTTP 200, text/html, ${body.length} bytes)`)
    expect(message).not.toContain('Signed in')
    expect(message).not.toContain(ACCESS)
  })
})
