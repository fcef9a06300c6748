import { describe, expect, it } from 'vitest'
import { rateCharge } from '.'
import { Dec } from '../decimal'
import { minor, price, STRIPE_TIERS, STRIPE_TIERS_WITH_FEES } from '../test/support'

const stripe = price({ model: 'graduated', tiers: STRIPE_TIERS })
const withFees = price({ model: 'graduated', tiers: STRIPE_TIERS_WITH_FEES })

describe('graduated', () => {
  it.each([
    // billing.md, Stripe "tiered pricing"
    [1, 700],
    [5, 3500],
    [6, 4150],
    [20, 12750],
    [25, 15750],
    // edges
    [0, 0],
    [10, 6750],
    [11, 7350],
    ['5.5', 3825],
    ['0.001', 1],
    // 35.00 + 32.50 + (10^12 − 10) × 6.00 = 6,000,000,000,007.50
    ['1000000000000', 600_000_000_000_750]
  ])('Stripe tiers, q = %s → %i cents', (q, cents) => {
    expect(minor(stripe, q)).toBe(cents)
  })

  it.each([
    // billing.md: q = 12 → (25 + 10) + (20 + 20) + (6 + 30) = 111; q = 0 → 10
    [12, 11100],
    [0, 1000],
    [5, 3500],
    [6, 3500 + 400 + 2000],
    [21, 3500 + 4000 + 4500 + 5000 + 100 + 5000]
  ])('with flat fees, q = %s → %i cents', (q, cents) => {
    expect(minor(withFees, q)).toBe(cents)
  })

  it('explains itself tier by tier', () => {
    const { breakdown } = rateCharge(withFees, { quantity: new Dec(12) })
    expect(breakdown).toEqual([
      {
        type: 'tier',
        tier: 1,
        above: '0',
        upTo: '5',
        units: '5',
        unitPrice: '5',
        flatFee: '10',
        amount: '35'
      },
      {
        type: 'tier',
        tier: 2,
        above: '5',
        upTo: '10',
        units: '5',
        unitPrice: '4',
        flatFee: '20',
        amount: '40'
      },
      {
        type: 'tier',
        tier: 3,
        above: '10',
        upTo: '15',
        units: '2',
        unitPrice: '3',
        flatFee: '30',
        amount: '36'
      }
    ])
  })

  it('bills yen without decimals and dinars with three', () => {
    const yen = price({
      model: 'graduated',
      tiers: [
        { up_to: 100, unit_price: '12' },
        { up_to: null, unit_price: '9.5' }
      ]
    })
    expect(minor(yen, 101, 'JPY')).toBe(1210) // 1200 + 9.5 → 1209.5 → 1210
    const dinar = price({
      model: 'graduated',
      tiers: [
        { up_to: 10, unit_price: '0.0125' },
        { up_to: null, unit_price: '0.01' }
      ]
    })
    expect(minor(dinar, 3, 'BHD')).toBe(38) // 0.0375 → 0.038
    expect(minor(dinar, 11, 'BHD')).toBe(135) // 0.125 + 0.01
  })
})
