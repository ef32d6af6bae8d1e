/**
 * The bundled action on a self-hosted runner behind a proxy (../shared/FACTS.md, "The runner": both
 * HTTP clients must honour HTTPS_PROXY). Both emulators serve HTTPS under hostnames that do not
 * resolve, so a request that bypasses the proxy cannot reach them at all, with certificates of a
 * throwaway CA that only NODE_EXTRA_CA_CERTS makes trusted: a run that succeeds went through the
 * proxy and verified the certificates it was shown.
 */
import type { ActionRun } from '../../emulators/actions-runner.js'
import type { TlsIdentity } from '../../emulators/http-server.js'
import { ConnectProxy, type ProxyTarget } from '../../emulators/proxy.js'
import { createTestCertificates, type TestCertificates } from '../../emulators/tls.js'
import { REPOSITORY, startScenario, type Scenario } from '../support/scenario.js'

const AUTH_HOST = 'auth.emulator.test'
const API_HOST = 'api.emulator.test'
/** Routed to the GitHub emulator too, but not a name its certificate is for. */
const UNLISTED_HOST = 'github.emulator.test'
const PROXY_USER = 'runner'
// Reserved characters, percent-encoded in HTTPS_PROXY: the proxy must receive them decoded.
const PROXY_PASSWORD = 'p@ss:w/rd'
const PROXY_CREDENTIALS = `${PROXY_USER}:${PROXY_PASSWORD}`
const PUBLIC_KEY_PATH = `/repos/${REPOSITORY}/actions/secrets/public-key`

let trusted: TestCertificates
/** From another CA, which no run is told to trust; valid for the token endpoint's name. */
let untrusted: TestCertificates
beforeAll(async () => {
  ;[trusted, untrusted] = await Promise.all([
    createTestCertificates([AUTH_HOST, API_HOST]),
    createTestCertificates([AUTH_HOST]),
  ])
})
afterAll(async () => {
  await Promise.all([trusted.cleanup(), untrusted.cleanup()])
})

interface World extends Scenario {
  proxy: ConnectProxy
  /** Runs the action against the emulators' host names, through the proxy. */
  runBehindProxy(options: RunOptions): Promise<ActionRun>
}

interface RunOptions {
  /** The CA file given as NODE_EXTRA_CA_CERTS; none means Node's own roots only. */
  trust: string | undefined
  /** The password in the HTTPS_PROXY URL (percent-encoded there); '' for a token-only URL. */
  proxyPassword?: string
  proxyUser?: string
  apiHost?: string
}

let world: World | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

interface WorldOptions {
  atlassian: TlsIdentity
  github: TlsIdentity
  /** The proxy refuses tunnels to the token endpoint (502), as a proxy with an allowlist might. */
  proxyBlocksTokenEndpoint?: boolean
}

async function startWorld(options: WorldOptions): Promise<World> {
  const scenario = await startScenario({
    tls: { atlassian: options.atlassian, github: options.github },
  })
  const { atlassian, github } = scenario
  const proxy = await new ConnectProxy(
    {
      ...(options.proxyBlocksTokenEndpoint
        ? {}
        : { [`${AUTH_HOST}:443`]: loopback(atlassian.tokenUrl) }),
      [`${API_HOST}:443`]: loopback(github.apiUrl),
      [`${UNLISTED_HOST}:443`]: loopback(github.apiUrl),
    },
    { credentials: { username: PROXY_USER, password: PROXY_PASSWORD } },
  ).start()

  return {
    ...scenario,
    proxy,
    runBehindProxy: ({
      trust,
      proxyUser = PROXY_USER,
      proxyPassword = PROXY_PASSWORD,
      apiHost = API_HOST,
    }) => {
      const proxyUrl = new URL(proxy.url)
      proxyUrl.username = proxyUser
      proxyUrl.password = encodeURIComponent(proxyPassword)
      const apiUrl = `https://${apiHost}`
      return scenario.run({
        inputs: { 'token-url': `https://${AUTH_HOST}/oauth/token`, 'github-api-url': apiUrl },
        apiUrl,
        env: {
          HTTPS_PROXY: proxyUrl.href,
          // As runners set it: exemptions that must not cover the endpoints.
          NO_PROXY: 'localhost,127.0.0.1,.internal.example',
          ...(trust === undefined ? {} : { NODE_EXTRA_CA_CERTS: trust }),
        },
      })
    },
    close: async () => {
      await Promise.all([proxy.close(), scenario.close()])
    },
  }
}

