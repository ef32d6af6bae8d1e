/**
 * `authorize`: from an OAuth app to the first stored refresh token, in one command.
 *
 *   1. read and check every flag;                                           (nothing sent yet)
 *   2. prove the GitHub token reaches the secret (and the variable), before anyone consents;
 *   3. the consent: print (and open) the consent address, then catch the browser's answer on the
 *      local callback, or have the person paste the address they land on; refuse another state;
 *   4. exchange the code (authorization-code grant): the answer must hold a refresh token;
 *   5. seal the refresh token and write it to the secret;                   (the token is safe)
 *   6. record the consent date in a repository variable; list the sites the token reaches.
 */
import { asText, text, type Setting, type Text } from '../common/settings.js'
import {
  authorizationCodeGrant,
  consentUrl,
  DEFAULT_AUTHORIZE_URL,
  newState,
  readAuthorizationResponse,
  type ConsentTokens,
} from '../atlassian/authorization.js'
import { listSites } from '../atlassian/sites.js'
import { consentStatus } from '../rotation/consent.js'
import { ActionError, saidOf } from '../common/errors.js'
import {
  type OrganizationAccess,
  type PublicKey,
  type SealedSecret,
  type StoreAccess,
} from '../github/secret-store.js'
import { secretTarget } from '../github/targets.js'
import {
  readVariable,
  variablesPermission,
  writeVariable,
  type VariableAccess,
} from '../github/variables.js'
import { isLoopbackHost, parseEndpointUrl, PLAIN_HTTP_RULE } from '../common/endpoint-url.js'
import { LIMITS, quoteValue, tooLong } from '../common/input-limits.js'
import {
  checkSecretName,
  parseRepository,
  readLockSettings,
  readSeconds,
  readTarget,
} from '../rotation/request.js'
import type { RepositoryRef, TargetInput } from '../github/targets.js'
import { checkStore } from '../rotation/preflight.js'
import { ghTokenAdvice, recoveryCommand, secretCommand } from '../rotation/recovery-command.js'
import type { Clock } from '../common/retry.js'
import { writeBack } from '../rotation/write-back.js'
import {
  LOCK_HOLD_MS,
  lockLeftWarning,
  lookAtLock,
  releaseLock,
  takeLock,
  type HeldLock,
  type LockRequest,
} from '../rotation/rotation-lock.js'
import { sealForGitHub } from '../github/sealing.js'
import { browserCommand, openBrowser } from './browser.js'
import { isLoopbackCallback, listenForCallback } from './callback-server.js'
import {
  gitHubClient,
  httpOptions,
  retryOptions,
  type Command,
  type CommandContext,
} from './context.js'
import { CliError, EXIT, type ExitCode } from './exit-codes.js'
import { reportFailure, type Failure } from './failure.js'
import { findGitHubToken } from './github-token.js'
import { listProblems, TOOL, type CommandSpec, type ParsedFlags } from './options.js'
import { readOneLine } from './paste.js'
import { ENDPOINT_FLAGS, gitHubApiUrl, LOCK_FLAGS, TARGET_FLAGS } from './shared-flags.js'
import { cliWording } from './wording.js'

const DEFAULT_SCOPE = 'read:confluence-content.all'
const DEFAULT_TIMEOUT_SECONDS = 600

