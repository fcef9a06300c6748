import { describe, expect, it } from 'vitest'
import { customerInput, customerListInput, type CustomerInput } from '@shared/books/customers'
import { invoiceListInput } from '@shared/books/invoices'
import { billingPreferencesSchema, seriesUpdateInput } from '@shared/books/settings'
import { formatInvoiceNumber } from '@shared/invoice-number'
import { subscriptionSearchInput } from '@shared/books/subscriptions'
import { couponSchema } from '@shared/billing/inputs'
import { planSchema } from '@shared/billing/plan'
import type { Books } from '../store/sync'
import { billingRun } from './billing-run'
import { saveCoupon, savePlanVersion } from './catalog'
import { customerFacets, listCustomers } from './customer-list'
import { createCustomer, setCustomerArchived } from './customers'
import { dashboardSummary } from './dashboard'
import { invoiceHistory, issueInvoice, viewInvoice } from './invoices'
import { listInvoices } from './invoice-list'
import { listSeries, updateSeriesFormat } from './numbering'
import { recordPayment } from './payments'
import { getCompany } from '../store/repos/company'
import { cancelSubscription, createSubscription } from './subscriptions'
import { getBillingPreferences, setBillingPreferences } from './settings'
import { searchSubscriptions } from './subscription-list'
import { addUsage, listUsage } from './usage'
import { appErrorOf, openTestBooks } from './test-support'

const base = { country: 'PL', language: 'pl', currency: 'PLN' } as const
const add = (books: Books, input: Partial<CustomerInput> & { name: string }) =>
  createCustomer(books, customerInput.parse({ ...base, ...input })).id

async function company() {
  const { books, clock } = await openTestBooks('2026-01-01')
  savePlanVersion(
    books,
    planSchema.parse({
      id: 'pro',
      name: 'Pro',
      currency: 'PLN',
      interval: 'month',
      prices: [{ id: 'pro', description: 'Pro', model: 'flat', amount: '100.00' }]
    }),
    '2026-01-01'
  )
  const ids = {
    zofia: add(books, {
      name: 'Żółta Łódka Sp. z o.o.',
      emails: ['biuro@lodka.pl'],
      segment: 'SMB',
      tags: ['vip']
    }),
    adam: add(books, { name: 'Adam Nowak', segment: 'Enterprise', tags: ['vip', 'annual'] }),
    beto: add(books, {
      name: 'Beto Comércio Ltda',
      country: 'BR',
      language: 'pt-BR',
      currency: 'BRL',
      taxId: '11.222.333/0001-81'
    }),
    old: add(books, { name: 'Old Client', segment: 'SMB' })
  }
  setCustomerArchived(books, ids.old, true)
  for (const customerId of [ids.zofia, ids.adam])
    createSubscription(books, {
      customerId,
      planCode: 'pro',
      startDate: '2026-01-01',
      quantity: '1'
    })
  return { books, clock, ids }
}

const list = (books: Books, input: Parameters<typeof customerListInput.parse>[0]) =>
  listCustomers(books, customerListInput.parse(input))
const names = (r: { rows: { name: string }[] }) => r.rows.map((c) => c.name)

