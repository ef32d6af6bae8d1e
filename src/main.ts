/**
 * One rotation, in the order that keeps the refresh token safe:
 *
 *   1. read and check every input, masking the secret ones first;          (nothing sent yet)
 *   2. preflight, in one round of parallel reads: the store's public key, when the secret was last
 *      written, when this run read it, and the target's own checks;      (token still unspent)
 *   3. the stale-token guard: stop if the token in hand was superseded and its leeway is over;
 *      a dry run ends here, reporting what a real run would do;
 *   4. spend the refresh token: the refresh grant, retried inside a deadline that ends well
 *      within Atlassian's 10-minute leeway;                                 (old token disabled)
 *   5. seal the new refresh token (printing the sealed copy first) and write it;  (new token safe)
 *   6. what needs the new tokens: the access-token secret, the site's cloud id;
 *   7. outputs and job summary.
 *
 * If step 5 fails, the new token is only in this process: the failure carries it sealed under
 * GitHub's public key, with the command that stores it by hand.
 */
import { findSite, type SiteLookup } from './atlassian/sites.js'
import { refreshGrant, type TokenSet } from './atlassian/token-endpoint.js'
import { consentStatus } from './consent.js'
import { ActionError, type TokenState } from './errors.js'
import { createGitHubClient } from './github/client.js'
import type { StoreAccess } from './github/secret-store.js'
import { secretTarget } from './github/targets.js'
import { currentRunAttempt } from './github/workflow-run.js'
import { dispatcherFor, type Dispatcher, type HttpOptions } from './http.js'
import { readInputs, SECRET_INPUTS, type ActionInputs } from './inputs.js'
import { preflight, type PreflightSources } from './preflight.js'
import {
  describeDryRun,
  describeFailure,
  describeRecovery,
  leewayEnd,
  renderDryRunSummary,
  renderFailureSummary,
  renderSummary,
  type Recovery,
  type RunContext,
} from './report.js'
import { DEFAULT_BACKOFF, systemClock, type Clock, type RetryOptions } from './retry.js'
import { actionsRunner, type Runner } from './runner.js'
import { loadSodium } from './sealing.js'
import { SecretValues } from './secrets.js'
import { actOnJudgement, describeJudgement } from './stale-token-guard.js'
import { writeBack } from './write-back.js'

export type { Runner } from './runner.js'

export interface Dependencies {
  runner: Runner
  env: Record<string, string | undefined>
  /** Picks the connection pool, or proxy, for an endpoint. */
  dispatcherFor: (url: URL) => Dispatcher
  clock: Clock
  /** In [0, 1): jitter for retry backoff. */
  random: () => number
  /** Limit for each single request. */
  requestTimeoutMs: number
  /** Calls `handler` when the job is being cancelled; returns a function that stops listening. */
  onCancel: (handler: (signal: string) => void) => () => void
}

export function defaultDependencies(): Dependencies {
  return {
    runner: actionsRunner(),
    env: process.env,
    dispatcherFor,
    clock: systemClock,
    random: Math.random,
    requestTimeoutMs: 30_000,
    // The runner cancels a step with SIGINT, then SIGTERM, then kills it.
    onCancel: (handler) => {
      process.on('SIGINT', handler)
      process.on('SIGTERM', handler)
      return () => {
        process.off('SIGINT', handler)
        process.off('SIGTERM', handler)
      }
    },
  }
}

/** Token answers are a few kilobytes; anything far larger is not a token answer. */
const MAX_ANSWER_BYTES = 256 * 1024

export async function run(deps: Dependencies = defaultDependencies()): Promise<void> {
  const { runner } = deps
  const secrets = new SecretValues((value) => runner.setSecret(value))

  // 1. Inputs. The secret ones are masked before anything else reads them.
  for (const name of SECRET_INPUTS) secrets.add(runner.getInput(name))
  const read = readInputs((name) => runner.getInput(name), deps.env)
  if (!read.ok) {
    for (const problem of read.problems) {
      runner.error(problem.message, { title: `Input "${problem.input}"` })
    }
    runner.setFailed(
      `${read.problems.length} input problem(s); nothing was sent and the stored refresh token was not used.`,
    )
    return
  }
  await rotate(deps, read.inputs, secrets)
}

