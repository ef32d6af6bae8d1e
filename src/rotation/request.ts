import { parseEndpointUrl, parseSiteUrl } from '../common/endpoint-url.js'
import {
  LIMITS,
  MAX_SELECTED_REPOSITORIES,
  quoteValue,
  tooLong,
  type Limit,
} from '../common/input-limits.js'
import type { Problem } from '../common/input-limits.js'
import { asText, input, named, subject, text, type Setting, type Text } from '../common/settings.js'
import { MIN_KEY_SECRET_LENGTH } from '../handoff/key.js'
import type { RepositoryRef, TargetInput, Visibility } from '../github/targets.js'
import {
  defaultLockName,
  DEFAULT_LOCK_WAIT_SECONDS,
  MAX_LOCK_WAIT_SECONDS,
  type LockRequest,
} from './rotation-lock.js'

/**
 * One rotation, as its door asks for it: every setting read and checked, nothing named by the
 * door's words (an action input, a flag).
 */
export interface RotationRequest {
  clientId: string
  clientSecret: string
  refreshToken: string
  secretName: string
  githubToken: string
  target: TargetInput
  tokenUrl: URL
  /** Without a trailing slash, e.g. `https://api.github.com` or `https://ghes.example/api/v3`. */
  githubApiUrl: string
  /** The workflow's own token (`github.token`), to read when this run started; '' when not given. */
  workflowToken: string
  /** How long each step (preflight, refresh, write) may spend retrying. */
  retryBudgetMs: number
  /** Also store the new access token in this secret of the same target. */
  accessTokenSecretName: string | undefined
  /** The Atlassian site whose cloud id to look up after the refresh. */
  siteUrl: URL | undefined
  /** Without a trailing slash: https://api.atlassian.com */
  atlassianApiUrl: string
  consentedAt: Date | undefined
  dryRun: boolean
  /** The lock that keeps rotations of this token from overlapping; undefined: `lock: false`. */
  lock: LockRequest | undefined
  /** The secret the access-token handoff is sealed with; undefined: the client secret. */
  handoffKey: string | undefined
}

/** One thing wrong with one setting, phrased as the fix. Never contains a secret's value. */
export interface SettingProblem {
  setting: Setting
  message: Text
}

export type SettingsResult =
  | {
      ok: true
      request: RotationRequest
      /** Whether a token superseded by another rotation fails the step ("fail") or not. */
      onSuperseded: 'fail' | 'succeed'
      /** When the door enables its own workflow, to keep its schedule alive (../action/keep-alive.ts). */
      keepScheduleAlive: 'auto' | 'true' | 'false'
    }
  | { ok: false; problems: SettingProblem[] }

/** The settings whose values are secret: masked before anything else reads them. */
export const SECRET_SETTINGS = [
  'client-secret',
  'refresh-token',
  'github-token',
  'workflow-token',
  'handoff-key',
] as const satisfies readonly Setting[]

/**
 * The retry budget's ceiling. A refresh retried after a lost answer presents a token Atlassian may
 * already have disabled; that is safe only inside the 10-minute leeway, so every retry must end
 * well before it (../shared/FACTS.md, "How the leeway works").
 */
export const MAX_RETRY_BUDGET_SECONDS = 480
const DEFAULT_RETRY_BUDGET_SECONDS = 120

const DEFAULT_TOKEN_URL = 'https://auth.atlassian.com/oauth/token'
const DEFAULT_GITHUB_API_URL = 'https://api.github.com'
const DEFAULT_ATLASSIAN_API_URL = 'https://api.atlassian.com'

// GitHub's rules for secret names (docs: "Naming your secrets"): letters, digits and underscores,
// not starting with a digit, and not with the reserved GITHUB_ prefix (case-insensitive).
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
// GitHub owner and repository names (the characters `owner/name` may hold in a URL path).
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
const REPO = /^[A-Za-z0-9._-]{1,100}$/
// Environment names may hold any character (they are percent-encoded in paths), but not control
// characters, nor be "." or "..": no URL can name those as a path segment.
const ENVIRONMENT_MAX = LIMITS.environment.max

