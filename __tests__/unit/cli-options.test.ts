import { CliError, EXIT, EXIT_CODE_HELP, exitCodeOf } from '../../src/cli/exit-codes.js'
import { parseFlags, renderHelp, type CommandSpec } from '../../src/cli/options.js'
import { cliWording } from '../../src/cli/wording.js'
import { parseEndpointUrl } from '../../src/common/endpoint-url.js'
import { ActionError } from '../../src/common/errors.js'
import {
  actionWording,
  asText,
  input,
  named,
  renew,
  subject,
  text,
  tokenIn,
  word,
  type Text,
} from '../../src/common/settings.js'

const COMMAND: CommandSpec = {
  name: 'demo',
  summary: 'a command for tests',
  usage: 'demo [options]',
  description: ['Does nothing.'],
  flags: [
    { name: 'client-id', kind: 'string', value: 'ID', description: 'The client.' },
    { name: 'browser', kind: 'string', env: 'BROWSER', description: 'A browser.' },
    { name: 'dry-run', kind: 'boolean', description: 'Only pretend.' },
    { name: 'paste', kind: 'boolean', env: false, description: 'Paste.' },
  ],
  environment: [['ATLASSIAN_CLIENT_SECRET', 'The secret.']],
  examples: ['demo --client-id x'],
  exitCodes: [EXIT.OK, EXIT.USAGE, EXIT.GITHUB],
}

function usageError(run: () => unknown): CliError {
  try {
    run()
  } catch (error) {
    if (error instanceof CliError) return error
    throw error
  }
  throw new Error('expected a usage error')
}

describe('parseFlags', () => {
  it('takes a flag, else its variable (ATLASSIAN_<NAME> or the one named); the flag wins', () => {
    const env = { ATLASSIAN_CLIENT_ID: 'from-env', BROWSER: 'firefox', ATLASSIAN_DRY_RUN: 'true' }
    const fromEnv = parseFlags(COMMAND, [], env)
    expect(fromEnv.string('client-id')).toBe('from-env')
    expect(fromEnv.string('browser')).toBe('firefox')
    expect(fromEnv.boolean('dry-run')).toBe(true)
    const fromFlags = parseFlags(COMMAND, ['--client-id', ' from-flag ', '--paste'], env)
    expect(fromFlags.string('client-id')).toBe('from-flag')
    expect(fromFlags.boolean('paste')).toBe(true)
    expect(parseFlags(COMMAND, [], { ATLASSIAN_CLIENT_ID: '  ' }).string('client-id')).toBe(
      undefined,
    )
  })

  it('reads a flag without a variable only from the command line', () => {
    expect(parseFlags(COMMAND, [], { ATLASSIAN_PASTE: 'true' }).boolean('paste')).toBe(false)
  })

  it('refuses a boolean variable that is not true or false', () => {
    const error = usageError(() =>
      parseFlags(COMMAND, [], { ATLASSIAN_DRY_RUN: 'yes' }).boolean('dry-run'),
    )
    expect(error.message).toContain('ATLASSIAN_DRY_RUN must be "true" or "false"')
  })

  it('turns parse failures into usage errors that say what to do', () => {
    const unknown = usageError(() => parseFlags(COMMAND, ['--colour'], {}))
    expect(unknown.message).toBe('Unknown option "--colour" for "demo".')
    expect(word(unknown.next, cliWording())).toBe(
      'Run `atlassian-token-rotation demo --help` for the options.',
    )
    expect(usageError(() => parseFlags(COMMAND, ['--client-id'], {})).message).toBe(
      'Option --client-id needs a value.',
    )
    expect(usageError(() => parseFlags(COMMAND, ['--paste=yes'], {})).message).toBe(
      'Option --paste takes no value.',
    )
    expect(usageError(() => parseFlags(COMMAND, ['extra'], {})).message).toContain(
      'Unexpected argument "extra"',
    )
  })

  it('suggests the flags a mistyped one is close to, and only those', () => {
    const next = (args: string[]): string =>
      word(usageError(() => parseFlags(COMMAND, args, {})).next, cliWording())
    expect(next(['--clinet-id', 'x'])).toBe(
      'Did you mean --client-id? (`atlassian-token-rotation demo --help` lists the options.)',
    )
    expect(next(['--dryrun'])).toMatch(/^Did you mean --dry-run\?/)
    expect(next(['--hepl'])).toMatch(/^Did you mean --help\?/)
    // A value after "=" is never repeated: it may be a secret.
    expect(next(['--pastee=s3cr3t'])).toMatch(/^Did you mean --paste\?/)
    expect(next(['--pastee=s3cr3t'])).not.toContain('s3cr3t')
    expect(next(['--verbose'])).toMatch(/^Run /)
  })

  it('never takes a secret as a flag, and says where it goes instead', () => {
    for (const [flag, variable] of [
      ['--client-secret', 'ATLASSIAN_CLIENT_SECRET'],
      ['--refresh-token', 'ATLASSIAN_REFRESH_TOKEN'],
      ['--access-token', 'ATLASSIAN_ACCESS_TOKEN'],
      ['--github-token', 'GH_TOKEN'],
    ] as const) {
      const error = usageError(() => parseFlags(COMMAND, [flag, 'value'], {}))
      expect(error.exitCode).toBe(EXIT.USAGE)
      expect(error.message).toContain(`${flag} is not a flag`)
      expect(error.message).toContain(variable)
      expect(error.message).not.toContain('value')
    }
  })
})

