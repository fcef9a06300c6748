import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { billingPreferencesSchema } from '@shared/books/settings'
import { planSchema } from '@shared/billing/plan'
import { billingRun } from './billing-run'
import { savePlanVersion } from './catalog'
import { createCustomer } from './customers'
import { verifyLedger } from './ledger'
import { setBillingPreferences } from './settings'
import {
  cancelSubscription,
  changeSubscription,
  createSubscription,
  pauseSubscription,
  reactivateSubscription,
  undoCancellation
} from './subscriptions'
import { openTestBooks } from './test-support'
import { addUsage } from './usage'

// Fourteen months of a bookkeeper's books, January 2028 (a leap year) to February 2029, with a
// billing run on the 1st of each month (and 1 March 2029) that issues invoices directly.
// Every expected invoice below is worked out by hand; VAT is 0 % to keep the sums readable.

const flat = (id: string, name: string, amount: string, interval: string | object = 'month') =>
  planSchema.parse({
    id,
    name,
    currency: 'PLN',
    interval,
    tax_rate: 'zero',
    prices: [{ id: 'fee', description: name, model: 'flat', amount }]
  })

const usagePlan = planSchema.parse({
  id: 'metered',
  name: 'Metered',
  currency: 'PLN',
  interval: 'month',
  tax_rate: 'zero',
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

const months = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const y = Number(from.slice(0, 4)) + Math.floor((Number(from.slice(5, 7)) - 1 + i) / 12)
    const m = ((Number(from.slice(5, 7)) - 1 + i) % 12) + 1
    return `${y}-${String(m).padStart(2, '0')}-01`
  })