/**
 * Reads and checks every input before any request is sent. `getInput` returns the trimmed input
 * value or '' (as `core.getInput` does); `env` supplies the runner's own variables, used when an
 * input whose default is a `${{ github.* }}` expression is empty (e.g. outside the runner).
 *
 * All problems are reported at once, so one failed run shows every input to fix.
 */
export function readSettings(
  getInput: (setting: Setting) => string,
  env: Record<string, string | undefined>,
): SettingsResult {
  const problems: SettingProblem[] = []
  const problem: Problem = (setting, message) => {
    problems.push({ setting, message: asText(message) })
  }

  const required = (setting: Setting, hint: string): string => {
    const value = getInput(setting)
    if (value === '') problem(setting, text`${subject(setting)} is required: ${hint}`)
    return value
  }

  const clientId = required(
    'client-id',
    'set it to your OAuth app\'s client ID (developer console, "Settings").',
  )
  const clientSecret = required(
    'client-secret',
    "set it to your OAuth app's secret, e.g. `${{ secrets.ATLASSIAN_CLIENT_SECRET }}`.",
  )
  const refreshToken = required(
    'refresh-token',
    'set it to the stored refresh token, e.g. `${{ secrets.ATLASSIAN_REFRESH_TOKEN }}`. If that secret is empty, check its name and that the workflow can read it (secrets are not passed to workflows triggered from forks).',
  )
  const secretName = required(
    'secret-name',
    'name the secret that receives the rotated refresh token, e.g. `ATLASSIAN_REFRESH_TOKEN`.',
  )
  const githubToken = required(
    'github-token',
    'pass a token that can write Actions secrets: a fine-grained personal access token with "Secrets: Read and write" on the repository, or a GitHub App installation token with the same permission. The workflow\'s own GITHUB_TOKEN cannot write secrets.',
  )
  const workflowToken = getInput('workflow-token')

  for (const [input, value, limit] of [
    ['client-id', clientId, LIMITS.clientId],
    ['client-secret', clientSecret, LIMITS.clientSecret],
    ['refresh-token', refreshToken, LIMITS.refreshToken],
    ['github-token', githubToken, LIMITS.githubToken],
    ['workflow-token', workflowToken, LIMITS.githubToken],
  ] as const satisfies readonly (readonly [Setting, string, Limit])[]) {
    const secret = (SECRET_SETTINGS as readonly string[]).includes(input)
    const overlong = tooLong(subject(input), value, limit, secret)
    if (overlong !== undefined) {
      problem(input, overlong)
    } else if (/\s/.test(value)) {
      problem(
        input,
        text`${subject(input)} contains whitespace inside the value. Store the value alone, without quotes, labels or line breaks (a copy-paste of two lines is the usual cause).`,
      )
    }
  }

  checkSecretName('secret-name', secretName, problem)
  const accessTokenSecretName = getInput('access-token-secret-name') || undefined
  if (accessTokenSecretName !== undefined) {
    checkSecretName('access-token-secret-name', accessTokenSecretName, problem)
    if (accessTokenSecretName.toUpperCase() === secretName.toUpperCase()) {
      problem(
        'access-token-secret-name',
        text`${subject('access-token-secret-name')} must name another secret than ${named('secret-name')} (secret names are case-insensitive): the refresh token would be overwritten by the access token.`,
      )
    }
  }

  const handoffKey = getInput('handoff-key') || undefined
  if (handoffKey !== undefined) {
    const problemText = handoffKeyProblem(handoffKey)
    if (problemText !== undefined) problem('handoff-key', problemText)
  }

  const lock = readLockSettings(getInput, secretName, accessTokenSecretName, problem)
  const target = readTarget(getInput, env, problem)

  const tokenUrl = parseEndpointUrl(
    'token-url',
    getInput('token-url') || DEFAULT_TOKEN_URL,
    problem,
  )
  const githubApiUrl = parseEndpointUrl(
    'github-api-url',
    getInput('github-api-url') || env['GITHUB_API_URL'] || DEFAULT_GITHUB_API_URL,
    problem,
  )
  const atlassianApiUrl = parseEndpointUrl(
    'atlassian-api-url',
    getInput('atlassian-api-url') || DEFAULT_ATLASSIAN_API_URL,
    problem,
  )
  const siteText = getInput('site-url')
  const siteUrl = siteText === '' ? undefined : parseSiteUrl('site-url', siteText, problem)

  const budgetText = getInput('retry-budget-seconds') || String(DEFAULT_RETRY_BUDGET_SECONDS)
  const budget = readSeconds(budgetText)
  if (!(budget >= 1 && budget <= MAX_RETRY_BUDGET_SECONDS)) {
    problem(
      'retry-budget-seconds',
      text`${subject('retry-budget-seconds')} must be a whole number of seconds from 1 to ${MAX_RETRY_BUDGET_SECONDS} (retries must end well inside Atlassian's 10-minute leeway); got ${quoteValue(budgetText)}.`,
    )
  }

  const consentedText = getInput('consented-at')
  const consentedAt = consentedText === '' ? undefined : parseConsentDate(consentedText, problem)

  const dryRunText = (getInput('dry-run') || 'false').toLowerCase()
  if (dryRunText !== 'true' && dryRunText !== 'false') {
    problem(
      'dry-run',
      text`${subject('dry-run')} must be "true" or "false"; got ${quoteValue(dryRunText)}.`,
    )
  }

  const onSuperseded = (getInput('on-superseded') || 'fail').toLowerCase()
  if (onSuperseded !== 'fail' && onSuperseded !== 'succeed') {
    problem(
      'on-superseded',
      text`${subject('on-superseded')} must be "fail" (a step that must hand an access token on) or "succeed" (a scheduled rotation, which has nothing left to do when another rotation got there first); got ${quoteValue(onSuperseded)}.`,
    )
  }

  const keepText = (getInput('keep-schedule-alive') || 'auto').toLowerCase()
  if (keepText !== 'auto' && keepText !== 'true' && keepText !== 'false') {
    problem(
      'keep-schedule-alive',
      text`${subject('keep-schedule-alive')} must be "auto" (enable this workflow on scheduled runs, so that GitHub does not disable its schedule), "true" (on every run) or "false"; got ${quoteValue(keepText)}.`,
    )
  }

  if (
    problems.length > 0 ||
    target === undefined ||
    !tokenUrl ||
    !githubApiUrl ||
    !atlassianApiUrl
  ) {
    return { ok: false, problems }
  }
  return {
    ok: true,
    onSuperseded: onSuperseded === 'succeed' ? 'succeed' : 'fail',
    keepScheduleAlive: keepText === 'true' ? 'true' : keepText === 'false' ? 'false' : 'auto',
    request: {
      clientId,
      clientSecret,
      refreshToken,
      secretName,
      githubToken,
      target,
      tokenUrl,
      githubApiUrl: withoutTrailingSlash(githubApiUrl),
      workflowToken,
      retryBudgetMs: budget * 1000,
      accessTokenSecretName,
      siteUrl,
      atlassianApiUrl: withoutTrailingSlash(atlassianApiUrl),
      consentedAt,
      dryRun: dryRunText === 'true',
      lock,
      handoffKey,
    },
  }
}