describe('renderHelp', () => {
  it("lists every flag with its variable, the environment, the command's exit codes and the examples", () => {
    const help = renderHelp(COMMAND)
    expect(help).toContain('--client-id ID')
    expect(help).toContain('[ATLASSIAN_CLIENT_ID]')
    expect(help).toContain('[BROWSER]')
    expect(help).not.toContain('ATLASSIAN_PASTE')
    expect(help).toContain('ATLASSIAN_CLIENT_SECRET')
    for (const [code, meaning] of EXIT_CODE_HELP) {
      const row = new RegExp(`\\n {2}${code} +${meaning.slice(0, 20).replace(/[()]/g, '\\$&')}`)
      if (COMMAND.exitCodes.includes(code)) expect(help).toMatch(row)
      else expect(help).not.toMatch(row)
    }
    expect(help).toContain('  demo --client-id x')
    for (const line of help.split('\n').filter((l) => !l.startsWith('  demo '))) {
      expect(line.length).toBeLessThanOrEqual(100)
    }
  })
})

describe('exit codes', () => {
  it('are distinct, and each kind of failure has its own', () => {
    const codes = Object.values(EXIT)
    expect(new Set(codes).size).toBe(codes.length)
    const failed = (code: ActionError['code']): number =>
      exitCodeOf(new ActionError(code, 'm', 'unchanged', 'n'))
    expect(failed('STATE_MISMATCH')).toBe(EXIT.AUTHORIZATION)
    expect(failed('AUTHORIZATION_DENIED')).toBe(EXIT.AUTHORIZATION)
    expect(failed('OAUTH_INVALID_GRANT')).toBe(EXIT.ATLASSIAN)
    expect(failed('NO_REFRESH_TOKEN')).toBe(EXIT.ATLASSIAN)
    expect(failed('GITHUB_FORBIDDEN')).toBe(EXIT.GITHUB)
    expect(exitCodeOf(new CliError(EXIT.NOT_STORED, 'm', 'n'))).toBe(6)
    expect(exitCodeOf(new TypeError('bug'))).toBe(EXIT.UNEXPECTED)
  })
})

describe('cliWording', () => {
  const wording = cliWording('GH_TOKEN')
  const say = (message: Text): [string, string] => [
    word(message, actionWording),
    word(message, wording),
  ]

  it('names the flag or variable where the action names its input, from the same message', () => {
    expect(say(text`${subject('repository')} must be "owner/name"`)).toEqual([
      'Input "repository" must be "owner/name"',
      '--repository must be "owner/name"',
    ])
    expect(say(text`Check ${input('repository')}.`)).toEqual([
      'Check the "repository" input.',
      'Check --repository.',
    ])
    expect(say(text`Check ${named('github-api-url')}.`)).toEqual([
      'Check "github-api-url".',
      'Check --github-api-url.',
    ])
    expect(say(text`${subject('client-secret')} is required`)).toEqual([
      'Input "client-secret" is required',
      'ATLASSIAN_CLIENT_SECRET is required',
    ])
  })

  it('names the GitHub token by where it came from, capitalised at the start of a sentence', () => {
    expect(say(text`GitHub said no. ${input('github-token')} needs x.`)).toEqual([
      'GitHub said no. The "github-token" input needs x.',
      'GitHub said no. The GitHub token (from GH_TOKEN) needs x.',
    ])
    expect(say(text`Create a new token and ${renew('github-token')}.`)).toEqual([
      'Create a new token and update the secret that feeds "github-token".',
      'Create a new token and set GH_TOKEN to it.',
    ])
    expect(word(text`${tokenIn('github-token')} lacks it.`, cliWording('gh auth token'))).toBe(
      'The GitHub token (from gh auth token) lacks it.',
    )
    expect(word(text`Then ${renew('github-token')}.`, cliWording('gh auth token'))).toBe(
      'Then log GitHub CLI in with it (`gh auth login`).',
    )
  })

  it("words the shared checks' messages with the tool's own flags", () => {
    const problems: Text[] = []
    parseEndpointUrl('authorize-url', 'not a url', (_setting, message) => {
      problems.push(asText(message))
    })
    expect(problems.map((p) => word(p, wording))).toEqual([
      expect.stringMatching(/^--authorize-url is not a URL/),
    ])
    expect(problems.map((p) => word(p, actionWording))).toEqual([
      expect.stringMatching(/^Input "authorize-url" is not a URL/),
    ])
  })

  it('carries the setting to fix as data on the error', () => {
    const error = new ActionError(
      'GITHUB_AUTH',
      text`${input('github-token')} is not a valid token.`,
      'unchanged',
      text`Create a new token and ${renew('github-token')}.`,
    )
    expect(error.setting).toBe('github-token')
    expect(error.message).toBe('The "github-token" input is not a valid token.')
    expect({ message: word(error.said, wording), nextStep: word(error.next, wording) }).toEqual({
      message: 'The GitHub token (from GH_TOKEN) is not a valid token.',
      nextStep: 'Create a new token and set GH_TOKEN to it.',
    })
  })

  it('leaves quoted words that are not settings alone', () => {
    expect(word(text`the environment "production" of o/r`, wording)).toBe(
      'the environment "production" of o/r',
    )
  })

  it('lists exactly the exit codes a command declares', () => {
    const help = renderHelp({ ...COMMAND, exitCodes: [EXIT.OK, EXIT.GITHUB, EXIT.DEAD] })
    const codes = [...help.matchAll(/^ {2}(\d+) {2,}/gm)].map((match) => Number(match[1]))
    expect(codes).toEqual([EXIT.OK, EXIT.GITHUB, EXIT.DEAD])
  })
})
