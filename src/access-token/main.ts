/**
 * The access-token action's door (access-token/action.yml): opens the handoff that the rotating
 * job of this run made (../handoff/handoff.ts) and gives its access token to this job's steps,
 * masked before anything else. It never sees, spends or touches a refresh token: a downstream job
 * that refreshed again would present the token this run just superseded (../shared/FACTS.md, "When
 * a workflow sees a secret"), and that overlap revokes the consent.
 */
import { actionWording, subject, text, word } from '../common/settings.js'
import { SecretValues } from '../common/secrets.js'
import {
  HandoffRefusal,
  openHandoff,
  type HandedToken,
  type HandoffRefusalCode,
} from '../handoff/handoff.js'
import { actionsToolkit, type Toolkit } from '../action/toolkit.js'
import { maskTokenAnswer } from '../atlassian/token-answer-mask.js'

export interface Dependencies {
  toolkit: Toolkit
  env: Record<string, string | undefined>
  now: () => Date
}

export function defaultDependencies(
  env: Record<string, string | undefined> = process.env,
): Dependencies {
  return { toolkit: actionsToolkit(env), env, now: () => new Date() }
}

// A Record, so that a new refusal cannot go without a title.
const TITLES: Record<HandoffRefusalCode, string> = {
  HANDOFF_MALFORMED: 'Not an access-token handoff',
  HANDOFF_VERSION: 'Handoff of another version',
  HANDOFF_OTHER_RUN: 'Handoff from another run',
  HANDOFF_LATER_ATTEMPT: 'Handoff from a later attempt',
  HANDOFF_NOT_OPENED: 'Handoff not opened',
  HANDOFF_EXPIRED: 'Handed-off access token expired',
}

/** Resolves to true when the access token was handed on, false when the step failed. */
export async function run(deps: Dependencies = defaultDependencies()): Promise<boolean> {
  const { toolkit, env } = deps
  const secrets = new SecretValues((value) => {
    toolkit.setSecret(value)
  })
  // The key is masked before anything else reads it.
  const key = toolkit.getInput('handoff-key')
  secrets.add(key)
  const handoff = toolkit.getInput('handoff')

  const fail = (title: string, message: string): false => {
    toolkit.error(message, { title })
    toolkit.setFailed(`${title}: no access token was output.`)
    return false
  }
  if (key === '') {
    return fail(
      'Invalid input',
      word(
        text`${subject('handoff-key')} is required: give the same secret the rotating step sealed the handoff with, by default its client secret (\`\${{ secrets.ATLASSIAN_CLIENT_SECRET }}\`).`,
        actionWording,
      ),
    )
  }
  if (handoff === '') {
    return fail(
      'Invalid input',
      word(
        text`${subject('handoff')} is empty: the rotating job's output did not reach this job. Map the rotating step's \`access-token-handoff\` output to a job output, make this job \`needs\` that job, and pass \`\${{ needs.<job>.outputs.<output> }}\` here. It is empty too when that step got no access token: see its log.`,
        actionWording,
      ),
    )
  }
  const repository = env['GITHUB_REPOSITORY']
  const runId = env['GITHUB_RUN_ID']
  const runAttempt = env['GITHUB_RUN_ATTEMPT']
  if (!repository || !runId || !runAttempt) {
    return fail(
      'Not in a workflow run',
      'GITHUB_REPOSITORY, GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT are not all set: a handoff opens only in the workflow run that made it, as a step of one of its jobs.',
    )
  }

  let token: HandedToken
  try {
    token = await openHandoff(handoff, key, { repository, runId, runAttempt }, deps.now())
  } catch (error) {
    if (error instanceof HandoffRefusal) {
      return fail(TITLES[error.code], word(error.text, actionWording))
    }
    return fail(
      'Handoff not opened',
      `Opening the handoff failed (${error instanceof Error ? error.name : 'error'}); no access token was output.`,
    )
  }
  // Masked before it is output or anything else is printed; so are the words of its scope and
  // type that do not look like scope names or a token type, as the rotating step masked them.
  toolkit.setSecret(token.accessToken)
  const described: Record<string, string> = {}
  if (token.scope !== undefined) described['scope'] = token.scope
  if (token.tokenType !== undefined) described['token_type'] = token.tokenType
  maskTokenAnswer(described, 200, secrets)

  const outputs: [string, string][] = [
    ['access-token', token.accessToken],
    ['expires-at', token.expiresAt.toISOString()],
    [
      'expires-in',
      String(Math.max(0, Math.floor((token.expiresAt.getTime() - deps.now().getTime()) / 1000))),
    ],
    ['scope', token.scope ?? ''],
    ['token-type', token.tokenType ?? ''],
    ['cloud-id', token.cloudId ?? ''],
    ['api-base-url', token.apiBaseUrl ?? ''],
    ['confluence-api-base-url', token.apiBaseUrl ?? ''],
    ['jira-api-base-url', token.jiraApiBaseUrl ?? ''],
  ]
  try {
    for (const [name, value] of outputs) toolkit.setOutput(name, value)
  } catch (error) {
    return fail(
      "Runner's files not written",
      `The step outputs could not be written to the runner's GITHUB_OUTPUT file (${error instanceof Error ? error.message : String(error)}), so later steps do not get the access token.`,
    )
  }
  toolkit.info(
    `Access token handed on from the rotating job of this run; it expires at ${token.expiresAt.toISOString()} at the latest (sooner if the token is rotated again: about 10 minutes after that rotation).`,
  )
  return true
}
