/**
 * `sites`: the Atlassian sites (cloud ids and addresses) a token reaches. With an access token it
 * only asks. A refresh token cannot be used without spending it, so with one it runs a whole
 * rotation first (as `refresh`, storing the new token), and lists with the access token it got.
 */
import { text, type Text } from '../common/settings.js'
import { listSites, siteApiBases, type AtlassianSite } from '../atlassian/sites.js'
import { ActionError, saidOf } from '../common/errors.js'
import { parseEndpointUrl } from '../common/endpoint-url.js'
import { LIMITS, tooLong } from '../common/input-limits.js'
import { httpOptions, retryOptions, type Command } from './context.js'
import { CliError, EXIT, type ExitCode } from './exit-codes.js'
import { reportFailure } from './failure.js'
import { listProblems, TOOL, type CommandSpec } from './options.js'
import {
  printOutputs,
  ROTATION_ENVIRONMENT,
  ROTATION_EXIT_CODES,
  ROTATION_FLAGS,
  rotateOnce,
} from './refresh.js'

const spec: CommandSpec = {
  name: 'sites',
  summary: 'list the cloud ids and addresses of the sites a token reaches',
  usage:
    'sites [--json]   (with ATLASSIAN_ACCESS_TOKEN, or ATLASSIAN_REFRESH_TOKEN and the options of refresh)',
  description: [
    "Lists the sites (cloud id, address, name) that an access token reaches, from Atlassian's accessible-resources. API calls for a site go to https://api.atlassian.com/ex/confluence/{cloud id}/wiki/… (Confluence) and https://api.atlassian.com/ex/jira/{cloud id}/rest/… (Jira), not to the site's own address.",
    'Give an access token in ATLASSIAN_ACCESS_TOKEN: nothing else is needed or changed. A refresh token (ATLASSIAN_REFRESH_TOKEN) is disabled by its first use, so with one, sites runs a whole rotation first, exactly as refresh does (same options, the new refresh token written to the secret), and lists with the new access token.',
  ],
  flags: [
    {
      name: 'json',
      kind: 'boolean',
      env: false,
      description:
        'Print a JSON array of {id, name, url, apiBaseUrl, confluenceApiBaseUrl, jiraApiBaseUrl} instead of lines (apiBaseUrl is the Confluence one).',
    },
    ...ROTATION_FLAGS,
  ],
  environment: [
    ['ATLASSIAN_ACCESS_TOKEN', 'An access token (it lives about an hour). Used when set.'],
    ...ROTATION_ENVIRONMENT.map(([name, text]): [string, string] => [
      name,
      `Without an access token: ${text.charAt(0).toLowerCase()}${text.slice(1)}`,
    ]),
  ],
  examples: [
    `ATLASSIAN_ACCESS_TOKEN=… ${TOOL} sites`,
    `${TOOL} sites --json --client-id "$CLIENT_ID" --repository octo-org/confluence-sync --secret-name ATLASSIAN_REFRESH_TOKEN`,
  ],
  // With an access token: 0, 2, 4 (or 1); with a refresh token, a rotation's codes too.
  exitCodes: ROTATION_EXIT_CODES,
}

