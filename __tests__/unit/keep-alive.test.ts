import { actionWording, word } from '../../src/common/settings.js'
import { describeKeepAlive, keepAliveWanted } from '../../src/action/keep-alive.js'
import { workflowFromRef } from '../../src/github/workflows.js'

describe('workflowFromRef', () => {
  it('reads the repository and the workflow file from GITHUB_WORKFLOW_REF', () => {
    expect(
      workflowFromRef(
        'octo-org/confluence-sync/.github/workflows/rotate-atlassian-token.yml@refs/heads/main',
      ),
    ).toEqual({
      repository: { owner: 'octo-org', repo: 'confluence-sync' },
      file: 'rotate-atlassian-token.yml',
    })
    expect(workflowFromRef('o/r/.github/workflows/rotate.yaml@refs/tags/v1')?.file).toBe(
      'rotate.yaml',
    )
  })

  it('names nothing for a missing or odd ref', () => {
    expect(workflowFromRef(undefined)).toBeUndefined()
    expect(workflowFromRef('')).toBeUndefined()
    expect(workflowFromRef('o/r/.github/workflows/rotate.yml')).toBeUndefined()
    expect(workflowFromRef('o/r/other/rotate.yml@refs/heads/main')).toBeUndefined()
  })
})

describe('keepAliveWanted', () => {
  it('auto: on scheduled runs only; true: always; false: never', () => {
    expect(keepAliveWanted('auto', 'schedule')).toEqual({ wanted: true })
    expect(keepAliveWanted('auto', 'workflow_dispatch')).toEqual({
      wanted: false,
      reason: 'not a scheduled run (event workflow_dispatch)',
    })
    expect(keepAliveWanted('auto', undefined).wanted).toBe(false)
    expect(keepAliveWanted('true', 'push')).toEqual({ wanted: true })
    expect(keepAliveWanted('false', 'schedule').wanted).toBe(false)
  })
})

describe('describeKeepAlive', () => {
  const workflow = { repository: { owner: 'o', repo: 'r' }, file: 'rotate.yml' }

  it('says nothing when off; a line when enabled, with what is only reported', () => {
    expect(describeKeepAlive({ state: 'off', reason: 'x' })).toBeUndefined()
    const enabled = describeKeepAlive({ state: 'enabled', workflow })
    expect(enabled?.level).toBe('info')
    expect(word(enabled?.message ?? [], actionWording)).toContain('GitHub does not document it')
  })

  it('a notice naming the permission line without actions: write; a warning for other failures', () => {
    const notice = describeKeepAlive({ state: 'not-permitted', workflow })
    expect(notice?.level).toBe('notice')
    expect(word(notice?.message ?? [], actionWording)).toContain(
      'Add the line `actions: write` under `permissions:`',
    )
    const failed = describeKeepAlive({ state: 'failed', workflow, reason: 'HTTP 502' })
    expect(failed?.level).toBe('warning')
    expect(word(failed?.message ?? [], actionWording)).toContain('The rotation is not affected')
    for (const said of [notice, failed]) expect(said?.title).not.toMatch(/[:,]/)
  })
})
