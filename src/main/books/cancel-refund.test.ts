import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { billingPreferencesSchema } from '@shared/books/settings'
import { planSchema } from '@shared/billing/plan'
import { billingRun } from './billing-run'
import { savePlanVersion } from './catalog'
import { createCustomer } from './customers'
import { issueInvoice, viewInvoice } from './invoices'
import { customerBalances } from './payments'
import { getBillingPreferences, setBillingPreferences } from './settings'
import { cancelSubscription, createSubscription, viewSubscription } from './subscriptions'
import { openTestBooks } from './test-support'

/** Pro at 100.00 a month (23 % VAT), billed and issued for January, cancelled on January 21. */
async function billedJanuary(refund: 'credit_line' | 'credit_note') {
  const { books, clock } = await openTestBooks('2026-01-01')
  setBillingPreferences(
    books,
    billingPreferencesSchema.parse({ ...getBillingPreferences(books), cancelNowRefund: refund })
  )
  savePlanVersion(
    books,
    planSchema.parse({
      id: 'pro',
      name: 'Pro',
      currency: 'PLN',
      interval: 'month',
      alignment: 'calendar',
      prices: [{ id: 'pro', description: 'Pro', model: 'flat', amount: '100.00' }]
    }),
    '2026-01-01'
  )
  const ola = createCustomer(
    books,
    customerInput.parse({ name: 'Ola', country: 'PL', language: 'pl', currency: 'PLN' })
  ).id
  const sub = createSubscription(books, {
    customerId: ola,
    planCode: 'pro',
    startDate: '2026-01-01',
    quantity: '1'
  }).id
  const run = await billingRun(books, { asOf: '2026-01-01', dryRun: false })
  const january = issueInvoice(books, run.customers[0]!.invoices[0]!.invoiceId!).id
  clock.date = '2026-01-21'
  return { books, ola, sub, january }
}

const pending = (books: Awaited<ReturnType<typeof billedJanuary>>['books']) =>
  (books.sqlite.prepare('SELECT COUNT(*) AS n FROM pending_charges').get() as { n: number }).n

describe('cancelling now gives back the unused days as Settings › Billing says', () => {
  it('as a credit line on the next invoice (the default)', async () => {
    const { books, sub } = await billedJanuary('credit_line')
    const outcome = cancelSubscription(
      books,
      { subscriptionId: sub, when: 'now', date: '2026-01-21', reason: 'closing down' },
      true
    )
    // 10 of 31 days of 100.00: 32.258… → 32.26
    expect(outcome.net).toBe(-3226)
    expect(outcome.creditNotes).toBeUndefined()
    expect(pending(books)).toBe(1)
    expect(viewSubscription(books, sub).canUndoCancel).toBe(false)
  })

  it('as a credit note issued at once against the invoice that billed them', async () => {
    const { books, ola, sub, january } = await billedJanuary('credit_note')
    const preview = cancelSubscription(
      books,
      { subscriptionId: sub, when: 'now', date: '2026-01-21', reason: 'closing down' },
      false
    )
    expect([preview.net, preview.creditNotes]).toEqual([-3226, undefined])
    const outcome = cancelSubscription(
      books,
      { subscriptionId: sub, when: 'now', date: '2026-01-21', reason: 'closing down' },
      true
    )
    expect(outcome.net).toBe(-3226)
    expect(outcome.creditNotes).toHaveLength(1)
    const note = viewInvoice(books, outcome.creditNotes![0]!.id)
    expect(note).toMatchObject({
      kind: 'credit_note',
      status: 'issued',
      correctsInvoiceId: january
    })
    expect(note.subtotals).toMatchObject({ net: 3226, tax: 742, total: 3968 })
    expect(note.correctionReason).toBe('Cancelled: closing down')
    // nothing left for the next invoice, and the unpaid January invoice owes that much less
    expect(pending(books)).toBe(0)
    expect(viewInvoice(books, january).outstanding).toBe(12300 - 3968)
    expect(customerBalances(books, ola)[0]).toMatchObject({ receivable: 12300 - 3968, credit: 0 })
  })

  it('a cancellation at period end can be undone, and main says so', async () => {
    const { books, sub } = await billedJanuary('credit_note')
    cancelSubscription(books, { subscriptionId: sub, when: 'period_end', reason: 'budget' }, true)
    expect(viewSubscription(books, sub)).toMatchObject({
      status: 'cancelling',
      cancelAt: '2026-01-31',
      canUndoCancel: true
    })
    expect(pending(books)).toBe(0)
  })
})