/**
 * What is wrong with a dedicated handoff key, if anything. It is used as a key as it is (no
 * password hash: ../handoff/handoff.ts), so it must be a long random value, like a client secret.
 */
export function handoffKeyProblem(value: string): Text | undefined {
  if (value.length < MIN_KEY_SECRET_LENGTH || value.length > LIMITS.clientSecret.max) {
    return text`${subject('handoff-key')} must be a random secret of ${MIN_KEY_SECRET_LENGTH} to ${LIMITS.clientSecret.max} characters (e.g. \`openssl rand -base64 32\`, stored as a secret that every job of the run can read); got ${value.length} characters.`
  }
  if (/\s/.test(value)) {
    return text`${subject('handoff-key')} contains whitespace. Store the value alone, without quotes or line breaks.`
  }
  return undefined
}

/**
 * `lock`, `lock-secret-name` and `lock-wait-seconds`: the lock, or undefined with `lock: false`.
 * Shared with `authorize`, which writes the secret too.
 */
export function readLockSettings(
  getInput: (setting: Setting) => string,
  secretName: string,
  accessTokenSecretName: string | undefined,
  problem: Problem,
): LockRequest | undefined {
  const onText = (getInput('lock') || 'true').toLowerCase()
  if (onText !== 'true' && onText !== 'false') {
    problem(
      'lock',
      text`${subject('lock')} must be "true" (take a lock next to the secret, so that no two rotations of the token overlap) or "false"; got ${quoteValue(onText)}.`,
    )
  }
  const waitText = getInput('lock-wait-seconds') || String(DEFAULT_LOCK_WAIT_SECONDS)
  const wait = readSeconds(waitText)
  if (!(wait >= 0 && wait <= MAX_LOCK_WAIT_SECONDS)) {
    problem(
      'lock-wait-seconds',
      text`${subject('lock-wait-seconds')} must be a whole number of seconds from 0 to ${MAX_LOCK_WAIT_SECONDS}; got ${quoteValue(waitText)}.`,
    )
  }
  const given = getInput('lock-secret-name')
  if (onText === 'false') return undefined
  const name = given || defaultLockName(secretName, LIMITS.name.max)
  checkSecretName('lock-secret-name', given, problem)
  for (const [other, otherName] of [
    ['secret-name', secretName],
    ['access-token-secret-name', accessTokenSecretName ?? ''],
  ] as const) {
    if (otherName !== '' && name.toUpperCase() === otherName.toUpperCase()) {
      problem(
        'lock-secret-name',
        text`${subject('lock-secret-name')} must name another secret than ${named(other)} (secret names are case-insensitive): the lock would overwrite it.`,
      )
    }
  }
  return { name, waitMs: wait * 1000 }
}

