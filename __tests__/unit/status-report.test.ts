import { asText } from '../../src/common/settings.js'
/** `status`'s renderings, for people and for scripts, from reports built on a fixed clock. */
import { EXIT } from '../../src/cli/exit-codes.js'
import { exitCodeFor } from '../../src/cli/status.js'
import {
  renderStatus,
  statusJson,
  statusWording,
  type Reading,
  type StatusReport,
} from '../../src/cli/status-report.js'
import type { WorkflowInfo, WorkflowRunInfo } from '../../src/github/workflows.js'
import { assessHealth } from '../../src/health/health.js'

const now = new Date('2026-12-02T09:30:00Z')
const DAY = 24 * 60 * 60 * 1000
const daysAgo = (n: number): Date => new Date(now.getTime() - n * DAY - 60 * 60 * 1000)
const wording = statusWording('GH_TOKEN')
const SECRET = 'ATLASSIAN_REFRESH_TOKEN'
const REPO = 'octo-org/confluence-sync'
const REAUTHORIZE = `atlassian-token-rotation authorize --client-id "$CLIENT_ID" --callback "$CALLBACK_URL" --repository ${REPO} --secret-name ${SECRET}`

const INFO: WorkflowInfo = {
  id: 7,
  name: 'Rotate',
  path: '.github/workflows/rotate.yml',
  state: 'active',
  htmlUrl: undefined,
}
const run = (conclusion: string, days: number): WorkflowRunInfo => ({
  id: 100 + days,
  runNumber: days,
  event: 'schedule',
  status: 'completed',
  conclusion,
  createdAt: daysAgo(days),
  htmlUrl: `https://github.com/${REPO}/actions/runs/${100 + days}`,
})

interface Given {
  lastWrite?: Date | undefined
  secret?: StatusReport['secret']
  consentDaysAgo?: number
  workflow?: { info: Reading<WorkflowInfo>; runs: Reading<WorkflowRunInfo[]> } | undefined
}

function report(given: Given): StatusReport {
  const secret: StatusReport['secret'] = given.secret ?? {
    status: 'read',
    value: { updatedAt: given.lastWrite },
  }
  const consentDate = given.consentDaysAgo === undefined ? undefined : daysAgo(given.consentDaysAgo)
  const workflow = given.workflow && { repository: REPO, name: 'rotate.yml', ...given.workflow }
  const info = workflow?.info.status === 'read' ? workflow.info.value : undefined
  const health = assessHealth({
    now,
    lastWrite: secret.status === 'read' ? secret.value.updatedAt : undefined,
    consentedAt: consentDate,
    secretName: SECRET,
    workflow: info && {
      repository: REPO,
      workflow: 'rotate.yml',
      state: info.state,
      runs: workflow?.runs.status === 'read' ? workflow.runs.value : undefined,
    },
  })
  const readings = [secret, workflow?.info, workflow?.runs]
  return {
    secretName: SECRET,
    target: `repository ${REPO}`,
    secret,
    consent: {
      source: 'variable',
      variable: 'ATLASSIAN_CONSENTED_AT',
      repository: REPO,
      reading: {
        status: 'read',
        value: { value: consentDate?.toISOString().slice(0, 10), date: consentDate },
      },
    },
    workflow,
    health,
    partial: readings.some((r) => r?.status === 'refused' || r?.status === 'failed'),
    reauthorize: REAUTHORIZE,
  }
}

