/**
 * `refresh`: one rotation from a terminal, by the rotation the action runs (../rotation/rotate.ts):
 * the same preflight, stale-token guard, retries, sealing, write-back and recovery value. Each
 * setting `foo-bar` is the flag `--foo-bar` (or ATLASSIAN_FOO_BAR); the secret ones come from the
 * environment only.
 */
import { ActionError } from '../common/errors.js'
import { quoteValue } from '../common/input-limits.js'
import type { Setting } from '../common/settings.js'
import type { RotationEvents } from '../rotation/events.js'
import { describeRecovery, describeTokenState } from '../rotation/explain.js'
import type { RotationOutcome } from '../rotation/outcome.js'
import { outcomeOutputs, TOKEN_OUTPUTS } from '../rotation/outputs.js'
import { parseIsoMoment, readSettings } from '../rotation/request.js'
import { rotate } from '../rotation/rotate.js'
import type { TokenHeldSince } from '../rotation/stale-token-guard.js'
import { CliError, EXIT, exitCodeOf, type ExitCode } from './exit-codes.js'
import { reportFailure } from './failure.js'
import { findGitHubToken } from './github-token.js'
import type { Command, CommandContext } from './context.js'
import { listProblems, TOOL, type CommandSpec, type FlagSpec, type ParsedFlags } from './options.js'
import { ENDPOINT_FLAGS, gitHubApiUrl, LOCK_FLAGS, TARGET_FLAGS } from './shared-flags.js'
import type { Terminal } from './terminal.js'
import { cliWording } from './wording.js'

/** The action's inputs as flags (the secret ones and workflow-token excepted). */
export const ROTATION_FLAGS: FlagSpec[] = [
  {
    name: 'client-id',
    kind: 'string',
    value: 'ID',
    description: "The OAuth app's client ID.",
  },
  {
    name: 'secret-name',
    kind: 'string',
    value: 'NAME',
    description:
      'The secret that receives the rotated refresh token, e.g. ATLASSIAN_REFRESH_TOKEN.',
  },
  ...TARGET_FLAGS,
  {
    name: 'access-token-secret-name',
    kind: 'string',
    value: 'NAME',
    description: 'Also store the new access token, sealed, in this secret of the same target.',
  },
  {
    name: 'site-url',
    kind: 'string',
    value: 'URL',
    description: 'Your site, e.g. https://example.atlassian.net: look up its cloud id afterwards.',
  },
  {
    name: 'consented-at',
    kind: 'string',
    value: 'DATE',
    description:
      'The date of the consent (ISO 8601): says when to consent again; warns from 30 days before.',
  },
  {
    name: 'dry-run',
    kind: 'boolean',
    description:
      'Check everything, report what a real run would do, and never call the token endpoint.',
  },
  {
    name: 'token-obtained-at',
    kind: 'string',
    value: 'TIME',
    description:
      'When you obtained ATLASSIAN_REFRESH_TOKEN (ISO 8601, e.g. 2026-12-01T10:00:00Z; a date alone means its midnight UTC). Needed once the secret exists: the refresh goes ahead only if the secret was not written after it, since a later write means your copy is superseded.',
  },
  {
    name: 'retry-budget-seconds',
    kind: 'string',
    value: 'SECONDS',
    description:
      'How long each step may retry network faults, 5xx and rate limits (1–480). Default: 120.',
  },
  ...LOCK_FLAGS,
  ...ENDPOINT_FLAGS,
  {
    name: 'show-tokens',
    kind: 'boolean',
    env: false,
    description:
      'Also print the new access and refresh tokens (outputs access-token and refresh-token). They are secrets.',
  },
  {
    name: 'verbose',
    kind: 'boolean',
    description:
      'Also print one line per HTTP request: method, path, status and time (never a body or a query).',
  },
]

