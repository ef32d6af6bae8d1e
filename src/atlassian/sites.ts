/**
 * Which Atlassian sites a token reaches. API calls do not go to a site's own host but to the API
 * gateway, under the product and the site's cloud id: https://api.atlassian.com/ex/confluence/
 * {cloudId}/wiki/… and https://api.atlassian.com/ex/jira/{cloudId}/rest/… (../shared/FACTS.md,
 * "Sites").
 */
import { named, text } from '../common/settings.js'
import { ActionError } from '../common/errors.js'
import { describeAnswerShape } from '../common/body-text.js'
import { send, type HttpAnswer, type HttpOptions } from '../common/http.js'
import { classifyNetworkFailure } from '../common/network-failure.js'
import {
  describeAttempts,
  transientVerdict,
  withRetries,
  type RetryOptions,
} from '../common/retry.js'
import type { SecretValues } from '../common/secrets.js'

export interface AtlassianSite {
  /** The cloud id. */
  id: string
  name: string
  url: string
}

export interface SiteLookup {
  site: AtlassianSite
  /**
   * Where the site's Confluence REST APIs are: `{atlassian-api-url}/ex/confluence/{cloudId}`.
   * The output `api-base-url` has always meant this one; `confluence-api-base-url` says so.
   */
  apiBaseUrl: string
  /** Where the site's Jira REST APIs are: `{atlassian-api-url}/ex/jira/{cloudId}`. */
  jiraApiBaseUrl: string
}

/**
 * Finds `siteUrl` among the sites the access token reaches. Runs after the new refresh token is
 * stored, so a failure here never puts the token at risk.
 */
export async function findSite(
  atlassianApiUrl: string,
  accessToken: string,
  siteUrl: URL,
  http: HttpOptions,
  secrets: SecretValues,
  retry: RetryOptions,
): Promise<SiteLookup> {
  const sites = await listSites(atlassianApiUrl, accessToken, http, secrets, retry)
  const wanted = siteUrl.origin.toLowerCase()
  const site = sites.find((candidate) => originOf(candidate.url) === wanted)
  if (site === undefined) {
    const reachable =
      sites.length === 0
        ? 'none: the consent covers no site, or the app lacks the scopes of its products'
        : sites.map((s) => `${s.name} (${s.url})`).join(', ')
    throw new ActionError(
      'SITE_NOT_REACHED',
      `The token does not reach ${siteUrl.origin}. Sites it reaches: ${reachable}.`,
      'stored',
      text`Fix ${named('site-url')} (the address of your site, e.g. https://example.atlassian.net), or have a user of that site consent to the app with the scopes it needs.`,
    )
  }
  return { site, ...siteApiBases(atlassianApiUrl, site) }
}

/**
 * Where a site's REST APIs are, per product: the gateway's `/ex/confluence/{cloudId}` and
 * `/ex/jira/{cloudId}` (one cloud id serves every product of the site).
 */
export function siteApiBases(
  atlassianApiUrl: string,
  site: AtlassianSite,
): Pick<SiteLookup, 'apiBaseUrl' | 'jiraApiBaseUrl'> {
  const cloudId = encodeURIComponent(site.id)
  return {
    apiBaseUrl: `${atlassianApiUrl}/ex/confluence/${cloudId}`,
    jiraApiBaseUrl: `${atlassianApiUrl}/ex/jira/${cloudId}`,
  }
}

/**
 * Every site the access token reaches (accessible-resources), in the order Atlassian lists them.
 * Failures are marked with the token "stored": in the rotation this runs after the write.
 */
export async function listSites(
  atlassianApiUrl: string,
  accessToken: string,
  http: HttpOptions,
  // Unused since answers are described rather than quoted; kept so that callers need not change.
  _secrets: SecretValues,
  retry: RetryOptions,
): Promise<AtlassianSite[]> {
  const endpoint = new URL(`${atlassianApiUrl}/oauth/token/accessible-resources`)
  return withRetries(
    async (remainingMs) => {
      let answer
      try {
        answer = await send(
          endpoint,
          {
            method: 'GET',
            headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
          },
          { ...http, timeoutMs: Math.min(http.timeoutMs, remainingMs) },
        )
      } catch (error) {
        const failure = classifyNetworkFailure(error)
        throw new ActionError(
          'SITES_UNAVAILABLE',
          `Could not list the Atlassian sites the token reaches: the request to ${endpoint.origin} failed (${failure.description}).`,
          'stored',
          text`Check ${named('atlassian-api-url')} and the network from the runner to it, then re-run.`,
          {
            cause: error,
            ...(failure.permanent ? {} : { transient: { reason: failure.description } }),
          },
        )
      }
      if (answer.status !== 200) {
        const transient = answer.status >= 500 || answer.status === 429
        throw new ActionError(
          'SITES_UNAVAILABLE',
          `Could not list the Atlassian sites the token reaches: ${endpoint.origin} answered HTTP ${answer.status}${answer.status === 401 ? ' (the new access token was refused)' : ''}.`,
          'stored',
          answer.status === 401
            ? text`Check ${named('atlassian-api-url')}: it must be Atlassian's API gateway (https://api.atlassian.com).`
            : 'Re-run; check https://developer.status.atlassian.com if it persists.',
          {
            status: answer.status,
            ...(transient && {
              transient: { reason: `HTTP ${answer.status}`, retryAfter: answer.retryAfter },
            }),
          },
        )
      }
      return parseSites(answer, endpoint)
    },
    (error) => transientVerdict(error, retry.clock.now()),
    retry,
    (error, history) => (error instanceof ActionError ? describeAttempts(error, history) : error),
  )
}

/**
 * The list of sites. Anything else is described by status, content type and length, never quoted:
 * an answer to a request that carried the new access token may echo it, unmasked.
 */
function parseSites(answer: HttpAnswer, endpoint: URL): AtlassianSite[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(answer.body.trim()) as unknown
  } catch {
    parsed = undefined
  }
  const sites = Array.isArray(parsed)
    ? (parsed as unknown[]).flatMap((entry): AtlassianSite[] => {
        if (typeof entry !== 'object' || entry === null) return []
        const { id, name, url } = entry as Record<string, unknown>
        return typeof id === 'string' && typeof url === 'string'
          ? [{ id, name: typeof name === 'string' ? name : url, url }]
          : []
      })
    : undefined
  if (sites === undefined) {
    throw new ActionError(
      'SITES_UNAVAILABLE',
      `${endpoint.origin} answered the list of sites with something that is not a JSON list (${describeAnswerShape(answer)}).`,
      'stored',
      text`Check ${named('atlassian-api-url')}: it must be Atlassian's API gateway (https://api.atlassian.com).`,
    )
  }
  return sites
}

function originOf(url: string): string {
  try {
    return new URL(url).origin.toLowerCase()
  } catch {
    return ''
  }
}
