/**
 * One rotation, in the order that keeps the refresh token safe:
 *
 *   1. preflight, in one round of parallel reads: the store's public key, when the secret was last
 *      written, when this run read it, and the target's own checks;      (token still unspent)
 *   2. the stale-token guard: a token superseded by another rotation is never presented;
 *      a dry run ends here, reporting what a real run would do;
 *      then the lock next to the secret (./rotation-lock.ts), so that no two rotations spend at
 *      once: after a wait for it, the secret is read again and the guard judges again;
 *   3. spend the refresh token: the refresh grant, retried inside the retry budget, which ends well
 *      within Atlassian's 10-minute leeway; never started once the job is being cancelled;
 *   4. secure the new token: seal it, hand the sealed copy to the door, write it;  (token safe)
 *      nothing optional runs between the answer and the write;
 *   5. check the write for another writer; then what needs the new tokens: the access-token secret
 *      and the site's cloud id (skipped when cancelled); the lock is released alongside.
 *
 * Where the token is at every moment is recorded in a {@link TokenCustody}, so whatever stops the
 * rotation (an error, a signal) reports it exactly. Outputs, summaries and exit status belong to
 * the door (../action/main.ts, ../cli/refresh.ts): the rotation only returns its outcome.
 */
import { named, rerun, text, type Text } from '../common/settings.js'
import { findSite, type SiteLookup } from '../atlassian/sites.js'
import { refreshGrant, type TokenSet } from '../atlassian/token-endpoint.js'
import { consentStatus, type ConsentStatus } from './consent.js'
import { assessHealth, type Health } from '../health/health.js'
import { healthWarnings } from './health-report.js'
import { ActionError, type TokenState } from '../common/errors.js'
import { createGitHubClient, type GitHubClient } from '../github/client.js'
import {
  fetchSecretMetadata,
  type SecretMetadata,
  type SecretWrite,
  type StoreAccess,
} from '../github/secret-store.js'
import { secretTarget } from '../github/targets.js'
import { currentRunAttempt } from '../github/workflow-run.js'
import type { HttpOptions } from '../common/http.js'
import { describeExchange, openNetwork } from '../common/network.js'
import type { RotationRequest } from './request.js'
import { describeDryRun, type DryRunPlan, type RunContext } from './explain.js'
import { DEFAULT_BACKOFF, type Clock, type RetryOptions } from '../common/retry.js'
import { prepareSealing } from '../github/sealing.js'
import type { SecretValues } from '../common/secrets.js'
import {
  Cancellation,
  cancelledError,
  describeCancellation,
  type CancelListener,
} from './cancellation.js'
import { TokenCustody } from './custody.js'
import { guarded, type RotationEvents } from './events.js'
import { asSeen, LateWriteGuard } from './late-write-guard.js'
import type { OutcomeKind, RotationOutcome } from './outcome.js'
import { preflight, type Preflight, type PreflightSources } from './preflight.js'
import {
  describeJudgement,
  judgeAfterWait,
  supersededError,
  unboundedError,
  unknownWarning,
  type StoredTokenJudgement,
  type TokenHeldSince,
} from './stale-token-guard.js'
import { checkWrite, overlapError, writeBack } from './write-back.js'
import {
  describeLock,
  LOCK_HOLD_MS,
  lockLeftWarning,
  releaseLock,
  reportFirstLook,
  takeLock,
  type HeldLock,
  type LockReport,
} from './rotation-lock.js'

export interface RotationDependencies {
  /** Also where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read from. */
  env: Record<string, string | undefined>
  clock: Clock
  /** In [0, 1): jitter for retry backoff. */
  random: () => number
  /** Limit for each single request. */
  requestTimeoutMs: number
  /** The job's cancellation signals (SIGINT, SIGTERM). */
  onCancel: CancelListener
  /**
   * By when the refresh token in hand was certainly read, for the stale-token guard when the run's
   * own read time is unknown: this step's start for the action; for the command line, the time
   * the person gives. Undefined: nothing says, and an existing secret stops the rotation.
   */
  tokenHeldSince: TokenHeldSince | undefined
  /** Every secret value known: masked as it becomes known, scrubbed from what is shown. */
  secrets: SecretValues
}