describe('fourteen months of billing', () => {
  it('bills every period once, as worked out by hand', async () => {
    const { books, clock } = await openTestBooks('2027-12-20')
    setBillingPreferences(books, billingPreferencesSchema.parse({ runCreates: 'issued' }))
    for (const plan of [
      flat('basic', 'Basic', '50.00'),
      flat('pro', 'Pro', '120.00'),
      flat('annual', 'Annual', '1200.00', 'year'),
      usagePlan
    ]) {
      savePlanVersion(books, plan, '2027-12-01')
    }
    const customer = (name: string) =>
      createCustomer(
        books,
        customerInput.parse({ name, country: 'PL', language: 'pl', currency: 'PLN' })
      ).id
    const [anna, bruno, carla, dario, eva, filip, gosia] = [
      'Anna',
      'Bruno',
      'Carla',
      'Dario',
      'Eva',
      'Filip',
      'Gosia'
    ].map(customer) as number[]
    const subscribe = (
      customerId: number,
      planCode: string,
      startDate: string,
      trialDays?: number
    ) => createSubscription(books, { customerId, planCode, startDate, quantity: '1', trialDays }).id

    subscribe(anna!, 'basic', '2028-01-31') // anchored on the 31st: Jan 31, Feb 29, Mar 31, Apr 30…
    subscribe(bruno!, 'annual', '2028-02-29') // yearly from Feb 29: next on 2029-02-28
    subscribe(carla!, 'metered', '2028-01-01')
    const darioSub = subscribe(dario!, 'basic', '2028-03-01', 14) // trial Mar 1–14, periods from Mar 15
    const evaSub = subscribe(eva!, 'pro', '2028-01-01')
    const filipSub = subscribe(filip!, 'basic', '2028-01-01')
    const gosiaSub = subscribe(gosia!, 'basic', '2028-01-01')
    // Carla's calls: 1000 + 100 × m on the 15th of month m (m = 1 for January 2028 … 14 for February 2029)
    months('2028-01-01', 14).forEach((first, i) =>
      addUsage(books, {
        customerId: carla!,
        metric: 'calls',
        eventId: `m${i + 1}`,
        timestamp: `${first.slice(0, 8)}15T09:00:00`,
        properties: { n: 1000 + 100 * (i + 1) }
      })
    )

    const actions: Record<string, () => void> = {
      '2028-02-10': () =>
        void cancelSubscription(
          books,
          { subscriptionId: gosiaSub, when: 'period_end', reason: 'budget' },
          true
        ),
      '2028-02-20': () => void undoCancellation(books, gosiaSub),
      '2028-03-10': () =>
        void changeSubscription(
          books,
          { subscriptionId: evaSub, planCode: 'basic', when: 'period_end' },
          true
        ),
      '2028-04-20': () =>
        void pauseSubscription(
          books,
          { subscriptionId: filipSub, from: '2028-05-01', until: '2028-06-30' },
          true
        ),
      // Dario's period Apr 15 – May 14 (30 days) was billed on May 1; 5 days are left on May 10
      '2028-05-10': () =>
        void changeSubscription(
          books,
          { subscriptionId: darioSub, planCode: 'pro', when: 'now', date: '2028-05-10' },
          true
        ),
      '2028-06-15': () =>
        void cancelSubscription(
          books,
          { subscriptionId: gosiaSub, when: 'period_end', reason: 'closing down' },
          true
        ),
      '2028-09-01': () =>
        void reactivateSubscription(books, { subscriptionId: gosiaSub, on: '2028-09-01' })
    }
    const runDates = [...months('2028-01-01', 14), '2029-03-01']
    for (const date of [...new Set([...Object.keys(actions), ...runDates])].sort()) {
      clock.date = date
      actions[date]?.()
      if (runDates.includes(date)) await billingRun(books, { asOf: date, dryRun: false })
    }

    const invoices = (customerId: number) =>
      (
        books
          .prepare(
            "SELECT bill_date AS d, total FROM invoices WHERE customer_id = ? AND status = 'issued' ORDER BY bill_date, id"
          )
          .all(customerId) as { d: string; total: number }[]
      ).map((r) => [r.d, r.total])

    expect(invoices(anna!)).toEqual(
      [
        '2028-01-31',
        '2028-02-29',
        '2028-03-31',
        '2028-04-30',
        '2028-05-31',
        '2028-06-30',
        '2028-07-31',
        '2028-08-31',
        '2028-09-30',
        '2028-10-31',
        '2028-11-30',
        '2028-12-31',
        '2029-01-31',
        '2029-02-28'
      ].map((d) => [d, 5000])
    )
    expect(invoices(bruno!)).toEqual([
      ['2028-02-29', 120000],
      ['2029-02-28', 120000]
    ])
    // 1 Jan: fee 10.00; then each 1st: last month's calls × 0.10 + this month's fee
    expect(invoices(carla!)).toEqual([
      ['2028-01-01', 1000],
      ['2028-02-01', 11000 + 1000], // 1100 calls
      ['2028-03-01', 12000 + 1000],
      ['2028-04-01', 13000 + 1000],
      ['2028-05-01', 14000 + 1000],
      ['2028-06-01', 15000 + 1000],
      ['2028-07-01', 16000 + 1000],
      ['2028-08-01', 17000 + 1000],
      ['2028-09-01', 18000 + 1000],
      ['2028-10-01', 19000 + 1000],
      ['2028-11-01', 20000 + 1000],
      ['2028-12-01', 21000 + 1000],
      ['2029-01-01', 22000 + 1000],
      ['2029-02-01', 23000 + 1000],
      ['2029-03-01', 24000 + 1000] // February 2029's 2400 calls
    ])
    expect(invoices(dario!)).toEqual([
      ['2028-03-15', 5000],
      ['2028-04-15', 5000],
      ['2028-05-10', -833 + 2000], // credit 5/30 × 50.00 = 8.33, charge 5/30 × 120.00 = 20.00
      ['2028-05-15', 12000],
      ['2028-06-15', 12000],
      ['2028-07-15', 12000],
      ['2028-08-15', 12000],
      ['2028-09-15', 12000],
      ['2028-10-15', 12000],
      ['2028-11-15', 12000],
      ['2028-12-15', 12000],
      ['2029-01-15', 12000],
      ['2029-02-15', 12000]
    ])
    // Pro until March, Basic from the next period (April) on
    expect(invoices(eva!)).toEqual([
      ['2028-01-01', 12000],
      ['2028-02-01', 12000],
      ['2028-03-01', 12000],
      ...months('2028-04-01', 12).map((d) => [d, 5000])
    ])
    // paused May and June
    expect(invoices(filip!)).toEqual(
      ['2028-01-01', '2028-02-01', '2028-03-01', '2028-04-01', ...months('2028-07-01', 9)].map(
        (d) => [d, 5000]
      )
    )
    // cancelled at the end of February, undone; cancelled at the end of June; reactivated on 1 September
    expect(invoices(gosia!)).toEqual(
      [...months('2028-01-01', 6), ...months('2028-09-01', 7)].map((d) => [d, 5000])
    )

    // numbers run without gaps within each year
    const numbers = books
      .prepare("SELECT number FROM invoices WHERE status = 'issued' ORDER BY issue_date, seq")
      .all() as { number: string }[]
    for (const year of ['2028', '2029']) {
      const seqs = numbers
        .filter((n) => n.number.startsWith(`FV/${year}/`))
        .map((n) => Number(n.number.slice(8)))
      expect(seqs).toEqual(seqs.map((_, i) => i + 1))
    }
    expect(verifyLedger(books).ok).toBe(true)

    // running an earlier date again bills nothing new
    expect((await billingRun(books, { asOf: '2028-06-01', dryRun: false })).invoicesCreated).toBe(0)
    expect((await billingRun(books, { asOf: '2029-03-01', dryRun: true })).invoicesCreated).toBe(0)
  })
})
