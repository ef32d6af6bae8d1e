/**
 * The action's messages name its inputs ("Input "repository" must be…", "Check "github-api-url"").
 * The command line tool reuses those messages; this rewords them so they name what a terminal user
 * sets instead: the flag (`--repository`), or for a secret, its environment variable.
 */
import { SECRET_SOURCES } from './options.js'

/** Every action input the messages may name (action.yml). */
const INPUTS = [
  'client-id',
  'client-secret',
  'refresh-token',
  'secret-name',
  'github-token',
  'repository',
  'token-url',
  'github-api-url',
  'workflow-token',
  'environment',
  'organization',
  'visibility',
  'selected-repositories',
  'access-token-secret-name',
  'site-url',
  'atlassian-api-url',
  'consented-at',
  'dry-run',
  'retry-budget-seconds',
]

/** Flags of the command line tool alone that the shared checks (inputs.ts, endpoint-url.ts) name. */
const CLI_FLAGS = ['authorize-url', 'record-consent-variable', 'token-obtained-at']

const NAMES = [...INPUTS, ...CLI_FLAGS].join('|')
const INPUT_AFTER = new RegExp(`\\b(?:([Tt]he) )?"(${NAMES})" input\\b`, 'g')
const INPUT_BEFORE = new RegExp(`\\b[Ii]nputs? "(${NAMES})"`, 'g')
const TOKEN_IN = new RegExp(`\\bthe token in "(${NAMES})"`, 'g')
const QUOTED = new RegExp(`"(${NAMES})"`, 'g')

/**
 * @param githubTokenSource where this run's GitHub token came from: "GH_TOKEN", "gh auth token"…
 */
export function terminalWording(githubTokenSource: string | undefined): (text: string) => string {
  const term = (name: string): string => {
    if (name === 'github-token') {
      return `the GitHub token${githubTokenSource ? ` (from ${githubTokenSource})` : ''}`
    }
    return SECRET_SOURCES[name] ?? `--${name}`
  }
  const giveToken =
    githubTokenSource === 'gh auth token'
      ? 'log GitHub CLI in with it (`gh auth login`)'
      : `set ${githubTokenSource ?? 'GH_TOKEN'} to it`
  return (text) =>
    text
      .replace(/update the secret that feeds "github-token"/g, giveToken)
      .replace(INPUT_AFTER, (_, the: string | undefined, name: string) =>
        capitalizeIf(term(name), the === 'The'),
      )
      .replace(INPUT_BEFORE, (_, name: string) => term(name))
      .replace(TOKEN_IN, (_, name: string) => term(name))
      .replace(/ in "github-token"/g, githubTokenSource ? ` (from ${githubTokenSource})` : '')
      .replace(QUOTED, (_, name: string) => term(name))
      .replace(/`\$\{\{ secrets\.([A-Z0-9_]+) \}\}`/g, '$1')
}

function capitalizeIf(text: string, capital: boolean): string {
  return capital ? text.charAt(0).toUpperCase() + text.slice(1) : text
}
