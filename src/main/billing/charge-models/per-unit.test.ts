import { describe, expect, it } from 'vitest'
import { minor, price } from '../test/support'

describe('per unit', () => {
  const api = price({ model: 'per_unit', unit_price: '0.0006' })
  it.each([
    [0, 0],
    [1, 0], // 0.0006 → 0.00
    [9, 1], // 0.0054 → 0.01
    [12345, 741], // 7.407 → 7.41
    ['2500000.5', 150000], // 1500.0003 → 1500.00
    ['1000000000000000', 60000000000000]
  ])('0.0006 × %s → %i cents', (q, cents) => {
    expect(minor(api, q)).toBe(cents)
  })

  it('rounds half away from zero by default, half to even when asked', () => {
    const p = price({ model: 'per_unit', unit_price: '0.125' })
    expect(minor(p, 1)).toBe(13)
    expect(minor(p, 1, 'EUR', 'half_even')).toBe(12)
    expect(minor(p, 1, 'EUR', 'down')).toBe(12)
    expect(minor(p, 1, 'EUR', 'up')).toBe(13)
  })

  it('prices fractional units exactly', () => {
    expect(minor(price({ model: 'per_unit', unit_price: '3.333' }), '2.5')).toBe(833) // 8.3325
    expect(minor(price({ model: 'per_unit', unit_price: '0.1' }), 3, 'BHD')).toBe(300)
    expect(minor(price({ model: 'per_unit', unit_price: '0.7' }), 3, 'JPY')).toBe(2) // 2.1
  })
})