describe('the customers list', () => {
  it('searches name, email and tax id as typed, accents and separators aside', async () => {
    const { books } = await company()
    expect(names(list(books, { query: 'zolta lodka' }))).toEqual(['Żółta Łódka Sp. z o.o.'])
    expect(names(list(books, { query: 'BIURO@' }))).toEqual(['Żółta Łódka Sp. z o.o.'])
    expect(names(list(books, { query: '11222333000181' }))).toEqual(['Beto Comércio Ltda'])
    expect(names(list(books, { query: '11.222.333/0001-81' }))).toEqual(['Beto Comércio Ltda'])
    expect(list(books, { query: 'nobody' })).toEqual({ rows: [], total: 0 })
  })

  it('filters by status, segment, tag and country, and counts all that match', async () => {
    const { books } = await company()
    expect(names(list(books, {}))).toEqual([
      'Adam Nowak',
      'Beto Comércio Ltda',
      'Żółta Łódka Sp. z o.o.'
    ])
    expect(names(list(books, { status: 'archived' }))).toEqual(['Old Client'])
    expect(list(books, { status: 'all' }).total).toBe(4)
    expect(names(list(books, { segment: 'SMB', status: 'all' }))).toEqual([
      'Old Client',
      'Żółta Łódka Sp. z o.o.'
    ])
    expect(names(list(books, { tag: 'annual' }))).toEqual(['Adam Nowak'])
    expect(names(list(books, { country: 'BR' }))).toEqual(['Beto Comércio Ltda'])
    expect(list(books, { limit: 1, offset: 1 })).toMatchObject({
      total: 3,
      rows: [{ name: 'Beto Comércio Ltda' }]
    })
  })

  it('sorts either way, by name, number, country or what is owed', async () => {
    const { books, clock, ids } = await company()
    expect(names(list(books, { sort: 'name', direction: 'desc' }))[0]).toBe(
      'Żółta Łódka Sp. z o.o.'
    )
    expect(list(books, { sort: 'code' }).rows.map((r) => r.code)).toEqual([
      'C00001',
      'C00002',
      'C00003'
    ])
    expect(names(list(books, { sort: 'country' }))[0]).toBe('Beto Comércio Ltda')
    clock.date = '2026-01-01'
    const run = await billingRun(books, { asOf: '2026-01-01', dryRun: false })
    for (const c of run.customers) for (const i of c.invoices) issueInvoice(books, i.invoiceId!)
    // Adam pays 50.00 of his 123.00: he owes less than Zofia
    recordPayment(books, {
      customerId: ids.adam,
      date: '2026-01-05',
      method: 'bank_transfer',
      amount: 5000,
      currency: 'PLN',
      reference: ''
    })
    const byOwed = list(books, { sort: 'receivable', direction: 'desc' }).rows
    expect(byOwed.map((r) => [r.name, r.receivable])).toEqual([
      ['Żółta Łódka Sp. z o.o.', 12300],
      ['Adam Nowak', 7300],
      ['Beto Comércio Ltda', 0]
    ])
    expect(names(list(books, { balanceDue: true }))).toEqual([
      'Adam Nowak',
      'Żółta Łódka Sp. z o.o.'
    ])
  })

  it('offers the segments, tags and countries in use as filters', async () => {
    const { books } = await company()
    expect(customerFacets(books)).toEqual({
      segments: ['Enterprise', 'SMB'],
      tags: ['annual', 'vip'],
      countries: ['BR', 'PL']
    })
  })
})

describe('the invoices list', () => {
  async function billed() {
    const c = await company()
    const run = await billingRun(c.books, { asOf: '2026-02-01', dryRun: false })
    const drafts = run.customers.flatMap((r) => r.invoices.map((i) => i.invoiceId!))
    return { ...c, drafts }
  }
  const invoices = (books: Books, input: Parameters<typeof invoiceListInput.parse>[0]) =>
    listInvoices(books, invoiceListInput.parse(input))

  it('shows the status a bookkeeper sees, the same as each invoice says', async () => {
    const { books, clock, ids, drafts } = await billed()
    clock.date = '2026-01-02'
    const [janZofia, febZofia, janAdam] = [drafts[0]!, drafts[1]!, drafts[2]!]
    for (const id of [janZofia, janAdam]) issueInvoice(books, id, '2026-01-02')
    // issued later, so due later (14-day terms): part-paid but not yet overdue on the 20th
    issueInvoice(books, febZofia, '2026-01-10')
    recordPayment(books, {
      customerId: ids.adam,
      date: '2026-01-05',
      method: 'cash',
      amount: 12300,
      currency: 'PLN',
      reference: '',
      allocations: [{ invoiceId: janAdam, amount: 12300 }]
    })
    recordPayment(books, {
      customerId: ids.zofia,
      date: '2026-01-05',
      method: 'cash',
      amount: 2300,
      currency: 'PLN',
      reference: '',
      allocations: [{ invoiceId: febZofia, amount: 2300 }]
    })
    clock.date = '2026-01-20'
    const all = invoices(books, {}).invoices
    expect(all).toHaveLength(4)
    for (const row of all) {
      const view = viewInvoice(books, row.id)
      expect(row.status, `invoice ${row.id}`).toBe(view.status)
      expect(row.outstanding, `invoice ${row.id}`).toBe(view.outstanding)
    }
    expect(invoices(books, { status: 'overdue' }).invoices.map((i) => i.id)).toEqual([janZofia])
    expect(invoices(books, { status: 'paid' }).invoices.map((i) => i.id)).toEqual([janAdam])
    expect(invoices(books, { status: 'partially_paid' }).invoices.map((i) => i.id)).toEqual([
      febZofia
    ])
    expect(invoices(books, { status: 'draft' }).total).toBe(1)
  })

  it('sums what matches per currency and finds by number or customer', async () => {
    const { books, clock, drafts } = await billed()
    clock.date = '2026-01-02'
    const issued = issueInvoice(books, drafts[0]!)
    const result = invoices(books, {})
    expect(result.totals).toEqual([{ currency: 'PLN', count: 4, total: 49200, outstanding: 12300 }])
    expect(invoices(books, { query: issued.number! }).invoices.map((i) => i.id)).toEqual([
      issued.id
    ])
    expect(invoices(books, { query: 'lodka' }).total).toBe(2)
    expect(invoices(books, { from: '2026-02-01' }).total).toBe(2)
    expect(invoices(books, { to: '2026-01-31' }).total).toBe(2)
  })
})

