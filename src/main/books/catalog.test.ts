import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { planSchema, type Plan } from '@shared/billing/plan'
import { billingRun } from './billing-run'
import { savePlanVersion } from './catalog'
import { createCustomer } from './customers'
import { changeSubscription, createSubscription, viewSubscription } from './subscriptions'
import { appErrorOf, openTestBooks } from './test-support'

const pro = (amount: string, currency = 'PLN'): Plan =>
  planSchema.parse({
    id: 'pro',
    name: 'Pro',
    currency,
    interval: 'month',
    prices: [{ id: 'pro', description: 'Pro', model: 'flat', amount }]
  })

describe('versioned prices', () => {
  it('apply to new subscriptions from their date; existing ones keep theirs until moved', async () => {
    const { books, clock } = await openTestBooks('2026-01-01')
    savePlanVersion(books, pro('100.00'), '2026-01-01')
    const customer = (name: string) =>
      createCustomer(
        books,
        customerInput.parse({ name, country: 'PL', language: 'pl', currency: 'PLN' })
      ).id
    const [ala, bartek] = [customer('Ala'), customer('Bartek')]
    const alaSub = createSubscription(books, {
      customerId: ala,
      planCode: 'pro',
      startDate: '2026-01-01',
      quantity: '1'
    }).id

    clock.date = '2026-02-10'
    expect(savePlanVersion(books, pro('120.00'), '2026-03-01').version).toBe(2)
    const early = appErrorOf(() => savePlanVersion(books, pro('130.00'), '2026-03-01'))
    expect(early.fieldErrors?.effectiveFrom?.message).toBe(
      'a new version of pro must apply after 2026-03-01, when version 2 starts'
    )
    expect(
      appErrorOf(() => savePlanVersion(books, pro('30.00', 'EUR'), '2026-06-01')).fieldErrors
        ?.currency?.message
    ).toMatch(/priced in PLN/)

    const bartekSub = createSubscription(books, {
      customerId: bartek,
      planCode: 'pro',
      startDate: '2026-03-05',
      quantity: '1'
    }).id
    expect(viewSubscription(books, bartekSub).items[0]!.planVersion).toBe(2)
    expect(viewSubscription(books, alaSub).items[0]!.planVersion).toBe(1)

    const nets = async (asOf: string) => {
      clock.date = asOf
      const run = await billingRun(books, { asOf, dryRun: false })
      return Object.fromEntries(
        run.customers.map((c) => [c.name, c.invoices.map((i) => [i.billDate, i.net])])
      )
    }
    expect(await nets('2026-04-01')).toEqual({
      Ala: [
        ['2026-01-01', 10000],
        ['2026-02-01', 10000],
        ['2026-03-01', 10000],
        ['2026-04-01', 10000]
      ],
      // anniversary periods from the 5th, at version 2's price
      Bartek: [['2026-03-05', 12000]]
    })

    // Ala moved to today's price from her next period: a change to the same plan
    clock.date = '2026-04-10'
    const moved = changeSubscription(
      books,
      { subscriptionId: alaSub, planCode: 'pro', when: 'period_end' },
      true
    )
    expect(moved.effectiveDate).toBe('2026-05-01')
    expect(moved.subscription.items.map((i) => [i.planVersion, i.startDate, i.endDate])).toEqual([
      [1, '2026-01-01', '2026-04-30'],
      [2, '2026-05-01', null]
    ])
    expect(await nets('2026-05-01')).toEqual({
      Ala: [['2026-05-01', 12000]],
      Bartek: [['2026-04-05', 12000]]
    })
  })
})

describe('segment price lists', () => {
  const withLists = (): Plan =>
    planSchema.parse({
      id: 'pro',
      name: 'Pro',
      currency: 'PLN',
      interval: 'month',
      prices: [
        { id: 'seat', description: 'Seat', model: 'flat', amount: '100.00' },
        {
          id: 'calls',
          description: 'Calls',
          model: 'per_unit',
          unit_price: '0.10',
          metric: { code: 'calls', aggregation: 'count' }
        }
      ],
      segment_prices: {
        Enterprise: [
          { id: 'seat', description: 'Seat (Enterprise)', model: 'flat', amount: '80.00' }
        ]
      }
    })

  it('bill a segment’s customers its prices, the others the plan’s, and prorate changes with them', async () => {
    const { books, clock } = await openTestBooks('2026-01-01')
    savePlanVersion(books, withLists(), '2026-01-01')
    const customer = (name: string, segment: string) =>
      createCustomer(
        books,
        customerInput.parse({ name, country: 'PL', language: 'pl', currency: 'PLN', segment })
      ).id
    const big = customer('Big', 'Enterprise')
    const small = customer('Small', 'SMB')
    const bigSub = createSubscription(books, {
      customerId: big,
      planCode: 'pro',
      startDate: '2026-01-01',
      quantity: '2'
    }).id
    createSubscription(books, {
      customerId: small,
      planCode: 'pro',
      startDate: '2026-01-01',
      quantity: '2'
    })
    const run = await billingRun(books, { asOf: '2026-01-01', dryRun: false })
    const net = Object.fromEntries(run.customers.map((c) => [c.name, c.invoices[0]!.net]))
    expect(net).toEqual({ Big: 16000, Small: 20000 })
    // one more seat from the 16th: 16 of 31 days at the Enterprise price, 80.00 × 16/31 = 41.29
    clock.date = '2026-01-16'
    const change = changeSubscription(
      books,
      { subscriptionId: bigSub, quantity: '3', when: 'now', date: '2026-01-16' },
      false
    )
    expect(change.net).toBe(4129)
  })

  it('replace only prices of the plan, measuring the same thing', () => {
    const plan = {
      ...withLists(),
      segment_prices: {
        SMB: [
          { id: 'nope', description: 'x', model: 'flat', amount: '1' },
          { id: 'calls', description: 'Calls', model: 'per_unit', unit_price: '0.05' }
        ]
      }
    }
    const result = planSchema.safeParse(plan)
    expect(result.success).toBe(false)
    const paths = result.error!.issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(['segment_prices.SMB.0.id', 'segment_prices.SMB.1.metric'])
  })
})