function loopback(url: string): ProxyTarget {
  const { hostname, port } = new URL(url)
  return { host: hostname, port: Number(port) }
}

describe('behind a proxy (HTTPS_PROXY)', () => {
  it('rotates with both clients tunnelling through the proxy, sending the credentials from its URL', async () => {
    world = await startWorld({ atlassian: trusted, github: trusted })
    const oldToken = world.storedToken()

    const run = await world.runBehindProxy({ trust: trusted.caFile })

    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    const newToken = world.storedToken()
    expect(newToken).not.toBe(oldToken)
    expect(world.atlassian.authority.status(newToken ?? '')).toBe('newest')
    expect(run.outputs['secret-updated']).toBe('true')
    // GitHub first (the key), then the token endpoint: each through its own tunnel.
    expect([...new Set(world.proxy.connects)]).toEqual([`${API_HOST}:443`, `${AUTH_HOST}:443`])
    for (const tunnel of world.proxy.log) {
      expect(tunnel).toMatchObject({ credentials: PROXY_CREDENTIALS, status: 200 })
    }
    // Addressed by name, not by the loopback address the tunnel happens to end at.
    expect(world.atlassian.requests.map((r) => r.headers['host'])).toEqual([AUTH_HOST])
    expect(new Set(world.github.requests.map((r) => r.headers['host']))).toEqual(
      new Set([API_HOST]),
    )
  })

  it('sends a token-only proxy user (http://TOKEN@proxy) as Basic TOKEN:, as curl does', async () => {
    world = await startWorld({ atlassian: trusted, github: trusted })

    const run = await world.runBehindProxy({
      trust: trusted.caFile,
      proxyUser: 'proxy-token-123',
      proxyPassword: '',
    })

    // This proxy wants runner:…, so it refuses; what matters is what it was sent.
    expect(run.exitCode).toBe(1)
    expect(world.proxy.log[0]).toMatchObject({ credentials: 'proxy-token-123:', status: 407 })
  })

  it('stops before the refresh token is spent when the proxy refuses its credentials (407)', async () => {
    world = await startWorld({ atlassian: trusted, github: trusted })
    const token = world.storedToken()

    const run = await world.runBehindProxy({ trust: trusted.caFile, proxyPassword: 'expired' })

    expect(run.exitCode).toBe(1)
    expect(world.proxy.log.length).toBeGreaterThan(0)
    for (const tunnel of world.proxy.log) {
      expect(tunnel).toEqual({
        target: `${API_HOST}:443`,
        credentials: `${PROXY_USER}:expired`,
        status: 407,
      })
    }
    expect(world.github.requests).toEqual([])
    expect(world.atlassian.requests).toEqual([])
    expect(world.storedToken()).toBe(token)
    const error = run.errors.join('\n')
    expect(error).toContain(
      `GitHub's API did not answer (the proxy refused the connection with HTTP 407: check the credentials in HTTPS_PROXY)`,
    )
    expect(error).toContain('proxy settings: HTTPS_PROXY / NO_PROXY')
    expect(error).toContain('still works: this run did not replace it')
  })

  it('stops without spending the token when the proxy refuses the token endpoint, never going around it', async () => {
    world = await startWorld({
      atlassian: trusted,
      github: trusted,
      proxyBlocksTokenEndpoint: true,
    })
    const token = world.storedToken()

    const run = await world.runBehindProxy({ trust: trusted.caFile })

    expect(run.exitCode).toBe(1)
    expect(new Set(world.proxy.log.map(({ target, status }) => `${target} ${status}`))).toEqual(
      new Set([`${API_HOST}:443 200`, `${AUTH_HOST}:443 502`]),
    )
    expect(world.atlassian.requests).toEqual([])
    expect(world.storedToken()).toBe(token)
    expect(world.atlassian.authority.status(token ?? '')).toBe('newest')
    const error = run.errors.join('\n')
    expect(error).toContain(
      `The request to the token endpoint https://${AUTH_HOST} failed (the proxy refused the connection with HTTP 502: check that the proxy allows this host, or list the host in NO_PROXY)`,
    )
    // Nothing reached Atlassian: no "re-run within the leeway" alarm for a token that was not sent.
    expect(error).toContain('still works: this run did not replace it')
  })
})

