/**
 * The recovery command's parts: quoting that every POSIX shell reads back literally (checked with
 * the real shells, non-interactive and interactive with history expansion), RFC 3986 path
 * segments, where `gh api` is pointed for each kind of API base, and the summary's <pre>, which
 * must render to the very same command.
 */
import fc from 'fast-check'
import { ActionError } from '../../src/common/errors.js'
import { actionWording, word } from '../../src/common/settings.js'
import { pathSegment, restPath } from '../../src/github/rest-path.js'
import { secretTarget } from '../../src/github/targets.js'
import { ghEndpoint, ghTokenAdvice, recoveryCommand } from '../../src/rotation/recovery-command.js'
import { describeFailure, type RunContext } from '../../src/rotation/explain.js'
import { renderFailureSummary } from '../../src/action/summary.js'
import { shellQuote } from '../../src/common/shell-quote.js'
import { parseGhApi, recoveryCommandIn } from '../support/recovery-command.js'
import { installed, runInShell, SHELLS } from '../support/shells.js'

/** Names a person may really give an environment, and the characters shells and URLs care about. */
const HOSTILE = [
  'prod (EU) – ‘ü’ $HOME `x` !x *?[a]',
  "it's",
  "'",
  "''",
  "'''start",
  "end'''",
  'a"b"c',
  '\\back\\slash\\',
  '$(printf pwned) ${HOME} $((1+1)) `id`',
  '!! !$ !-1 ^a^b',
  '*.* ? [!a] [[:alpha:]] ** {a,b} {1..3}',
  '~ ~root =ls #not a comment',
  '; & | && || > < >> 2>&1 <(x) >(y)',
  'tab\there',
  'new\nline',
  'cr\rreturn',
  '%41 %2F %',
  '{owner}/{repo} :name',
  '日本語 😀 ñ é',
  ' leading and trailing ',
  '-f --method -',
]

describe('shellQuote', () => {
  it.each(HOSTILE)('quotes %j as one single-quoted word', (value) => {
    // Nothing reaches the shell unquoted but the \' between two quoted pieces.
    expect(shellQuote(value)).toMatch(/^'(?:[^']|'\\'')*'$/)
  })

  it('refuses a NUL, which no argument can hold', () => {
    expect(() => shellQuote('a\0b')).toThrow('NUL')
  })

  for (const shell of SHELLS) {
    const test = installed(shell.program) ? it : it.skip
    if (shell.name.includes('RC_QUOTES')) {
      test(`${shell.name} really has RC_QUOTES on`, async () => {
        const run = await runInShell(shell, "printf '%s' 'a''b'", { HOME: '/nonexistent' })
        expect(run.stdout).toBe("a'b")
      })
    }
    if (shell.interactive) {
      test(`${shell.name} really expands history`, async () => {
        const run = await runInShell(shell, "echo first\nprintf '<%s>' !!", {
          HOME: '/nonexistent',
        })
        expect(run.stdout).toContain('<echo><first>')
      })
    }
    test(`${shell.name} reads every quoted value back exactly`, async () => {
      // A terminal takes control characters as keys (^B moves the cursor, ^M ends the line), so
      // nothing holding them can be pasted: interactive shells get printable text, which the
      // recovery command always is (it is printable ASCII).
      const pasteable = (s: string): boolean =>
        !/[\0\p{Cs}]/u.test(s) && !(shell.interactive && /\p{Cc}/u.test(s.replace(/\n/g, '')))
      const values = [
        ...HOSTILE,
        ...fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 24 }), {
          numRuns: 300,
          seed: 20261201,
        }),
      ].filter(pasteable)
      // printf's %s and a NUL after each: a value may hold anything else, new lines included.
      const run = await runInShell(shell, `printf '%s\\0' ${values.map(shellQuote).join(' ')}`, {
        HOME: '/nonexistent',
      })
      expect(run.exitCode).toBe(0)
      expect(run.stdout.split('\0').slice(0, -1)).toEqual(values)
    })
  }
})