const spec: CommandSpec = {
  name: 'authorize',
  summary: 'consent in a browser and store the first refresh token in a GitHub secret',
  usage:
    'authorize --client-id ID --callback URL --secret-name NAME [--repository OWNER/REPO] [options]',
  description: [
    "Builds Atlassian's consent address (audience=api.atlassian.com, your client ID and scopes with offline_access added, the callback URL, a random state, prompt=consent) and opens it in a browser when there is one.",
    "With a callback on this machine (http://localhost:PORT/…, registered as the app's callback URL), it listens there and catches the answer itself. With any other callback (such as your Confluence site's address, as Atlassian's guides suggest), or with --paste, you copy the address the browser lands on after you accept, and paste it here.",
    "It refuses an answer with another state, exchanges the code for tokens (the answer must hold a refresh token), seals the refresh token with the secret store's public key and writes it to the secret, records the consent date in a repository variable if asked (for the action's consented-at input), and lists the sites the token reaches. The GitHub token is checked before you are asked to consent. Tokens are never printed unless you pass --show-tokens.",
    'Every token of a consent dies 365 days after it, however often it is refreshed: run this command again before then.',
  ],
  flags: [
    {
      name: 'client-id',
      kind: 'string',
      value: 'ID',
      description: "The OAuth 2.0 (3LO) app's client ID (developer console, Settings).",
    },
    {
      name: 'callback',
      kind: 'string',
      value: 'URL',
      description:
        "The app's callback URL, exactly as registered (developer console, Authorization). http://localhost:PORT/…: caught here; anything else: paste mode.",
    },
    {
      name: 'scope',
      kind: 'string',
      value: 'SCOPES',
      description: `Scopes to ask for, separated by spaces or commas: those the app has under Permissions. offline_access is added when missing. Default: ${DEFAULT_SCOPE}.`,
    },
    {
      name: 'secret-name',
      kind: 'string',
      value: 'NAME',
      description:
        'The secret that receives the refresh token, e.g. ATLASSIAN_REFRESH_TOKEN. Optional with --show-tokens (then nothing is stored).',
    },
    ...TARGET_FLAGS,
    {
      name: 'record-consent-variable',
      kind: 'string',
      value: 'NAME',
      description:
        'Also write the consent date (YYYY-MM-DD) to this repository variable, e.g. ATLASSIAN_CONSENTED_AT, for the action\'s consented-at input. Needs "Variables: Read and write".',
    },
    {
      name: 'paste',
      kind: 'boolean',
      env: false,
      description:
        'Paste the address the browser lands on, even with a localhost callback (e.g. when the browser runs on another machine than this shell).',
    },
    {
      name: 'browser',
      kind: 'string',
      value: 'COMMAND',
      env: 'BROWSER',
      description:
        "The program that opens the consent address (arguments separated by spaces; %s stands for the address, else it is appended). Default: the desktop's opener, when there is a desktop.",
    },
    {
      name: 'no-browser',
      kind: 'boolean',
      env: false,
      description: 'Do not open a browser: only print the consent address.',
    },
    {
      name: 'timeout',
      kind: 'string',
      value: 'SECONDS',
      description: `How long to wait for the consent's answer. Default: ${DEFAULT_TIMEOUT_SECONDS}.`,
    },
    {
      name: 'show-tokens',
      kind: 'boolean',
      env: false,
      description:
        'Print the new access and refresh tokens on standard output. They are secrets: anyone who reads them can use your Atlassian access.',
    },
    {
      name: 'authorize-url',
      kind: 'string',
      value: 'URL',
      description: `Atlassian's consent page. Default: ${DEFAULT_AUTHORIZE_URL}.`,
    },
    ...LOCK_FLAGS,
    ...ENDPOINT_FLAGS,
  ],
  environment: [
    ['ATLASSIAN_CLIENT_SECRET', "The OAuth app's secret (required; never a flag)."],
    [
      'GH_TOKEN, GITHUB_TOKEN',
      'The GitHub token that writes the secret (and the variable); without either, the token of `gh auth token`. Needs "Secrets: Read and write" (environments: "Environments"; organizations: organization "Secrets").',
    ],
  ],
  examples: [
    `${TOOL} authorize --client-id "$CLIENT_ID" --callback http://localhost:8765/callback --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN --record-consent-variable ATLASSIAN_CONSENTED_AT`,
    `${TOOL} authorize --client-id "$CLIENT_ID" --callback https://example.atlassian.net --scope "read:confluence-content.all search:confluence" --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN`,
  ],
  // A lock held or abandoned around the write is reported as NOT_STORED: the token is in hand.
  exitCodes: [
    EXIT.OK,
    EXIT.UNEXPECTED,
    EXIT.USAGE,
    EXIT.AUTHORIZATION,
    EXIT.ATLASSIAN,
    EXIT.GITHUB,
    EXIT.NOT_STORED,
    EXIT.INTERRUPTED,
  ],
}

