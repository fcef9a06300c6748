import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { planSchema } from '@shared/billing/plan'
import { billingRun } from './billing-run'
import { savePlanVersion } from './catalog'
import { createCustomer } from './customers'
import {
  addAddOn,
  changeSubscription,
  createSubscription,
  pauseSubscription,
  removeAddOn,
  viewSubscription
} from './subscriptions'
import { appErrorOf, openTestBooks } from './test-support'
import { addUsage } from './usage'

async function setUp() {
  const { books, clock } = await openTestBooks('2026-01-01')
  const plan = (json: object) => savePlanVersion(books, planSchema.parse(json), '2026-01-01')
  plan({
    id: 'pro',
    name: 'Pro',
    currency: 'PLN',
    interval: 'month',
    prices: [{ id: 'pro', description: 'Pro', model: 'flat', amount: '100.00' }]
  })
  // 31.00 a month: one złoty a day in January
  plan({
    id: 'storage',
    name: 'Extra storage',
    currency: 'PLN',
    interval: 'month',
    prices: [
      { id: 'storage', description: 'Extra storage', model: 'flat', amount: '31.00' },
      {
        id: 'backups',
        description: 'Backups',
        model: 'per_unit',
        unit_price: '0.50',
        metric: { code: 'backups', aggregation: 'count' }
      }
    ]
  })
  plan({
    id: 'yearly',
    name: 'Yearly',
    currency: 'PLN',
    interval: 'year',
    prices: [{ id: 'y', description: 'Yearly', model: 'flat', amount: '1000.00' }]
  })
  const customerId = createCustomer(
    books,
    customerInput.parse({ name: 'Ewa', country: 'PL', language: 'pl', currency: 'PLN' })
  ).id
  const subscriptionId = createSubscription(books, {
    customerId,
    planCode: 'pro',
    startDate: '2026-01-01',
    quantity: '1'
  }).id
  /** Runs as of a date (the clock moves there) and returns each new invoice as [bill date, net]. */
  const run = async (asOf: string) => {
    clock.date = asOf
    const summary = await billingRun(books, { asOf, dryRun: false })
    return summary.customers.flatMap((c) => c.invoices.map((i) => [i.billDate, i.net]))
  }
  return { books, clock, customerId, subscriptionId, run }
}

