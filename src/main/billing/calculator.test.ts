import { describe, expect, it } from 'vitest'
import { planSchema } from '@shared/billing/plan'
import { priceQuantity } from './calculator'
import { STRIPE_TIERS } from './test/support'

const plan = planSchema.parse({
  id: 'api',
  name: 'API',
  currency: 'USD',
  interval: 'month',
  prices: [
    { id: 'base', description: 'Base fee', model: 'flat', amount: '49.00' },
    {
      id: 'calls',
      description: 'API calls',
      model: 'graduated',
      metric: { code: 'calls', aggregation: 'sum', property: 'n' },
      tiers: STRIPE_TIERS
    },
    {
      id: 'card',
      description: 'Card payments',
      model: 'percentage',
      metric: { code: 'payments', aggregation: 'sum', property: 'amount' },
      rate: '2.9',
      fixed_fee: '0.30'
    }
  ]
})

describe('the plan calculator', () => {
  it('prices a quantity on every price as an invoice would, tier by tier', () => {
    // billing.md, Stripe tiers: 20 units → 5 × 7.00 + 5 × 6.50 + 10 × 6.00 = 127.50
    const q = priceQuantity(
      plan,
      { quantity: '20', seats: '2', transactions: 0 },
      'half_away_from_zero'
    )
    expect(q.currency).toBe('USD')
    const calls = q.lines.find((l) => l.priceId === 'calls')!
    expect(calls).toMatchObject({ amount: 12750, metric: 'calls', model: 'graduated' })
    expect(calls.breakdown.map((s) => (s.type === 'tier' ? [s.units, s.amount] : null))).toEqual([
      ['5', '35'],
      ['5', '32.5'],
      ['10', '60']
    ])
    // the flat fee is charged per seat, not on the usage; the total is the sum of the rounded lines
    expect(q.lines.find((l) => l.priceId === 'base')!.amount).toBe(9800)
    expect(q.total).toBe(q.lines.reduce((s, l) => s + l.amount, 0))
  })

  it('counts transactions for percentage prices and rounds once per line', () => {
    // 1460.50 × 2.9 % = 42.3545, plus 3 × 0.30 fixed = 43.2545 → 43.25
    const q = priceQuantity(
      plan,
      { quantity: '1460.50', seats: '1', transactions: 3 },
      'half_away_from_zero'
    )
    expect(q.lines.find((l) => l.priceId === 'card')!.amount).toBe(4325)
    expect(
      priceQuantity(plan, { quantity: '1460.50', seats: '1', transactions: 3 }, 'up').lines.find(
        (l) => l.priceId === 'card'
      )!.amount
    ).toBe(4326)
  })
})