describe('pathSegment', () => {
  it.each([
    ['prod (EU)', 'prod%20%28EU%29'],
    ["!'()*", '%21%27%28%29%2A'],
    ['A-Z_a-z.0~9', 'A-Z_a-z.0~9'],
    ['a/b', 'a%2Fb'],
    ['100%', '100%25'],
    ['ü', '%C3%BC'],
    ['😀', '%F0%9F%98%80'],
    ['{owner}:name', '%7Bowner%7D%3Aname'],
    ['$HOME `x` ?#[]', '%24HOME%20%60x%60%20%3F%23%5B%5D'],
  ])('%j → %s', (value, encoded) => {
    expect(pathSegment(value)).toBe(encoded)
  })

  it.each(['', '.', '..', 'lone \ud800 surrogate'])('refuses %j', (value) => {
    expect(() => pathSegment(value)).toThrow()
  })

  it('keeps only unreserved characters and %XX, and decodes back to the value', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'binary', minLength: 1 })
          .filter((s) => s !== '.' && s !== '..' && !/\p{Cs}/u.test(s)),
        (value) => {
          const encoded = pathSegment(value)
          expect(encoded).toMatch(/^(?:[A-Za-z0-9\-._~]|%[0-9A-F]{2})+$/)
          expect(decodeURIComponent(encoded)).toBe(value)
        },
      ),
    )
  })

  it('encodes each value of a restPath as one segment', () => {
    expect(restPath`/repos/${'o'}/${'r'}/environments/${'a/b c'}/secrets`).toBe(
      '/repos/o/r/environments/a%2Fb%20c/secrets',
    )
  })
})

describe('ghEndpoint', () => {
  const path = '/repos/o/r/actions/secrets/X'
  it.each([
    ['https://api.github.com', 'github.com', 'repos/o/r/actions/secrets/X'],
    ['https://ghes.example.com/api/v3', 'ghes.example.com', 'repos/o/r/actions/secrets/X'],
    [
      'https://ghes.example.com:8443/api/v3',
      undefined,
      'https://ghes.example.com:8443/api/v3/repos/o/r/actions/secrets/X',
    ],
    ['https://[::1]/api/v3', undefined, 'https://[::1]/api/v3/repos/o/r/actions/secrets/X'],
    ['http://127.0.0.1:4567', undefined, 'http://127.0.0.1:4567/repos/o/r/actions/secrets/X'],
    [
      'https://proxy.example.com/github',
      undefined,
      'https://proxy.example.com/github/repos/o/r/actions/secrets/X',
    ],
    [
      'https://api.octocorp.ghe.com',
      undefined,
      'https://api.octocorp.ghe.com/repos/o/r/actions/secrets/X',
    ],
  ])('%s → --hostname %s, %s', (apiUrl, hostname, endpoint) => {
    expect(ghEndpoint(apiUrl, path)).toEqual({ hostname, endpoint })
  })

  it.each([
    ['https://api.github.com', 'GH_TOKEN', 'gh auth login`'],
    ['https://api.octocorp.ghe.com', 'GH_TOKEN', "gh auth login --hostname 'octocorp.ghe.com'"],
    ['https://ghes.example.com/api/v3', 'GH_ENTERPRISE_TOKEN', "--hostname 'ghes.example.com'"],
  ])('names the variable gh reads for %s', (apiUrl, variable, login) => {
    const advice = ghTokenAdvice(apiUrl)
    expect(advice).toContain(`read -rs ${variable} && export ${variable}`)
    expect(advice).toContain(login)
  })

  it('offers no gh auth login for a host with a port, which gh cannot log in to', () => {
    const advice = ghTokenAdvice('https://ghes.example.com:8443/api/v3')
    expect(advice).toContain('GH_ENTERPRISE_TOKEN')
    expect(advice).not.toContain('gh auth login')
  })
})