export const sites: Command = {
  spec,
  async run(flags, context): Promise<ExitCode> {
    const { terminal, deps } = context
    const problems: (string | Text)[] = []
    const apiUrl = parseEndpointUrl(
      'atlassian-api-url',
      flags.string('atlassian-api-url') ?? 'https://api.atlassian.com',
      (_input, message) => problems.push(message),
    )
    if (apiUrl === undefined) {
      throw new CliError(EXIT.USAGE, listProblems(problems), `Run \`${TOOL} sites --help\`.`)
    }
    const atlassianApiUrl = apiUrl.href.replace(/\/+$/, '')

    let accessToken = deps.env['ATLASSIAN_ACCESS_TOKEN']?.trim() ?? ''
    const accessTokenTooLong = tooLong(
      'ATLASSIAN_ACCESS_TOKEN',
      accessToken,
      LIMITS.accessToken,
      true,
    )
    if (accessTokenTooLong !== undefined) {
      throw new CliError(
        EXIT.USAGE,
        accessTokenTooLong,
        `Run \`${TOOL} sites --help\`. Nothing was sent.`,
      )
    }
    let exitCode: ExitCode = EXIT.OK
    if (accessToken !== '') {
      terminal.secrets.add(accessToken)
    } else if (deps.env['ATLASSIAN_REFRESH_TOKEN']?.trim()) {
      terminal.say(
        'ATLASSIAN_ACCESS_TOKEN is not set: using ATLASSIAN_REFRESH_TOKEN, which takes a whole rotation (the new refresh token is stored, as by refresh).',
      )
      const rotation = await rotateOnce(flags, context)
      if (flags.boolean('show-tokens')) {
        printOutputs(
          new Map([...rotation.outputs].filter(([name]) => name.endsWith('-token'))),
          true,
          context,
        )
      }
      accessToken = rotation.outputs.get('access-token') ?? ''
      exitCode = rotation.exitCode
      // Interrupted: the rotation said where the token is; nothing new starts.
      if (rotation.interrupted) return exitCode === EXIT.OK ? EXIT.INTERRUPTED : exitCode
      if (accessToken === '' || (flags.boolean('dry-run') && exitCode === EXIT.OK)) {
        return exitCode
      }
    } else {
      throw new CliError(
        EXIT.USAGE,
        'No token: set ATLASSIAN_ACCESS_TOKEN (an access token), or ATLASSIAN_REFRESH_TOKEN with the options of refresh.',
        `Run \`${TOOL} sites --help\`.`,
      )
    }

    let found: AtlassianSite[]
    try {
      found = await listSites(
        atlassianApiUrl,
        accessToken,
        httpOptions(context),
        terminal.secrets,
        retryOptions(context, 'Sites', 30_000),
      )
    } catch (error) {
      // A new refresh token that still needs storing by hand outranks a site list that failed:
      // the exit code says so first, as refresh's would.
      if (exitCode === EXIT.NOT_STORED) {
        reportFailure(terminal, {
          said: text`Could not list the sites as well: ${saidOf(error)}`,
          next: `Store the new refresh token first, as said above. The sites can wait: \`${TOOL} sites\` lists them later.`,
        })
        return exitCode
      }
      // A refused access token is the usual cause here: say so in this command's terms.
      if (
        error instanceof ActionError &&
        error.code === 'SITES_UNAVAILABLE' &&
        error.status === 401
      ) {
        throw new CliError(
          EXIT.ATLASSIAN,
          `Could not list the Atlassian sites the token reaches: ${new URL(atlassianApiUrl).origin} answered HTTP 401. The access token was refused: it expired (they live about an hour), or it is not an access token.`,
          'Get a fresh one (authorize --show-tokens, or refresh --show-tokens), or give a refresh token instead.',
        )
      }
      throw error
    }
    const rows = found.map((site) => {
      const bases = siteApiBases(atlassianApiUrl, site)
      return {
        id: site.id,
        name: site.name,
        url: site.url,
        apiBaseUrl: bases.apiBaseUrl,
        confluenceApiBaseUrl: bases.apiBaseUrl,
        jiraApiBaseUrl: bases.jiraApiBaseUrl,
      }
    })
    if (flags.boolean('json')) {
      terminal.result(JSON.stringify(rows, null, 2))
    } else if (rows.length === 0) {
      terminal.warn(
        'The token reaches no site: the user who consented cannot use a site with these scopes, or the app lacks the scopes of its products.',
      )
    } else {
      const width = Math.max(...rows.map((row) => row.id.length))
      for (const row of rows) terminal.result(`${row.id.padEnd(width)}  ${row.url}  ${row.name}`)
    }
    return exitCode
  },
}
