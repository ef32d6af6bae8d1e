import { isLoopbackHost, PLAIN_HTTP_RULE } from '../../src/common/endpoint-url.js'
import { actionWording, word, type Setting } from '../../src/common/settings.js'
import { readSettings, type SettingsResult } from '../../src/rotation/request.js'

const VALID: Record<string, string> = {
  'client-id': 'client-id-123',
  'client-secret': 'client-secret-456',
  'refresh-token': 'eyJhbGciOi.refresh.token',
  'secret-name': 'ATLASSIAN_REFRESH_TOKEN',
  'github-token': 'github_pat_abc',
  repository: 'octo-org/confluence-sync',
  'token-url': 'https://auth.atlassian.com/oauth/token',
  'github-api-url': 'https://api.github.com',
}

function read(
  overrides: Record<string, string> = {},
  env: Record<string, string> = {},
): SettingsResult {
  const values = { ...VALID, ...overrides }
  return readSettings((name: Setting) => values[name] ?? '', env)
}

function problemsOf(result: SettingsResult): Record<string, string> {
  if (result.ok) throw new Error('expected problems')
  return Object.fromEntries(result.problems.map((p) => [p.setting, word(p.message, actionWording)]))
}

describe('readSettings', () => {
  it('accepts a complete, valid set and normalises the URLs', () => {
    const result = read({ 'github-api-url': 'https://ghes.example.com/api/v3/' })
    expect(result).toMatchObject({
      ok: true,
      request: {
        clientId: 'client-id-123',
        secretName: 'ATLASSIAN_REFRESH_TOKEN',
        target: { kind: 'repository', repository: { owner: 'octo-org', repo: 'confluence-sync' } },
        githubApiUrl: 'https://ghes.example.com/api/v3',
      },
    })
    if (result.ok)
      expect(result.request.tokenUrl.href).toBe('https://auth.atlassian.com/oauth/token')
  })

  it('names every missing required input, all at once', () => {
    const problems = problemsOf(
      read({
        'client-id': '',
        'client-secret': '',
        'refresh-token': '',
        'secret-name': '',
        'github-token': '',
      }),
    )
    expect(Object.keys(problems).sort()).toEqual(
      ['client-id', 'client-secret', 'github-token', 'refresh-token', 'secret-name'].sort(),
    )
    expect(problems['github-token']).toContain('GITHUB_TOKEN cannot write secrets')
  })

  it.each(['client-secret', 'refresh-token', 'github-token', 'client-id'])(
    'refuses whitespace inside %s without repeating the value',
    (input) => {
      const problems = problemsOf(read({ [input]: 'first-line\nsecond-line' }))
      expect(problems[input]).toContain('whitespace')
      expect(problems[input]).not.toContain('first-line')
    },
  )

  it.each([
    ['1TOKEN', 'must not start with a digit'],
    ['MY-TOKEN', 'only letters, digits and underscores'],
    ['GITHUB_REFRESH', 'must not start with GITHUB_'],
    ['github_refresh', 'must not start with GITHUB_'],
  ])('refuses the secret name %s', (name, message) => {
    expect(problemsOf(read({ 'secret-name': name }))['secret-name']).toContain(message)
  })

  it.each(['_TOKEN', 'token_2', 'A'])('accepts the secret name %s', (name) => {
    expect(read({ 'secret-name': name }).ok).toBe(true)
  })

  it.each(['octo-org', 'octo-org/repo/extra', '/repo', 'owner/', 'own er/repo', 'owner/..'])(
    'refuses the repository %j',
    (repository) => {
      expect(problemsOf(read({ repository }))['repository']).toContain('"owner/name"')
    },
  )

  it('takes the repository and API URL from the runner when the inputs are empty', () => {
    const result = read(
      { repository: '', 'github-api-url': '' },
      { GITHUB_REPOSITORY: 'a/b', GITHUB_API_URL: 'https://ghes.example/api/v3' },
    )
    expect(result).toMatchObject({
      ok: true,
      request: {
        target: { kind: 'repository', repository: { owner: 'a', repo: 'b' } },
        githubApiUrl: 'https://ghes.example/api/v3',
      },
    })
  })

  it('defaults the endpoints to Atlassian and github.com', () => {
    const result = read({ 'token-url': '', 'github-api-url': '' })
    expect(result).toMatchObject({ ok: true, request: { githubApiUrl: 'https://api.github.com' } })
    if (result.ok)
      expect(result.request.tokenUrl.href).toBe('https://auth.atlassian.com/oauth/token')
  })

  it.each([
    ['token-url', 'http://auth.example.com/oauth/token', 'plain http'],
    ['github-api-url', 'http://10.0.0.5/api/v3', 'plain http'],
    ['token-url', 'ftp://auth.example.com/', 'must be an https URL'],
    ['token-url', 'not a url', 'is not a URL'],
    ['token-url', 'https://user:pass@auth.example.com/oauth/token', 'user name or password'],
  ])('refuses %s = %s', (input, value, message) => {
    expect(problemsOf(read({ [input]: value }))[input]).toContain(message)
  })

  it.each([
    'http://127.0.0.1:8080/oauth/token',
    'http://localhost/x',
    'http://[::1]:9/x',
    'http://127.9.9.9/x',
  ])('allows plain http to the loopback host of %s', (url) => {
    expect(read({ 'token-url': url }).ok).toBe(true)
  })
})

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.1', true],
    ['[::1]', true],
    ['::1', true],
    ['[0:0:0:0:0:0:0:1]', true],
    ['0::1', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['[::ffff:127.0.0.1]', false],
    ['localhost.', false],
    ['128.0.0.1', false],
    ['127.example.com', false],
    ['localhost.example.com', false],
    ['[::2]', false],
    ['0.0.0.0', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})

