/**
 * The network layer over real HTTP on loopback: what it tells of each request (one debug line's
 * facts: never a body, a header or a query string), when it says a request is on the wire, and
 * that the answer-size cap and the no-redirect rule hold under Octokit as under `send`.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { BodyTooLargeError, send } from '../../src/common/http.js'
import { describeExchange, openNetwork, type Exchange } from '../../src/common/network.js'
import { createGitHubClient } from '../../src/github/client.js'

const SECRET = 'refresh-token-that-must-never-be-logged'
const QUERY_VALUE = 'code-in-the-query'

let server: http.Server
let baseUrl: string
/** Called for each request the server receives, before it answers. */
let handle: (request: http.IncomingMessage, response: http.ServerResponse) => void

beforeAll(async () => {
  server = http.createServer((request, response) => {
    request.resume()
    request.on('end', () => handle(request, response))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

function recordingNetwork(onRequestSent?: (unsent: number) => void): {
  network: ReturnType<typeof openNetwork>
  exchanges: Exchange[]
} {
  const exchanges: Exchange[] = []
  const network = openNetwork({
    env: {},
    onExchange: (exchange) => exchanges.push(exchange),
    onRequestSent,
  })
  return { network, exchanges }
}

/** The exchanges without their times (which tests never judge), having checked that each has one. */
function withoutTimes(exchanges: Exchange[]): Omit<Exchange, 'ms'>[] {
  return exchanges.map(({ ms, ...rest }) => {
    expect(Number.isInteger(ms) && ms >= 0).toBe(true)
    return rest
  })
}

const options = (network: ReturnType<typeof openNetwork>) => ({
  network,
  timeoutMs: 5_000,
  maxBodyBytes: 1024,
})

describe('one exchange per request', () => {
  it('hands over the answer even when whoever hears of the request fails', async () => {
    handle = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ refresh_token: 'the-only-copy' }))
    }
    const network = openNetwork({
      env: {},
      onExchange: () => {
        throw new Error('a debug log that cannot be written')
      },
    })
    try {
      const answer = await send(
        new URL(`${baseUrl}/oauth/token`),
        { method: 'POST', body: 'grant_type=refresh_token' },
        options(network),
      )
      expect(answer.body).toBe('{"refresh_token":"the-only-copy"}')
    } finally {
      await network.close()
    }
  })

  it('gives method, path, status and milliseconds, and neither query string, body nor headers', async () => {
    handle = (_request, response) => {
      response.writeHead(201, { 'content-type': 'application/json', 'x-echo': SECRET })
      response.end(JSON.stringify({ echoed: SECRET }))
    }
    const { network, exchanges } = recordingNetwork()
    try {
      await send(
        new URL(`${baseUrl}/oauth/token?code=${QUERY_VALUE}`),
        {
          method: 'POST',
          headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
          body: JSON.stringify({ refresh_token: SECRET }),
        },
        options(network),
      )
    } finally {
      await network.close()
    }

    expect(withoutTimes(exchanges)).toEqual([
      {
        method: 'POST',
        path: '/oauth/token',
        status: 201,
        failure: undefined,
      },
    ])
    const line = describeExchange(exchanges[0] as Exchange)
    expect(line).toMatch(/^POST \/oauth\/token: HTTP 201 in \d+ ms$/)
    expect(JSON.stringify(exchanges)).not.toContain(SECRET)
    expect(JSON.stringify(exchanges)).not.toContain(QUERY_VALUE)
  })

  it('gives the error code of a request that got no answer', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise((resolve) => closed.close(resolve))
    const { network, exchanges } = recordingNetwork()
    try {
      await expect(
        send(
          new URL(`http://127.0.0.1:${port}/gone?x=${QUERY_VALUE}`),
          { method: 'GET' },
          options(network),
        ),
      ).rejects.toThrow()
    } finally {
      await network.close()
    }

    expect(withoutTimes(exchanges)).toEqual([
      {
        method: 'GET',
        path: '/gone',
        status: undefined,
        failure: 'ECONNREFUSED',
      },
    ])
    expect(describeExchange(exchanges[0] as Exchange)).toMatch(
      /^GET \/gone: ECONNREFUSED after \d+ ms$/,
    )
  })

  it('says that a request is on the wire before its answer comes', async () => {
    let sent = 0
    handle = (_request, response) => {
      // The answer waits for the hook: without it, the request times out.
      const answer = (): void => {
        if (response.destroyed) return
        if (sent === 0) {
          setTimeout(answer, 5)
          return
        }
        response.writeHead(204).end()
      }
      answer()
    }
    const { network } = recordingNetwork(() => sent++)
    try {
      const answer = await send(new URL(`${baseUrl}/key`), { method: 'GET' }, options(network))
      expect(answer.status).toBe(204)
    } finally {
      await network.close()
    }
    expect(sent).toBe(1)
  })

  it('counts the requests not yet written: 0 once the last of a parallel round is on the wire', async () => {
    const told: number[] = []
    handle = (_request, response) => {
      response.writeHead(204).end()
    }
    const { network } = recordingNetwork((unsent) => told.push(unsent))
    try {
      await Promise.all(
        ['/a', '/b', '/c'].map((path) =>
          send(new URL(`${baseUrl}${path}`), { method: 'GET' }, options(network)),
        ),
      )
      // A refused request is never written, and stops being counted all the same.
      const { port } = await closedPort()
      await expect(
        send(new URL(`http://127.0.0.1:${port}/gone`), { method: 'GET' }, options(network)),
      ).rejects.toThrow()
      await send(new URL(`${baseUrl}/d`), { method: 'GET' }, options(network))
    } finally {
      await network.close()
    }
    expect(told).toEqual([2, 1, 0, 0])
  })
})

/** A port that nothing listens on (a server opened and closed again). */
async function closedPort(): Promise<AddressInfo> {
  const probe = http.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return address
}

describe('the GitHub client on the same network', () => {
  it('refuses an answer larger than the cap, and reports it', async () => {
    handle = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ padding: 'x'.repeat(5 * 1024 * 1024) }))
    }
    const { network, exchanges } = recordingNetwork()
    try {
      const github = createGitHubClient({ token: 'ghp_x', baseUrl, network, timeoutMs: 5_000 })
      const error: unknown = await github.request('GET /big').catch((caught: unknown) => caught)
      expect((error as { cause?: unknown }).cause).toBeInstanceOf(BodyTooLargeError)
    } finally {
      await network.close()
    }
    expect(withoutTimes(exchanges)).toEqual([
      {
        method: 'GET',
        path: '/big',
        status: 200,
        failure: `more than ${4 * 1024 * 1024} bytes`,
      },
    ])
  })

  it('hands a redirect to Octokit as the answer, never following it', async () => {
    const paths: string[] = []
    handle = (request, response) => {
      paths.push(request.url ?? '')
      response.writeHead(302, { location: `${baseUrl}/login` }).end()
    }
    const { network } = recordingNetwork()
    try {
      const github = createGitHubClient({ token: 'ghp_x', baseUrl, network, timeoutMs: 5_000 })
      const answer = await github.request('GET /moved')
      expect(answer.status).toBe(302)
      expect(answer.headers.location).toBe(`${baseUrl}/login`)
      expect(answer.url).toBe(`${baseUrl}/moved`)
    } finally {
      await network.close()
    }
    expect(paths).toEqual(['/moved'])
  })
})