/**
 * Under the lock, the refresh's retries end this long before the hold does: time for the write
 * (a request and a retry) to secure the new token while the lock is certainly still this run's.
 */
const WRITE_RESERVE_MS = 90_000

/** Token answers are a few kilobytes; anything far larger is not a token answer. */
const MAX_ANSWER_BYTES = 256 * 1024

export async function rotate(
  request: RotationRequest,
  deps: RotationDependencies,
  events: RotationEvents,
): Promise<RotationOutcome> {
  const say = guarded(events)
  const { clock } = deps
  const now = (): Date => new Date(clock.now())
  const target = secretTarget(request.target)
  const where = `the secret ${request.secretName} of ${target.description}`
  const custody = new TokenCustody()
  const context = (): RunContext => ({
    secretName: request.secretName,
    target,
    grantSentAt: custody.grantSentAt,
    leewayEndsAt: custody.leewayEndsAt,
    githubApiUrl: request.githubApiUrl,
  })
  const consent = request.consentedAt ? consentStatus(request.consentedAt, now()) : undefined
  if (consent?.warning) say.warning(consent.warning, 'Yearly consent due')

  const cancellation = new Cancellation(
    deps.onCancel,
    clock,
    (cancelled) => {
      say.warning(describeCancellation(cancelled, custody, where), 'Job cancelled')
    },
    (signal) => {
      say.info(`Received ${signal} as well; still finishing what is said above.`)
    },
  )
  // Loading the sealing code (the largest part of the action, compiled synchronously) starts once
  // every request of the preflight is on the wire, so that it overlaps the wait for their answers
  // instead of delaying the first request or holding back the others' writes. setImmediate: after
  // the write that finished them.
  const network = openNetwork({
    env: deps.env,
    onExchange: (exchange) => {
      say.debug(describeExchange(exchange))
    },
    onRequestSent: (unsent) => {
      if (unsent === 0) setImmediate(prepareSealing)
    },
  })
  // Everything done under the lock ends within LOCK_HOLD_MS of taking it: by that rule another
  // rotation tells an abandoned lock by its age (./rotation-lock.ts).
  let held: HeldLock | undefined
  let releasing: Promise<void> | undefined
  let lock: LockReport | undefined
  const heldUntil = (): number =>
    held && releasing === undefined ? held.takenAt + LOCK_HOLD_MS : Number.POSITIVE_INFINITY
  const retryFor = (what: string, securing = false): RetryOptions => ({
    clock,
    deadline: Math.min(clock.now() + request.retryBudgetMs, heldUntil()),
    random: deps.random,
    ...DEFAULT_BACKOFF,
    signal: cancellation.signal,
    securing,
    onRetry: ({ attempt, reason, delayMs, doing }) => {
      say.info(
        `${what}: attempt ${attempt}${doing ? ` to ${doing}` : ''} failed (${reason}); trying again in ${(delayMs / 1000).toFixed(1)} s.`,
      )
    },
  })
  const http: HttpOptions = {
    network,
    timeoutMs: deps.requestTimeoutMs,
    maxBodyBytes: MAX_ANSWER_BYTES,
  }
  const githubClient = (token: string): GitHubClient =>
    createGitHubClient({
      token,
      baseUrl: request.githubApiUrl,
      network,
      timeoutMs: deps.requestTimeoutMs,
    })
  const github = githubClient(request.githubToken)
  const store = (retry: RetryOptions): StoreAccess => ({
    github,
    target,
    secrets: deps.secrets,
    retry,
  })

  const finish = (
    kind: OutcomeKind,
    tokenState: TokenState,
    rest: Partial<RotationOutcome> = {},
  ): RotationOutcome => ({
    kind,
    tokenState,
    context: context(),
    problems: [],
    tokens: undefined,
    expiresAt: undefined,
    nextRefreshToken: undefined,
    stored: undefined,
    recovery: undefined,
    site: undefined,
    accessTokenSecret: undefined,
    staleTokenCheck: undefined,
    // Counted on the clock of the health figures, so that both say the same days left.
    consent:
      request.consentedAt && lastSeen
        ? consentStatus(request.consentedAt, new Date(clock.now() + lastSeen.skewMs))
        : consent,
    plan: undefined,
    lock,
    health: healthNow(tokenState),
    ...rest,
  })
  let staleTokenCheck: string | Text | undefined
  // The secret as last read before spending, on GitHub's clock (its Date header): the health
  // figures count from its updated_at, on the clock that wrote it.
  let lastSeen: { updatedAt: Date | undefined; skewMs: number } | undefined
  const healthNow = (tokenState?: TokenState): Health | undefined => {
    if (lastSeen === undefined) return undefined
    const healthAt = new Date(clock.now() + lastSeen.skewMs)
    // A new refresh token the secret does not hold leaves the secret's token superseded: the
    // integration is at risk until someone stores the new one, and its 90 days do not restart.
    const unstored = tokenState === 'rotated-not-stored' || tokenState === 'overlapped'
    try {
      return assessHealth({
        now: healthAt,
        lastWrite: lastSeen.updatedAt,
        consentedAt: request.consentedAt,
        // An answer to the refresh whose token is settled (stored, or none issued) proves the
        // token was used in this run: Atlassian's 90 days restart. Counted from now, seconds after
        // the refresh, so that they read as 90 days.
        rotatedAt: custody.answer !== undefined && !unstored ? healthAt : undefined,
        unstored: unstored ? { acceptedUntil: custody.leewayEndsAt } : undefined,
        secretName: request.secretName,
      })
    } catch {
      // The health figures are a report; nothing they could throw may keep the outcome from
      // being returned (and its recovery value from being shown).
      return undefined
    }
  }
  const noteSecret = (checked: Checked): void => {
    const { metadata } = checked
    lastSeen = {
      updatedAt: metadata?.updatedAt,
      skewMs: metadata?.serverNow ? metadata.serverNow.getTime() - checked.checkedAt.getTime() : 0,
    }
  }

  try {
    // 1. Preflight, in one round of parallel reads: nothing here may cost the refresh token.
    const first = await checkBeforeSpending()
    noteSecret(first)
    // Before anything is spent: a token past its 90 days is still tried (a refresh is the only
    // proof, and a dead token has nothing to lose), but the log says first what to expect.
    const before = healthNow()
    if (before) for (const [message, title] of healthWarnings(before)) say.warning(message, title)
    // 2. The stale-token guard: a superseded token is never presented; a dry run stops here.
    //    Then the lock: no other rotation spends while this one does.
    const stopped = stopBeforeSpending(first)
    if (stopped) return stopped
    const turn = await takeTurn(first)
    if ('kind' in turn) return turn
    const checked = turn
    // 3. Spend the refresh token; never started once the job is being cancelled.
    const tokens = await spend()
    // 4. Secure the new token before anything else: seal, hand the sealed copy over, write.
    const { stored, writtenAt } = await secure(tokens, checked)
    // The write has finished: the lock goes, alongside what follows.
    release()
    // 5. The token is settled: now the rest may speak and may fail.
    return await settle(tokens, checked, stored, writtenAt)
  } catch (error) {
    const state = stateAfter(error, custody)
    // The new tokens stay available to later steps (an `if: failure()` step may store them).
    const kept = {
      ...answerOf(custody, request.refreshToken),
      recovery:
        state === 'rotated-not-stored' || state === 'overlapped' ? custody.recovery : undefined,
      staleTokenCheck,
    }
    if (cancellation.requested()) {
      return finish('cancelled', state, {
        ...kept,
        problems: [
          cancelledError(cancellation, state, context(), custody.answer !== undefined, error),
        ],
      })
    }
    return finish('failed', state, {
      ...kept,
      problems: [toActionError(error, state, deps.secrets)],
    })
  } finally {
    // Every path that ends the run releases the lock, once whatever it wrote has finished.
    release()
    await releasing
    cancellation.stop()
    await network.close()
  }

  /** Starts releasing the lock, once; a lock that cannot be released is a warning, never a failure. */
  function release(): void {
    if (held === undefined || releasing !== undefined) return
    const lockHeld = held
    // Never held back by the job's cancellation: a cancelled run releases its lock all the same.
    const retry: RetryOptions = { ...retryFor('Lock'), signal: new AbortController().signal }
    releasing = releaseLock(store(retry), lockHeld, clock).then((result) => {
      if (!result.released) {
        say.warning(
          lockLeftWarning(lockHeld, result.reason, target, request.githubApiUrl),
          'Lock not released',
        )
      }
    })
  }

  /**
   * Takes the lock. When another rotation held it (or took it first), that rotation may have
   * rewritten the secret meanwhile: the secret is read again and the guard judges again before
   * anything is spent.
   */
  async function takeTurn(checked: Checked): Promise<Checked | RotationOutcome> {
    if (request.lock === undefined) {
      lock = { state: 'off' }
      return checked
    }
    const firstLook =
      checked.lock?.status === 'fulfilled' ? checked.lock.value : { held: false as const }
    // The secret's state when another rotation may have held the lock: for an abandoned lock, did
    // its holder write after taking it?
    const readSecret = (): Promise<SecretMetadata> =>
      fetchSecretMetadata(store(retryFor('Lock')), request.secretName)
    held = await takeLock(
      {
        store: () => store(retryFor('Lock')),
        target,
        secretName: request.secretName,
        githubApiUrl: request.githubApiUrl,
        request: request.lock,
        publicKey: checked.publicKey,
        clock,
        random: deps.random,
        signal: cancellation.signal,
        info: (message) => {
          say.info(message)
        },
        notice: (message, title) => {
          say.notice(message, title)
        },
        readSecret,
      },
      firstLook,
    )
    lock = { state: 'taken', name: held.name, waitedMs: held.waitedMs, broke: held.broke?.since }
    // Unless the first look saw it free and this run's write created it, another rotation may
    // have held it meanwhile.
    if (!held.contended && checked.lock?.status === 'fulfilled') return checked
    say.info(
      text`Took the lock: ${describeLock(lock)}. Reading ${request.secretName} again before sending anything.`,
    )
    const [metadata] = await Promise.allSettled([readSecret()])
    // Another rotation may just have rotated the token: without the secret's state, stop.
    if (metadata.status === 'rejected') throw metadata.reason
    const again: Checked = {
      ...checked,
      metadata: metadata.value,
      judgement: judgeAfterWait(
        checked.metadata,
        metadata.value,
        checked.checkedAt,
        held.waitedFor,
        () => checked.judgeAgain(metadata),
      ),
      checkedAt: now(),
    }
    noteSecret(again)
    return stopBeforeSpending(again, true) ?? again
  }

  async function checkBeforeSpending(): Promise<Checked> {
    const checked = await preflight(request, {
      store: store(retryFor('Preflight')),
      run: runSource(request, deps.env, githubClient),
      now,
      tokenHeldSince: deps.tokenHeldSince,
      // A dry run looks at the lock too, to say whether a real run would find it free.
      lockName: request.lock?.name,
    })
    say.info(
      `The GitHub token can read the secrets public key of ${target.description} (key_id ${checked.publicKey.keyId}).`,
    )
    return { ...checked, checkedAt: now() }
  }

  function stopBeforeSpending(checked: Checked, again = false): RotationOutcome | undefined {
    const { judgement } = checked
    staleTokenCheck = describeJudgement(judgement)
    // Said once: a second judgement after a wait for the lock has the same gap.
    if (judgement.kind === 'unknown' && !again) {
      say.warning(
        unknownWarning(request.secretName, judgement.reason),
        'Stale-token check incomplete',
      )
    }
    if (request.dryRun) {
      lock = reportFirstLook(
        request.lock?.name ?? '',
        request.lock && checked.lock,
        checked.metadata?.updatedAt,
      )
      const plan = dryRunPlan(request, checked, judgement, consent, lock)
      for (const line of describeDryRun(context(), plan)) say.info(line)
      return finish('dry-run', 'unchanged', { plan, staleTokenCheck })
    }
    if (judgement.kind === 'superseded') {
      return finish('superseded', 'unchanged', {
        problems: [supersededError(judgement, request.secretName)],
        staleTokenCheck,
      })
    }
    if (judgement.kind === 'unbounded') {
      return finish('failed', 'unchanged', {
        problems: [unboundedError(judgement, request.secretName)],
        staleTokenCheck,
      })
    }
    return undefined
  }

  /** The signal is checked here and at the start of every attempt. */
  async function spend(): Promise<TokenSet> {
    if (cancellation.requested()) throw new Error('cancelled before the refresh grant')
    const budget = retryFor('Refresh')
    const refreshRetry: RetryOptions = {
      ...budget,
      // Under the lock, the refresh leaves the write its time inside the hold; after breaking the
      // lock of a holder that may have refreshed, it ends inside that refresh's leeway.
      deadline: Math.min(
        budget.deadline,
        held ? held.takenAt + LOCK_HOLD_MS - WRITE_RESERVE_MS : Number.POSITIVE_INFINITY,
        held?.broke?.refreshBy ?? Number.POSITIVE_INFINITY,
      ),
      onAttempt: () => {
        custody.grantSending(now())
      },
    }
    // A first attempt always starts, whatever the deadline: past it, the write that must follow
    // would have no time left under the lock (a slow look at the secret after a wait). Not sent.
    if (held && refreshRetry.deadline <= clock.now())
      throw lockTimeUpError(held, request.secretName)
    const announceRetry = refreshRetry.onRetry
    refreshRetry.onRetry = (info) => {
      custody.grantSettled()
      announceRetry?.(info)
    }
    try {
      return await refreshGrant(
        {
          tokenUrl: request.tokenUrl,
          clientId: request.clientId,
          clientSecret: request.clientSecret,
          refreshToken: request.refreshToken,
        },
        http,
        deps.secrets,
        refreshRetry,
      )
    } finally {
      custody.grantSettled()
    }
  }

  async function secure(
    tokens: TokenSet,
    checked: Checked,
  ): Promise<{ stored: StoredWrite | undefined; writtenAt: Date | undefined }> {
    const newRefreshToken =
      tokens.refreshToken !== undefined && tokens.refreshToken !== request.refreshToken
        ? tokens.refreshToken
        : undefined
    let stored: StoredWrite | undefined
    let writtenAt: Date | undefined
    if (newRefreshToken === undefined) {
      custody.noNewToken(tokens)
    } else {
      custody.newTokenIssued(tokens)
      // Started and finished even if the job is being cancelled: this secures the only copy.
      const writeRetry = retryFor('Write', true)
      const guard = new LateWriteGuard({
        request,
        checked,
        checkedAt: checked.checkedAt,
        custody,
        cancellation,
        clock,
        store: (retry) => store(retry),
        retryFor,
        say,
      })
      writeRetry.beforeAttempt = (attempt) => guard.beforeAttempt(attempt)
      writeRetry.onAttempt = () => {
        guard.sending()
      }
      const announceWriteRetry = writeRetry.onRetry
      writeRetry.onRetry = (info) => {
        guard.failed()
        announceWriteRetry?.(info)
      }
      const leewayEndsAt = custody.leewayEndsAt ?? now()
      const written = await writeBack(store(writeRetry), {
        secretName: request.secretName,
        value: newRefreshToken,
        publicKey: checked.publicKey,
        organization: checked.organization,
        tokenState: 'rotated-not-stored',
        onSealed: (sealed) => {
          const recovery = {
            sealed,
            organization: checked.organization,
            leewayEndsAt,
            secretAsSeen: asSeen(guard.lastSeen),
          }
          custody.sealed(recovery)
          say.recovery(recovery, context())
        },
      })
      stored = { ...written, attempts: guard.attempts, seenBefore: guard.lastSeen }
      writtenAt = now()
      custody.stored()
    }
    return { stored, writtenAt }
  }

  async function settle(
    tokens: TokenSet,
    checked: Checked,
    stored: StoredWrite | undefined,
    writtenAt: Date | undefined,
  ): Promise<RotationOutcome> {
    if (stored) {
      say.info(
        `Rotated the refresh token and ${stored.how} ${request.secretName} in ${target.description}.`,
      )
    } else {
      say.info(
        `The token endpoint issued no new refresh token: ${request.secretName} keeps the one it holds.`,
      )
    }
    for (const warning of tokens.warnings) say.warning(warning, 'Odd token answer')
    const after = await afterSecuring({
      request,
      checked,
      tokens,
      stored,
      writtenAt,
      custody,
      cancellation,
      store: () => store(retryFor('After the write')),
      // Once the lock is released, a retried look could see the next holder's write and take it
      // for an overlap: one attempt.
      checkStore: () => {
        const access = store(retryFor('After the write'))
        return held ? { ...access, retry: { ...access.retry, maxAttempts: 1 } } : access
      },
      findSite: (accessToken, siteUrl) =>
        findSite(
          request.atlassianApiUrl,
          accessToken,
          siteUrl,
          http,
          deps.secrets,
          retryFor('Sites'),
        ),
      say,
    })
    const settled = {
      ...answerOf(custody, request.refreshToken),
      stored,
      site: after.site,
      accessTokenSecret: after.accessTokenSecret,
      staleTokenCheck,
      // Kept for the outputs while the secret may not hold this run's token.
      recovery: custody.state === 'overlapped' ? custody.recovery : undefined,
    }
    if (cancellation.requested()) {
      return finish('cancelled', custody.state, {
        ...settled,
        problems: [cancelledError(cancellation, custody.state, context(), true), ...after.problems],
      })
    }
    return finish(stored ? 'rotated' : 'unchanged', custody.state, {
      ...settled,
      problems: after.problems,
    })
  }
}

