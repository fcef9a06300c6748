import { describe, expect, it } from 'vitest'
import { usageEventSchema } from '@shared/billing/inputs'
import { Dec } from './decimal'
import type { DuePeriod } from './periods'
import { rateSubscriptionPeriod } from './rating'
import { plan } from './test/support'

const january: DuePeriod = {
  start: '2026-01-01',
  end: '2026-01-31',
  fullStart: '2026-01-01',
  fullEnd: '2026-01-31',
  activeDays: 31,
  fullDays: 31,
  scheduleStart: '2026-01-01'
}
const api = { code: 'api_calls', aggregation: 'sum' as const, property: 'calls' }
const pro = plan({
  minimum_commitment: '100.00',
  prices: [
    { id: 'base', description: 'Pro plan', model: 'flat', amount: '49.00' },
    {
      id: 'calls',
      description: 'API calls',
      model: 'graduated',
      metric: api,
      tiers: [
        { up_to: 1000, unit_price: '0' },
        { up_to: null, unit_price: '0.002' }
      ]
    }
  ]
})
const usage = [
  usageEventSchema.parse({
    id: 'u1',
    metric: 'api_calls',
    timestamp: '2026-01-15T10:00:00',
    properties: { calls: 2500 }
  })
]
const rate = (period: DuePeriod, timing: 'advance' | 'arrears' | 'all', quantity = 1) =>
  rateSubscriptionPeriod({
    plan: pro,
    subscription: { id: 's1', quantity: new Dec(quantity) },
    period,
    usage,
    rounding: 'half_away_from_zero',
    timing
  })

describe('rating a subscription period', () => {
  it('bills the flat fee in advance and usage in arrears', () => {
    expect(rate(january, 'advance').map((l) => [l.kind, l.priceId, l.amount])).toEqual([
      ['recurring', 'base', 4900]
    ])
    expect(rate(january, 'arrears').map((l) => [l.kind, l.priceId, l.amount])).toEqual([
      ['usage', 'calls', 300],
      ['minimum_commitment', undefined, 4800]
    ])
  })

  it('tops up to the minimum commitment over all of the period’s charges', () => {
    const top = rate(january, 'all').find((l) => l.kind === 'minimum_commitment')!
    expect(top.breakdown).toEqual([
      { type: 'minimum_commitment', minimum: '100.00', charged: '52.00', amount: '48.00' }
    ])
    expect(top.discountable).toBe(false)
    expect(rate(january, 'all', 3).some((l) => l.kind === 'minimum_commitment')).toBe(false)
  })

  it('prorates seat charges and the commitment in a partial period, never usage', () => {
    const partial: DuePeriod = { ...january, start: '2026-01-15', activeDays: 17 }
    const lines = rate(partial, 'all')
    expect(lines.map((l) => [l.priceId ?? l.kind, l.amount, l.proration?.computation])).toEqual([
      ['base', 2687, '17/31 days × 49.00'],
      ['calls', 300, undefined],
      ['minimum_commitment', 5484 - 2687 - 300, '17/31 days × 100.00']
    ])
  })

  it('explains the usage tier by tier', () => {
    const usageLine = rate(january, 'arrears')[0]!
    expect(usageLine.quantity).toBe('2500')
    expect(
      usageLine.breakdown.map((s) => (s.type === 'tier' ? [s.tier, s.units, s.amount] : s.type))
    ).toEqual([
      [1, '1000', '0'],
      [2, '1500', '3']
    ])
  })
})