describe('TLS certificate verification', () => {
  it('refuses the GitHub API when its certificate comes from a CA the runner does not trust', async () => {
    world = await startWorld({ atlassian: trusted, github: trusted })
    const token = world.storedToken()

    const run = await world.runBehindProxy({ trust: undefined })

    expect(run.exitCode).toBe(1)
    // The tunnel was opened, so it is the certificate that stopped the run, not the network.
    expect(new Set(world.proxy.connects)).toEqual(new Set([`${API_HOST}:443`]))
    expect(world.github.requests).toEqual([])
    expect(world.atlassian.requests).toEqual([])
    expect(world.storedToken()).toBe(token)
    expect(world.atlassian.authority.status(token ?? '')).toBe('newest')
    const error = run.errors.join('\n')
    expect(error).toContain(
      `GitHub's API did not answer (UNABLE_TO_VERIFY_LEAF_SIGNATURE: the server's TLS certificate did not verify. Behind a proxy that inspects TLS, give Node the proxy's CA with NODE_EXTRA_CA_CERTS)`,
    )
    expect(error).toContain('still works: this run did not replace it')
  })

  it('refuses a certificate from a trusted CA that is not for the host asked for', async () => {
    world = await startWorld({ atlassian: trusted, github: trusted })

    const run = await world.runBehindProxy({ trust: trusted.caFile, apiHost: UNLISTED_HOST })

    expect(run.exitCode).toBe(1)
    expect(new Set(world.proxy.connects)).toEqual(new Set([`${UNLISTED_HOST}:443`]))
    expect(world.github.requests).toEqual([])
    expect(world.atlassian.requests).toEqual([])
    const error = run.errors.join('\n')
    expect(error).toContain(
      `GitHub's API did not answer (ERR_TLS_CERT_ALTNAME_INVALID: the server's TLS certificate did not verify.`,
    )
    expect(error).toContain('still works: this run did not replace it')
  })

  it('never sends the refresh grant to a token endpoint whose certificate is untrusted', async () => {
    world = await startWorld({ atlassian: untrusted, github: trusted })
    const token = world.storedToken()

    const run = await world.runBehindProxy({ trust: trusted.caFile })

    expect(run.exitCode).toBe(1)
    // GitHub checked out; the token endpoint was reached through the proxy and refused at TLS.
    expect(world.github.requests.map((r) => `${r.method} ${r.path}`)).toContain(
      `GET ${PUBLIC_KEY_PATH}`,
    )
    expect([...new Set(world.proxy.connects)]).toEqual([`${API_HOST}:443`, `${AUTH_HOST}:443`])
    expect(world.atlassian.requests).toEqual([])
    expect(world.storedToken()).toBe(token)
    expect(world.atlassian.authority.status(token ?? '')).toBe('newest')
    const error = run.errors.join('\n')
    expect(error).toContain(
      `The request to the token endpoint https://${AUTH_HOST} failed (UNABLE_TO_VERIFY_LEAF_SIGNATURE: the server's TLS certificate did not verify.`,
    )
    expect(error).toContain('still works: this run did not replace it')
  })
})
