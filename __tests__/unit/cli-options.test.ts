import { CliError, EXIT, EXIT_CODE_HELP, exitCodeOf } from '../../src/cli/exit-codes.js'
import { parseFlags, renderHelp, type CommandSpec } from '../../src/cli/options.js'
import { terminalWording } from '../../src/cli/wording.js'
import { ActionError } from '../../src/common/errors.js'

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
    expect(usageError(() => parseFlags(COMMAND, ['--colour'], {})).message).toBe(
      'Unknown option "--colour" for "demo".',
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
  it('lists every flag with its variable, the environment, every exit code and the examples', () => {
    const help = renderHelp(COMMAND)
    expect(help).toContain('--client-id ID')
    expect(help).toContain('[ATLASSIAN_CLIENT_ID]')
    expect(help).toContain('[BROWSER]')
    expect(help).not.toContain('ATLASSIAN_PASTE')
    expect(help).toContain('ATLASSIAN_CLIENT_SECRET')
    for (const [code, meaning] of EXIT_CODE_HELP) {
      expect(help).toMatch(
        new RegExp(`\\n {2}${code} +${meaning.slice(0, 20).replace(/[()]/g, '\\$&')}`),
      )
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
    expect(exitCodeOf(new CliError(EXIT.NOT_STORED, 'm'))).toBe(6)
    expect(exitCodeOf(new TypeError('bug'))).toBe(EXIT.UNEXPECTED)
  })
})

describe('terminalWording', () => {
  const reword = terminalWording('GH_TOKEN')

  it("names flags and variables instead of the action's inputs", () => {
    expect(reword('Input "repository" must be "owner/name"')).toBe(
      '--repository must be "owner/name"',
    )
    expect(reword('Check the "repository" input.')).toBe('Check --repository.')
    expect(reword('Check "github-api-url".')).toBe('Check --github-api-url.')
    expect(reword('Input "client-secret" is required')).toBe('ATLASSIAN_CLIENT_SECRET is required')
    expect(reword('The "github-token" input needs x.')).toBe(
      'The GitHub token (from GH_TOKEN) needs x.',
    )
    expect(reword('Create a new token and update the secret that feeds "github-token".')).toBe(
      'Create a new token and set GH_TOKEN to it.',
    )
  })

  it('names the flags of the shared checks that only the command line tool has', () => {
    expect(reword('Input "authorize-url" is not a URL')).toBe('--authorize-url is not a URL')
    expect(reword('Input "record-consent-variable" is 300 characters long')).toBe(
      '--record-consent-variable is 300 characters long',
    )
    expect(reword('Input "refresh-token" is 40003 bytes long')).toBe(
      'ATLASSIAN_REFRESH_TOKEN is 40003 bytes long',
    )
  })

  it('leaves other quoted words alone', () => {
    expect(reword('the environment "production" of o/r')).toBe(
      'the environment "production" of o/r',
    )
  })
})