async function rotate(
  deps: Dependencies,
  inputs: ActionInputs,
  secrets: SecretValues,
): Promise<void> {
  const { runner, clock } = deps
  const now = (): Date => new Date(clock.now())
  const target = secretTarget(inputs.target)
  const context: RunContext = {
    secretName: inputs.secretName,
    target,
    grantSentAt: undefined,
    leewayEndsAt: undefined,
    githubApiUrl: inputs.githubApiUrl,
  }
  // Where the working token is, should anything throw; and its sealed copy once there is one.
  let tokenState: TokenState = 'unchanged'
  let recovery: Recovery | undefined

  const cancellation = new AbortController()
  const stopListening = deps.onCancel((signal) => {
    if (cancellation.signal.aborted) return
    cancellation.abort()
    runner.warning(
      `Received ${signal}: the job is being cancelled. The request in flight is allowed to finish; no new attempt starts.${recovery ? ' The sealed recovery value is in the "Recovery value" group above.' : ''}`,
    )
  })
  const retryFor = (what: string): RetryOptions => ({
    clock,
    deadline: clock.now() + inputs.retryBudgetMs,
    random: deps.random,
    ...DEFAULT_BACKOFF,
    signal: cancellation.signal,
    onRetry: ({ attempt, reason, delayMs, doing }) => {
      runner.info(
        `${what}: attempt ${attempt}${doing ? ` to ${doing}` : ''} failed (${reason}); trying again in ${(delayMs / 1000).toFixed(1)} s.`,
      )
    },
  })

  // One connection pool per endpoint, kept alive across the run's requests and closed at its end.
  const pools = new Map<string, Dispatcher>()
  const dispatcher = (url: URL): Dispatcher => {
    let pool = pools.get(url.origin)
    if (!pool) pools.set(url.origin, (pool = deps.dispatcherFor(url)))
    return pool
  }
  // Loading the sealing code (the largest part of the action) starts once the first request is on
  // the wire, so that it overlaps the network instead of delaying the first request.
  const githubClient = (token: string): ReturnType<typeof createGitHubClient> =>
    createGitHubClient({
      token,
      baseUrl: inputs.githubApiUrl,
      dispatcher: dispatcher(new URL(inputs.githubApiUrl)),
      timeoutMs: deps.requestTimeoutMs,
      onWritten: () => {
        loadSodium().catch(() => undefined)
      },
    })
  const github = githubClient(inputs.githubToken)
  const store = (retry: RetryOptions): StoreAccess => ({ github, target, secrets, retry })
  const consent = inputs.consentedAt ? consentStatus(inputs.consentedAt, now()) : undefined

  try {
    if (consent) {
      runner.setOutput('reconsent-by', consent.reconsentBy.toISOString())
      if (consent.warning) runner.warning(consent.warning)
    }

    // 2. Preflight: nothing here may cost the refresh token.
    const runAttempt = currentRunAttempt(deps.env)
    const runSource: PreflightSources['run'] =
      runAttempt === undefined
        ? { missing: 'not running in GitHub Actions: GITHUB_RUN_ID is not set' }
        : inputs.workflowToken === ''
          ? { missing: 'the "workflow-token" input is empty' }
          : { attempt: runAttempt, github: githubClient(inputs.workflowToken) }
    const checked = await preflight(inputs, {
      store: store(retryFor('Preflight')),
      run: runSource,
      now,
    })
    runner.info(
      `The GitHub token can read the secrets public key of ${target.description} (key_id ${checked.publicKey.keyId}).`,
    )

    // 3. The stale-token guard; a dry run stops here.
    const grantDeadline = actOnJudgement(
      runner,
      checked.judgement,
      inputs.secretName,
      checked.metadata?.serverNow,
      clock.now(),
    )
    if (inputs.dryRun) {
      const plan = {
        tokenUrl: inputs.tokenUrl,
        staleTokenCheck: describeJudgement(checked.judgement),
        organization: checked.organization,
        accessTokenSecret: inputs.accessTokenSecretName,
        siteUrl: inputs.siteUrl,
        consent,
      }
      for (const line of describeDryRun(context, plan)) runner.info(line)
      runner.setOutput('rotated', 'false')
      runner.setOutput('secret-updated', 'false')
      await writeSummarySafely(runner, renderDryRunSummary(context, plan))
      return
    }

    // 4. Spend the refresh token. From here on the stored token is disabled once Atlassian answers.
    context.grantSentAt = now()
    context.leewayEndsAt = leewayEnd(
      context.grantSentAt,
      grantDeadline === undefined ? undefined : new Date(grantDeadline),
    )
    tokenState = 'maybe-rotated'
    const http = (url: URL): HttpOptions => ({
      dispatcher: dispatcher(url),
      timeoutMs: deps.requestTimeoutMs,
      maxBodyBytes: MAX_ANSWER_BYTES,
    })
    const refreshRetry = retryFor('Refresh')
    if (grantDeadline !== undefined)
      refreshRetry.deadline = Math.min(refreshRetry.deadline, grantDeadline)
    const tokens = await refreshGrant(
      {
        tokenUrl: inputs.tokenUrl,
        clientId: inputs.clientId,
        clientSecret: inputs.clientSecret,
        refreshToken: inputs.refreshToken,
      },
      http(inputs.tokenUrl),
      secrets,
      refreshRetry,
    )
    for (const warning of tokens.warnings) runner.warning(warning)
    const expiresAt =
      tokens.expiresIn === undefined
        ? undefined
        : new Date(context.grantSentAt.getTime() + tokens.expiresIn * 1000)
    const newRefreshToken =
      tokens.refreshToken !== undefined && tokens.refreshToken !== inputs.refreshToken
        ? tokens.refreshToken
        : undefined
    // Outputs now (all masked), so a later `if: failure()` step can still use the new tokens.
    setTokenOutputs(runner, tokens, expiresAt, newRefreshToken ?? inputs.refreshToken)
    runner.setOutput('rotated', String(newRefreshToken !== undefined))
    runner.setOutput('secret-updated', 'false')

    // 5. Store the new refresh token. Without one, the token that was sent stays the valid one.
    let stored: 'created' | 'updated' | undefined
    if (newRefreshToken === undefined) {
      tokenState = 'unchanged'
      runner.info(
        `The token endpoint issued no new refresh token: ${inputs.secretName} keeps the one it holds.`,
      )
    } else {
      tokenState = 'rotated-not-stored'
      const leewayEndsAt = context.leewayEndsAt
      stored = await writeBack(store(retryFor('Write')), {
        secretName: inputs.secretName,
        value: newRefreshToken,
        publicKey: checked.publicKey,
        organization: checked.organization,
        tokenState,
        onSealed: (sealed) => {
          recovery = { sealed, organization: checked.organization, leewayEndsAt }
          runner.startGroup(
            `Recovery value for ${inputs.secretName} (needed only if this step fails before it is written)`,
          )
          runner.info(describeRecovery(context, recovery))
          runner.endGroup()
        },
      })
      recovery = undefined
      tokenState = 'stored'
      runner.setOutput('secret-updated', 'true')
      runner.info(
        `Rotated the refresh token and ${stored} ${inputs.secretName} in ${target.description}.`,
      )
    }

    // 6. What needs the new tokens. The refresh token is safe by now, whatever happens here.
    const accessToken = tokens.accessToken
    if (inputs.accessTokenSecretName !== undefined && accessToken === undefined) {
      runner.warning(
        `No access token to store in ${inputs.accessTokenSecretName}: the token endpoint's answer held none that could be used. It keeps what it held.`,
      )
    } else if (inputs.accessTokenSecretName !== undefined && accessToken !== undefined) {
      await writeBack(store(retryFor('Access token')), {
        secretName: inputs.accessTokenSecretName,
        value: accessToken,
        publicKey: checked.publicKey,
        organization: checked.organization,
        tokenState: 'stored',
      })
      runner.info(`Stored the access token in ${inputs.accessTokenSecretName}.`)
    }
    let site: SiteLookup | undefined
    if (inputs.siteUrl !== undefined && accessToken === undefined) {
      runner.warning(
        `Not looking up the cloud id of ${inputs.siteUrl.origin}: there is no access token to ask with. The outputs cloud-id and api-base-url are empty.`,
      )
    } else if (inputs.siteUrl !== undefined && accessToken !== undefined) {
      site = await findSite(
        inputs.atlassianApiUrl,
        accessToken,
        inputs.siteUrl,
        http(new URL(inputs.atlassianApiUrl)),
        secrets,
        retryFor('Sites'),
      )
      runner.setOutput('cloud-id', site.site.id)
      runner.setOutput('api-base-url', site.apiBaseUrl)
      runner.info(`${site.site.name} (${site.site.url}) has the cloud id ${site.site.id}.`)
    }

    // 7. Report. A summary that cannot be written must not fail a rotation that succeeded.
    if (expiresAt) runner.info(`The access token expires at ${expiresAt.toISOString()}.`)
    await writeSummarySafely(
      runner,
      renderSummary(
        context,
        {
          tokens,
          expiresAt,
          rotated: newRefreshToken !== undefined,
          stored,
          staleTokenCheck: describeJudgement(checked.judgement),
          accessTokenSecret: inputs.accessTokenSecretName,
          site,
          consent,
        },
        (text) => secrets.scrub(text),
      ),
    )
  } catch (error) {
    const failure = toActionError(error, tokenState, secrets)
    if (recovery) {
      runner.setOutput('recovery-encrypted-value', recovery.sealed.encryptedValue)
      runner.setOutput('recovery-key-id', recovery.sealed.keyId)
    }
    runner.setFailed(describeFailure(failure, context, recovery, now()), failure)
    // The summary is a convenience; the failure and the recovery value are already in the log.
    await writeSummarySafely(runner, renderFailureSummary(failure, context, recovery, now()))
  } finally {
    stopListening()
    for (const pool of pools.values()) pool.destroy()
  }
}

