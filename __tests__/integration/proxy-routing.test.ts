/**
 * Which requests go through the proxy: the runner's rules (HTTPS_PROXY / https_proxy, NO_PROXY
 * with subdomains, loopback always direct), read from the environment the run is given, as the
 * run's undici dispatcher applies them. Each request goes to a host that does not resolve, so it
 * reaches nothing unless a real CONNECT proxy on loopback tunnels it: the proxy's log says which
 * requests went through it. (../e2e/network.test.ts runs whole rotations through the proxy.)
 */
import { fetch } from 'undici'
import { ConnectProxy } from '../../emulators/proxy.js'
import { proxyOptions, runDispatcher, type Env } from '../../src/common/dispatcher.js'

let proxy: ConnectProxy
beforeAll(async () => {
  // No routes: every CONNECT is logged and refused, which is all these tests need to know.
  proxy = await new ConnectProxy({}).start()
})
afterAll(async () => {
  await proxy.close()
})

/** The `host:port` targets the proxy was asked for while `urls` were fetched with `env`. */
async function throughProxy(env: Env, urls: string[]): Promise<string[]> {
  const before = proxy.connects.length
  const dispatcher = runDispatcher(env)
  try {
    for (const url of urls) {
      await fetch(url, { dispatcher, signal: AbortSignal.timeout(5_000) }).catch(() => undefined)
    }
  } finally {
    await dispatcher.destroy()
  }
  return proxy.connects.slice(before)
}

const GITHUB = 'https://api.github.invalid/user'
const ATLASSIAN = 'https://auth.atlassian.invalid/oauth/token'

it('connects directly when no proxy is named', async () => {
  expect(await throughProxy({}, [GITHUB, ATLASSIAN])).toEqual([])
})

it.each(['HTTPS_PROXY', 'https_proxy'])('sends both endpoints through %s', async (name) => {
  expect(await throughProxy({ [name]: proxy.url }, [GITHUB, ATLASSIAN])).toEqual([
    'api.github.invalid:443',
    'auth.atlassian.invalid:443',
  ])
})

it.each([
  'api.github.invalid',
  '.github.invalid',
  'github.invalid',
  'localhost, API.GITHUB.INVALID:443',
])('exempts api.github.invalid, and only it, when NO_PROXY is "%s"', async (noProxy) => {
  expect(
    await throughProxy({ HTTPS_PROXY: proxy.url, NO_PROXY: noProxy }, [GITHUB, ATLASSIAN]),
  ).toEqual(['auth.atlassian.invalid:443'])
})

it('honours the lowercase no_proxy, and keeps the proxy for hosts it does not name', async () => {
  expect(
    await throughProxy({ HTTPS_PROXY: proxy.url, no_proxy: 'auth.atlassian.invalid,hub.invalid' }, [
      GITHUB,
      ATLASSIAN,
    ]),
  ).toEqual(['api.github.invalid:443'])
})

it('never sends plain http through a proxy, not even with HTTP_PROXY set', async () => {
  expect(
    await throughProxy({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url }, [
      'http://127.0.0.2:9/oauth/token',
      'http://plain.invalid/oauth/token',
    ]),
  ).toEqual([])
})

it.each(['https://127.0.0.1:9/oauth/token', 'https://localhost:9', 'https://[::1]:9'])(
  'connects directly to the loopback address %s',
  async (url) => {
    expect(await throughProxy({ HTTPS_PROXY: proxy.url }, [url])).toEqual([])
  },
)

it("ignores the process's own proxy variables", async () => {
  const saved = process.env['HTTPS_PROXY']
  process.env['HTTPS_PROXY'] = proxy.url
  try {
    expect(await throughProxy({}, [GITHUB])).toEqual([])
  } finally {
    if (saved === undefined) Reflect.deleteProperty(process.env, 'HTTPS_PROXY')
    else process.env['HTTPS_PROXY'] = saved
  }
})

it('reads a proxy named without a scheme as a plain-http proxy, and a token alone as Basic TOKEN:', async () => {
  const bare = proxy.url.replace('http://', '')
  expect(proxyOptions({ HTTPS_PROXY: bare })?.httpsProxy).toBe(proxy.url)
  expect(await throughProxy({ HTTPS_PROXY: bare }, [GITHUB])).toEqual(['api.github.invalid:443'])
  await throughProxy({ HTTPS_PROXY: proxy.url.replace('http://', 'http://s3cr3t@') }, [GITHUB])
  expect(proxy.log.at(-1)?.credentials).toBe('s3cr3t:')
})