interface Plan {
  clientId: string
  clientSecret: string
  callback: URL
  /** The callback exactly as given: Atlassian compares it as a string with the registered one. */
  redirectUri: string
  scope: string
  /** Where the refresh token goes; undefined with --show-tokens alone. */
  store: { secretName: string; target: TargetInput } | undefined
  /** The lock taken around the write, as a rotation takes it; undefined with --no-lock. */
  lock: LockRequest | undefined
  consentVariable: { name: string; repository: RepositoryRef } | undefined
  mode: 'listen' | 'paste'
  browser: string[] | undefined
  timeoutMs: number
  showTokens: boolean
  authorizeUrl: URL
  tokenUrl: URL
  atlassianApiUrl: string
  githubApiUrl: string
}

/** Every flag checked at once; all problems reported together, before anything is sent. */
function readPlan(flags: ParsedFlags, env: Record<string, string | undefined>): Plan {
  const problems: Text[] = []
  const problem = (_setting: string, message: string | Text): void => {
    problems.push(asText(message))
  }
  const clientId = flags.string('client-id') ?? ''
  if (clientId === '') {
    problem(
      'client-id',
      '--client-id is required: your OAuth app\'s client ID (developer console, "Settings").',
    )
  }
  const clientSecret = env['ATLASSIAN_CLIENT_SECRET']?.trim() ?? ''
  if (clientSecret === '') {
    problem(
      'client-secret',
      'ATLASSIAN_CLIENT_SECRET is not set: export the OAuth app\'s secret (developer console, "Settings") without echoing it, e.g. `read -rs ATLASSIAN_CLIENT_SECRET && export ATLASSIAN_CLIENT_SECRET`.',
    )
  }
  for (const [name, value, limit] of [
    ['--client-id', clientId, LIMITS.clientId],
    ['ATLASSIAN_CLIENT_SECRET', clientSecret, LIMITS.clientSecret],
  ] as const) {
    const overlong = tooLong(name, value, limit, name === 'ATLASSIAN_CLIENT_SECRET')
    if (overlong !== undefined) {
      problem(name, overlong)
    } else if (/\s/.test(value)) {
      problem(
        name,
        `${name} contains whitespace: give the value alone, without quotes or line breaks.`,
      )
    }
  }

  const callback = parseCallback(flags.string('callback'), problem)
  const scope = flags.string('scope') ?? DEFAULT_SCOPE
  const scopeTooLong = tooLong('--scope', scope, LIMITS.scope, false)
  if (scopeTooLong !== undefined) {
    problem('scope', scopeTooLong)
  } else if (scope.split(/[\s,]+/).every((s) => s === '')) {
    problem('scope', '--scope is empty: name the scopes the app has under "Permissions".')
  }

  const showTokens = flags.boolean('show-tokens')
  const secretName = flags.string('secret-name')
  let store: Plan['store']
  let lock: LockRequest | undefined
  if (secretName !== undefined) {
    checkSecretName('secret-name', secretName, problem)
    const target = readTarget((name) => flags.string(name) ?? '', env, problem)
    if (target !== undefined) store = { secretName, target }
    lock = readLockSettings(
      (name) => (name === 'lock' ? String(!flags.boolean('no-lock')) : (flags.string(name) ?? '')),
      secretName,
      undefined,
      problem,
    )
  } else if (!showTokens) {
    problem(
      'secret-name',
      '--secret-name is required: name the secret that receives the refresh token, e.g. ATLASSIAN_REFRESH_TOKEN (or pass --show-tokens to only print the tokens).',
    )
  }

  const variableName = flags.string('record-consent-variable')
  let consentVariable: Plan['consentVariable']
  if (variableName !== undefined) {
    checkSecretName('record-consent-variable', variableName, problem, 'variable')
    const repository =
      store !== undefined && store.target.kind !== 'organization'
        ? store.target.repository
        : parseRepository(flags.string('repository') ?? env['GITHUB_REPOSITORY'] ?? '')
    if (repository === undefined) {
      problem(
        'record-consent-variable',
        '--record-consent-variable writes a repository variable: name its repository with --repository OWNER/REPO (the one whose workflow rotates the token).',
      )
    } else consentVariable = { name: variableName, repository }
  }

  const timeoutText = flags.string('timeout') ?? String(DEFAULT_TIMEOUT_SECONDS)
  const timeout = readSeconds(timeoutText)
  if (!(timeout >= 1 && timeout <= 3600)) {
    problem(
      'timeout',
      `--timeout must be a whole number of seconds from 1 to 3600; got ${quoteValue(timeoutText)}.`,
    )
  }
  const browser = flags.string('browser')
  const browserTooLong =
    browser === undefined ? undefined : tooLong('--browser', browser, LIMITS.command, false)
  if (browserTooLong !== undefined) problem('browser', browserTooLong)

  const url = (input: Setting, fallback: string): URL | undefined =>
    parseEndpointUrl(input, flags.string(input) ?? fallback, problem)
  const authorizeUrl = url('authorize-url', DEFAULT_AUTHORIZE_URL)
  const tokenUrl = url('token-url', 'https://auth.atlassian.com/oauth/token')
  const atlassianApiUrl = url('atlassian-api-url', 'https://api.atlassian.com')
  const githubApiUrl = parseEndpointUrl('github-api-url', gitHubApiUrl(flags, env), problem)

  if (
    problems.length > 0 ||
    callback === undefined ||
    !authorizeUrl ||
    !tokenUrl ||
    !atlassianApiUrl ||
    !githubApiUrl
  ) {
    throw new CliError(
      EXIT.USAGE,
      listProblems(problems),
      `Run \`${TOOL} authorize --help\` for the options. Nothing was sent.`,
    )
  }
  const listen = isLoopbackCallback(callback) && !flags.boolean('paste')
  return {
    clientId,
    clientSecret,
    callback,
    redirectUri: flags.string('callback') ?? '',
    scope,
    store,
    lock,
    consentVariable,
    mode: listen ? 'listen' : 'paste',
    browser: flags.boolean('no-browser') ? undefined : browserCommand(browser, env),
    timeoutMs: timeout * 1000,
    showTokens,
    authorizeUrl,
    tokenUrl,
    atlassianApiUrl: withoutTrailingSlash(atlassianApiUrl),
    githubApiUrl: withoutTrailingSlash(githubApiUrl),
  }
}

