/**
 * Which proxy a request goes through: the rules of the runner's own toolkit (@actions/http-client's
 * `getProxyUrl` and `checkBypass`), since self-hosted runners behind proxies set HTTPS_PROXY and
 * NO_PROXY for those rules (../shared/FACTS.md, "The runner"). undici's EnvHttpProxyAgent reads the
 * same variables with other rules: a bare NO_PROXY domain there exempts that host only, never its
 * subdomains, and loopback hosts are proxied unless listed. The variables come from the injected
 * environment, never from `process.env`, so that tests can give their own.
 */
import { isLoopbackHost } from './endpoint-url.js'

export type Env = Record<string, string | undefined>

/** The proxy for `url`, or undefined for a direct connection. */
export function proxyFor(url: URL, env: Env): URL | undefined {
  if (isExempt(url, env)) return undefined
  const named =
    url.protocol === 'https:'
      ? env['https_proxy'] || env['HTTPS_PROXY']
      : env['http_proxy'] || env['HTTP_PROXY']
  if (!named) return undefined
  // "proxy.example:3128", without a scheme, is a plain-http proxy (it would parse as a URL of the
  // scheme "proxy.example:").
  const parsed = URL.parse(named)
  if (parsed?.protocol === 'http:' || parsed?.protocol === 'https:') return parsed
  return URL.parse(`http://${named}`) ?? undefined
}

/** True when any proxy variable names a proxy: otherwise the run needs no proxy machinery. */
export function namesAProxy(env: Env): boolean {
  return ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => !!env[name])
}

/**
 * Loopback hosts never go through a proxy (a proxy cannot reach this machine's loopback); NO_PROXY
 * entries are host names, optionally with a port, that exempt the host and its subdomains; `*`
 * exempts everything. Case does not matter.
 */
function isExempt(url: URL, env: Env): boolean {
  if (url.hostname === '') return false
  if (isLoopbackHost(url.hostname)) return true
  const noProxy = env['no_proxy'] || env['NO_PROXY'] || ''
  const host = url.hostname.toUpperCase()
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  const hosts = [host, `${host}:${port}`]
  return noProxy
    .split(',')
    .map((entry) => entry.trim().toUpperCase())
    .filter((entry) => entry !== '')
    .some(
      (entry) =>
        entry === '*' ||
        hosts.some(
          (candidate) =>
            candidate === entry ||
            candidate.endsWith(`.${entry}`) ||
            (entry.startsWith('.') && candidate.endsWith(entry)),
        ),
    )
}
