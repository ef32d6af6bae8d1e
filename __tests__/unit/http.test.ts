/**
 * Which requests go through the proxy: the runner's rules (HTTPS_PROXY / https_proxy, NO_PROXY,
 * loopback always direct), as @actions/http-client applies them, read from the environment the run
 * is given. The end-to-end tests (../e2e/network.test.ts) show that both clients go through the
 * proxy `proxyFor` names.
 */
import { proxyFor, type Env } from '../../src/common/proxy-rules.js'

const PROXY = 'http://proxy.corp.example:3128'
const GITHUB = new URL('https://api.github.com')
const ATLASSIAN = new URL('https://auth.atlassian.com/oauth/token')

// Each case starts from no proxy variable at all, whatever the machine running the tests sets.
let env: Env
beforeEach(() => {
  env = {}
})

function viaProxy(url: URL): boolean {
  return proxyFor(url, env) !== undefined
}

describe('proxyFor', () => {
  it('connects directly when no proxy is set', () => {
    expect(viaProxy(GITHUB)).toBe(false)
    expect(viaProxy(ATLASSIAN)).toBe(false)
  })

  it('sends both endpoints through HTTPS_PROXY', () => {
    env['HTTPS_PROXY'] = PROXY
    expect(viaProxy(GITHUB)).toBe(true)
    expect(viaProxy(ATLASSIAN)).toBe(true)
  })

  it('honours the lowercase https_proxy', () => {
    env['https_proxy'] = PROXY
    expect(viaProxy(GITHUB)).toBe(true)
  })

  it.each(['api.github.com', '.github.com', 'github.com', 'localhost, API.GITHUB.COM:443'])(
    'exempts api.github.com, and only it, when NO_PROXY is "%s"',
    (noProxy) => {
      env['HTTPS_PROXY'] = PROXY
      env['NO_PROXY'] = noProxy
      expect(viaProxy(GITHUB)).toBe(false)
      expect(viaProxy(ATLASSIAN)).toBe(true)
    },
  )

  it('honours the lowercase no_proxy', () => {
    env['HTTPS_PROXY'] = PROXY
    env['no_proxy'] = 'auth.atlassian.com'
    expect(viaProxy(ATLASSIAN)).toBe(false)
    expect(viaProxy(GITHUB)).toBe(true)
  })

  it('keeps using the proxy for hosts NO_PROXY does not name', () => {
    env['HTTPS_PROXY'] = PROXY
    env['NO_PROXY'] = 'localhost,127.0.0.1,.internal.example,hub.com'
    expect(viaProxy(GITHUB)).toBe(true)
    expect(viaProxy(ATLASSIAN)).toBe(true)
  })

  it.each(['https://127.0.0.1:8443/oauth/token', 'https://localhost:8443', 'http://[::1]:8080'])(
    'always connects directly to the loopback address %s',
    (url) => {
      env['HTTPS_PROXY'] = PROXY
      env['HTTP_PROXY'] = PROXY
      expect(viaProxy(new URL(url))).toBe(false)
    },
  )
})

describe('proxyFor reads only the environment it is given', () => {
  const saved = process.env['HTTPS_PROXY']
  afterEach(() => {
    if (saved === undefined) Reflect.deleteProperty(process.env, 'HTTPS_PROXY')
    else process.env['HTTPS_PROXY'] = saved
  })

  it("ignores the process's own HTTPS_PROXY", () => {
    process.env['HTTPS_PROXY'] = PROXY
    expect(viaProxy(GITHUB)).toBe(false)
  })

  it('connects directly to any address of 127.0.0.0/8, as to every loopback host', () => {
    env['HTTPS_PROXY'] = PROXY
    env['HTTP_PROXY'] = PROXY
    expect(viaProxy(new URL('http://127.0.0.2:8080/oauth/token'))).toBe(false)
  })

  it('reads a proxy named without a scheme as a plain-http proxy', () => {
    env['HTTPS_PROXY'] = 'proxy.corp.example:3128'
    expect(proxyFor(GITHUB, env)?.href).toBe('http://proxy.corp.example:3128/')
  })
})