export const ROTATION_ENVIRONMENT: [string, string][] = [
  ['ATLASSIAN_CLIENT_SECRET', "The OAuth app's secret (required; never a flag)."],
  [
    'ATLASSIAN_REFRESH_TOKEN',
    'The refresh token the secret holds now (required; never a flag). It is spent: the new one is written to the secret.',
  ],
  [
    'GH_TOKEN, GITHUB_TOKEN',
    'The GitHub token that writes the secret; without either, the token of `gh auth token`. Needs "Secrets: Read and write" on the target.',
  ],
]

/** A rotation's outcomes (./exit-codes.ts); no consent, so never EXIT.AUTHORIZATION. */
export const ROTATION_EXIT_CODES: readonly ExitCode[] = [
  EXIT.OK,
  EXIT.UNEXPECTED,
  EXIT.USAGE,
  EXIT.ATLASSIAN,
  EXIT.GITHUB,
  EXIT.NOT_STORED,
  EXIT.SUPERSEDED,
  EXIT.LOCK_HELD,
  EXIT.INTERRUPTED,
]

const spec: CommandSpec = {
  name: 'refresh',
  summary: 'rotate the refresh token once, as the action does, and store the new one',
  usage: 'refresh --client-id ID --secret-name NAME --repository OWNER/REPO [options]',
  description: [
    "Runs the action's rotation from a terminal: checks every input, proves the GitHub token can reach the secret, spends ATLASSIAN_REFRESH_TOKEN at the token endpoint, seals the new refresh token and writes it to the secret. If the write fails, the new token is printed sealed (only GitHub can open it) with the `gh api` command that stores it.",
    "Never run it while a workflow may rotate the same token: two rotations of one token must not overlap (Atlassian revokes the consent when a superseded token comes back after its 10-minute leeway). The action's outputs are printed on standard output as name=value lines; the token outputs only with --show-tokens.",
  ],
  flags: ROTATION_FLAGS,
  environment: ROTATION_ENVIRONMENT,
  examples: [
    `ATLASSIAN_REFRESH_TOKEN=… ${TOOL} refresh --client-id "$CLIENT_ID" --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN --token-obtained-at 2026-12-01T10:00:00Z`,
    `${TOOL} refresh --client-id "$CLIENT_ID" --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN --dry-run`,
  ],
  exitCodes: ROTATION_EXIT_CODES,
}

export interface RotationResult {
  exitCode: ExitCode
  outputs: ReadonlyMap<string, string>
  /** Ctrl-C (or SIGTERM) came: nothing more may start. */
  interrupted: boolean
}