describe('readInputs: targets and options', () => {
  it('reads an environment target of the repository', () => {
    expect(read({ environment: 'production eu' })).toMatchObject({
      ok: true,
      request: {
        target: {
          kind: 'environment',
          environment: 'production eu',
          repository: { owner: 'octo-org' },
        },
      },
    })
  })

  it('reads an organization target, leaving an unset visibility open', () => {
    expect(read({ organization: 'octo-org' })).toMatchObject({
      ok: true,
      request: {
        target: {
          kind: 'organization',
          organization: 'octo-org',
          visibility: undefined,
          selectedRepositories: [],
        },
      },
    })
  })

  it('splits selected repositories on commas and new lines', () => {
    expect(
      read({
        organization: 'octo-org',
        visibility: 'selected',
        'selected-repositories': 'sync-a, sync-b\nsync-c\n',
      }),
    ).toMatchObject({
      ok: true,
      request: { target: { selectedRepositories: ['sync-a', 'sync-b', 'sync-c'] } },
    })
  })

  it.each([
    [{ organization: 'octo-org', environment: 'prod' }, 'environment', 'two different targets'],
    [{ visibility: 'all' }, 'visibility', 'applies only to an organization secret'],
    [
      { 'selected-repositories': 'a' },
      'selected-repositories',
      'applies only to an organization secret',
    ],
    [
      { organization: 'octo-org', visibility: 'selected' },
      'selected-repositories',
      'must name the repositories',
    ],
    [
      { organization: 'octo-org', 'selected-repositories': 'a' },
      'selected-repositories',
      'applies only with "visibility" set to "selected"',
    ],
    [
      { organization: 'octo-org', visibility: 'public' },
      'visibility',
      '"all", "private" or "selected"',
    ],
    [
      { organization: 'octo-org', visibility: 'selected', 'selected-repositories': 'octo-org/a' },
      'selected-repositories',
      'without "octo-org/"',
    ],
    [
      { 'access-token-secret-name': 'atlassian_refresh_token' },
      'access-token-secret-name',
      'another secret',
    ],
    [{ 'access-token-secret-name': 'GITHUB_ACCESS' }, 'access-token-secret-name', 'GITHUB_'],
    [{ 'site-url': 'http://example.atlassian.net' }, 'site-url', 'https'],
    [{ 'consented-at': '31/01/2026' }, 'consented-at', 'ISO 8601'],
    [{ 'consented-at': '2026-01-31T09:00' }, 'consented-at', 'ISO 8601'],
    [{ 'dry-run': 'yes' }, 'dry-run', '"true" or "false"'],
    [{ 'retry-budget-seconds': '900' }, 'retry-budget-seconds', 'from 1 to 480'],
    [{ 'atlassian-api-url': 'http://api.example.com' }, 'atlassian-api-url', 'plain http'],
  ])('refuses %j in %s', (overrides, input, message) => {
    expect(problemsOf(read(overrides))[input]).toContain(message)
  })

  it('reads the options', () => {
    const result = read({
      'access-token-secret-name': 'ATLASSIAN_ACCESS_TOKEN',
      'site-url': 'example.atlassian.net/wiki/home',
      'consented-at': '2026-01-31',
      'dry-run': 'TRUE',
      'retry-budget-seconds': '30',
    })
    expect(result).toMatchObject({
      ok: true,
      request: {
        accessTokenSecretName: 'ATLASSIAN_ACCESS_TOKEN',
        consentedAt: new Date('2026-01-31T00:00:00Z'),
        dryRun: true,
        retryBudgetMs: 30_000,
        atlassianApiUrl: 'https://api.atlassian.com',
      },
    })
    if (result.ok) expect(result.request.siteUrl?.href).toBe('https://example.atlassian.net/')
  })
})

