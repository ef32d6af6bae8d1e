import fc from 'fast-check'
import { groupedNumber } from '../../src/common/grouped-number.js'

describe('groupedNumber', () => {
  it('groups thousands with commas', () => {
    expect(groupedNumber(0)).toBe('0')
    expect(groupedNumber(999)).toBe('999')
    expect(groupedNumber(1000)).toBe('1,000')
    expect(groupedNumber(35_952)).toBe('35,952')
    expect(groupedNumber(1_234_567)).toBe('1,234,567')
    expect(groupedNumber(-1_234)).toBe('-1,234')
  })

  it("prints every whole number as toLocaleString('en-US') does", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (value) => {
        expect(groupedNumber(value)).toBe(value.toLocaleString('en-US'))
      }),
    )
  })
})