/** The answer's tokens, when one came: its expiry, counted from the first send of the grant. */
function answerOf(
  custody: TokenCustody,
  sentRefreshToken: string,
): Pick<RotationOutcome, 'tokens' | 'expiresAt' | 'nextRefreshToken'> {
  const tokens = custody.answer
  if (tokens === undefined) {
    return { tokens: undefined, expiresAt: undefined, nextRefreshToken: undefined }
  }
  const sentAt = custody.grantSentAt?.getTime() ?? Date.now()
  return {
    tokens,
    expiresAt:
      tokens.expiresIn === undefined ? undefined : new Date(sentAt + tokens.expiresIn * 1000),
    nextRefreshToken: tokens.refreshToken ?? sentRefreshToken,
  }
}

/** The hold on the lock ran out before the refresh could start. */
function lockTimeUpError(held: HeldLock, secretName: string): ActionError {
  return new ActionError(
    'LOCK_TIME_UP',
    `This run's time under the lock ${held.name} ran out before it could send its refresh (GitHub answered too slowly meanwhile): a rotation keeps the lock at most ${LOCK_HOLD_MS / 60_000} minutes, and the refresh must leave the write time inside them. Nothing was sent to Atlassian: the refresh token in ${secretName} is unchanged.`,
    'unchanged',
    text`${rerun}; if GitHub stays slow, see https://www.githubstatus.com first.`,
  )
}

