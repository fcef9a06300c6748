import { describe, expect, it } from 'vitest'
import { describeIssues } from './issues'
import { planSchema } from './plan'

const base = {
  id: 'pro',
  name: 'Pro',
  currency: 'EUR',
  interval: 'month',
  prices: [{ id: 'base', description: 'Pro plan', model: 'flat', amount: '49.00' }]
}
const problems = (plan: unknown) => {
  const result = planSchema.safeParse(plan)
  return result.success ? [] : describeIssues(result.error.issues, plan)
}
const withPrices = (...prices: unknown[]) => ({ ...base, prices: [...base.prices, ...prices] })
const tiered = (tiers: unknown[]) => ({
  id: 'api',
  description: 'API calls',
  model: 'graduated',
  metric: { code: 'api', aggregation: 'count' },
  tiers
})

describe('plan JSON', () => {
  it('accepts a plan and fills in the defaults', () => {
    const plan = planSchema.parse(base)
    expect(plan).toMatchObject({
      interval: { unit: 'month', count: 1 },
      alignment: 'anniversary',
      trial_days: 0,
      tax_inclusive: false,
      tax_rate: 'standard'
    })
  })

  it('names the path and the reason of a tier limit out of order', () => {
    const plan = withPrices(
      { id: 'seats', description: 'Seats', model: 'per_unit', unit_price: '5' },
      tiered([
        { up_to: 100, unit_price: '0' },
        { up_to: 50, unit_price: '0.01' },
        { up_to: null, unit_price: '0.005' }
      ])
    )
    expect(problems(plan)).toEqual(['prices[2].tiers[1].up_to must be greater than 100'])
  })

  it.each([
    [
      withPrices(
        tiered([
          { up_to: 100, unit_price: '0' },
          { up_to: 200, unit_price: '1' }
        ])
      ),
      'prices[1].tiers[1].up_to must be null in the last tier, which has no upper limit'
    ],
    [
      withPrices(
        tiered([
          { up_to: null, unit_price: '0' },
          { up_to: null, unit_price: '1' }
        ])
      ),
      'prices[1].tiers[0].up_to can be null (no limit) only in the last tier'
    ],
    [
      withPrices(
        tiered([
          { up_to: '-5', unit_price: '0' },
          { up_to: null, unit_price: '1' }
        ])
      ),
      'prices[1].tiers[0].up_to must be a non-negative number, like 1000 or "1000.5"'
    ],
    [withPrices(tiered([])), 'prices[1].tiers must have at least 1 item'],
    [
      withPrices({ id: 'x', description: 'X', model: 'sliding' }),
      'prices[1].model must be one of "flat", "per_unit", "graduated", "volume", "package", "percentage", "stairstep"'
    ],
    [
      withPrices({ id: 'x', description: 'X', model: 'flat', amount: 49 }),
      'prices[1].amount must be an amount written as a string, like "49.00"'
    ],
    [
      withPrices({ id: 'x', description: 'X', model: 'flat', amount: '-1' }),
      'prices[1].amount must be an amount written as a string, like "49.00" (no sign, at most 20 decimals)'
    ],
    [withPrices({ id: 'x', description: 'X', model: 'flat' }), 'prices[1].amount is required'],
    [
      withPrices({ id: 'base', description: 'Again', model: 'flat', amount: '1' }),
      'prices[1].id "base" is used by another price'
    ],
    [
      withPrices({ id: 'x', description: 'X', model: 'flat', amount: '1', colour: 'red' }),
      'prices[1].colour is not a known field'
    ],
    [
      withPrices({
        id: 'x',
        description: 'X',
        model: 'per_unit',
        unit_price: '1',
        timing: 'advance',
        metric: { code: 'gb', aggregation: 'sum', property: 'gb' }
      }),
      'prices[1].timing must be "arrears": usage is billed after the period'
    ],
    [
      withPrices({
        id: 'x',
        description: 'X',
        model: 'per_unit',
        unit_price: '1',
        metric: { code: 'gb', aggregation: 'sum' }
      }),
      'prices[1].metric.property is required for the sum aggregation'
    ],
    [
      withPrices({
        id: 'x',
        description: 'X',
        model: 'percentage',
        rate: '2.9',
        metric: { code: 'pay', aggregation: 'count' }
      }),
      'prices[1].metric must sum the transaction amounts ({"aggregation": "sum", "property": "amount"})'
    ],
    [
      withPrices({
        id: 'x',
        description: 'X',
        model: 'percentage',
        rate: '120',
        metric: { code: 'pay', aggregation: 'sum', property: 'a' }
      }),
      'prices[1].rate must be at most 100'
    ],
    [
      withPrices({
        id: 'x',
        description: 'X',
        model: 'package',
        package_size: 0,
        package_price: '1'
      }),
      'prices[1].package_size must be greater than 0'
    ],
    [{ ...base, currency: 'EURO' }, 'currency must be an ISO 4217 currency code, like "EUR"'],
    [
      { ...base, interval: 'fortnight' },
      'interval must be "day", "week", "month", "quarter" or "year", or {"unit": "month", "count": 3}'
    ],
    [{ ...base, prices: [] }, 'prices must have at least 1 item'],
    [{ ...base, trial_days: -1 }, 'trial_days must be at least 0'],
    [{ ...base, name: undefined }, 'name is required'],
    ['not a plan', 'the file must be an object']
  ])('%#: %s', (plan, message) => {
    expect(problems(plan)).toContain(message)
  })
})