/**
 * The callback, exactly as registered: https (paste mode), or plain http to a loopback host, where
 * this tool listens itself. The same loopback rule as every endpoint (../endpoint-url.ts).
 */
function parseCallback(
  text: string | undefined,
  problem: (setting: string, message: string | Text) => void,
): URL | undefined {
  if (text === undefined) {
    problem(
      'callback',
      '--callback is required: the app\'s callback URL, exactly as registered in the developer console ("Authorization"), e.g. http://localhost:8765/callback.',
    )
    return undefined
  }
  const overlong = tooLong('--callback', text, LIMITS.url, false)
  if (overlong !== undefined) {
    problem('callback', overlong)
    return undefined
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    problem(
      'callback',
      `--callback must be a URL, e.g. http://localhost:8765/callback; got ${quoteValue(text)}.`,
    )
    return undefined
  }
  if (url.hash !== '' || url.username !== '' || url.password !== '') {
    problem('callback', '--callback must not hold a #fragment, a user name or a password.')
    return undefined
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    return url
  }
  problem(
    'callback',
    `--callback must be https, or http to this machine (${PLAIN_HTTP_RULE}): the code would otherwise cross the network in clear text; got ${quoteValue(text)}.`,
  )
  return undefined
}

function withoutTrailingSlash(url: URL): string {
  return url.href.replace(/\/+$/, '')
}

/** What was settled with GitHub before the consent. */
interface GitHubSide {
  store:
    | {
        access: StoreAccess
        publicKey: PublicKey
        organization: OrganizationAccess | undefined
      }
    | undefined
  variables: VariableAccess | undefined
}