describe('renderStatus', () => {
  it('puts the verdict first, then one line per figure, and no reasons when healthy', () => {
    const lines = renderStatus(
      report({
        lastWrite: daysAgo(2),
        consentDaysAgo: 100,
        workflow: {
          info: { status: 'read', value: INFO },
          runs: { status: 'read', value: [run('success', 1), run('failure', 4)] },
        },
      }),
      wording,
    )
    expect(lines).toEqual([
      `${SECRET} (repository ${REPO}): healthy`,
      '',
      "  Last rotation   2026-11-30 (2 days ago): the secret's last write",
      '  Refresh token   dies unless refreshed on 2027-02-28 (87 days left)',
      '  Consent         2026-08-24 (variable ATLASSIAN_CONSENTED_AT); every token of it dies on 2027-08-24 (264 days left)',
      '  Workflow        .github/workflows/rotate.yml: enabled; latest 2 runs:',
      `                  2026-12-01  success    schedule  https://github.com/${REPO}/actions/runs/101`,
      `                  2026-11-28  failure    schedule  https://github.com/${REPO}/actions/runs/104`,
    ])
  })

  it('says the workflow is optional when it is not named, and when the secret does not exist', () => {
    const lines = renderStatus(report({ lastWrite: undefined }), wording).join('\n')
    expect(lines).toContain(
      'Workflow        not checked (optional): name the rotation workflow with --workflow FILE.yml',
    )
    expect(lines).toContain(
      `Last rotation   none: ${SECRET} does not exist in repository ${REPO} (or the token cannot see it)`,
    )
    expect(lines).toContain(': at risk')
    expect(lines).toContain('Nothing says when')
  })

  it('gives every reason with its next step, and for a dead one the authorize command', () => {
    const lines = renderStatus(report({ lastWrite: daysAgo(95), consentDaysAgo: 370 }), wording)
    const text = lines.join('\n')
    expect(lines[0]).toBe(`${SECRET} (repository ${REPO}): dead`)
    expect(text).toContain('every token of it died on 2026-11-27 (5 days ago)')
    expect(text).toContain('Why, and what to do:\n  - dead: The consent given on 2025-11-27')
    expect(text).toMatch(/\n {4}Next: Consent again in a browser/)
    expect(text).toContain(
      `To bring it back, consent again and store the new refresh token:\n  ${REAUTHORIZE}\n`,
    )
    // The reasons' settings in the tool's words: the action's input is no flag of this command.
    expect(text).not.toContain('--keep-schedule-alive')
  })

  it('offers the authorize command before the 365 days too, and not otherwise when at risk', () => {
    const near = renderStatus(report({ lastWrite: daysAgo(2), consentDaysAgo: 350 }), wording)
    const overdue = renderStatus(report({ lastWrite: daysAgo(45), consentDaysAgo: 10 }), wording)
    expect(near.join('\n')).toContain('To consent again before the limit')
    expect(overdue.join('\n')).not.toContain('authorize --client-id')
  })

  it('marks a partial verdict, and names what was not read and the permission it needs', () => {
    const lines = renderStatus(
      report({
        lastWrite: daysAgo(2),
        workflow: {
          info: {
            status: 'refused',
            permission: 'the repository permission "Actions: Read" on o/r',
            said: ['Could not read the workflow: GitHub answered HTTP 403.'],
          },
          runs: { status: 'skipped', why: 'the workflow itself was not read' },
        },
      }),
      wording,
    )
    expect(lines[0]).toBe(
      `${SECRET} (repository ${REPO}): healthy (partial: not everything could be read, see below)`,
    )
    expect(lines).toContain('  Workflow        rotate.yml: unknown (not read, see below)')
    expect(lines.slice(-2)).toEqual([
      'Not read (the verdict rests on the rest):',
      '  - the workflow: Could not read the workflow: GitHub answered HTTP 403. The GitHub token needs the repository permission "Actions: Read" on o/r.',
    ])
  })
})