describe('the next billing run', () => {
  it('is the first unbilled day: missed periods show as a date in the past', async () => {
    const { books, clock } = await company()
    clock.date = '2026-03-10'
    // never billed: due since the subscriptions began
    expect(dashboardSummary(books).nextRunDate).toBe('2026-01-01')
    await billingRun(books, { asOf: '2026-01-31', dryRun: false })
    // January billed in advance: February is next, and overdue by now
    expect(dashboardSummary(books).nextRunDate).toBe('2026-02-01')
    await billingRun(books, { asOf: '2026-03-10', dryRun: false })
    expect(dashboardSummary(books).nextRunDate).toBe('2026-04-01')
  })
})

describe('the dashboard', () => {
  it('shows drafts, what falls due, what is overdue, the next run and the latest activity', async () => {
    const { books, clock, ids } = await company()
    const empty = dashboardSummary(books)
    expect(empty).toMatchObject({
      today: '2026-01-01',
      drafts: { count: 0, first: [] },
      lastRun: null,
      // nothing billed yet: January is due today
      nextRunDate: '2026-01-01',
      customers: 3,
      activeSubscriptions: 2
    })
    const run = await billingRun(books, { asOf: '2026-01-01', dryRun: false })
    const [first, second] = run.customers.map((c) => c.invoices[0]!.invoiceId!)
    issueInvoice(books, first!)
    clock.date = '2026-01-10'
    const now = dashboardSummary(books)
    expect(now.drafts).toMatchObject({ count: 1, totals: [{ currency: 'PLN', total: 12300 }] })
    expect(now.drafts.first.map((i) => i.id)).toEqual([second])
    // 14-day terms: due on 2026-01-15, within the week
    expect(now.dueSoon).toMatchObject({ count: 1, first: [{ id: first, dueDate: '2026-01-15' }] })
    expect(now.overdue.count).toBe(0)
    expect(now.lastRun).toMatchObject({ asOf: '2026-01-01', status: 'finished' })
    expect(now.nextRunDate).toBe('2026-02-01')
    expect(now.activity[0]).toMatchObject({ entity: 'invoice', action: 'issue' })
    clock.date = '2026-01-16'
    expect(dashboardSummary(books)).toMatchObject({ dueSoon: { count: 0 }, overdue: { count: 1 } })
    const sub = books.first(
      books.q.selectFrom('subscriptions').select('id').where('customer_id', '=', ids.adam)
    )!.id
    cancelSubscription(
      books,
      { subscriptionId: sub, when: 'now', date: '2026-01-16', reason: 'x' },
      true
    )
    // service ends on the 16th: still running that day, not the next
    expect(dashboardSummary(books).activeSubscriptions).toBe(2)
    clock.date = '2026-01-17'
    expect(dashboardSummary(books).activeSubscriptions).toBe(1)
  })
})

describe('the subscriptions list', () => {
  it('finds subscriptions by customer, plan and the status shown today', async () => {
    const { books, clock, ids } = await company()
    savePlanVersion(
      books,
      planSchema.parse({
        id: 'lite',
        name: 'Lite',
        currency: 'BRL',
        interval: 'month',
        trial_days: 14,
        prices: [{ id: 'lite', description: 'Lite', model: 'flat', amount: '10.00' }]
      }),
      '2026-01-01'
    )
    createSubscription(books, {
      customerId: ids.beto,
      planCode: 'lite',
      startDate: '2026-01-10',
      quantity: '2'
    })
    clock.date = '2026-01-12'
    const search = (input: Parameters<typeof subscriptionSearchInput.parse>[0]) =>
      searchSubscriptions(books, subscriptionSearchInput.parse(input))
    const all = search({})
    expect(all.total).toBe(3)
    expect(all.rows.map((r) => [r.customerName, r.status])).toEqual([
      ['Adam Nowak', 'active'],
      ['Beto Comércio Ltda', 'trialing'],
      ['Żółta Łódka Sp. z o.o.', 'active']
    ])
    expect(search({ status: 'trialing' }).rows.map((r) => r.customerName)).toEqual([
      'Beto Comércio Ltda'
    ])
    expect(search({ planCode: 'pro' }).total).toBe(2)
    expect(search({ query: 'zolta' }).rows[0]!.items[0]!.planCode).toBe('pro')
    const adams = search({ query: 'adam' }).rows[0]!.id
    cancelSubscription(books, { subscriptionId: adams, when: 'period_end', reason: 'price' }, true)
    expect(search({ status: 'cancelling' }).rows.map((r) => r.id)).toEqual([adams])
    clock.date = '2026-02-01'
    expect(search({ status: 'ended' }).rows.map((r) => r.id)).toEqual([adams])
    expect(search({ limit: 1, offset: 2 }).rows.map((r) => r.customerName)).toEqual([
      'Żółta Łódka Sp. z o.o.'
    ])
  })
})

