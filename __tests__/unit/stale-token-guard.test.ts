import { judgeStoredToken, LEEWAY_SAFETY_MARGIN_MS } from '../../src/stale-token-guard.js'

const readAt = new Date('2026-11-29T02:00:00Z')
const minutes = (n: number): Date => new Date(readAt.getTime() + n * 60_000)

describe('judgeStoredToken', () => {
  it('calls a secret that does not exist a first write', () => {
    expect(judgeStoredToken(undefined, readAt, minutes(1))).toEqual({ kind: 'first-write' })
  })

  it('calls a secret written before the run read it fresh, however long ago', () => {
    expect(judgeStoredToken(minutes(-60 * 24 * 30), readAt, minutes(500))).toEqual({
      kind: 'fresh',
    })
    expect(judgeStoredToken(readAt, readAt, minutes(500))).toEqual({ kind: 'fresh' })
  })

  it('lets a token superseded moments ago be refreshed, until a margin before the leeway ends', () => {
    const updatedAt = minutes(1)
    expect(judgeStoredToken(updatedAt, readAt, minutes(3))).toEqual({
      kind: 'rewritten-in-leeway',
      updatedAt,
      readAt,
      safeUntil: new Date(updatedAt.getTime() + 10 * 60_000 - LEEWAY_SAFETY_MARGIN_MS),
    })
  })

  it('stops a token superseded longer ago than the leeway, less the margin', () => {
    const updatedAt = minutes(1)
    const safeUntil = updatedAt.getTime() + 10 * 60_000 - LEEWAY_SAFETY_MARGIN_MS
    expect(judgeStoredToken(updatedAt, readAt, new Date(safeUntil - 1)).kind).toBe(
      'rewritten-in-leeway',
    )
    expect(judgeStoredToken(updatedAt, readAt, new Date(safeUntil))).toEqual({
      kind: 'stale',
      updatedAt,
      readAt,
    })
    expect(judgeStoredToken(updatedAt, readAt, minutes(60 * 24))).toMatchObject({ kind: 'stale' })
  })
})
