import { describe, expect, it } from 'vitest'
import { planSchema } from '@shared/billing/plan'
import { customerInput } from '@shared/books/customers'
import { billingRun } from './billing-run'
import { savePlanVersion } from './catalog'
import { createCustomer } from './customers'
import { viewInvoice } from './invoices'
import { cancelSubscription, changeSubscription, createSubscription } from './subscriptions'
import { openTestBooks } from './test-support'
import { upcomingInvoice } from './upcoming'
import { addUsage } from './usage'

const metered = planSchema.parse({
  id: 'metered',
  name: 'Metered',
  currency: 'PLN',
  interval: 'month',
  prices: [
    { id: 'fee', description: 'Platform fee', model: 'flat', amount: '10.00' },
    {
      id: 'calls',
      description: 'API calls',
      model: 'per_unit',
      unit_price: '0.10',
      metric: { code: 'calls', aggregation: 'sum', property: 'n' }
    }
  ]
})

async function company(trialDays?: number) {
  const { books, clock } = await openTestBooks('2026-01-01')
  savePlanVersion(books, metered, '2026-01-01')
  const customerId = createCustomer(
    books,
    customerInput.parse({ name: 'Łucja', country: 'PL', language: 'pl', currency: 'PLN' })
  ).id
  const subscriptionId = createSubscription(books, {
    customerId,
    planCode: 'metered',
    startDate: '2026-01-01',
    quantity: '1',
    trialDays
  }).id
  const calls = (eventId: string, timestamp: string, n: number) =>
    addUsage(books, { customerId, metric: 'calls', eventId, timestamp, properties: { n } })
  const count = () => (books.prepare('SELECT count(*) AS n FROM invoices').get() as { n: number }).n
  return { books, clock, customerId, subscriptionId, calls, count }
}

describe('a subscription’s upcoming invoice', () => {
  it('is what no run has billed yet when charges are due today', async () => {
    const { books, subscriptionId } = await company()
    const next = upcomingInvoice(books, subscriptionId)!
    expect(next.billDate).toBe('2026-01-01')
    expect(next.invoice.lines.map((l) => [l.description, l.amount])).toEqual([
      ['Platform fee', 1000]
    ])
  })

  it('after a run, bills the next period in advance and this one’s usage so far, as the run will', async () => {
    const { books, clock, subscriptionId, calls, count } = await company()
    await billingRun(books, { asOf: '2026-01-01', dryRun: false })
    clock.date = '2026-01-20'
    calls('a', '2026-01-05T10:00:00', 300)
    calls('b', '2026-01-19T10:00:00', 200)
    const before = count()
    const next = upcomingInvoice(books, subscriptionId)!
    expect(next.billDate).toBe('2026-02-01')
    expect(next.invoice.id).toBe(0)
    expect(next.invoice.number).toBeNull()
    expect(next.invoice.lines.map((l) => [l.description, l.quantity, l.amount])).toEqual([
      ['Platform fee', '1', 1000],
      ['API calls', '500', 5000]
    ])
    // 60.00 net + 23 % VAT
    expect(next.invoice.subtotals).toMatchObject({ net: 6000, tax: 1380, total: 7380 })
    // nothing of it is kept, also when asked inside another transaction (a reminders run)
    expect(count()).toBe(before)
    books.tx(() => {
      expect(upcomingInvoice(books, subscriptionId)!.invoice.subtotals.total).toBe(7380)
      expect(count()).toBe(before)
    })
    expect(count()).toBe(before)

    // the run on that day bills exactly that
    clock.date = '2026-02-01'
    const run = await billingRun(books, { asOf: '2026-02-01', dryRun: false })
    const made = viewInvoice(books, run.customers[0]!.invoices[0]!.invoiceId!)
    expect(made.subtotals).toEqual(next.invoice.subtotals)
    expect(made.lines.map((l) => l.breakdown)).toEqual(next.invoice.lines.map((l) => l.breakdown))
  })

  it('after a change mid-period, is the change’s own invoice, as the run of that day makes it', async () => {
    const { books, clock, subscriptionId } = await company()
    await billingRun(books, { asOf: '2026-01-01', dryRun: false })
    clock.date = '2026-01-17'
    changeSubscription(books, { subscriptionId, quantity: '3', when: 'now' }, true)
    const next = upcomingInvoice(books, subscriptionId)!
    expect(next.billDate).toBe('2026-01-17')
    const run = await billingRun(books, { asOf: '2026-01-17', dryRun: true })
    expect(run.customers[0]!.invoices.map((i) => i.total)).toEqual([next.invoice.subtotals.total])
    // the old quantity's usage so far, its unused days back, the new quantity's days charged
    expect(next.invoice.lines.map((l) => [l.kind, l.amount, l.proration?.computation])).toEqual([
      ['usage', 0, undefined],
      ['proration_credit', -484, '15/31 days × 10.00'],
      ['proration_charge', 1452, '15/31 days × 30.00']
    ])
  })

  it('during a trial, is the first invoice after it', async () => {
    const { books, subscriptionId } = await company(14)
    const next = upcomingInvoice(books, subscriptionId)!
    expect(next.billDate).toBe('2026-01-15')
    expect(next.invoice.lines[0]).toMatchObject({
      description: 'Platform fee',
      periodStart: '2026-01-15',
      periodEnd: '2026-02-14'
    })
  })

  it('is the last usage once the subscription is cancelled, and nothing after it has ended', async () => {
    const { books, clock, subscriptionId, calls } = await company()
    await billingRun(books, { asOf: '2026-01-01', dryRun: false })
    clock.date = '2026-01-10'
    calls('a', '2026-01-05T10:00:00', 100)
    cancelSubscription(books, { subscriptionId, when: 'period_end', reason: 'budget' }, true)
    const last = upcomingInvoice(books, subscriptionId)!
    expect(last.invoice.lines.map((l) => [l.description, l.amount])).toEqual([['API calls', 1000]])
    clock.date = '2026-02-01'
    await billingRun(books, { asOf: '2026-02-01', dryRun: false })
    expect(upcomingInvoice(books, subscriptionId)).toBeNull()
  })
})