describe('retention offers', () => {
  it('must name a coupon and a plan that exist', async () => {
    const { books } = await company()
    const error = appErrorOf(() =>
      setBillingPreferences(
        books,
        billingPreferencesSchema.parse({ retentionCoupon: 'NOPE', retentionPlan: 'none' })
      )
    )
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(['retentionCoupon', 'retentionPlan'])
    expect(getBillingPreferences(books).retentionCoupon).toBe('')
    saveCoupon(
      books,
      couponSchema.parse({
        id: 'STAY20',
        name: 'Stay',
        type: 'percent',
        percent: '20',
        duration: 'once'
      })
    )
    setBillingPreferences(
      books,
      billingPreferencesSchema.parse({ retentionCoupon: 'STAY20', retentionPlan: 'pro' })
    )
    expect(getBillingPreferences(books)).toMatchObject({
      retentionCoupon: 'STAY20',
      retentionPlan: 'pro'
    })
  })
})

describe('number series', () => {
  it('show their counters and next number, and take a new format from now on', async () => {
    const { books, clock } = await company()
    const run = await billingRun(books, { asOf: '2026-01-01', dryRun: false })
    issueInvoice(books, run.customers[0]!.invoices[0]!.invoiceId!)
    const inv = listSeries(books).find((s) => s.id === 'INV')!
    expect(inv.counters).toEqual([{ period: '2026', lastSeq: 1 }])
    expect(inv.next).toBe(formatInvoiceNumber(inv.format, '2026-01-01', 2))
    const after = updateSeriesFormat(books, 'INV', 'FV/{YYYY}/{MM}/{seq:4}')
    expect(after.find((s) => s.id === 'INV')!.next).toBe('FV/2026/01/0002')
    expect(getCompany(books).invoiceNumberFormat).toBe('FV/{YYYY}/{MM}/{seq:4}')
    clock.date = '2026-01-02'
    const second = issueInvoice(books, run.customers[1]!.invoices[0]!.invoiceId!)
    expect(second.number).toBe('FV/2026/01/0002')
    expect(appErrorOf(() => updateSeriesFormat(books, 'XX', '{seq}')).code).toBe('NOT_FOUND')
    expect(seriesUpdateInput.safeParse({ id: 'INV', format: 'FV/{YYYY}' }).success).toBe(false)
  })
})

describe('an invoice page', () => {
  it('shows a draft from and to whom it would be issued, and the history of an issued one', async () => {
    const { books, clock, ids } = await company()
    const run = await billingRun(books, { asOf: '2026-01-01', dryRun: false })
    const draft = run.customers[0]!.invoices[0]!.invoiceId!
    expect(viewInvoice(books, draft)).toMatchObject({
      status: 'draft',
      buyer: { name: 'Żółta Łódka Sp. z o.o.', emails: ['biuro@lodka.pl'] },
      seller: { country: 'PL' }
    })
    clock.date = '2026-01-02'
    issueInvoice(books, draft)
    recordPayment(books, {
      customerId: ids.zofia,
      date: '2026-01-05',
      method: 'bank_transfer',
      amount: 2300,
      currency: 'PLN',
      reference: 'PRZELEW 1'
    })
    const history = invoiceHistory(books, draft)
    expect(history.map((e) => [e.kind, e.amount, e.reference, e.date])).toEqual([
      ['issue', null, null, null],
      ['paid', 2300, 'PRZELEW 1', '2026-01-05']
    ])
    expect(appErrorOf(() => invoiceHistory(books, 999)).code).toBe('NOT_FOUND')
  })
})

describe('a customer’s latest usage', () => {
  it('comes newest first, as many as asked', async () => {
    const { books, ids } = await company()
    savePlanVersion(
      books,
      planSchema.parse({
        id: 'calls',
        name: 'Calls',
        currency: 'PLN',
        interval: 'month',
        prices: [
          {
            id: 'calls',
            description: 'Calls',
            model: 'per_unit',
            unit_price: '0.01',
            metric: { code: 'calls', aggregation: 'count' }
          }
        ]
      }),
      '2026-01-01'
    )
    for (const day of ['05', '20', '12'])
      addUsage(books, {
        customerId: ids.adam,
        metric: 'calls',
        eventId: `e${day}`,
        timestamp: `2026-01-${day}T10:00:00`,
        properties: {}
      })
    const latest = listUsage(books, { customerId: ids.adam, latest: true, limit: 2 })
    expect(latest.map((u) => u.eventId)).toEqual(['e20', 'e12'])
    expect(listUsage(books, { customerId: ids.adam }).map((u) => u.eventId)).toEqual([
      'e05',
      'e12',
      'e20'
    ])
  })
})
