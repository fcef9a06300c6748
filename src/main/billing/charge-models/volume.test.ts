import { describe, expect, it } from 'vitest'
import { rateCharge } from '.'
import { Dec } from '../decimal'
import { minor, price, STRIPE_TIERS, STRIPE_TIERS_WITH_FEES } from '../test/support'

const stripe = price({ model: 'volume', tiers: STRIPE_TIERS })
const withFees = price({ model: 'volume', tiers: STRIPE_TIERS_WITH_FEES })

describe('volume', () => {
  it.each([
    // billing.md, Stripe "tiered pricing"
    [1, 700],
    [5, 3500],
    [6, 3900],
    [20, 12000],
    [25, 15000],
    [0, 0],
    [10, 6500],
    ['10.5', 6300],
    ['1000000000000', 600000000000000]
  ])('Stripe tiers, q = %s → %i cents', (q, cents) => {
    expect(minor(stripe, q)).toBe(cents)
  })

  it.each([
    // billing.md: q = 12 volume → 12 × 3 + 30 = 66; q = 0 → 10
    [12, 6600],
    [0, 1000],
    [15, 7500],
    [16, 7200]
  ])('with flat fees, q = %s → %i cents', (q, cents) => {
    expect(minor(withFees, q)).toBe(cents)
  })

  it('names the tier that priced every unit', () => {
    expect(rateCharge(withFees, { quantity: new Dec(12) }).breakdown).toEqual([
      {
        type: 'tier',
        tier: 3,
        above: '10',
        upTo: '15',
        units: '12',
        unitPrice: '3',
        flatFee: '30',
        amount: '66'
      }
    ])
  })

  it('rounds once, half away from zero, in 0- and 3-decimal currencies', () => {
    const p = price({ model: 'volume', tiers: [{ up_to: null, unit_price: '0.5' }] })
    expect(minor(p, 3, 'JPY')).toBe(2) // 1.5 → 2
    const d = price({ model: 'volume', tiers: [{ up_to: null, unit_price: '0.0005' }] })
    expect(minor(d, 1, 'KWD')).toBe(1) // 0.0005 → 0.001
  })
})
