import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { planSchema } from '@shared/billing/plan'
import { billingRun } from './billing-run'
import { savePlanVersion } from './catalog'
import { createCustomer } from './customers'
import { issueInvoice, viewInvoice } from './invoices'
import { verifyLedger } from './ledger'
import { recordPayment } from './payments'
import { createSubscription } from './subscriptions'
import { openTestBooks } from './test-support'
import { addUsage } from './usage'

describe('the books, end to end (smoke)', () => {
  it('bills a flat fee in advance and usage in arrears, issues, and takes a payment', async () => {
    const { books, clock } = await openTestBooks('2026-01-01')
    savePlanVersion(
      books,
      planSchema.parse({
        id: 'pro',
        name: 'Pro',
        currency: 'PLN',
        interval: 'month',
        prices: [
          { id: 'base', description: 'Pro', model: 'flat', amount: '100.00' },
          {
            id: 'calls',
            description: 'API calls',
            model: 'per_unit',
            unit_price: '0.01',
            metric: { code: 'calls', aggregation: 'sum', property: 'n' }
          }
        ]
      }),
      '2026-01-01'
    )
    const customer = createCustomer(
      books,
      customerInput.parse({ name: 'Ana', country: 'PL', language: 'pl', currency: 'PLN' })
    )
    createSubscription(books, {
      customerId: customer.id,
      planCode: 'pro',
      startDate: '2026-01-01',
      quantity: '1'
    })
    addUsage(books, {
      customerId: customer.id,
      metric: 'calls',
      eventId: 'e1',
      timestamp: '2026-01-10',
      properties: { n: 250 }
    })

    const jan = await billingRun(books, { asOf: '2026-01-01', dryRun: false })
    expect(jan.customers[0]!.invoices.map((i) => [i.billDate, i.total])).toEqual([
      ['2026-01-01', 12300]
    ])
    clock.date = '2026-02-01'
    const again = await billingRun(books, { asOf: '2026-01-01', dryRun: false })
    expect(again.invoicesCreated).toBe(0)
    const feb = await billingRun(books, { asOf: '2026-02-01', dryRun: false })
    // January's usage (2.50) and February's fee (100.00), 23 % VAT
    expect(feb.customers[0]!.invoices.map((i) => [i.billDate, i.net, i.tax, i.total])).toEqual([
      ['2026-02-01', 10250, 2358, 12608]
    ])
    const invoice = issueInvoice(books, feb.customers[0]!.invoices[0]!.invoiceId!)
    expect(invoice.number).toBe('FV/2026/000001')
    recordPayment(books, {
      customerId: customer.id,
      date: '2026-02-05',
      method: 'bank_transfer',
      amount: 5000,
      currency: 'PLN',
      reference: ''
    })
    expect(viewInvoice(books, invoice.id).status).toBe('partially_paid')
    recordPayment(books, {
      customerId: customer.id,
      date: '2026-02-06',
      method: 'bank_transfer',
      amount: 7608,
      currency: 'PLN',
      reference: ''
    })
    expect(viewInvoice(books, invoice.id).status).toBe('paid')
    expect(verifyLedger(books)).toMatchObject({ ok: true, entries: 1 })
  })
})
