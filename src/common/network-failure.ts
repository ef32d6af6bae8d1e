/**
 * What a failed connection means: for the token (did the request reach the server?), for retrying
 * (would another attempt fail the same way?) and for the person reading the log.
 *
 * The errors come from undici's fetch: a `TypeError: fetch failed` whose `cause` is the socket's,
 * TLS's or undici's own error (`UND_ERR_*`), possibly wrapped again by Octokit (a RequestError with
 * the fetch error as its cause); an abort rejects with the signal's reason itself (a TimeoutError,
 * or the cancellation's AbortError). Everything is read by duck typing.
 */

export interface NetworkFailure {
  /** The most specific code found: ECONNRESET, UNABLE_TO_VERIFY_LEAF_SIGNATURE, TIMEOUT, … */
  code: string
  /** For people: the code, and what it usually means when that helps. */
  description: string
  /** False when the request certainly never reached the server (nothing can have been spent). */
  mayHaveReachedServer: boolean
  /** True when another attempt would fail the same way. */
  permanent: boolean
}

// Failures before a single byte of the request reaches the server. Anything else (a reset, a
// timeout while waiting for the answer) may come after the server processed the request.
const CONNECT_FAILURES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'CONNECT_TIMEOUT',
])

/**
 * undici's codes, in the words Node's own http module used for the same event, so that messages
 * keep their wording: a server closing the connection before answering is a reset ("socket hang
 * up", ECONNRESET), and undici's own header and body timeouts are the request's time limit.
 */
const UNDICI_CODES: Record<string, string> = {
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CLOSED: 'ECONNRESET',
  UND_ERR_ABORTED: 'ABORT_ERR',
  UND_ERR_HEADERS_TIMEOUT: 'TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'TIMEOUT',
  // undici gives up connecting after 10 s: nothing can have been sent.
  UND_ERR_CONNECT_TIMEOUT: 'CONNECT_TIMEOUT',
}

/** TLS certificate verification failures (verification is never turned off). */
const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/

export function classifyNetworkFailure(error: unknown): NetworkFailure {
  const code = errorCode(error) ?? 'no answer'
  const proxyStatus = proxyRefusal(error)
  if (proxyStatus !== undefined) {
    return {
      code: `PROXY_${proxyStatus}`,
      description: `the proxy refused the connection with HTTP ${proxyStatus}${proxyStatus === '407' ? ': check the credentials in HTTPS_PROXY' : ': check that the proxy allows this host, or list the host in NO_PROXY'}`,
      mayHaveReachedServer: false,
      permanent: true,
    }
  }
  if (CERTIFICATE.test(code)) {
    return {
      code,
      description: `${code}: the server's TLS certificate did not verify. Behind a proxy that inspects TLS, give Node the proxy's CA with NODE_EXTRA_CA_CERTS`,
      mayHaveReachedServer: false,
      permanent: true,
    }
  }
  const meaning = MEANINGS[code]
  return {
    code,
    description: meaning ? `${meaning}: ${code}` : code,
    mayHaveReachedServer: !CONNECT_FAILURES.has(code),
    permanent: false,
  }
}

const MEANINGS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed for now',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection closed while sending',
  TIMEOUT: 'no answer within the time limit',
  CONNECT_TIMEOUT: 'no connection within the time limit',
}

/**
 * The most specific error code in an error's cause chain (undici wraps socket errors). Duck-typed:
 * errors raised inside Node's own realm (DOMException for timeouts) fail `instanceof Error` checks
 * made from another realm, such as a test VM.
 */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error
  let found: string | undefined
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const { code, name, cause } = current as { code?: unknown; name?: unknown; cause?: unknown }
    // A request aborted by its time limit (the signal's reason, a DOMException whose `code` is a
    // number).
    if (name === 'TimeoutError') return 'TIMEOUT'
    if (typeof code === 'string') found = code
    // Aborted by the run's cancellation: what Node's http module called ABORT_ERR.
    else if (name === 'AbortError') found ??= 'ABORT_ERR'
    current = cause
  }
  return found === undefined ? undefined : (UNDICI_CODES[found] ?? found)
}

/**
 * The status of a proxy's refused CONNECT, anywhere in the chain. undici's ProxyAgent gives it only
 * in its message (a RequestAbortedError, "Proxy response (407) !== 200 when HTTP Tunneling"), so
 * the message is read; __tests__/e2e/network.test.ts holds it to a real proxy's 407.
 */
function proxyRefusal(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
    const { message, cause } = current as { message?: unknown; cause?: unknown }
    const status =
      typeof message === 'string'
        ? /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/.exec(message)?.[1]
        : undefined
    if (status !== undefined) return status
    current = cause
  }
  return undefined
}
