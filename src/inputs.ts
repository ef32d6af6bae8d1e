import { isIP } from 'node:net'

/** The repository whose Actions secret receives the rotated refresh token. */
export interface RepositoryRef {
  owner: string
  repo: string
}

export interface ActionInputs {
  clientId: string
  clientSecret: string
  refreshToken: string
  secretName: string
  githubToken: string
  repository: RepositoryRef
  tokenUrl: URL
  /** Without a trailing slash, e.g. `https://api.github.com` or `https://ghes.example/api/v3`. */
  githubApiUrl: string
  /** The workflow's own token (`github.token`), to read when this run started; '' when not given. */
  workflowToken: string
  /** How long each step (preflight, refresh, write) may spend retrying. */
  retryBudgetMs: number
}

/** One thing wrong with one input, phrased as the fix. Never contains an input's value. */
export interface InputProblem {
  input: string
  message: string
}

export type InputsResult =
  { ok: true; inputs: ActionInputs } | { ok: false; problems: InputProblem[] }

/** The inputs whose values are secret: masked before anything else reads them. */
export const SECRET_INPUTS = [
  'client-secret',
  'refresh-token',
  'github-token',
  'workflow-token',
] as const

/**
 * The retry budget's ceiling. A refresh retried after a lost answer presents a token Atlassian may
 * already have disabled; that is safe only inside the 10-minute leeway, so every retry must end
 * well before it (../shared/FACTS.md, "How the leeway works").
 */
export const MAX_RETRY_BUDGET_SECONDS = 480
const DEFAULT_RETRY_BUDGET_SECONDS = 120

const DEFAULT_TOKEN_URL = 'https://auth.atlassian.com/oauth/token'
const DEFAULT_GITHUB_API_URL = 'https://api.github.com'

// GitHub's rules for secret names (docs: "Naming your secrets"): letters, digits and underscores,
// not starting with a digit, and not with the reserved GITHUB_ prefix (case-insensitive).
const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
// GitHub owner and repository names (the same characters `owner/name` may hold in a URL path).
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/
const REPO = /^[A-Za-z0-9._-]{1,100}$/

/**
 * Reads and checks every input before any request is sent. `getInput` returns the trimmed input
 * value or '' (as `core.getInput` does); `env` supplies the runner's own variables, used when an
 * input whose default is a `${{ github.* }}` expression is empty (e.g. outside the runner).
 *
 * All problems are reported at once, so one failed run shows every input to fix.
 */
export function readInputs(
  getInput: (name: string) => string,
  env: Record<string, string | undefined>,
): InputsResult {
  const problems: InputProblem[] = []
  const problem = (input: string, message: string): void => {
    problems.push({ input, message })
  }

  const required = (input: string, hint: string): string => {
    const value = getInput(input)
    if (value === '') problem(input, `Input "${input}" is required: ${hint}`)
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

  for (const [input, value] of [
    ['client-id', clientId],
    ['client-secret', clientSecret],
    ['refresh-token', refreshToken],
    ['github-token', githubToken],
    ['workflow-token', workflowToken],
  ] as const) {
    if (/\s/.test(value)) {
      problem(
        input,
        `Input "${input}" contains whitespace inside the value. Store the value alone, without quotes, labels or line breaks (a copy-paste of two lines is the usual cause).`,
      )
    }
  }

  if (secretName !== '') {
    if (!SECRET_NAME.test(secretName)) {
      problem(
        'secret-name',
        `Input "secret-name" must contain only letters, digits and underscores and must not start with a digit (GitHub's rule for secret names); got "${secretName}".`,
      )
    } else if (/^GITHUB_/i.test(secretName)) {
      problem(
        'secret-name',
        `Input "secret-name" must not start with GITHUB_ (GitHub reserves that prefix); got "${secretName}".`,
      )
    }
  }

  const repositoryText = getInput('repository') || env['GITHUB_REPOSITORY'] || ''
  const repository = parseRepository(repositoryText)
  if (repository === undefined) {
    problem(
      'repository',
      repositoryText === ''
        ? 'Input "repository" is empty and GITHUB_REPOSITORY is not set: set it to "owner/name".'
        : `Input "repository" must be "owner/name", e.g. "octo-org/confluence-sync"; got "${repositoryText}".`,
    )
  }

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

  const budgetText = getInput('retry-budget-seconds') || String(DEFAULT_RETRY_BUDGET_SECONDS)
  const budget = /^\d+$/.test(budgetText) ? Number(budgetText) : NaN
  if (!(budget >= 1 && budget <= MAX_RETRY_BUDGET_SECONDS)) {
    problem(
      'retry-budget-seconds',
      `Input "retry-budget-seconds" must be a whole number of seconds from 1 to ${MAX_RETRY_BUDGET_SECONDS} (retries must end well inside Atlassian's 10-minute leeway); got "${budgetText}".`,
    )
  }

  if (problems.length > 0 || repository === undefined || !tokenUrl || !githubApiUrl) {
    return { ok: false, problems }
  }
  return {
    ok: true,
    inputs: {
      clientId,
      clientSecret,
      refreshToken,
      secretName,
      githubToken,
      repository,
      tokenUrl,
      githubApiUrl: githubApiUrl.href.replace(/\/+$/, ''),
      workflowToken,
      retryBudgetMs: budget * 1000,
    },
  }
}

function parseRepository(text: string): RepositoryRef | undefined {
  const parts = text.split('/')
  if (parts.length !== 2) return undefined
  const [owner, repo] = parts as [string, string]
  if (!OWNER.test(owner) || !REPO.test(repo) || repo === '.' || repo === '..') return undefined
  return { owner, repo }
}

/**
 * A client secret and refresh token must never cross a network in clear text, so endpoints are
 * https; plain http is allowed only to this machine (the loopback emulators, local testing).
 */
function parseEndpointUrl(
  input: string,
  text: string,
  problem: (input: string, message: string) => void,
): URL | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    problem(input, `Input "${input}" is not a URL; expected e.g. "https://…".`)
    return undefined
  }
  if (url.username !== '' || url.password !== '') {
    problem(input, `Input "${input}" must not contain a user name or password.`)
    return undefined
  }
  if (url.protocol === 'https:') return url
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url
  problem(
    input,
    url.protocol === 'http:'
      ? `Input "${input}" uses plain http to ${url.hostname}: credentials would cross the network unencrypted. Use https (plain http is accepted only for 127.0.0.1, ::1 and localhost).`
      : `Input "${input}" must be an https URL; got the scheme "${url.protocol}".`,
  )
  return undefined
}

/** 127.0.0.0/8, ::1 and localhost: addresses that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1'
  return false
}