/** One rotation through the action's `run()`; the exit code follows from the failure it reports. */
export async function rotateOnce(
  flags: ParsedFlags,
  context: CommandContext,
): Promise<RotationResult> {
  const { terminal, deps } = context
  const { env } = deps
  const clientSecret = env['ATLASSIAN_CLIENT_SECRET']?.trim() ?? ''
  const refreshToken = env['ATLASSIAN_REFRESH_TOKEN']?.trim() ?? ''
  terminal.secrets.add(clientSecret)
  terminal.secrets.add(refreshToken)

  const missing = [
    flags.string('client-id') ? undefined : "--client-id is required: the OAuth app's client ID.",
    clientSecret ? undefined : "ATLASSIAN_CLIENT_SECRET is not set: the OAuth app's secret.",
    refreshToken
      ? undefined
      : 'ATLASSIAN_REFRESH_TOKEN is not set: the refresh token the secret holds now.',
    flags.string('secret-name')
      ? undefined
      : '--secret-name is required: the secret that receives the new refresh token.',
  ].filter((line) => line !== undefined)
  if (missing.length > 0) {
    throw new CliError(
      EXIT.USAGE,
      listProblems(missing),
      `Secrets come from the environment only (e.g. \`read -rs ATLASSIAN_REFRESH_TOKEN && export ATLASSIAN_REFRESH_TOKEN\`). Run \`${TOOL} ${context.command} --help\` for the options. Nothing was sent.`,
    )
  }

  const tokenHeldSince = readObtainedAt(flags.string('token-obtained-at'), deps.clock.now())
  const githubApiUrl = gitHubApiUrl(flags, env)
  let githubToken = ''
  if (URL.canParse(githubApiUrl)) {
    const found = await findGitHubToken(
      env,
      githubApiUrl,
      'the permission "Secrets: Read and write" on the target',
      deps.ghAuthToken,
    )
    githubToken = found.token
    terminal.secrets.add(githubToken)
    terminal.wording = cliWording(found.source)
  }

  // Flags → the rotation's request: each setting is the flag of its name, the secrets come from
  // the environment, and a terminal has no workflow token and no later step to let pass.
  const setting = (name: Setting): string => {
    switch (name) {
      case 'client-secret':
        return clientSecret
      case 'refresh-token':
        return refreshToken
      case 'github-token':
        return githubToken
      // A terminal has no workflow token, and no other jobs to hand an access token to.
      case 'workflow-token':
      case 'handoff-key':
        return ''
      // A terminal has no later step to let pass: a superseded token is exit code 7.
      case 'on-superseded':
        return 'fail'
      // A terminal runs no workflow whose schedule could be kept alive.
      case 'keep-schedule-alive':
        return 'false'
      case 'github-api-url':
        return githubApiUrl
      case 'dry-run':
        return String(flags.boolean('dry-run'))
      case 'lock':
        return String(!flags.boolean('no-lock'))
      default:
        return flags.string(name)?.trim() ?? ''
    }
  }
  const read = readSettings(setting, env)
  if (!read.ok) {
    throw new CliError(
      EXIT.USAGE,
      listProblems(read.problems.map((problem) => problem.message)),
      `Run \`${TOOL} ${context.command} --help\` for the options. Nothing was sent.`,
    )
  }

  const cancel = { interrupted: false }
  const outcome = await rotate(
    read.request,
    {
      env,
      clock: deps.clock,
      random: deps.random,
      requestTimeoutMs: deps.requestTimeoutMs,
      secrets: terminal.secrets,
      // A terminal's token came from anywhere, at any time: only the person can say when.
      tokenHeldSince,
      // First Ctrl-C (or SIGTERM): let the request in flight finish and start no new one, as when
      // a job is cancelled. A second Ctrl-C stops at once; a SIGTERM never does, since a supervisor
      // sends it before its own kill, and the seconds between may still store a token in flight.
      onCancel: (handler) => {
        const listener = (signal: NodeJS.Signals): void => {
          if (cancel.interrupted && signal === 'SIGINT') {
            reportFailure(terminal, {
              said: 'Stopped at once by a second Ctrl-C: a new refresh token in flight, if any, is lost.',
              state:
                'If the refresh was sent, Atlassian may have rotated the refresh token given; it still accepts that token for 10 minutes after the refresh (its leeway).',
              next: `Run \`${TOOL} ${context.command}\` again within 10 minutes, with the same ATLASSIAN_REFRESH_TOKEN. If Atlassian answers invalid_grant, consent again with \`${TOOL} authorize\`.`,
            })
            process.exit(EXIT.INTERRUPTED)
          }
          const first = !cancel.interrupted
          cancel.interrupted = true
          handler(signal)
          if (first) {
            terminal.warn(
              'Press Ctrl-C again to stop at once (a new refresh token in flight would be lost).',
            )
          }
        }
        process.on('SIGINT', listener)
        process.on('SIGTERM', listener)
        return () => {
          process.off('SIGINT', listener)
          process.off('SIGTERM', listener)
        }
      },
    },
    terminalEvents(terminal, flags.boolean('verbose')),
  )

  const outputs = new Map(outcomeOutputs(outcome))
  reportOutcome(terminal, outcome, deps.clock.now())
  const [failed] = outcome.problems
  let exitCode: ExitCode = EXIT.OK
  if (failed !== undefined) {
    const unsettled =
      outcome.tokenState === 'rotated-not-stored' || outcome.tokenState === 'overlapped'
    // A token that needs storing by hand says so first, interrupted or not.
    exitCode = unsettled
      ? EXIT.NOT_STORED
      : cancel.interrupted
        ? EXIT.INTERRUPTED
        : exitCodeOf(failed)
  }
  return { exitCode, outputs, interrupted: cancel.interrupted }
}