/**
 * Exactly one kind of target: `organization`, or `environment` of `repository`, or `repository`
 * alone. (`repository` always has a value, from its default, so it cannot conflict.)
 */
export function readTarget(
  getInput: (setting: Setting) => string,
  env: Record<string, string | undefined>,
  problem: Problem,
): TargetInput | undefined {
  const organization = getInput('organization')
  const environment = getInput('environment')
  const visibilityText = getInput('visibility').toLowerCase()
  const selectedText = getInput('selected-repositories')
  const selectedRepositories = selectedText
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '')

  if (organization !== '') {
    if (environment !== '') {
      problem(
        'environment',
        text`${subject('organization')} and ${named('environment')} name two different targets: give one. An organization secret is shared by repositories; an environment secret belongs to one environment of ${named('repository')}.`,
      )
    }
    let ok = environment === ''
    if (!OWNER.test(organization)) {
      problem(
        'organization',
        text`${subject('organization')} must be an organization's login (up to 39 letters, digits and hyphens), e.g. "octo-org"; got ${quoteValue(organization)}.`,
      )
      ok = false
    }
    let visibility: Visibility | undefined
    if (visibilityText !== '') {
      if (
        visibilityText === 'all' ||
        visibilityText === 'private' ||
        visibilityText === 'selected'
      ) {
        visibility = visibilityText
      } else {
        problem(
          'visibility',
          text`${subject('visibility')} must be "all", "private" or "selected"; got ${quoteValue(visibilityText)}.`,
        )
        ok = false
      }
    }
    if (visibility === 'selected' && selectedRepositories.length === 0) {
      problem(
        'selected-repositories',
        text`With ${named('visibility')} set to "selected", ${input('selected-repositories')} must name the repositories that may use the secret (names in the organization, separated by commas or new lines).`,
      )
      ok = false
    }
    if (visibility !== 'selected' && selectedRepositories.length > 0) {
      problem(
        'selected-repositories',
        text`${subject('selected-repositories')} applies only with ${named('visibility')} set to "selected": set that too, or remove the list.`,
      )
      ok = false
    }
    if (selectedRepositories.length > MAX_SELECTED_REPOSITORIES) {
      problem(
        'selected-repositories',
        text`${subject('selected-repositories')} names ${selectedRepositories.length} repositories; at most ${MAX_SELECTED_REPOSITORIES} can be resolved at once (GitHub allows 100 concurrent requests). For more, set ${named('visibility')} to "private" or "all".`,
      )
      ok = false
    } else {
      const wrong = selectedRepositories.find((name) => !isRepositoryName(name))
      if (wrong !== undefined) {
        problem(
          'selected-repositories',
          text`${subject('selected-repositories')} must list repository names of the organization (without "${organization}/"); ${quoteValue(wrong)} is not one.`,
        )
        ok = false
      }
    }
    return ok ? { kind: 'organization', organization, visibility, selectedRepositories } : undefined
  }

  for (const [input, given] of [
    ['visibility', visibilityText],
    ['selected-repositories', selectedText],
  ] as const) {
    if (given !== '') {
      problem(
        input,
        text`${subject(input)} applies only to an organization secret: set ${named('organization')} too, or remove it.`,
      )
    }
  }

  const repositoryText = getInput('repository') || env['GITHUB_REPOSITORY'] || ''
  const repository = parseRepository(repositoryText)
  if (repository === undefined) {
    problem(
      'repository',
      repositoryText === ''
        ? text`${subject('repository')} is empty and GITHUB_REPOSITORY is not set: set it to "owner/name".`
        : text`${subject('repository')} must be "owner/name", e.g. "octo-org/confluence-sync"; got ${quoteValue(repositoryText)}.`,
    )
    return undefined
  }
  if (environment === '') return { kind: 'repository', repository }
  const overlong = tooLong(subject('environment'), environment, LIMITS.environment, false)
  if (
    overlong !== undefined ||
    /[\p{Cc}\p{Cs}]/u.test(environment) ||
    environment === '.' ||
    environment === '..'
  ) {
    problem(
      'environment',
      overlong ??
        text`${subject('environment')} must be an environment's name as shown in the repository settings (up to ${ENVIRONMENT_MAX} characters, no control characters, not "." or ".."); got ${quoteValue(environment)}.`,
    )
    return undefined
  }
  return { kind: 'environment', repository, environment }
}