describe('statusJson', () => {
  it('keeps the documented shape: the same keys, null where nothing is known', () => {
    const document = statusJson(report({ lastWrite: undefined }), wording)
    expect(Object.keys(document)).toEqual([
      'version',
      'verdict',
      'partial',
      'secret',
      'figures',
      'consent',
      'workflow',
      'reasons',
      'unread',
      'reauthorize',
    ])
    expect(document).toEqual({
      version: 1,
      verdict: 'at-risk',
      partial: false,
      secret: { name: SECRET, target: `repository ${REPO}`, exists: false, lastWrittenAt: null },
      figures: {
        now: now.toISOString(),
        lastRotatedAt: null,
        daysSinceLastRotation: null,
        refreshTokenExpiresAt: null,
        daysUntilRefreshTokenExpiry: null,
        consentedAt: null,
        reconsentDueAt: null,
        daysUntilReconsent: null,
      },
      consent: { source: 'variable', variable: 'ATLASSIAN_CONSENTED_AT', date: null },
      workflow: null,
      reasons: [
        {
          code: 'last-write-unknown',
          verdict: 'at-risk',
          said: expect.stringContaining(`Nothing says when ${SECRET} was last written`) as unknown,
          next: expect.any(String) as unknown,
        },
      ],
      unread: [],
      reauthorize: null,
    })
  })

  it('gives the figures, the reasons in words, the runs and what was not read', () => {
    const document = statusJson(
      report({
        lastWrite: daysAgo(95),
        consentDaysAgo: 100,
        workflow: {
          info: { status: 'read', value: { ...INFO, state: 'disabled_manually' } },
          runs: { status: 'failed', said: ['GitHub did not answer.'] },
        },
      }),
      wording,
    )
    expect(document).toMatchObject({
      verdict: 'dead',
      partial: true,
      figures: { daysSinceLastRotation: 95, daysUntilRefreshTokenExpiry: -6 },
      workflow: { name: 'rotate.yml', id: 7, state: 'disabled_manually', runs: null },
      unread: [
        {
          what: 'workflow-runs',
          status: 'failed',
          permission: null,
          said: 'GitHub did not answer.',
          next: null,
        },
      ],
      reauthorize: REAUTHORIZE,
    })
    expect(document.reasons.map((reason) => reason.code)).toEqual([
      'refresh-token-expired',
      'rotation-overdue',
      'workflow-disabled',
    ])
    expect(JSON.parse(JSON.stringify(document))).toEqual(document)
  })
})

describe('exitCodeFor', () => {
  const written = { status: 'read', value: { updatedAt: now } } as const
  const absent = { status: 'read', value: { updatedAt: undefined } } as const
  const refused = { status: 'refused', permission: 'Secrets: Read', said: asText('no') } as const
  it.each([
    ['healthy', false, written, EXIT.OK],
    ['healthy', true, written, EXIT.GITHUB],
    ['at-risk', false, written, EXIT.AT_RISK],
    ['at-risk', true, written, EXIT.AT_RISK],
    ['dead', true, written, EXIT.DEAD],
    // No secret to judge: a typo or a permission, not a limit.
    ['at-risk', false, absent, EXIT.GITHUB],
    ['at-risk', true, refused, EXIT.GITHUB],
    ['dead', true, refused, EXIT.DEAD],
  ] as const)('%s, partial %s, secret %o: %i', (verdict, partial, secret, code) => {
    const health = {
      verdict,
      figures: assessHealth({ now, lastWrite: now, consentedAt: undefined, secretName: SECRET })
        .figures,
      reasons: [],
    }
    expect(exitCodeFor({ health, partial, secret })).toBe(code)
  })
})

describe("the README's description of status --json", () => {
  /** Every key path of a JSON value, arrays by their first item. */
  function keyPaths(value: unknown, at = ''): string[] {
    if (Array.isArray(value)) return keyPaths(value[0], `${at}[]`)
    if (typeof value !== 'object' || value === null) return []
    return Object.entries(value).flatMap(([key, child]) => [
      `${at}.${key}`,
      ...keyPaths(child, `${at}.${key}`),
    ])
  }

  it('names every key the command prints, and no other', async () => {
    const { readFile } = await import('node:fs/promises')
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
    const block = /`--json` prints one document[^\n]*\n\n```json\n([\s\S]*?)\n```/.exec(readme)?.[1]
    const documented = JSON.parse(block ?? 'null') as unknown
    const printed = statusJson(
      report({
        lastWrite: daysAgo(95),
        consentDaysAgo: 100,
        workflow: {
          info: { status: 'read', value: INFO },
          runs: { status: 'read', value: [run('failure', 1)] },
        },
      }),
      wording,
    )
    const withUnread = statusJson(
      report({ lastWrite: daysAgo(2), secret: { status: 'failed', said: ['x'] } }),
      wording,
    )
    expect(keyPaths(documented).sort()).toEqual(
      [...new Set([...keyPaths(printed), ...keyPaths(withUnread)])].sort(),
    )
  })
})