async function prepareGitHub(plan: Plan, context: CommandContext): Promise<GitHubSide> {
  const { terminal, deps } = context
  const target = plan.store ? secretTarget(plan.store.target) : undefined
  const permission = [
    target?.permission,
    plan.consentVariable ? variablesPermission(plan.consentVariable.repository) : undefined,
  ]
    .filter((text) => text !== undefined)
    .join('; and ')
  const token = await findGitHubToken(deps.env, plan.githubApiUrl, permission, deps.ghAuthToken)
  terminal.secrets.add(token.token)
  terminal.wording = cliWording(token.source)
  const github = gitHubClient(context, token.token, plan.githubApiUrl)
  const retry = retryOptions(context, 'GitHub')

  let store: GitHubSide['store']
  if (plan.store && target) {
    const access: StoreAccess = { github, target, secrets: terminal.secrets, retry }
    const { secretName } = plan.store
    // The rotation's own store check: the same reads, the same refusals, before any consent.
    const { publicKey, metadata, organization } = await checkStore(access, plan.store)
    if (metadata.status === 'rejected') throw metadata.reason
    const existing = metadata.value
    store = { access, publicKey, organization }
    terminal.say(
      `GitHub: the token from ${token.source} reads the secrets of ${target.description}; ${secretName} ${existing.updatedAt ? `exists (last written ${existing.updatedAt.toISOString().slice(0, 10)}) and will be replaced` : 'will be created'}.`,
    )
  }
  let variables: VariableAccess | undefined
  if (plan.consentVariable) {
    const { name, repository } = plan.consentVariable
    variables = { github, repository, secrets: terminal.secrets, retry }
    const existing = await readVariable(variables, name)
    terminal.say(
      `GitHub: the variable ${name} of ${repository.owner}/${repository.repo} ${existing ? `holds "${existing.value}" and will be updated` : 'will be created'}.`,
    )
  }
  return { store, variables }
}

export const authorize: Command = {
  spec,
  async run(flags, context): Promise<ExitCode> {
    const { terminal, deps } = context
    const plan = readPlan(flags, deps.env)
    terminal.secrets.add(plan.clientSecret)
    // Ctrl-C stops at once, as before, but says so in the one failure shape: mostly it comes
    // while the command waits for the consent, when nothing is at stake.
    const interrupted = (): void => {
      reportFailure(terminal, {
        said: 'Interrupted (Ctrl-C): nothing more is sent.',
        state: `A refresh token this command received and had not stored yet is lost with it; the secret${plan.store ? ` ${plan.store.secretName}` : ''} keeps what it held.`,
        next: `Run \`${TOOL} authorize\` again when you are ready: each consent issues a new refresh token.`,
      })
      process.exit(EXIT.INTERRUPTED)
    }
    process.once('SIGINT', interrupted)
    try {
      return await consentAndStore(plan, context)
    } finally {
      process.off('SIGINT', interrupted)
    }
  },
}

