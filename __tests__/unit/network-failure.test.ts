/**
 * undici's failures, as fetch and Octokit hand them over, in the words the log has always used:
 * what each means for the token (could the request have reached the server?) and for retrying.
 */
import { RequestError } from '@octokit/request-error'
import { errors } from 'undici'
import { classifyNetworkFailure } from '../../src/common/network-failure.js'

/** What undici's fetch rejects with when the request failed below HTTP. */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause })
}

/** What Octokit makes of a rejected fetch. */
function viaOctokit(error: unknown): RequestError {
  const wrapped = new RequestError('request failed', 500, {
    request: { method: 'GET', url: 'https://api.github.com/x', headers: {} },
  })
  wrapped.cause = error
  return wrapped
}

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code })
}

describe('classifyNetworkFailure over undici', () => {
  it('calls a server that closed the connection before answering a reset, which may have been received', () => {
    const failure = classifyNetworkFailure(fetchFailed(new errors.SocketError('other side closed')))
    expect(failure).toMatchObject({
      code: 'ECONNRESET',
      description: 'the connection was reset: ECONNRESET',
      mayHaveReachedServer: true,
      permanent: false,
    })
  })

  it('calls a refused connection certainly not sent, under Octokit too', () => {
    const refused = fetchFailed(withCode('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'))
    for (const error of [refused, viaOctokit(refused)]) {
      expect(classifyNetworkFailure(error)).toMatchObject({
        code: 'ECONNREFUSED',
        description: 'connection refused: ECONNREFUSED',
        mayHaveReachedServer: false,
      })
    }
  })

  it('calls a connection undici gave up opening certainly not sent', () => {
    const failure = classifyNetworkFailure(fetchFailed(new errors.ConnectTimeoutError()))
    expect(failure).toMatchObject({
      code: 'CONNECT_TIMEOUT',
      description: 'no connection within the time limit: CONNECT_TIMEOUT',
      mayHaveReachedServer: false,
      permanent: false,
    })
  })

  it.each([
    ['the request’s own limit', new DOMException('The operation timed out.', 'TimeoutError')],
    ['undici’s header timeout', fetchFailed(new errors.HeadersTimeoutError())],
    ['undici’s body timeout', fetchFailed(new errors.BodyTimeoutError())],
  ])('calls %s no answer within the time limit, which may have been received', (_name, error) => {
    for (const shape of [error, viaOctokit(error)]) {
      expect(classifyNetworkFailure(shape)).toMatchObject({
        code: 'TIMEOUT',
        description: 'no answer within the time limit: TIMEOUT',
        mayHaveReachedServer: true,
      })
    }
  })

  it('calls an abort by the cancellation ABORT_ERR, as before', () => {
    const aborted = new DOMException('This operation was aborted', 'AbortError')
    expect(classifyNetworkFailure(aborted).code).toBe('ABORT_ERR')
  })

  it.each([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
  ])('calls the certificate failure %s permanent and not sent', (code) => {
    const failure = classifyNetworkFailure(viaOctokit(fetchFailed(withCode('bad cert', code))))
    expect(failure).toMatchObject({ code, mayHaveReachedServer: false, permanent: true })
    expect(failure.description).toContain("the server's TLS certificate did not verify")
  })

  it.each([
    [407, ': check the credentials in HTTPS_PROXY'],
    [403, ': check that the proxy allows this host, or list the host in NO_PROXY'],
    [502, ': check that the proxy allows this host, or list the host in NO_PROXY'],
  ])('calls a proxy refusing CONNECT with %d permanent and not sent', (status, advice) => {
    const failure = classifyNetworkFailure(
      viaOctokit(
        fetchFailed(
          new errors.RequestAbortedError(`Proxy response (${status}) !== 200 when HTTP Tunneling`),
        ),
      ),
    )
    expect(failure).toEqual({
      code: `PROXY_${status}`,
      description: `the proxy refused the connection with HTTP ${status}${advice}`,
      mayHaveReachedServer: false,
      permanent: true,
    })
  })
})