/** The preflight's findings, and when they were made. */
type Checked = Preflight & { checkedAt: Date }

/** This run's write: how GitHub took it, how many times it was sent, what it wrote over. */
type StoredWrite = SecretWrite & { attempts: number; seenBefore: SecretMetadata | undefined }

interface AfterSecuring {
  request: RotationRequest
  checked: Preflight
  tokens: TokenSet
  stored: StoredWrite | undefined
  writtenAt: Date | undefined
  custody: TokenCustody
  cancellation: Cancellation
  store: () => StoreAccess
  /** For the check after the write. */
  checkStore: () => StoreAccess
  findSite: (accessToken: string, siteUrl: URL) => Promise<SiteLookup>
  say: RotationEvents
}

/**
 * What comes after the refresh token is settled, in one round: the check for another writer, the
 * access-token secret and the site lookup. Each failure is reported; none changes where the refresh
 * token is, except an overlap.
 */
async function afterSecuring(step: AfterSecuring): Promise<{
  problems: ActionError[]
  site: SiteLookup | undefined
  accessTokenSecret: string | undefined
}> {
  const { request, checked, tokens, stored, custody, cancellation, say } = step
  const problems: ActionError[] = []
  const accessToken = tokens.accessToken
  if (accessToken === undefined) {
    problems.push(
      new ActionError(
        'INVALID_TOKEN_RESPONSE',
        `The token endpoint's answer held no usable access token${stored ? '; the new refresh token it held is stored' : ''}. This step has no access token to give to later steps${request.accessTokenSecretName || request.siteUrl ? ', and the access-token secret and the site lookup were skipped' : ''}.`,
        custody.state,
        text`Check that ${named('token-url')} is Atlassian's token endpoint (https://auth.atlassian.com/oauth/token); the next rotation gets a new access token.`,
      ),
    )
  }
  const extras = !cancellation.requested() && accessToken !== undefined
  const [check, accessTokenSecret, site] = await Promise.allSettled([
    stored && step.writtenAt
      ? checkWrite(step.checkStore(), request.secretName, stored.seenBefore, stored, step.writtenAt)
      : Promise.resolve(undefined),
    extras && request.accessTokenSecretName !== undefined
      ? writeBack(step.store(), {
          secretName: request.accessTokenSecretName,
          value: accessToken,
          publicKey: checked.publicKey,
          organization: checked.organization,
          tokenState: 'stored',
        }).then(() => request.accessTokenSecretName)
      : Promise.resolve(undefined),
    extras && request.siteUrl !== undefined
      ? step.findSite(accessToken, request.siteUrl)
      : Promise.resolve(undefined),
  ])
  if (check.status === 'fulfilled' && check.value !== undefined) {
    const verdict = check.value
    if (verdict.kind === 'created-meanwhile' || verdict.kind === 'rewritten-after') {
      custody.overlapped()
      problems.unshift(
        overlapError(verdict, request.secretName, custody.grantSentAt ?? verdict.writtenAt),
      )
    } else if (verdict.kind === 'unverified' && !cancellation.requested()) {
      say.notice(
        text`Could not check whether another rotation also wrote ${request.secretName} (${verdict.reason}).`,
        'Overlap not checked',
      )
    }
  }
  if (accessTokenSecret.status === 'fulfilled' && accessTokenSecret.value !== undefined) {
    say.info(`Stored the access token in ${accessTokenSecret.value}.`)
  }
  for (const result of [accessTokenSecret, site]) {
    if (result.status === 'rejected' && !cancellation.requested()) {
      problems.push(toActionError(result.reason, custody.state, undefined))
    }
  }
  const found = site.status === 'fulfilled' ? site.value : undefined
  if (found) say.info(`${found.site.name} (${found.site.url}) has the cloud id ${found.site.id}.`)
  return {
    problems,
    site: found,
    accessTokenSecret:
      accessTokenSecret.status === 'fulfilled' ? accessTokenSecret.value : undefined,
  }
}

