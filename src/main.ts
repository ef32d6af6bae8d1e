/**
 * One rotation, in the order that keeps the refresh token safe:
 *
 *   1. read and check every input, masking the secret ones first;          (nothing sent yet)
 *   2. preflight, all at once: the store's public key (proves the GitHub token reaches it), when
 *      the secret was last written, and when this run read its secrets;    (token still unspent)
 *   3. the stale-token guard: stop if the token in hand was superseded and its leeway is over;
 *   4. spend the refresh token: the refresh grant, retried inside a deadline that ends well
 *      within Atlassian's 10-minute leeway;                                 (old token disabled)
 *   5. seal the new refresh token (printing the sealed copy first) and write it;  (new token safe)
 *   6. outputs and job summary.
 *
 * If step 5 fails, the new token is only in this process: the failure carries it sealed under
 * GitHub's public key, with the command that stores it by hand.
 */
import * as core from '@actions/core'
import type { Dispatcher } from 'undici'
import { refreshGrant, type TokenSet } from './atlassian/token-endpoint.js'
import { ActionError, type TokenState } from './errors.js'
import { createGitHubClient } from './github/client.js'
import {
  fetchPublicKey,
  fetchSecretMetadata,
  repositoryTarget,
  type SecretMetadata,
  type StoreAccess,
} from './github/secret-store.js'
import { currentRunAttempt, fetchSecretsReadAt } from './github/workflow-run.js'
import { dispatcherFor, type HttpOptions } from './http.js'
import { readInputs, SECRET_INPUTS, type ActionInputs } from './inputs.js'
import {
  describeFailure,
  describeRecovery,
  leewayEnd,
  renderFailureSummary,
  renderSummary,
  utc,
  type Recovery,
  type RunContext,
} from './report.js'
import { DEFAULT_BACKOFF, systemClock, type Clock, type RetryOptions } from './retry.js'
import { SecretValues } from './secrets.js'
import { judgeStoredToken, type StoredTokenJudgement } from './stale-token-guard.js'
import { writeBack } from './write-back.js'

/** The runner's side of the action: @actions/core in production, a recorder in tests. */
export interface Runner {
  getInput(name: string): string
  setSecret(value: string): void
  setOutput(name: string, value: string): void
  info(message: string): void
  notice(message: string): void
  warning(message: string): void
  error(message: string, properties?: { title?: string }): void
  startGroup(title: string): void
  endGroup(): void
  setFailed(message: string): void
  writeSummary(html: string): Promise<void>
}

export interface Dependencies {
  runner: Runner
  env: Record<string, string | undefined>
  /** Picks the connection pool, or proxy, for an endpoint. */
  dispatcherFor: (url: URL) => Dispatcher
  clock: Clock
  /** In [0, 1): jitter for retry backoff. */
  random: () => number
  /** Limit for each single request to the token endpoint and to GitHub. */
  requestTimeoutMs: number
  /** Calls `handler` when the job is being cancelled; returns a function that stops listening. */
  onCancel: (handler: (signal: string) => void) => () => void
}