/** Steps 2 to 6, once every flag is known to be right. */
async function consentAndStore(plan: Plan, context: CommandContext): Promise<ExitCode> {
  const { terminal, deps } = context

  // 2. GitHub first: nobody should consent for a token that cannot be stored.
  const github = plan.store || plan.consentVariable ? await prepareGitHub(plan, context) : undefined

  // 3. The consent.
  const state = newState()
  const address = consentUrl({
    authorizeUrl: plan.authorizeUrl,
    clientId: plan.clientId,
    scope: plan.scope,
    redirectUri: plan.redirectUri,
    state,
  }).href
  const answer =
    plan.mode === 'listen'
      ? await catchCallback(plan, address, state, context)
      : await askForAddress(plan, address, context)
  const code = readAuthorizationResponse(answer, state)
  terminal.secrets.add(code)

  // 4. The code, exchanged for the consent's first tokens.
  const tokens = await authorizationCodeGrant(
    {
      tokenUrl: plan.tokenUrl,
      clientId: plan.clientId,
      clientSecret: plan.clientSecret,
      code,
      redirectUri: plan.redirectUri,
    },
    httpOptions(context),
    terminal.secrets,
    retryOptions(context, 'Token endpoint', 30_000),
  )
  const consentedAt = new Date(deps.clock.now())
  if (plan.showTokens) revealTokens(context, tokens)

  // 5. Store it first: until then the new refresh token exists only here. From here on it is safe.
  if (plan.store && github?.store) {
    await storeRefreshToken(plan, plan.store.secretName, github.store, tokens, context)
  }
  for (const warning of tokens.warnings) terminal.warn(warning)
  terminal.say(
    `Atlassian issued a refresh token${tokens.scope ? ` for the scopes: ${tokens.scope}` : ''}.`,
  )

  // 6. What comes after: the consent date, the sites.
  const unrecorded =
    plan.consentVariable && github?.variables
      ? await recordConsent(plan.consentVariable, github.variables, consentedAt, context)
      : undefined
  await showSites(plan, tokens, context)

  const status = consentStatus(consentedAt, consentedAt)
  terminal.say(
    `Consent given on ${consentedAt.toISOString().slice(0, 10)}: every token of it dies on ${status.reconsentBy.toISOString().slice(0, 10)} (365 days), however often it is refreshed. Run \`${TOOL} authorize\` again before then.`,
  )
  if (plan.store && !plan.consentVariable) {
    terminal.say(
      'Tip: --record-consent-variable ATLASSIAN_CONSENTED_AT keeps that date in a repository variable, so the action (consented-at: ${{ vars.ATLASSIAN_CONSENTED_AT }}) warns 30 days before.',
    )
  }
  // The one failure left comes last, where it is seen.
  if (unrecorded === undefined) return EXIT.OK
  reportFailure(terminal, unrecorded)
  return EXIT.GITHUB
}

async function catchCallback(
  plan: Plan,
  address: string,
  state: string,
  context: CommandContext,
): Promise<string> {
  const { terminal, deps } = context
  const listener = await listenForCallback(plan.callback, (received) => {
    try {
      readAuthorizationResponse(received, state)
      return { ok: true, message: 'The authorization code reached the terminal.' }
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) }
    }
  })
  try {
    terminal.say(
      `Open this address in a browser, signed in to Atlassian as the user whose access the integration will use, and accept:\n\n  ${address}\n`,
    )
    await openIfPossible(plan, address, context)
    terminal.say(
      `Waiting for the answer at ${plan.callback.origin}${plan.callback.pathname} (up to ${plan.timeoutMs / 1000} s; Ctrl-C stops)…`,
    )
    return await within(
      listener.received,
      plan.timeoutMs,
      deps.clock,
      () =>
        new CliError(
          EXIT.AUTHORIZATION,
          `No answer reached ${plan.callback.origin}${plan.callback.pathname} within ${plan.timeoutMs / 1000} s.`,
          'Run authorize again and accept in the browser that opens (or open the printed address yourself). If the browser runs on another machine than this shell, add --paste and paste the address it lands on. The callback URL must be the one registered for the app.',
        ),
    )
  } finally {
    await listener.close()
  }
}

async function askForAddress(
  plan: Plan,
  address: string,
  context: CommandContext,
): Promise<string> {
  const { terminal, deps } = context
  terminal.say(
    `Open this address in a browser, signed in to Atlassian as the user whose access the integration will use, and accept:\n\n  ${address}\n`,
  )
  await openIfPossible(plan, address, context)
  terminal.say(
    `After you accept, the browser lands on ${plan.redirectUri} with "?code=…&state=…" in the address bar. Copy the whole address from the address bar and paste it here (the code works once, for a few minutes).`,
  )
  const reader = readOneLine(deps.stdin, deps.streams.stderr, 'Address: ')
  terminal.promptOpen = true
  try {
    const line = await within(
      reader.line,
      plan.timeoutMs,
      deps.clock,
      () =>
        new CliError(
          EXIT.AUTHORIZATION,
          `No address was pasted within ${plan.timeoutMs / 1000} s.`,
          'Run authorize again (--timeout gives more time).',
        ),
    )
    if (line === undefined || line === '') {
      throw new CliError(
        EXIT.AUTHORIZATION,
        'Standard input ended before an address was pasted.',
        'Run authorize again in a terminal, and paste the address when asked.',
      )
    }
    // The line read ended the prompt's line.
    terminal.promptOpen = false
    return line
  } finally {
    reader.close()
  }
}