function runSource(
  request: RotationRequest,
  env: Record<string, string | undefined>,
  githubClient: (token: string) => GitHubClient,
): PreflightSources['run'] {
  const attempt = currentRunAttempt(env)
  if (attempt === undefined) {
    return { missing: 'not running in GitHub Actions: GITHUB_RUN_ID is not set' }
  }
  if (request.workflowToken === '') return { missing: 'no workflow token was given' }
  return { attempt, github: githubClient(request.workflowToken) }
}

function dryRunPlan(
  request: RotationRequest,
  checked: Preflight,
  judgement: StoredTokenJudgement,
  consent: ConsentStatus | undefined,
  lock: LockReport,
): DryRunPlan {
  return {
    tokenUrl: request.tokenUrl,
    staleTokenCheck:
      judgement.kind === 'superseded'
        ? text`${describeJudgement(judgement)}: a real run would stop without sending the token (another rotation got there first)`
        : describeJudgement(judgement),
    organization: checked.organization,
    accessTokenSecret: request.accessTokenSecretName,
    siteUrl: request.siteUrl,
    consent,
    lock: describeLock(lock),
  }
}

/**
 * The state to report after `error`. Before Atlassian answered, the failing step knows best (it
 * tells a refused grant from a lost answer); once a new token was issued, the custody does.
 */
function stateAfter(error: unknown, custody: TokenCustody): TokenState {
  const afterAnswer: TokenState[] = ['rotated-not-stored', 'stored', 'overlapped']
  if (error instanceof ActionError) {
    if (afterAnswer.includes(custody.state) && !afterAnswer.includes(error.tokenState)) {
      return custody.state
    }
    return error.tokenState
  }
  return custody.state
}

/** Any unforeseen exception still gets a message without secrets, and the token's state. */
function toActionError(
  error: unknown,
  tokenState: TokenState,
  secrets: SecretValues | undefined,
): ActionError {
  if (error instanceof ActionError) {
    if (error.tokenState === tokenState) return error
    return new ActionError(error.code, error.said, tokenState, error.next, { cause: error })
  }
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  return new ActionError(
    'UNEXPECTED',
    `Unexpected failure: ${secrets ? secrets.scrub(detail) : detail}`,
    tokenState,
    text`${rerun} (within the time given above, if one is given); if it fails the same way, open an issue with this log.`,
    { cause: error },
  )
}