export function defaultDependencies(): Dependencies {
  return {
    runner: {
      getInput: (name) => core.getInput(name),
      setSecret: (value) => core.setSecret(value),
      setOutput: (name, value) => core.setOutput(name, value),
      info: (message) => core.info(message),
      notice: (message) => core.notice(message),
      warning: (message) => core.warning(message),
      error: (message, properties) => core.error(message, properties),
      startGroup: (title) => core.startGroup(title),
      endGroup: () => core.endGroup(),
      setFailed: (message) => core.setFailed(message),
      writeSummary: async (html) => {
        await core.summary.addRaw(html, true).write()
      },
    },
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
const MAX_TOKEN_ANSWER_BYTES = 256 * 1024

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
  const target = repositoryTarget(inputs.repository)
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
  const retryFor = (what: string, deadline: number): RetryOptions => ({
    clock,
    deadline,
    random: deps.random,
    ...DEFAULT_BACKOFF,
    signal: cancellation.signal,
    onRetry: ({ attempt, reason, delayMs, doing }) => {
      runner.info(
        `${what}: attempt ${attempt}${doing ? ` to ${doing}` : ''} failed (${reason}); trying again in ${(delayMs / 1000).toFixed(1)} s.`,
      )
    },
  })
  const budgetFromNow = (): number => clock.now() + inputs.retryBudgetMs

  const apiUrl = new URL(inputs.githubApiUrl)
  const clientOptions = {
    baseUrl: inputs.githubApiUrl,
    dispatcher: deps.dispatcherFor(apiUrl),
    timeoutMs: deps.requestTimeoutMs,
  }
  const github = createGitHubClient({ ...clientOptions, token: inputs.githubToken })
  const store = (retry: RetryOptions): StoreAccess => ({ github, target, secrets, retry })

  try {
    // 2. Preflight. Three independent reads, sent together: none may cost the refresh token.
    const preflightRetry = retryFor('Preflight', budgetFromNow())
    const preflight = store(preflightRetry)
    const runAttempt = currentRunAttempt(deps.env)
    const [publicKey, metadata, readAt] = await Promise.allSettled([
      fetchPublicKey(preflight, 'unchanged'),
      fetchSecretMetadata(preflight, inputs.secretName),
      runAttempt === undefined
        ? Promise.reject(new Error('not running in GitHub Actions: GITHUB_RUN_ID is not set'))
        : inputs.workflowToken === ''
          ? Promise.reject(new Error('the "workflow-token" input is empty'))
          : fetchSecretsReadAt(
              createGitHubClient({ ...clientOptions, token: inputs.workflowToken }),
              runAttempt,
              secrets,
              preflightRetry,
            ),
    ])
    if (publicKey.status === 'rejected') throw publicKey.reason
    runner.info(
      `The GitHub token can read the secrets public key of ${target.description} (key_id ${publicKey.value.keyId}).`,
    )

    // 3. The stale-token guard.
    const judgement = judge(metadata, readAt, now())
    const grantDeadline = reportJudgement(runner, judgement, inputs.secretName, metadata, clock)

    // 4. Spend the refresh token. From here on the stored token is disabled once Atlassian answers.
    context.grantSentAt = now()
    context.leewayEndsAt = leewayEnd(
      context.grantSentAt,
      grantDeadline === undefined ? undefined : new Date(grantDeadline),
    )
    tokenState = 'maybe-rotated'
    const http: HttpOptions = {
      dispatcher: deps.dispatcherFor(inputs.tokenUrl),
      timeoutMs: deps.requestTimeoutMs,
      maxBodyBytes: MAX_TOKEN_ANSWER_BYTES,
    }
    const tokens = await refreshGrant(
      {
        tokenUrl: inputs.tokenUrl,
        clientId: inputs.clientId,
        clientSecret: inputs.clientSecret,
        refreshToken: inputs.refreshToken,
      },
      http,
      secrets,
      retryFor('Refresh', Math.min(budgetFromNow(), grantDeadline ?? Infinity)),
    )
    const expiresAt = new Date(context.grantSentAt.getTime() + tokens.expiresIn * 1000)
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
      stored = await writeBack(
        store(retryFor('Write', budgetFromNow())),
        inputs.secretName,
        newRefreshToken,
        publicKey.value,
        (sealed) => {
          recovery = { sealed, leewayEndsAt }
          runner.startGroup(
            `Recovery value for ${inputs.secretName} (needed only if this step fails before it is written)`,
          )
          runner.info(describeRecovery(context, recovery))
          runner.endGroup()
        },
      )
      recovery = undefined
      tokenState = 'unchanged'
      runner.setOutput('secret-updated', 'true')
      runner.info(
        `Rotated the refresh token and ${stored} ${inputs.secretName} in ${target.description}.`,
      )
    }

    // 6. Report.
    runner.info(`The access token expires at ${expiresAt.toISOString()}.`)
    await runner.writeSummary(
      renderSummary(
        context,
        {
          tokens,
          expiresAt,
          rotated: newRefreshToken !== undefined,
          stored,
          staleTokenCheck: describeJudgement(judgement),
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
    runner.setFailed(describeFailure(failure, context, recovery, now()))
    try {
      await runner.writeSummary(renderFailureSummary(failure, context, recovery, now()))
    } catch {
      // The summary is a convenience; the failure and the recovery value are already in the log.
    }
  } finally {
    stopListening()
  }
}

function judge(
  metadata: PromiseSettledResult<SecretMetadata>,
  readAt: PromiseSettledResult<Date>,
  localNow: Date,
): StoredTokenJudgement {
  if (metadata.status === 'rejected') return { kind: 'unknown', reason: reasonOf(metadata.reason) }
  if (metadata.value.updatedAt === undefined) return { kind: 'first-write' }
  if (readAt.status === 'rejected') return { kind: 'unknown', reason: reasonOf(readAt.reason) }
  return judgeStoredToken(
    metadata.value.updatedAt,
    readAt.value,
    metadata.value.serverNow ?? localNow,
  )
}

/**
 * Tells the user what the guard found; stops the run if the token is stale. Returns the local time
 * by which the refresh must be done when the token in hand is already the "previous" one.
 */
function reportJudgement(
  runner: Runner,
  judgement: StoredTokenJudgement,
  secretName: string,
  metadata: PromiseSettledResult<SecretMetadata>,
  clock: Clock,
): number | undefined {
  switch (judgement.kind) {
    case 'fresh':
    case 'first-write':
      return undefined
    case 'unknown':
      runner.notice(
        `Could not check whether another run rotated ${secretName} after this run read it (${judgement.reason}). Going ahead. To enable the check, let the job read its own run: add "permissions: actions: read" (the action reads the run's start with "workflow-token", by default github.token).`,
      )
      return undefined
    case 'stale':
      throw new ActionError(
        'STALE_TOKEN',
        `The secret ${secretName} was rewritten at ${utc(judgement.updatedAt)}, after this run read its secrets (${utc(judgement.readAt)}): another run, or an earlier job of this one, rotated the token. The token this run holds is the superseded one, and the 10-minute leeway in which Atlassian still accepts it is over: presenting it now would revoke the consent. Nothing was sent to Atlassian.`,
        'unchanged',
        'Re-run the workflow: a new run reads the current secret. To keep runs from overlapping, give every workflow that rotates this token the same `concurrency:` group (with cancel-in-progress: false).',
      )
    case 'rewritten-in-leeway': {
      runner.warning(
        `The secret ${secretName} was rewritten at ${utc(judgement.updatedAt)}, after this run read its secrets (${utc(judgement.readAt)}): another run rotated the token meanwhile. Atlassian still accepts the token this run holds until about ${utc(judgement.safeUntil)}, so the rotation goes ahead and its token replaces the other run's. Give every workflow that rotates this token the same \`concurrency:\` group so runs never overlap.`,
      )
      // GitHub's clock decided; translate the limit into this machine's clock.
      const serverNow = metadata.status === 'fulfilled' ? metadata.value.serverNow : undefined
      const skew = serverNow ? clock.now() - serverNow.getTime() : 0
      return judgement.safeUntil.getTime() + skew
    }
  }
}

function describeJudgement(judgement: StoredTokenJudgement): string {
  switch (judgement.kind) {
    case 'fresh':
      return 'passed: the secret was not rewritten since this run read it'
    case 'first-write':
      return 'passed: the secret did not exist yet'
    case 'rewritten-in-leeway':
      return `warned: the secret was rewritten at ${utc(judgement.updatedAt)} by another run; rotated inside the leeway`
    case 'stale':
      return 'stopped'
    case 'unknown':
      return `skipped: ${judgement.reason}`
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof ActionError) return error.message
  return error instanceof Error ? error.message : String(error)
}

function setTokenOutputs(
  runner: Runner,
  tokens: TokenSet,
  expiresAt: Date,
  refreshToken: string,
): void {
  runner.setOutput('access-token', tokens.accessToken)
  runner.setOutput('refresh-token', refreshToken)
  runner.setOutput('expires-in', String(tokens.expiresIn))
  runner.setOutput('expires-at', expiresAt.toISOString())
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
