/**
 * Endpoint addresses given as inputs or flags (token-url, github-api-url, atlassian-api-url,
 * site-url; the command line tool's --authorize-url and --callback): https, or plain http to this
 * machine only, so that a client secret, a token or an authorization code never crosses a network
 * in clear text. One rule, with one wording, for all of them.
 */
import { isIP } from 'node:net'
import { LIMITS, quoteValue, tooLong } from './input-limits.js'
import type { Problem } from './input-limits.js'
import { subject, text, type Setting } from './settings.js'

/** The loopback rule, as every message states it. */
export const PLAIN_HTTP_RULE =
  'plain http is accepted only for loopback hosts: localhost, 127.0.0.0/8 (such as 127.0.0.1) and [::1]'

/**
 * True for the hosts that never leave this machine: `localhost`, any IPv4 address in 127.0.0.0/8
 * (RFC 1122 §3.2.1.3) and the IPv6 loopback address ::1 (RFC 4291 §2.5.3) however it is written.
 * Takes a URL's `hostname` (IPv6 in brackets) or a bare address. A URL has already normalised
 * `127.1` to `127.0.0.1` and `[0:0:0:0:0:0:0:1]` to `[::1]`, and lower-cased the name.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.split('.')[0] === '127'
  // The URL parser writes every IPv6 address in its one canonical form (RFC 5952).
  if (isIP(host) === 6) return URL.parse(`http://[${host}]/`)?.hostname === '[::1]'
  return false
}

/**
 * An endpoint URL: https, or http to a loopback host; no user name or password (they would be
 * sent, and logged, with every request).
 */
export function parseEndpointUrl(input: Setting, given: string, problem: Problem): URL | undefined {
  const setting = subject(input)
  const overlong = tooLong(setting, given, LIMITS.url, false)
  if (overlong !== undefined) {
    problem(input, overlong)
    return undefined
  }
  let url: URL
  try {
    url = new URL(given)
  } catch {
    problem(
      input,
      text`${setting} is not a URL; expected e.g. "https://…"; got ${quoteValue(given)}.`,
    )
    return undefined
  }
  if (url.username !== '' || url.password !== '') {
    problem(input, text`${setting} must not contain a user name or password.`)
    return undefined
  }
  if (url.protocol === 'https:') return url
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url
  problem(
    input,
    url.protocol === 'http:'
      ? text`${setting} uses plain http to ${quoteValue(url.hostname)}: credentials would cross the network unencrypted. Use https (${PLAIN_HTTP_RULE}).`
      : text`${setting} must be an https URL; got the scheme ${quoteValue(url.protocol)}.`,
  )
  return undefined
}

/**
 * A site is named by its address, e.g. https://example.atlassian.net (the scheme may be left out):
 * only its origin counts.
 */
export function parseSiteUrl(input: Setting, given: string, problem: Problem): URL | undefined {
  const setting = subject(input)
  const overlong = tooLong(setting, given, LIMITS.url, false)
  if (overlong !== undefined) {
    problem(input, overlong)
    return undefined
  }
  const example = 'e.g. "https://example.atlassian.net"'
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `https://${given}`)
  } catch {
    problem(
      input,
      text`${setting} must be your site's address, ${example}; got ${quoteValue(given)}.`,
    )
    return undefined
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    problem(
      input,
      text`${setting} must be an https address, ${example} (${PLAIN_HTTP_RULE}); got ${quoteValue(given)}.`,
    )
    return undefined
  }
  return new URL(url.origin)
}
