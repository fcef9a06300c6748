import { describe, expect, it } from 'vitest'
import { usageEventSchema } from '@shared/billing/inputs'
import { Dec } from './decimal'
import { quote } from './quote'
import { coupon, settings } from './test/lines'
import { plan } from './test/support'

const monthly = plan({
  prices: [{ id: 'base', description: 'Pro plan', model: 'flat', amount: '49.00' }]
})
const storage = plan({
  prices: [
    {
      id: 'gb',
      description: 'Storage',
      model: 'per_unit',
      unit_price: '0.10',
      metric: { code: 'storage', aggregation: 'weighted_sum', property: 'gb' }
    }
  ]
})
const ev = (id: string, timestamp: string, gb: number) =>
  usageEventSchema.parse({ id, metric: 'storage', timestamp, properties: { gb } })

describe('quotes', () => {
  it('bills a whole month once', () => {
    const q = quote({ plan: monthly, from: '2026-01-01', to: '2026-01-31' })
    expect(q.lines.map((l) => [l.description, l.amount])).toEqual([['Pro plan', 4900]])
    expect(q.subtotals.total).toBe(4900)
  })

  it('prorates a stretch that ends inside a period', () => {
    const q = quote({ plan: monthly, from: '2026-01-16', to: '2026-01-31' })
    expect(q.lines.map((l) => [l.amount, l.proration?.computation])).toEqual([
      [2529, '16/31 days × 49.00']
    ])
  })

  it('prorates the first calendar period and bills the next ones whole, per seat', () => {
    const q = quote({
      plan: plan({ ...monthly, alignment: 'calendar' } as never),
      from: '2026-01-15',
      to: '2026-03-31',
      quantity: new Dec(2)
    })
    expect(q.lines.map((l) => [l.period.start, l.amount])).toEqual([
      ['2026-01-15', 5374], // 17/31 × 98.00 = 53.74
      ['2026-02-01', 9800],
      ['2026-03-01', 9800]
    ])
  })

  it('starts billing after the trial', () => {
    const q = quote({
      plan: plan({ ...monthly, trial_days: 14 } as never),
      from: '2026-01-01',
      to: '2026-02-14'
    })
    expect(q.lines.map((l) => [l.period.start, l.period.end, l.amount])).toEqual([
      ['2026-01-15', '2026-02-14', 4900]
    ])
    expect(
      quote({
        plan: plan({ ...monthly, trial_days: 60 } as never),
        from: '2026-01-01',
        to: '2026-01-31'
      }).lines
    ).toEqual([])
  })

  it('rates usage period by period, carrying a stored level forward', () => {
    const usage = [ev('a', '2026-01-01', 10), ev('b', '2026-02-15', 20)]
    const q = quote({ plan: storage, from: '2026-01-01', to: '2026-02-28', usage })
    // January: 10 GB all month → 1.00; February: 10 GB for 14 days, 30 GB for 14 → 20 GB → 2.00
    expect(q.lines.map((l) => [l.quantity, l.amount])).toEqual([
      ['10', 100],
      ['20', 200]
    ])
  })

  it('applies a coupon for its periods and taxes the rest', () => {
    const q = quote({
      plan: monthly,
      from: '2026-01-01',
      to: '2026-03-31',
      settings: settings(),
      coupons: [coupon({ type: 'percent', percent: '50', duration: 'repeating', periods: 2 })]
    })
    expect(q.lines.map((l) => l.discount)).toEqual([2450, 2450, 0])
    expect(q.subtotals).toMatchObject({
      lines: 14700,
      discounts: 4900,
      net: 9800,
      tax: 2254,
      total: 12054
    })
  })
})