describe('add-ons', () => {
  it('charges the days left when added mid-period, bills beside the plan, credits when removed', async () => {
    const { books, clock, customerId, subscriptionId, run } = await setUp()
    expect(await run('2026-01-01')).toEqual([['2026-01-01', 10000]])

    clock.date = '2026-01-11'
    const input = { subscriptionId, planCode: 'storage', quantity: '1', date: '2026-01-11' }
    const preview = addAddOn(books, input, false)
    expect(preview.lines.map((l) => [l.kind, l.amount, l.proration?.computation])).toEqual([
      ['proration_charge', 2100, '21/31 days × 31.00']
    ])
    expect(viewSubscription(books, subscriptionId).items).toHaveLength(1) // a preview keeps nothing
    const added = addAddOn(books, input, true)
    expect(added.net).toBe(2100)
    const addOnId = added.subscription.items.find((i) => i.role === 'addon')!.id
    expect(added.subscription.items.map((i) => [i.role, i.planCode, i.startDate])).toEqual([
      ['plan', 'pro', '2026-01-01'],
      ['addon', 'storage', '2026-01-11']
    ])

    expect(await run('2026-01-11')).toEqual([['2026-01-11', 2100]])
    for (const [id, day] of [
      ['b1', '2026-01-20'],
      ['b2', '2026-01-21'],
      ['b3', '2026-01-22'],
      ['b4', '2026-01-23']
    ] as const)
      addUsage(books, {
        customerId,
        metric: 'backups',
        eventId: id,
        timestamp: day,
        properties: {}
      })
    // February: Pro 100.00 + storage 31.00 + January's 4 backups × 0.50
    expect(await run('2026-02-01')).toEqual([['2026-02-01', 13300]])

    clock.date = '2026-02-15'
    const removal = { subscriptionId, itemId: addOnId, when: 'now' as const, date: '2026-02-15' }
    expect(
      removeAddOn(books, removal, false).lines.map((l) => [l.amount, l.proration?.computation])
    ).toEqual([[-1439, '13/28 days × 31.00']])
    removeAddOn(books, removal, true)
    expect(viewSubscription(books, subscriptionId).items[1]!.endDate).toBe('2026-02-15')
    // the credit waits for the next run; the add-on's February usage (none) is billed in arrears
    expect(await run('2026-03-01')).toEqual([
      ['2026-02-16', -1439],
      ['2026-03-01', 10000]
    ])
    expect(await run('2026-04-01')).toEqual([['2026-04-01', 10000]])
  })

  it('starts on a period boundary without a proration, keeps billing when the plan changes, and is credited by a pause', async () => {
    const { books, subscriptionId, run } = await setUp()
    const added = addAddOn(
      books,
      { subscriptionId, planCode: 'storage', quantity: '2', date: '2026-01-01' },
      true
    )
    expect(added.lines).toEqual([])
    expect(await run('2026-01-01')).toEqual([['2026-01-01', 16200]]) // 100.00 + 2 × 31.00

    // a quantity change of the plan on Feb 1 leaves the add-on alone
    changeSubscription(
      books,
      { subscriptionId, quantity: '2', when: 'period_end', date: '2026-01-20' },
      true
    )
    expect(await run('2026-02-01')).toEqual([['2026-02-01', 26200]]) // 2 × 100.00 + 2 × 31.00 + no backups

    // a pause from Feb 15 credits the unused days of both
    const paused = pauseSubscription(
      books,
      { subscriptionId, from: '2026-02-15', until: '2026-02-28' },
      true
    )
    expect(paused.lines.map((l) => [l.description, l.amount])).toEqual([
      ['Extra storage', -3100], // 14/28 × 62.00
      ['Pro', -10000] // 14/28 × 200.00
    ])
  })

  it('refuses an add-on that cannot share the subscription, and says why', async () => {
    const { books, subscriptionId } = await setUp()
    const yearly = appErrorOf(() =>
      addAddOn(
        books,
        { subscriptionId, planCode: 'yearly', quantity: '1', date: '2026-01-05' },
        true
      )
    )
    expect(yearly.message).toMatch(
      /Yearly is billed differently .* from Pro; sell it as a subscription of its own/
    )
    expect(yearly.fieldErrors?.planCode?.code).toBe('invalid')
    expect(
      appErrorOf(() =>
        addAddOn(
          books,
          { subscriptionId, planCode: 'pro', quantity: '1', date: '2026-01-05' },
          true
        )
      ).message
    ).toMatch(/is the subscription's plan; change its quantity instead/)
    addAddOn(
      books,
      { subscriptionId, planCode: 'storage', quantity: '1', date: '2026-01-05' },
      true
    )
    expect(
      appErrorOf(() =>
        addAddOn(
          books,
          { subscriptionId, planCode: 'storage', quantity: '1', date: '2026-01-06' },
          true
        )
      ).code
    ).toBe('CONFLICT')
    expect(
      appErrorOf(() =>
        addAddOn(
          books,
          { subscriptionId, planCode: 'storage', quantity: '1', date: '2025-12-31' },
          true
        )
      ).message
    ).toMatch(/starts on 2026-01-01; 2025-12-31 is before it/)
    const plan = viewSubscription(books, subscriptionId).items[0]!
    expect(
      appErrorOf(() => removeAddOn(books, { subscriptionId, itemId: plan.id, when: 'now' }, true))
        .code
    ).toBe('NOT_FOUND')
    // nothing refused was kept
    expect(viewSubscription(books, subscriptionId).items.map((i) => i.planCode)).toEqual([
      'pro',
      'storage'
    ])
  })

  it('removes an add-on that has not started yet without a trace', async () => {
    const { books, subscriptionId, run } = await setUp()
    const later = addAddOn(
      books,
      { subscriptionId, planCode: 'storage', quantity: '1', date: '2026-03-01' },
      true
    )
    const itemId = later.subscription.items[1]!.id
    const removed = removeAddOn(
      books,
      { subscriptionId, itemId, when: 'now', date: '2026-02-10' },
      true
    )
    expect(removed.lines).toEqual([])
    expect(removed.subscription.items).toHaveLength(1)
    expect(await run('2026-03-01')).toEqual([
      ['2026-01-01', 10000],
      ['2026-02-01', 10000],
      ['2026-03-01', 10000]
    ])
  })
})
