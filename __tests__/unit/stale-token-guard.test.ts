import {
  describeJudgement,
  judgeAfterWait,
  judgeStoredToken,
  judgeWithoutReadTime,
  supersededError,
} from '../../src/rotation/stale-token-guard.js'

const readAt = new Date('2026-11-29T02:00:00Z')
const minutes = (n: number): Date => new Date(readAt.getTime() + n * 60_000)

describe('judgeStoredToken', () => {
  it('calls a secret that does not exist a first write', () => {
    expect(judgeStoredToken(undefined, readAt)).toEqual({ kind: 'first-write' })
  })

  it('calls a secret written before the run read it fresh, however long ago', () => {
    expect(judgeStoredToken(minutes(-60 * 24 * 30), readAt)).toEqual({ kind: 'fresh' })
    expect(judgeStoredToken(readAt, readAt)).toEqual({ kind: 'fresh' })
  })

  it('calls any rewrite after the run read the secret superseded, however recent', () => {
    // No leeway arithmetic: the guard cannot know how many rotations happened since.
    for (const updatedAt of [new Date(readAt.getTime() + 1000), minutes(1), minutes(60 * 24)]) {
      expect(judgeStoredToken(updatedAt, readAt)).toEqual({
        kind: 'superseded',
        updatedAt,
        readAt,
        readAtWhat: 'this run read its secrets',
      })
    }
  })
})

describe('judgeWithoutReadTime', () => {
  const started = { at: readAt, what: 'this step started', exact: false }
  it('calls a rewrite after the process started superseded', () => {
    expect(judgeWithoutReadTime(minutes(1), started, 'no run')).toEqual({
      kind: 'superseded',
      updatedAt: minutes(1),
      readAt,
      readAtWhat: 'this step started',
    })
  })

  it('cannot tell about a rewrite before the process started, or within the clock resolution', () => {
    for (const updatedAt of [minutes(-1), new Date(readAt.getTime() + 1000)]) {
      expect(judgeWithoutReadTime(updatedAt, started, 'no run')).toEqual({
        kind: 'unknown',
        reason: 'no run',
      })
    }
    expect(judgeWithoutReadTime(new Date(readAt.getTime() + 1001), started, 'x').kind).toBe(
      'superseded',
    )
  })

  it('passes a secret not rewritten after the moment a person says the token was obtained', () => {
    const obtained = { at: readAt, what: 'the time given with --token-obtained-at', exact: true }
    expect(judgeWithoutReadTime(minutes(-1), obtained, 'no run')).toEqual({
      kind: 'fresh-since',
      what: 'the time given with --token-obtained-at',
    })
    expect(judgeWithoutReadTime(minutes(1), obtained, 'no run').kind).toBe('superseded')
  })
})

describe('supersededError', () => {
  it('says another rotation got there first, that nothing was sent, and that nothing is lost', () => {
    const judgement = judgeStoredToken(minutes(3), readAt)
    if (judgement.kind !== 'superseded') throw new Error('setup')
    const error = supersededError(judgement, 'ATLASSIAN_REFRESH_TOKEN')
    expect(error.code).toBe('SUPERSEDED')
    expect(error.tokenState).toBe('unchanged')
    expect(error.message).toContain('Another rotation got there first')
    expect(error.message).toContain('rewritten at 2026-11-29 02:03:00 UTC')
    expect(error.message).toContain('after this run read its secrets (2026-11-29 02:00:00 UTC)')
    expect(error.message).toContain('It was not sent to Atlassian')
    expect(error.message).toContain('Nothing is lost')
    expect(error.nextStep).toContain('re-run the workflow')
    expect(describeJudgement(judgement)).toMatch(/^stopped: /)
  })
})

describe('judgeAfterWait: the secret read again once the lock, waited for, is taken', () => {
  const metadata = (updatedAt: Date | undefined, serverNow?: Date) => ({
    updatedAt,
    visibility: undefined,
    serverNow,
  })
  const fresh = () => ({ kind: 'fresh' as const })

  it('calls a secret written while this run waited superseded, however close the times', () => {
    const judgement = judgeAfterWait(
      metadata(minutes(-60 * 24 * 3), minutes(0)),
      metadata(minutes(0)),
      minutes(0),
      undefined,
      fresh,
    )
    expect(judgement).toMatchObject({
      kind: 'superseded',
      updatedAt: minutes(0),
      readAt: minutes(0),
    })
  })

  it('calls a secret created while this run waited superseded', () => {
    expect(
      judgeAfterWait(metadata(undefined), metadata(minutes(1)), minutes(0), undefined, fresh),
    ).toMatchObject({ kind: 'superseded' })
  })

  it("takes an unchanged timestamp at or after the waited-for lock for that rotation's write (whole seconds)", () => {
    // The previous write, the lock and its holder's write all fell within one second.
    const sameSecond = metadata(minutes(0))
    expect(
      judgeAfterWait(sameSecond, metadata(minutes(0)), minutes(0), minutes(0), fresh),
    ).toMatchObject({
      kind: 'superseded',
      readAtWhat: 'the rotation this run waited for took the lock',
    })
  })

  it('leaves the judgement to the guard when nothing changed and the write predates the lock', () => {
    const before = metadata(minutes(-10))
    expect(judgeAfterWait(before, metadata(minutes(-10)), minutes(0), minutes(-1), fresh)).toEqual({
      kind: 'fresh',
    })
    expect(judgeAfterWait(before, metadata(minutes(-10)), minutes(0), undefined, fresh)).toEqual({
      kind: 'fresh',
    })
  })
})
