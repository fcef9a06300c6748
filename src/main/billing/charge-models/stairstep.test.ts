import { describe, expect, it } from 'vitest'
import { minor, price } from '../test/support'

const p = price({
  model: 'stairstep',
  tiers: [
    { up_to: 10, flat_fee: '100' },
    { up_to: 50, flat_fee: '400' },
    { up_to: null, flat_fee: '900' }
  ]
})

describe('stairstep', () => {
  it.each([
    [0, 10000],
    [1, 10000],
    [10, 10000],
    ['10.5', 40000],
    [11, 40000],
    [50, 40000],
    [51, 90000],
    [1e9, 90000]
  ])('q = %s → %i cents (the flat fee of its step, no unit price)', (q, cents) => {
    expect(minor(p, q)).toBe(cents)
  })

  it('works in 0- and 3-decimal currencies', () => {
    expect(
      minor(
        price({
          model: 'stairstep',
          tiers: [
            { up_to: 5, flat_fee: '980' },
            { up_to: null, flat_fee: '1980' }
          ]
        }),
        6,
        'JPY'
      )
    ).toBe(1980)
    const d = price({
      model: 'stairstep',
      tiers: [
        { up_to: 1, flat_fee: '1.2345' },
        { up_to: null, flat_fee: '2' }
      ]
    })
    expect(minor(d, 1, 'BHD')).toBe(1235)
  })
})