describe('readInputs: bounded values', () => {
  const url = (length: number): string => `https://auth.example.com/${'a'.repeat(length - 25)}`
  const SECRETS = new Set(['client-secret', 'refresh-token', 'github-token', 'workflow-token'])

  // [input, the longest accepted value, the shortest refused one, what the message says]
  it.each([
    ['client-id', 'c'.repeat(256), 'c'.repeat(257), 'at most 256'],
    ['client-secret', 's'.repeat(1024), 's'.repeat(1025), 'at most 1024'],
    ['refresh-token', 'r'.repeat(35_952), 'r'.repeat(35_953), 'at most 35952'],
    ['refresh-token', 'ü'.repeat(17_976), 'ü'.repeat(17_977), 'is 35954 bytes long'],
    ['github-token', 'g'.repeat(4096), 'g'.repeat(4097), 'at most 4096'],
    ['workflow-token', 'w'.repeat(4096), 'w'.repeat(4097), 'at most 4096'],
    ['secret-name', 'N'.repeat(255), 'N'.repeat(256), 'at most 255'],
    ['access-token-secret-name', 'A'.repeat(255), 'A'.repeat(256), 'at most 255'],
    ['token-url', url(2048), url(2049), 'at most 2048'],
    ['github-api-url', url(2048), url(2049), 'at most 2048'],
    ['atlassian-api-url', url(2048), url(2049), 'at most 2048'],
    ['site-url', url(2048), url(2049), 'at most 2048'],
    ['environment', 'e'.repeat(255), 'e'.repeat(256), 'at most 255'],
    ['organization', 'o'.repeat(39), 'o'.repeat(40), 'up to 39'],
    ['repository', `${'o'.repeat(39)}/${'r'.repeat(100)}`, `o/${'r'.repeat(101)}`, '"owner/name"'],
    [
      'consented-at',
      `2026-01-31T09:00:00.${'1'.repeat(43)}Z`,
      `2026-01-31T09:00:00.${'1'.repeat(44)}Z`,
      'ISO 8601',
    ],
    ['retry-budget-seconds', '0000000120', '00000000120', 'from 1 to 480'],
  ])(
    '%s: accepts the longest real value, refuses a longer one',
    (input, longest, tooLong, message) => {
      expect(read({ [input]: longest }).ok).toBe(true)
      const problems = problemsOf(read({ [input]: tooLong }))
      expect(Object.keys(problems)).toEqual([input])
      expect(problems[input]).toContain(message)
      // One problem per input, and never more than a 40-character glimpse of the value.
      if (tooLong.length > 40) expect(problems[input]).not.toContain(tooLong.slice(0, 41))
      if (SECRETS.has(input)) expect(problems[input]).not.toContain(tooLong.slice(0, 8))
    },
  )

  it('reports an over-long secret once, without its whitespace or any of its characters', () => {
    const problems = problemsOf(read({ 'client-secret': `top secret\n${'x'.repeat(2000)}` }))
    expect(problems['client-secret']).toContain('more than any OAuth client secret')
    expect(problems['client-secret']).not.toContain('top secret')
  })

  it('refuses more than 100 selected repositories, and "." or ".." among them', () => {
    const names = (count: number): string =>
      Array.from({ length: count }, (_, i) => `r${i}`).join(',')
    const selected = (list: string): SettingsResult =>
      read({ organization: 'octo-org', visibility: 'selected', 'selected-repositories': list })
    expect(selected(names(100)).ok).toBe(true)
    expect(problemsOf(selected(names(101)))['selected-repositories']).toContain(
      'names 101 repositories; at most 100',
    )
    expect(problemsOf(selected('a, ..'))['selected-repositories']).toContain('".." is not one')
    expect(problemsOf(selected(`a, ${'r'.repeat(101)}`))['selected-repositories']).toContain(
      `"${'r'.repeat(40)}"… is not one`,
    )
  })

  it.each(['.', '..', 'lone \ud800', 'tab\there'])(
    'refuses the environment name %j',
    (environment) => {
      expect(problemsOf(read({ environment }))['environment']).toContain("environment's name")
    },
  )

  it('escapes what it echoes, so no line break or terminal escape reaches the log', () => {
    const problems = problemsOf(
      read({ 'dry-run': 'yes\n::error::forged', organization: 'octo\u001b[2Jorg', repository: '' }),
    )
    for (const message of Object.values(problems)) {
      expect(message).not.toMatch(/\p{Cc}/u)
    }
    expect(problems['dry-run']).toContain('"yes\\n::error::forged"')
    expect(problems['organization']).toContain('"octo\\u001b[2Jorg"')
  })
})

describe('the loopback rule, one wording for every endpoint', () => {
  it.each(['token-url', 'github-api-url', 'atlassian-api-url', 'site-url'])(
    '%s states it when it refuses plain http',
    (input) => {
      expect(problemsOf(read({ [input]: 'http://example.com/x' }))[input]).toContain(
        PLAIN_HTTP_RULE,
      )
    },
  )

  it.each(['http://127.0.0.2/x', 'http://[0:0:0:0:0:0:0:1]:1/x', 'http://LocalHost:1/x'])(
    'accepts plain http to the loopback host of %s, for site-url too',
    (value) => {
      expect(read({ 'token-url': value, 'site-url': value }).ok).toBe(true)
    },
  )

  it('accepts no other scheme for a loopback site', () => {
    expect(problemsOf(read({ 'site-url': 'ftp://127.0.0.1/' }))['site-url']).toContain('https')
  })
})
