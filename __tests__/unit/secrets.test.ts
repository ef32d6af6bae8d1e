import { SecretValues } from '../../src/common/secrets.js'

describe('SecretValues', () => {
  it('masks each value once, trimmed, and skips empty and tiny values', () => {
    const masked: string[] = []
    const secrets = new SecretValues((value) => masked.push(value))
    secrets.add('token-one\n')
    secrets.add('token-one')
    secrets.add('')
    secrets.add(undefined)
    secrets.add('abc')
    expect(masked).toEqual(['token-one'])
  })

  it('scrubs every known value and its URL-encoded form, longest first', () => {
    const secrets = new SecretValues(() => {})
    secrets.add('abcd/ef+gh')
    secrets.add('abcd/ef+gh-and-more')
    expect(secrets.scrub('a=abcd/ef+gh-and-more b=abcd%2Fef%2Bgh c=abcd/ef+gh')).toBe(
      'a=*** b=*** c=***',
    )
  })
})
