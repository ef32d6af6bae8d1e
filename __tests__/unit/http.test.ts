/**
 * Which requests go through the proxy: the runner's rules (HTTPS_PROXY / https_proxy, NO_PROXY,
 * loopback always direct), as @actions/http-client applies them. The end-to-end tests
 * (../e2e/network.test.ts) show that both clients go through the proxy `proxyFor` names.
 */
import { proxyFor } from '../../src/common/http.js'

const PROXY_VARIABLES = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
]
const PROXY = 'http://proxy.corp.example:3128'
const GITHUB = new URL('https://api.github.com')
const ATLASSIAN = new URL('https://auth.atlassian.com/oauth/token')

// The machine running the tests may itself sit behind a proxy: start each case from none.
let saved: Record<string, string | undefined>
beforeEach(() => {
  saved = Object.fromEntries(PROXY_VARIABLES.map((name) => [name, process.env[name]]))
  for (const name of PROXY_VARIABLES) Reflect.deleteProperty(process.env, name)
})
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) Reflect.deleteProperty(process.env, name)
    else process.env[name] = value
  }
})

function viaProxy(url: URL): boolean {
  return proxyFor(url) !== undefined
}

describe('proxyFor', () => {
  it('connects directly when no proxy is set', () => {
    expect(viaProxy(GITHUB)).toBe(false)
    expect(viaProxy(ATLASSIAN)).toBe(false)
  })

  it('sends both endpoints through HTTPS_PROXY', () => {
    process.env['HTTPS_PROXY'] = PROXY
    expect(viaProxy(GITHUB)).toBe(true)
    expect(viaProxy(ATLASSIAN)).toBe(true)
  })

  it('honours the lowercase https_proxy', () => {
    process.env['https_proxy'] = PROXY
    expect(viaProxy(GITHUB)).toBe(true)
  })

  it.each(['api.github.com', '.github.com', 'github.com', 'localhost, API.GITHUB.COM:443'])(
    'exempts api.github.com, and only it, when NO_PROXY is "%s"',
    (noProxy) => {
      process.env['HTTPS_PROXY'] = PROXY
      process.env['NO_PROXY'] = noProxy
      expect(viaProxy(GITHUB)).toBe(false)
      expect(viaProxy(ATLASSIAN)).toBe(true)
    },
  )

  it('honours the lowercase no_proxy', () => {
    process.env['HTTPS_PROXY'] = PROXY
    process.env['no_proxy'] = 'auth.atlassian.com'
    expect(viaProxy(ATLASSIAN)).toBe(false)
    expect(viaProxy(GITHUB)).toBe(true)
  })

  it('keeps using the proxy for hosts NO_PROXY does not name', () => {
    process.env['HTTPS_PROXY'] = PROXY
    process.env['NO_PROXY'] = 'localhost,127.0.0.1,.internal.example,hub.com'
    expect(viaProxy(GITHUB)).toBe(true)
    expect(viaProxy(ATLASSIAN)).toBe(true)
  })

  it.each(['https://127.0.0.1:8443/oauth/token', 'https://localhost:8443', 'http://[::1]:8080'])(
    'always connects directly to the loopback address %s',
    (url) => {
      process.env['HTTPS_PROXY'] = PROXY
      process.env['HTTP_PROXY'] = PROXY
      expect(viaProxy(new URL(url))).toBe(false)
    },
  )
})