describe('recoveryCommand', () => {
  const sealed = { keyId: '568250167242549743', encryptedValue: 'c2VhbGVk+/8=' }
  const environment = 'prod (EU) – ‘ü’ $HOME `x` !x *?[a]'

  it('quotes every value and encodes every name of the path', () => {
    const command = recoveryCommand({
      githubApiUrl: 'https://api.github.com',
      target: secretTarget({
        kind: 'environment',
        repository: { owner: 'octo-org', repo: 'sync.app' },
        environment,
      }),
      secretName: 'ATLASSIAN_REFRESH_TOKEN',
      sealed,
      organization: undefined,
    })
    expect(command).toBe(
      "gh api --hostname 'github.com' --method PUT 'repos/octo-org/sync.app/environments/prod%20%28EU%29%20%E2%80%93%20%E2%80%98%C3%BC%E2%80%99%20%24HOME%20%60x%60%20%21x%20%2A%3F%5Ba%5D/secrets/ATLASSIAN_REFRESH_TOKEN' -f 'encrypted_value=c2VhbGVk+/8=' -f 'key_id=568250167242549743'",
    )
    // The command is ASCII: nothing in it depends on the terminal's encoding.
    expect(command).toMatch(/^[\x20-\x7e]+$/)
  })

  it('repeats an organization secret’s visibility and each selected repository id, typed', () => {
    const command = recoveryCommand({
      githubApiUrl: 'https://ghes.example.com/api/v3',
      target: secretTarget({
        kind: 'organization',
        organization: 'octo-org',
        visibility: 'selected',
        selectedRepositories: ['a', 'b'],
      }),
      secretName: 'X',
      sealed,
      organization: { visibility: 'selected', selectedRepositoryIds: [101, 202] },
    })
    expect(parseGhApi(command)).toEqual({
      hostname: 'ghes.example.com',
      method: 'PUT',
      endpoint: 'orgs/octo-org/actions/secrets/X',
      strings: [
        ['encrypted_value', sealed.encryptedValue],
        ['key_id', sealed.keyId],
        ['visibility', 'selected'],
      ],
      typed: [
        ['selected_repository_ids[]', '101'],
        ['selected_repository_ids[]', '202'],
      ],
    })
  })
})

describe('the failure summary', () => {
  it('renders the command so that what a person copies from it is the command in the log', () => {
    const context: RunContext = {
      secretName: 'ATLASSIAN_REFRESH_TOKEN',
      // A name full of what HTML escapes: <, >, &, ".
      target: secretTarget({
        kind: 'environment',
        repository: { owner: 'octo-org', repo: 'sync' },
        environment: `a<b>&"c"'d' &amp;`,
      }),
      grantSentAt: new Date('2026-12-01T02:00:00Z'),
      leewayEndsAt: new Date('2026-12-01T02:10:00Z'),
      githubApiUrl: 'https://ghes.example.com:8443/api/v3',
    }
    const recovery = {
      sealed: { keyId: 'k&"1', encryptedValue: 'ab<c>d==' },
      organization: undefined,
      leewayEndsAt: new Date('2026-12-01T02:10:00Z'),
    }
    const error = new ActionError(
      'GITHUB_UNREACHABLE',
      'GitHub answered 503.',
      'rotated-not-stored',
      'Store the recovery value.',
    )
    const now = new Date('2026-12-01T02:01:00Z')
    const logged = recoveryCommandIn(
      word(describeFailure(error, context, recovery, now), actionWording),
    )
    const summary = renderFailureSummary(error, context, recovery, now)

    const pre = /<pre>([^]*?)<\/pre>/.exec(summary)?.[1] ?? ''
    // Only these four entities, and no markup: an HTML parser turns it into exactly this text.
    expect(pre).not.toMatch(/<|&(?!(?:amp|lt|gt|quot);)/)
    expect(pre).not.toContain('\n')
    expect(decodeHtmlText(pre)).toBe(logged)
  })
})

/** What a browser shows for text that holds no markup and only these entities. */
function decodeHtmlText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' }
  return html.replace(/&(amp|lt|gt|quot);/g, (_, name: string) => entities[name] ?? '')
}