/** The rotation's progress on the terminal; the recovery value indented under its title. */
function terminalEvents(terminal: Terminal, verbose: boolean): RotationEvents {
  return {
    debug: (message) => {
      if (verbose) terminal.say(message)
    },
    info: (message) => {
      terminal.say(message)
    },
    notice: (message) => {
      terminal.note(message)
    },
    warning: (message) => {
      terminal.warn(message)
    },
    recovery: (recovery, context) => {
      terminal.group(
        `Recovery value for ${context.secretName} (needed only if this command fails before it is written):`,
      )
      terminal.say(describeRecovery(context, recovery))
      terminal.endGroup()
    },
  }
}

/** The outcome in words: the access token's expiry, then each problem, gravest first. */
function reportOutcome(terminal: Terminal, outcome: RotationOutcome, now: number): void {
  if (outcome.expiresAt) {
    terminal.say(`The access token expires at ${outcome.expiresAt.toISOString()} at the latest.`)
  }
  // The action's failure text (../rotation/explain.ts), in the tool's one failure shape.
  outcome.problems.forEach((failed, i) => {
    const problem = inTerminalTerms(failed)
    const recovery = i === 0 ? outcome.recovery : undefined
    reportFailure(terminal, {
      said: problem.said,
      state: describeTokenState(problem.tokenState, outcome.context, new Date(now)),
      next: problem.next,
      after: recovery === undefined ? undefined : describeRecovery(outcome.context, recovery),
    })
  })
}

/**
 * The next step where a terminal's differs from a workflow's: a superseded token given here is a
 * stale copy (a workflow re-run would read the current secret; a terminal cannot read a secret).
 */
function inTerminalTerms(problem: ActionError): ActionError {
  if (problem.code !== 'SUPERSEDED') return problem
  return new ActionError(
    problem.code,
    problem.said,
    problem.tokenState,
    'Nothing to do for the token: the secret holds the newer one, and whatever wrote it rotates it from now on. The copy given in ATLASSIAN_REFRESH_TOKEN is superseded: discard it.',
    { cause: problem },
  )
}

/**
 * `--token-obtained-at`: by when the person had the refresh token they give. A date alone counts
 * from its midnight (UTC), earlier than any time that day: erring early only makes the stale-token
 * guard stricter. A time in the future would wave every write through, so it is refused.
 */
export function readObtainedAt(text: string | undefined, now: number): TokenHeldSince | undefined {
  if (text === undefined) return undefined
  const value = text.trim()
  const time = parseIsoMoment(value)
  const problem = Number.isNaN(time)
    ? `--token-obtained-at must be an ISO 8601 time with its zone, e.g. 2026-12-01T10:00:00Z (or a date, 2026-12-01); got ${quoteValue(value)}.`
    : time > now + 60_000
      ? `--token-obtained-at is in the future (${new Date(time).toISOString()}): give the time you obtained the refresh token.`
      : undefined
  if (problem !== undefined) {
    throw new CliError(EXIT.USAGE, problem, `Run \`${TOOL} refresh --help\`. Nothing was sent.`)
  }
  return { at: new Date(time), what: 'the time given with --token-obtained-at', exact: true }
}

/** The outputs as name=value lines on standard output; token outputs only with --show-tokens. */
export function printOutputs(
  outputs: ReadonlyMap<string, string>,
  showTokens: boolean,
  context: CommandContext,
): void {
  const { terminal } = context
  if (showTokens && [...outputs.keys()].some((name) => TOKEN_OUTPUTS.has(name))) {
    terminal.warn('--show-tokens: the tokens follow on standard output. Keep them secret.')
  }
  for (const [name, value] of outputs) {
    if (!TOKEN_OUTPUTS.has(name)) terminal.result(`${name}=${value}`)
    else if (showTokens) terminal.reveal(`${name}=${value}`)
  }
}

export const refresh: Command = {
  spec,
  async run(flags, context): Promise<ExitCode> {
    const { exitCode, outputs } = await rotateOnce(flags, context)
    printOutputs(outputs, flags.boolean('show-tokens'), context)
    return exitCode
  },
}