/** GitHub's rules for the names of secrets, which variables share (docs: "Naming conventions"). */
export function checkSecretName(
  input: Setting,
  name: string,
  problem: Problem,
  kind: 'secret' | 'variable' = 'secret',
): void {
  if (name === '') return
  const overlong = tooLong(subject(input), name, LIMITS.name, false)
  if (overlong !== undefined) {
    problem(input, overlong)
  } else if (!SECRET_NAME.test(name)) {
    problem(
      input,
      text`${subject(input)} must contain only letters, digits and underscores and must not start with a digit (GitHub's rule for ${kind} names); got ${quoteValue(name)}.`,
    )
  } else if (/^GITHUB_/i.test(name)) {
    problem(
      input,
      text`${subject(input)} must not start with GITHUB_ (GitHub reserves that prefix); got ${quoteValue(name)}.`,
    )
  }
}

export function parseRepository(text: string): RepositoryRef | undefined {
  const parts = text.split('/')
  if (parts.length !== 2) return undefined
  const [owner, repo] = parts as [string, string]
  if (!OWNER.test(owner) || !isRepositoryName(repo)) return undefined
  return { owner, repo }
}

/** GitHub's repository names: up to 100 of `A-Z a-z 0-9 . _ -`, but not "." or ".." (dot-segments). */
function isRepositoryName(name: string): boolean {
  return REPO.test(name) && name !== '.' && name !== '..'
}

/** A whole number of seconds, or NaN. Bounded first, so leading zeros cannot make it huge. */
export function readSeconds(text: string): number {
  return text.length <= LIMITS.seconds.max && /^\d+$/.test(text) ? Number(text) : NaN
}

/** ISO 8601: a date (2026-01-31) or a date and time with its zone (2026-01-31T09:00:00Z). */
function parseConsentDate(given: string, problem: Problem): Date | undefined {
  const time = parseIsoMoment(given)
  if (Number.isNaN(time)) {
    problem(
      'consented-at',
      text`${subject('consented-at')} must be an ISO 8601 date such as "2026-01-31" (or a date and time with its zone, "2026-01-31T09:00:00Z"); got ${quoteValue(given)}.`,
    )
    return undefined
  }
  return new Date(time)
}

/**
 * An ISO 8601 moment as epoch milliseconds: a date (2026-01-31, its midnight UTC) or a date and
 * time with its zone (2026-01-31T09:00:00Z); NaN for anything else. A time without a zone would
 * mean the reader's own, which differs between a laptop and a runner.
 */
export function parseIsoMoment(text: string): number {
  const iso =
    text.length <= LIMITS.date.max &&
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/.test(text)
  if (!iso) return NaN
  return Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text.replace(' ', 'T'))
}

function withoutTrailingSlash(url: URL): string {
  return url.href.replace(/\/+$/, '')
}
