import { closeMatches, didYouMean, editDistance } from '../../src/cli/suggest.js'

describe('editDistance', () => {
  it('counts inserts, deletes, substitutions and swaps of neighbours as one edit each', () => {
    expect(editDistance('scope', 'scope')).toBe(0)
    expect(editDistance('scope', 'scoppe')).toBe(1)
    expect(editDistance('scope', 'scop')).toBe(1)
    expect(editDistance('scope', 'scape')).toBe(1)
    expect(editDistance('scope', 'scpoe')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('refresh', 'rotate')).toBe(6)
  })
})

describe('closeMatches', () => {
  const flags = ['client-id', 'callback', 'scope', 'secret-name', 'site-url', 'json', 'help']

  it('finds the flag a slip of the finger was meant to be', () => {
    expect(closeMatches('clientid', flags)).toEqual(['client-id'])
    expect(closeMatches('scpoe', flags)).toEqual(['scope'])
    expect(closeMatches('secret-nmae', flags)).toEqual(['secret-name'])
    expect(closeMatches('jsno', flags)).toEqual(['json'])
  })

  it('suggests nothing for a different word, or for a short name two edits away', () => {
    expect(closeMatches('colour', flags)).toEqual([])
    expect(closeMatches('token', flags)).toEqual([])
    expect(closeMatches('jn', flags)).toEqual([])
    expect(closeMatches('scope', flags)).toEqual([])
  })

  it('keeps every candidate at the best distance, and only those', () => {
    expect(closeMatches('sites', ['sites', 'site', 'bites', 'bytes'])).toEqual(['site', 'bites'])
    expect(closeMatches('refesh', ['refresh', 'refreshes'])).toEqual(['refresh'])
  })
})

describe('didYouMean', () => {
  it('names one or several candidates, or says nothing', () => {
    expect(didYouMean(['--scope'])).toBe('Did you mean --scope?')
    expect(didYouMean(['--a', '--b', '--c'])).toBe('Did you mean --a, --b or --c?')
    expect(didYouMean([])).toBe('')
  })
})
