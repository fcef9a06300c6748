import { describe, expect, it } from 'vitest'
import { couponSchema } from '@shared/billing/inputs'
import { customerInput } from '@shared/books/customers'
import { planSchema } from '@shared/billing/plan'
import type { Books } from '../store/sync'
import { billingRun, closeInterruptedRuns, lastBillingRun } from './billing-run'
import { saveCoupon, savePlanVersion } from './catalog'
import { createCustomer } from './customers'
import { viewInvoice } from './invoices'
import {
  acceptRetentionOffer,
  createSubscription,
  loadCustomerSubscriptions,
  loadSubscription,
  pauseSubscription
} from './subscriptions'
import { openTestBooks } from './test-support'

function monthly(books: Books, id: string, amount: string): void {
  savePlanVersion(
    books,
    planSchema.parse({
      id,
      name: id,
      currency: 'PLN',
      interval: 'month',
      prices: [{ id, description: id, model: 'flat', amount }]
    }),
    '2026-01-01'
  )
}

/**
 * Ala has two subscriptions, one with a 20 % coupon for two periods; Bartek pauses his in
 * February; Celina has neither. A run reads each customer's subscriptions with one query per
 * table, and skips the pause and coupon reads for customers known to have none.
 */
async function company() {
  const { books, clock } = await openTestBooks('2026-01-01')
  monthly(books, 'pro', '100.00')
  monthly(books, 'basic', '50.00')
  saveCoupon(
    books,
    couponSchema.parse({
      id: 'WELCOME20',
      name: 'Welcome',
      type: 'percent',
      percent: '20',
      duration: 'repeating',
      periods: 2
    })
  )
  const customer = (name: string) =>
    createCustomer(
      books,
      customerInput.parse({ name, country: 'PL', language: 'pl', currency: 'PLN' })
    ).id
  const [ala, bartek, celina] = [customer('Ala'), customer('Bartek'), customer('Celina')]
  const sub = (customerId: number, planCode: string, couponCode?: string) =>
    createSubscription(books, {
      customerId,
      planCode,
      startDate: '2026-01-01',
      quantity: '1',
      couponCode
    }).id
  const alaPro = sub(ala, 'pro', 'WELCOME20')
  const alaBasic = sub(ala, 'basic')
  const bartekPro = sub(bartek, 'pro')
  sub(celina, 'basic')
  pauseSubscription(
    books,
    { subscriptionId: bartekPro, from: '2026-02-01', until: '2026-02-28' },
    true
  )
  return { books, clock, ala, bartek, celina, alaPro, alaBasic, bartekPro }
}

