import {
  consentUrl,
  newState,
  readAuthorizationResponse,
  withOfflineAccess,
} from '../../src/atlassian/authorization.js'
import { ActionError } from '../../src/common/errors.js'

const AUTHORIZE = new URL('https://auth.atlassian.com/authorize')
const STATE = 'q3Vb9x_state-of-this-run'
const CALLBACK = 'https://example.atlassian.net/wiki/'

function failure(address: string, state = STATE): ActionError {
  try {
    readAuthorizationResponse(address, state)
  } catch (error) {
    if (error instanceof ActionError) return error
    throw error
  }
  throw new Error('expected readAuthorizationResponse to refuse')
}

describe('withOfflineAccess', () => {
  it('adds offline_access once, when it is missing', () => {
    expect(withOfflineAccess('read:confluence-content.all')).toBe(
      'read:confluence-content.all offline_access',
    )
    expect(withOfflineAccess('offline_access read:confluence-content.all')).toBe(
      'offline_access read:confluence-content.all',
    )
    expect(withOfflineAccess('read:a offline_access offline_access')).toBe('read:a offline_access')
  })

  it('accepts spaces, commas and repeated separators, and drops duplicates', () => {
    expect(withOfflineAccess(' read:a,read:b  read:a\n')).toBe('read:a read:b offline_access')
  })
})

describe('consentUrl', () => {
  it('carries every parameter Atlassian documents, in its order, with spaces as %20', () => {
    const url = consentUrl({
      authorizeUrl: AUTHORIZE,
      clientId: 'client-1',
      scope: 'read:confluence-content.all search:confluence',
      redirectUri: 'http://localhost:8765/callback',
      state: STATE,
    })
    expect(url.href).toBe(
      'https://auth.atlassian.com/authorize?audience=api.atlassian.com&client_id=client-1' +
        '&scope=read%3Aconfluence-content.all%20search%3Aconfluence%20offline_access' +
        '&redirect_uri=http%3A%2F%2Flocalhost%3A8765%2Fcallback' +
        `&state=${STATE}&response_type=code&prompt=consent`,
    )
  })

  it('adds offline_access exactly once, whatever the scope given', () => {
    for (const scope of ['read:a', 'read:a offline_access', 'offline_access,read:a']) {
      const url = consentUrl({
        authorizeUrl: AUTHORIZE,
        clientId: 'c',
        scope,
        redirectUri: CALLBACK,
        state: STATE,
      })
      const scopes = url.searchParams.get('scope')?.split(' ') ?? []
      expect(scopes.filter((s) => s === 'offline_access')).toHaveLength(1)
    }
  })

  it('replaces whatever query the consent page address had', () => {
    const url = consentUrl({
      authorizeUrl: new URL('http://127.0.0.1:9/authorize?client_id=other#x'),
      clientId: 'c',
      scope: 'read:a',
      redirectUri: CALLBACK,
      state: STATE,
    })
    expect(url.searchParams.getAll('client_id')).toEqual(['c'])
    expect(url.hash).toBe('')
  })
})

describe('newState', () => {
  it('is 256 random bits, URL-safe, different every time', () => {
    const states = new Set(Array.from({ length: 100 }, () => newState()))
    expect(states.size).toBe(100)
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })
})

describe('readAuthorizationResponse', () => {
  it('takes the code from the callback address', () => {
    expect(readAuthorizationResponse(`${CALLBACK}?code=abc.DEF-123&state=${STATE}`, STATE)).toBe(
      'abc.DEF-123',
    )
  })

  it('ignores a fragment after the query, surrounding spaces and quotes', () => {
    expect(
      readAuthorizationResponse(`  "${CALLBACK}?state=${STATE}&code=c0de#/spaces/home"\n`, STATE),
    ).toBe('c0de')
  })

  it('finds the parameters in a fragment, where a single-page site may have moved them', () => {
    expect(readAuthorizationResponse(`${CALLBACK}#code=c0de&state=${STATE}`, STATE)).toBe('c0de')
    expect(readAuthorizationResponse(`${CALLBACK}#/login?code=c0de&state=${STATE}`, STATE)).toBe(
      'c0de',
    )
  })

  it('accepts a bare query string', () => {
    expect(readAuthorizationResponse(`?code=c0de&state=${STATE}`, STATE)).toBe('c0de')
    expect(readAuthorizationResponse(`code=c0de&state=${STATE}`, STATE)).toBe('c0de')
  })

  it('refuses another state, and a missing one, without using the code', () => {
    const other = failure(`${CALLBACK}?code=c0de&state=${STATE}x`)
    expect(other.code).toBe('STATE_MISMATCH')
    expect(other.message).toContain('another "state"')
    expect(other.message).not.toContain('c0de')
    expect(failure(`${CALLBACK}?code=c0de`).code).toBe('STATE_MISMATCH')
    expect(failure(`${CALLBACK}?code=c0de`).message).toContain('no "state"')
    // A state that only starts like this run's is another state.
    expect(failure(`${CALLBACK}?code=c0de&state=${STATE.slice(0, -1)}`).code).toBe('STATE_MISMATCH')
  })

  it('reports a declined consent and other error answers', () => {
    const declined = failure(
      `${CALLBACK}?error=access_denied&error_description=User%20did%20not%20authorize&state=${STATE}`,
    )
    expect(declined.code).toBe('AUTHORIZATION_DENIED')
    expect(declined.message).toContain('declined')
    expect(declined.message).toContain('User did not authorize')
    const scope = failure(`${CALLBACK}?error=invalid_scope&state=${STATE}`)
    expect(scope.code).toBe('AUTHORIZATION_DENIED')
    expect(scope.nextStep).toContain('--scope')
  })

  it('refuses what is not an answer: no address, no code, a code twice, an empty code', () => {
    expect(failure('the code is 1234').code).toBe('AUTHORIZATION_RESPONSE_INVALID')
    expect(failure(CALLBACK).message).toContain('no "code"')
    expect(failure(`${CALLBACK}?code=a&code=b&state=${STATE}`).message).toContain('more than once')
    expect(failure(`${CALLBACK}?code=&state=${STATE}`).message).toContain('empty or malformed')
  })
})