async function openIfPossible(plan: Plan, address: string, context: CommandContext): Promise<void> {
  const { terminal, deps } = context
  if (plan.browser === undefined) {
    terminal.say('(No browser to open here: open the address yourself.)')
    return
  }
  const opened = await openBrowser(plan.browser, address, deps.env)
  terminal.say(
    opened
      ? `(Opened it with ${plan.browser[0] ?? ''}.)`
      : `(Could not start ${plan.browser[0] ?? ''}: open the address yourself.)`,
  )
}

function revealTokens(context: CommandContext, tokens: ConsentTokens): void {
  const { terminal } = context
  terminal.warn('--show-tokens: the tokens follow on standard output. Keep them secret.')
  terminal.reveal(`refresh_token=${tokens.refreshToken}`)
  terminal.reveal(`access_token=${tokens.accessToken ?? ''}`)
  terminal.reveal(`expires_in=${tokens.expiresIn ?? ''}`)
  terminal.reveal(`scope=${tokens.scope ?? ''}`)
}

async function storeRefreshToken(
  plan: Plan,
  secretName: string,
  github: NonNullable<GitHubSide['store']>,
  tokens: ConsentTokens,
  context: CommandContext,
): Promise<void> {
  const { terminal, deps } = context
  const { publicKey, organization } = github
  // A fresh budget for each request: the one of the checks before the consent may have run out
  // while the person consented, and a wait for the lock may outlast any one budget.
  const fresh = (): StoreAccess => ({ ...github.access, retry: retryOptions(context, 'GitHub') })
  let access = fresh()
  // Sealed before anything else: until the write, the new token exists only in this process.
  let sealed: SealedSecret = {
    keyId: publicKey.keyId,
    encryptedValue: await sealForGitHub(tokens.refreshToken, publicKey.key),
  }
  const storeCommand = (): string =>
    recoveryCommand({
      githubApiUrl: plan.githubApiUrl,
      target: access.target,
      secretName,
      sealed,
      organization,
    })
  let stored: 'created' | 'updated'
  let held: HeldLock | undefined
  try {
    if (plan.lock) {
      // A rotation in progress would write the old consent's token over this one: wait for it.
      // A look first, so that a lock held by a rotation is waited for without being written over.
      const first = await lookAtLock(fresh(), plan.lock.name)
      held = await takeLock(
        {
          store: fresh,
          target: access.target,
          secretName,
          githubApiUrl: plan.githubApiUrl,
          request: plan.lock,
          heldMeans: `so this command did not write the new token over ${secretName}, where the rotation would have written the old consent's token over it`,
          whileWaiting: `Meanwhile the new refresh token exists only here: if this command is stopped, store its sealed copy (only GitHub can open it) once the lock is gone, with GitHub CLI: ${ghTokenAdvice(plan.githubApiUrl)}; then run:\n  ${storeCommand()}`,
          publicKey,
          clock: deps.clock,
          random: deps.random,
          signal: new AbortController().signal,
          info: (message) => {
            terminal.say(message)
          },
          notice: (message) => {
            terminal.warn(message)
          },
          // authorize presents no refresh token: breaking an abandoned lock cannot revoke a consent.
          readSecret: undefined,
        },
        first,
      )
      // Under the lock, every retry ends within LOCK_HOLD_MS of taking it.
      const heldUntil = held.takenAt + LOCK_HOLD_MS
      access = fresh()
      access = {
        ...access,
        retry: { ...access.retry, deadline: Math.min(access.retry.deadline, heldUntil) },
      }
    }
    const written = await writeBack(access, {
      secretName,
      value: tokens.refreshToken,
      publicKey,
      organization,
      tokenState: 'rotated-not-stored',
      onSealed: (value) => {
        sealed = value
      },
    })
    stored = written.how
  } catch (error) {
    const said = saidOf(error)
    const where = `the secret ${secretName} of ${access.target.description}`
    // Stored by hand while the rotation still holds the lock, the token could be written over.
    const heldLock =
      plan.lock &&
      error instanceof ActionError &&
      (error.code === 'LOCK_HELD' || error.code === 'LOCK_ABANDONED')
        ? secretCommand(plan.githubApiUrl, access.target, plan.lock.name)
        : undefined
    throw new CliError(
      EXIT.NOT_STORED,
      text`${said}\nThe new refresh token was NOT stored in ${where}.`,
      `Store its sealed copy (only GitHub can open it, so it is safe to show) with GitHub CLI and a token that may write the secret: ${ghTokenAdvice(plan.githubApiUrl)}; then${heldLock ? `, once the rotation holding the lock has ended (the lock is gone when \`${heldLock}\` answers 404)` : ''}, run:\n  ${storeCommand()}\nor run authorize again.`,
      { cause: error },
    )
  } finally {
    if (held) {
      const released = await releaseLock(fresh(), held, deps.clock)
      if (!released.released) {
        terminal.warn(lockLeftWarning(held, released.reason, access.target, plan.githubApiUrl))
      }
    }
  }
  terminal.say(
    `Stored the refresh token, sealed, in ${secretName} of ${access.target.description} (${stored}).`,
  )
}

async function recordConsent(
  variable: NonNullable<Plan['consentVariable']>,
  access: VariableAccess,
  consentedAt: Date,
  context: CommandContext,
): Promise<Failure | undefined> {
  const { terminal } = context
  const date = consentedAt.toISOString().slice(0, 10)
  const { owner, repo } = variable.repository
  try {
    const how = await writeVariable(access, { name: variable.name, value: date })
    terminal.say(
      `Recorded the consent date ${date} in the variable ${variable.name} of ${owner}/${repo} (${how}): pass it to the action as consented-at: \${{ vars.${variable.name} }}.`,
    )
    return undefined
  } catch (error) {
    return {
      said: text`${saidOf(error)}\nThe consent date ${date} was not recorded in the variable ${variable.name} of ${owner}/${repo}.`,
      state: 'The refresh token is stored: only the consent date is missing.',
      next: `Set the variable by hand with GitHub CLI:\n  gh variable set ${variable.name} --body ${date} --repo ${owner}/${repo}`,
    }
  }
}

async function showSites(
  plan: Plan,
  tokens: ConsentTokens,
  context: CommandContext,
): Promise<void> {
  const { terminal } = context
  if (tokens.accessToken === undefined) {
    terminal.warn(
      `Not listing the sites the token reaches: the token endpoint's answer held no usable access token to ask with. The refresh token is fine; \`${TOOL} sites\` lists them later.`,
    )
    return
  }
  try {
    const sites = await listSites(
      plan.atlassianApiUrl,
      tokens.accessToken,
      httpOptions(context),
      terminal.secrets,
      retryOptions(context, 'Sites', 30_000),
    )
    if (sites.length === 0) {
      terminal.warn(
        'The token reaches no site: the user who consented cannot use a site with these scopes, or the app lacks the scopes of its products.',
      )
      return
    }
    terminal.say(`The token reaches ${sites.length} site${sites.length === 1 ? '' : 's'}:`)
    for (const site of sites) {
      terminal.say(`  ${site.name}  ${site.url}  cloud id ${site.id}`)
    }
  } catch (error) {
    terminal.warn(
      text`Could not list the sites the token reaches (the token itself is fine): ${saidOf(error)}`,
    )
  }
}

/** Waits for `promise`, at most `ms` on `clock`. */
async function within<T>(
  promise: Promise<T>,
  ms: number,
  clock: Clock,
  timedOut: () => Error,
): Promise<T> {
  const stop = new AbortController()
  try {
    return await Promise.race([
      promise,
      clock.sleep(ms, stop.signal).then(() => {
        throw timedOut()
      }),
    ])
  } finally {
    stop.abort()
  }
}