describe('billing runs: subscriptions read per customer', () => {
  it('loads the same state per customer as one subscription at a time', async () => {
    const { books, ala, bartek, celina } = await company()
    for (const customerId of [ala, bartek, celina]) {
      const ids = (
        books
          .prepare('SELECT id FROM subscriptions WHERE customer_id = ? ORDER BY id')
          .all(customerId) as { id: number }[]
      ).map((r) => r.id)
      expect(loadCustomerSubscriptions(books, customerId)).toEqual(
        ids.map((id) => loadSubscription(books, id))
      )
    }
    // the hint only skips reads: a customer with a pause, told it has none, has none loaded
    expect(
      loadCustomerSubscriptions(books, bartek, { pauses: false, coupons: false })[0]!.pauses
    ).toEqual([])
    expect(loadCustomerSubscriptions(books, bartek)[0]!.pauses).toEqual([
      { start: '2026-02-01', end: '2026-02-28' }
    ])
  })

  it('applies a coupon to its own subscription for its periods, and skips a paused month', async () => {
    const { books, clock, ala, bartek, celina, alaPro, alaBasic } = await company()
    const totals: Record<number, [string, number, number][]> = {
      [ala]: [],
      [bartek]: [],
      [celina]: []
    }
    for (const asOf of ['2026-01-01', '2026-02-01', '2026-03-01']) {
      clock.date = asOf
      const run = await billingRun(books, { asOf, dryRun: false })
      for (const c of run.customers)
        for (const i of c.invoices) totals[c.customerId]!.push([i.billDate, i.net, i.total])
    }
    // Ala: 100.00 − 20 % on pro + 50.00 basic = 130.00 net, +23 % = 159.90; no coupon in March
    expect(totals[ala]).toEqual([
      ['2026-01-01', 13000, 15990],
      ['2026-02-01', 13000, 15990],
      ['2026-03-01', 15000, 18450]
    ])
    // Bartek: nothing for paused February
    expect(totals[bartek]).toEqual([
      ['2026-01-01', 10000, 12300],
      ['2026-03-01', 10000, 12300]
    ])
    expect(totals[celina]).toEqual([
      ['2026-01-01', 5000, 6150],
      ['2026-02-01', 5000, 6150],
      ['2026-03-01', 5000, 6150]
    ])
    // the discount sits on the pro line only
    const jan = books
      .prepare(
        'SELECT id FROM invoices WHERE customer_id = ? AND bill_date = ? ORDER BY id LIMIT 1'
      )
      .get(ala, '2026-01-01') as { id: number }
    const lines = viewInvoice(books, jan.id).lines.map((l) => [l.subscriptionId, l.discount])
    expect(lines).toEqual([
      [alaPro, 2000],
      [alaBasic, 0]
    ])
    // the run left the file's durability settings as they were
    expect(books.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(books.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
  })

  it('lets a coupon given with a backdated subscription discount from its start; one added later from that day', async () => {
    const { books, clock, celina } = await company()
    clock.date = '2026-03-10' // entered in March, starting in January
    const dora = createCustomer(
      books,
      customerInput.parse({ name: 'Dora', country: 'PL', language: 'pl', currency: 'PLN' })
    ).id
    createSubscription(books, {
      customerId: dora,
      planCode: 'pro',
      startDate: '2026-01-01',
      quantity: '1',
      couponCode: 'WELCOME20'
    })
    const celinaSub = loadCustomerSubscriptions(books, celina)[0]!.row.id
    acceptRetentionOffer(books, {
      subscriptionId: celinaSub,
      offer: 'discount',
      couponCode: 'WELCOME20',
      reason: 'too expensive'
    })
    const run = await billingRun(books, { asOf: '2026-04-01', dryRun: false })
    const nets = (customerId: number) =>
      run.customers
        .find((c) => c.customerId === customerId)!
        .invoices.map((i) => [i.billDate, i.net])
    expect(nets(dora)).toEqual([
      ['2026-01-01', 8000],
      ['2026-02-01', 8000],
      ['2026-03-01', 10000],
      ['2026-04-01', 10000]
    ])
    // Celina's discount starts with March, the period it was added in, for two periods
    expect(nets(celina)).toEqual([
      ['2026-01-01', 5000],
      ['2026-02-01', 5000],
      ['2026-03-01', 4000],
      ['2026-04-01', 4000]
    ])
  })
})

describe('billing runs: stopped, interrupted', () => {
  it('stops between customers when asked; running again bills the rest, nothing twice', async () => {
    const { books } = await company()
    let asked = 0
    const stopped = await billingRun(books, {
      asOf: '2026-01-31',
      dryRun: false,
      yieldEvery: 1,
      shouldStop: () => ++asked > 1
    })
    expect(stopped.cancelled).toBe(true)
    expect(stopped.customers.map((c) => c.name)).toEqual(['Ala'])
    expect(lastBillingRun(books)?.status).toBe('cancelled')
    const rest = await billingRun(books, { asOf: '2026-01-31', dryRun: false })
    expect(rest.customers.map((c) => c.name)).toEqual(['Bartek', 'Celina'])
  })

  it('marks a run left running by a Facturo that stopped as interrupted', async () => {
    const { books } = await company()
    books.run(
      books.q
        .insertInto('billing_runs')
        .values({ as_of: '2026-01-31', status: 'running', started_at: books.stamp() })
    )
    closeInterruptedRuns(books)
    expect(lastBillingRun(books)).toMatchObject({ status: 'interrupted', error: null })
  })
})