async function writeSummarySafely(runner: Runner, html: string): Promise<void> {
  try {
    await runner.writeSummary(html)
  } catch (error) {
    runner.warning(
      `Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

function setTokenOutputs(
  runner: Runner,
  tokens: TokenSet,
  expiresAt: Date | undefined,
  refreshToken: string,
): void {
  if (tokens.accessToken !== undefined) runner.setOutput('access-token', tokens.accessToken)
  runner.setOutput('refresh-token', refreshToken)
  // An answer without a usable expires_in: the lifetime is unknown, and the outputs say nothing.
  runner.setOutput('expires-in', tokens.expiresIn === undefined ? '' : String(tokens.expiresIn))
  runner.setOutput('expires-at', expiresAt?.toISOString() ?? '')
  runner.setOutput('scope', tokens.scope ?? '')
  runner.setOutput('token-type', tokens.tokenType ?? '')
}

/** Any unforeseen exception still gets a message without secrets, and the token's state. */
function toActionError(error: unknown, tokenState: TokenState, secrets: SecretValues): ActionError {
  if (error instanceof ActionError) return error
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return new ActionError(
    'UNEXPECTED',
    `Unexpected failure: ${secrets.scrub(detail)}`,
    tokenState,
    'Re-run the workflow (within the time given above, if one is given); if it fails the same way, open an issue with this log.',
    { cause: error },
  )
}
