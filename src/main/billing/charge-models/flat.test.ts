import { describe, expect, it } from 'vitest'
import { rateCharge } from '.'
import { Dec } from '../decimal'
import { minor, price } from '../test/support'

describe('flat', () => {
  const p = price({ model: 'flat', amount: '49.00' })
  it.each([
    [1, 4900],
    [3, 14700],
    [0, 0],
    ['2.5', 12250]
  ])('49.00 × %s seats → %i cents', (seats, cents) => {
    expect(minor(p, seats)).toBe(cents)
  })

  it('keeps the amount per seat in the breakdown', () => {
    expect(rateCharge(p, { quantity: new Dec(3) }).breakdown).toEqual([
      { type: 'flat', quantity: '3', unitAmount: '49.00', amount: '147' }
    ])
  })

  it('handles yen and dinars', () => {
    expect(minor(price({ model: 'flat', amount: '1500' }), 2, 'JPY')).toBe(3000)
    expect(minor(price({ model: 'flat', amount: '12.3455' }), 1, 'BHD')).toBe(12346)
  })
})
