/**
 * One rotation, in the order that keeps the refresh token safe:
 *
 *   1. read and check every input, masking the secret ones first;       (nothing sent yet)
 *   2. read the secret store's public key with the GitHub token;        (proves we can write)
 *   3. spend the refresh token: the refresh grant;                      (old token now disabled)
 *   4. seal the new refresh token and write it to the secret;           (new token now safe)
 *   5. outputs and job summary.
 *
 * If step 4 fails, the new token is only in this process: the failure carries it sealed under
 * GitHub's public key, with the command that stores it by hand.
 */
import * as core from '@actions/core'
import type { Dispatcher } from 'undici'
import { refreshGrant, type TokenSet } from './atlassian/token-endpoint.js'
import { ActionError, type TokenState } from './errors.js'
import { createGitHubClient } from './github/client.js'
import {
  fetchPublicKey,
  repositoryTarget,
  storeSecret,
  type SealedSecret,
} from './github/secret-store.js'
import { dispatcherFor, type HttpOptions } from './http.js'
import { readInputs, SECRET_INPUTS } from './inputs.js'
import {
  describeFailure,
  LEEWAY_MS,
  renderFailureSummary,
  renderSummary,
  type Recovery,
  type RotationResult,
  type RunContext,
} from './report.js'
import { sealForGitHub } from './sealing.js'
import { SecretValues } from './secrets.js'

/** The runner's side of the action: @actions/core in production, a recorder in tests. */
export interface Runner {
  getInput(name: string): string
  setSecret(value: string): void
  setOutput(name: string, value: string): void
  info(message: string): void
  error(message: string, properties?: { title?: string }): void
  setFailed(message: string): void
  writeSummary(html: string): Promise<void>
}

export interface Dependencies {
  runner: Runner
  env: Record<string, string | undefined>
  /** Picks the connection pool, or proxy, for an endpoint. */
  dispatcherFor: (url: URL) => Dispatcher
  now: () => Date
  /** Limit for each request to the token endpoint and to GitHub. */
  requestTimeoutMs: number
}

export function defaultDependencies(): Dependencies {
  return {
    runner: {
      getInput: (name) => core.getInput(name),
      setSecret: (value) => core.setSecret(value),
      setOutput: (name, value) => core.setOutput(name, value),
      info: (message) => core.info(message),
      error: (message, properties) => core.error(message, properties),
      setFailed: (message) => core.setFailed(message),
      writeSummary: async (html) => {
        await core.summary.addRaw(html, true).write()
      },
    },
    env: process.env,
    dispatcherFor,
    now: () => new Date(),
    requestTimeoutMs: 30_000,
  }
}

/** Token answers are a few kilobytes; anything far larger is not a token answer. */
const MAX_TOKEN_ANSWER_BYTES = 256 * 1024

export async function run(deps: Dependencies = defaultDependencies()): Promise<void> {
  const { runner, now } = deps
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
  const inputs = read.inputs
  const target = repositoryTarget(inputs.repository)
  const context: RunContext = {
    secretName: inputs.secretName,
    target,
    grantSentAt: undefined,
    githubApiUrl: inputs.githubApiUrl,
  }
  const http: HttpOptions = {
    dispatcher: deps.dispatcherFor(inputs.tokenUrl),
    timeoutMs: deps.requestTimeoutMs,
    maxBodyBytes: MAX_TOKEN_ANSWER_BYTES,
  }
  const github = createGitHubClient({
    token: inputs.githubToken,
    baseUrl: inputs.githubApiUrl,
    dispatcher: deps.dispatcherFor(new URL(inputs.githubApiUrl)),
    timeoutMs: deps.requestTimeoutMs,
  })
  let recovery: Recovery | undefined
  // Where the working token is, should anything unforeseen throw.
  let tokenState: TokenState = 'unchanged'

  try {
    // 2. Preflight: if the GitHub token cannot reach the store, stop while the token is unspent.
    const publicKey = await fetchPublicKey(github, target, secrets)
    runner.info(
      `The GitHub token can read the secrets public key of ${target.description} (key_id ${publicKey.keyId}).`,
    )

    // 3. Spend the refresh token. From here on the stored token is disabled once Atlassian answers.
    context.grantSentAt = now()
    tokenState = 'maybe-rotated'
    const tokens = await refreshGrant(
      {
        tokenUrl: inputs.tokenUrl,
        clientId: inputs.clientId,
        clientSecret: inputs.clientSecret,
        refreshToken: inputs.refreshToken,
      },
      http,
      secrets,
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

    // 4. Store the new refresh token. Without one, the token that was sent stays the valid one.
    let stored: RotationResult['stored']
    if (newRefreshToken === undefined) {
      runner.info(
        `The token endpoint issued no new refresh token: ${inputs.secretName} keeps the one it holds.`,
      )
    } else {
      tokenState = 'rotated-not-stored'
      const sealed: SealedSecret = {
        keyId: publicKey.keyId,
        encryptedValue: await sealForGitHub(newRefreshToken, publicKey.key),
      }
      recovery = { sealed, leewayEndsAt: new Date(context.grantSentAt.getTime() + LEEWAY_MS) }
      stored = await storeSecret(github, target, inputs.secretName, sealed, secrets)
      recovery = undefined
      tokenState = 'unchanged'
      runner.setOutput('secret-updated', 'true')
      runner.info(
        `Rotated the refresh token and ${stored} ${inputs.secretName} in ${target.description}.`,
      )
    }

    // 5. Report.
    runner.info(`The access token expires at ${expiresAt.toISOString()}.`)
    await runner.writeSummary(
      renderSummary(
        context,
        { tokens, expiresAt, rotated: newRefreshToken !== undefined, stored },
        (text) => secrets.scrub(text),
      ),
    )
  } catch (error) {
    await reportFailure(runner, toActionError(error, tokenState, secrets), context, recovery)
  }
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

async function reportFailure(
  runner: Runner,
  error: ActionError,
  context: RunContext,
  recovery: Recovery | undefined,
): Promise<void> {
  if (recovery) {
    runner.setOutput('recovery-encrypted-value', recovery.sealed.encryptedValue)
    runner.setOutput('recovery-key-id', recovery.sealed.keyId)
  }
  const text = describeFailure(error, context, recovery)
  runner.setFailed(text)
  try {
    await runner.writeSummary(renderFailureSummary(error, context, recovery))
  } catch {
    // The summary is a convenience; the failure and recovery value are already in the log.
  }
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
