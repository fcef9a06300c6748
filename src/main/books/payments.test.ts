import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { addLineInput, invoiceListInput } from '@shared/books/invoices'
import { planSchema } from '@shared/billing/plan'
import type { Books } from '../store/sync'
import { billingRun } from './billing-run'
import { savePlanVersion } from './catalog'
import { createCustomer } from './customers'
import {
  addDraftLine,
  createCreditNote,
  deleteDraft,
  invoiceHistory,
  issueInvoice,
  markUncollectible,
  removeDraftLine,
  viewInvoice,
  voidInvoice
} from './invoices'
import { listInvoices } from './invoice-list'
import { verifyLedger } from './ledger'
import {
  customerBalances,
  recordPayment,
  refundCredit,
  reversePayment,
  statement
} from './payments'
import { createSubscription } from './subscriptions'
import { appErrorOf, openTestBooks } from './test-support'

/** Pro at 100.00 a month (123.00 with 23 % VAT), one customer on 14-day terms from January. */
async function setUp() {
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
  const customer = (name: string) =>
    createCustomer(
      books,
      customerInput.parse({ name, country: 'PL', language: 'pl', currency: 'PLN' })
    ).id
  const ola = customer('Ola')
  createSubscription(books, {
    customerId: ola,
    planCode: 'pro',
    startDate: '2026-01-01',
    quantity: '1'
  })
  /** Runs as of a date (the clock moves there), issues what it drafted, returns the ids. */
  const bill = async (asOf: string) => {
    clock.date = asOf
    const run = await billingRun(books, { asOf, dryRun: false })
    return run.customers.flatMap((c) => c.invoices.map((i) => issueInvoice(books, i.invoiceId!).id))
  }
  return { books, clock, ola, customer, bill }
}

const status = (books: Books, id: number) => viewInvoice(books, id).status

describe('drafts', () => {
  it('take one-off lines, give back removed charges to the next run, and freeze once issued', async () => {
    const { books, clock, ola } = await setUp()
    const run = () => billingRun(books, { asOf: '2026-01-01', dryRun: false })
    const draftId = (await run()).customers[0]!.invoices[0]!.invoiceId!
    const withSetup = addDraftLine(books, draftId, {
      description: 'Set-up',
      quantity: '1',
      amount: 5000,
      taxRateId: 'standard'
    })
    expect(withSetup.subtotals).toMatchObject({ lines: 15000, net: 15000, tax: 3450, total: 18450 })

    // the subscription's line removed: the next run bills it again, on a new draft
    const proLine = withSetup.lines.find((l) => l.description === 'Pro')!
    expect(removeDraftLine(books, draftId, proLine.id).subtotals.total).toBe(6150)
    const again = await run()
    expect(again.customers[0]!.invoices.map((i) => i.total)).toEqual([12300])
    expect((await run()).invoicesCreated).toBe(0)
    // a deleted draft gives its charges back too
    deleteDraft(books, again.customers[0]!.invoices[0]!.invoiceId!)
    const redrafted = await run()
    expect(redrafted.invoicesCreated).toBe(1)

    clock.date = '2026-01-02'
    const issued = issueInvoice(books, draftId)
    expect(issued).toMatchObject({
      number: 'FV/2026/000001',
      status: 'issued',
      issueDate: '2026-01-02',
      dueDate: '2026-01-16'
    })
    expect(issued.seller).toMatchObject({ taxId: '1234563218' })
    expect(issued.buyer).toMatchObject({ name: 'Ola' })
    const frozen = (fn: () => unknown) => appErrorOf(fn).code
    expect(
      frozen(() =>
        addDraftLine(books, draftId, {
          description: 'x',
          quantity: '1',
          amount: 1,
          taxRateId: 'standard'
        })
      )
    ).toBe('CONFLICT')
    expect(frozen(() => removeDraftLine(books, draftId, proLine.id))).toBe('CONFLICT')
    expect(frozen(() => deleteDraft(books, draftId))).toBe('CONFLICT')
    expect(frozen(() => issueInvoice(books, draftId))).toBe('CONFLICT')
    // a draft with nothing on it cannot be issued
    const empty = redrafted.customers[0]!.invoices[0]!.invoiceId!
    removeDraftLine(books, empty, viewInvoice(books, empty).lines[0]!.id)
    expect(appErrorOf(() => issueInvoice(books, empty)).fieldErrors?.lines?.code).toBe('required')
    expect(listInvoices(books, { customerId: ola, limit: 10, offset: 0 }).total).toBe(2)
  })
})

describe('a line added to a draft', () => {
  it('is quantity × unit price, rounded once, with its computation kept', async () => {
    const { books } = await setUp()
    const draftId = (await billingRun(books, { asOf: '2026-01-01', dryRun: false })).customers[0]!
      .invoices[0]!.invoiceId!
    const add = (quantity: string, unitPrice: string) =>
      addDraftLine(books, draftId, {
        description: `${quantity} × ${unitPrice}`,
        quantity,
        unitPrice,
        taxRateId: 'standard'
      }).lines.at(-1)!
    const two = add('2', '75.00')
    expect([two.amount, two.quantity]).toEqual([15000, '2'])
    expect(two.breakdown).toEqual([
      { type: 'per_unit', units: '2', unitPrice: '75.00', amount: '150' }
    ])
    // 3 × 0.333 = 0.999 → 1.00; 7 × 0.125 = 0.875 → 0.88 (half away from zero)
    expect([add('3', '0.333').amount, add('7', '0.125').amount]).toEqual([100, 88])
    expect(add('1', '-10').amount).toBe(-1000)
    const unknownRate = appErrorOf(() =>
      addDraftLine(books, draftId, {
        description: 'x',
        quantity: '1',
        unitPrice: '1',
        taxRateId: 'nope'
      })
    )
    expect(unknownRate.fieldErrors?.taxRateId?.code).toBe('invalid_choice')
  })

  it('needs a unit price or an amount, not both', () => {
    const base = { invoiceId: 1, description: 'x', quantity: '1', taxRateId: 'standard' }
    expect(addLineInput.safeParse({ ...base, unitPrice: '1.00' }).success).toBe(true)
    expect(addLineInput.safeParse({ ...base, amount: 100 }).success).toBe(true)
    expect(addLineInput.safeParse(base).success).toBe(false)
    expect(addLineInput.safeParse({ ...base, amount: 100, unitPrice: '1' }).success).toBe(false)
    expect(addLineInput.safeParse({ ...base, unitPrice: '1e3' }).success).toBe(false)
  })
})

describe('payments', () => {
  it('go to the oldest invoices first; the rest is credit, used on the next invoice or refunded', async () => {
    const { books, clock, ola, bill } = await setUp()
    const [jan] = await bill('2026-01-01')
    const [feb] = await bill('2026-02-01')
    expect(status(books, jan!)).toBe('overdue') // due Jan 15, today Feb 1
    expect(status(books, feb!)).toBe('issued')

    const first = recordPayment(books, {
      customerId: ola,
      date: '2026-02-03',
      method: 'bank_transfer',
      amount: 20000,
      currency: 'PLN',
      reference: 'przelew 1'
    })
    expect(first).toMatchObject({
      allocations: [
        { invoiceId: jan, amount: 12300 },
        { invoiceId: feb, amount: 7700 }
      ],
      toCredit: 0
    })
    expect([status(books, jan!), status(books, feb!)]).toEqual(['paid', 'partially_paid'])
    expect(viewInvoice(books, feb!).outstanding).toBe(4600)

    recordPayment(books, {
      customerId: ola,
      date: '2026-02-10',
      method: 'card',
      amount: 10000,
      currency: 'PLN',
      reference: '',
      keepExtraAsCredit: true
    })
    expect(status(books, feb!)).toBe('paid')
    expect(customerBalances(books, ola)).toEqual([
      { currency: 'PLN', receivable: 0, credit: 5400, balance: -5400 }
    ])

    // March's invoice takes the 54.00 of credit
    const [mar] = await bill('2026-03-01')
    expect(viewInvoice(books, mar!).subtotals).toMatchObject({
      total: 12300,
      creditsApplied: 5400,
      amountDue: 6900
    })
    expect(customerBalances(books, ola)[0]).toMatchObject({ receivable: 6900, credit: 0 })

    // an overpayment of 30.00 on it is refused until the bookkeeper says to keep it as credit
    const overpaid = {
      customerId: ola,
      date: '2026-03-05',
      method: 'cash',
      amount: 9900,
      currency: 'PLN',
      reference: 'kasa'
    }
    const asked = appErrorOf(() => recordPayment(books, overpaid))
    expect([asked.code, asked.problem?.key, asked.problem?.params?.extra]).toEqual([
      'CONFLICT',
      'overpayment',
      '30.00'
    ])
    expect(customerBalances(books, ola)[0]).toMatchObject({ receivable: 6900, credit: 0 })
    // kept as credit, and 10.00 of that paid back
    recordPayment(books, { ...overpaid, keepExtraAsCredit: true })
    expect(
      appErrorOf(() =>
        refundCredit(books, {
          customerId: ola,
          date: '2026-03-06',
          method: 'bank_transfer',
          amount: 3001,
          currency: 'PLN',
          reference: ''
        })
      ).fieldErrors?.amount?.params
    ).toEqual({ maximum: 3000 })
    refundCredit(books, {
      customerId: ola,
      date: '2026-03-06',
      method: 'bank_transfer',
      amount: 1000,
      currency: 'PLN',
      reference: 'zwrot'
    })
    expect(customerBalances(books, ola)[0]).toMatchObject({ receivable: 0, credit: 2000 })

    clock.date = '2026-03-07'
    expect(statement(books, ola, 'PLN').map((e) => [e.date, e.kind, e.amount, e.balance])).toEqual([
      ['2026-01-01', 'invoice', 12300, 12300],
      ['2026-02-01', 'invoice', 12300, 24600],
      ['2026-02-03', 'payment', -20000, 4600],
      ['2026-02-10', 'payment', -10000, -5400],
      ['2026-03-01', 'invoice', 12300, 6900],
      ['2026-03-05', 'payment', -9900, -3000],
      ['2026-03-06', 'refund', 1000, -2000]
    ])
  })

  it('are refused whole when an allocation is wrong, with nothing recorded', async () => {
    const { books, ola, customer, bill } = await setUp()
    const [jan] = await bill('2026-01-01')
    const other = customer('Piotr')
    const payment = (customerId: number, allocations: { invoiceId: number; amount: number }[]) =>
      appErrorOf(() =>
        recordPayment(books, {
          customerId,
          date: '2026-01-05',
          method: 'bank_transfer',
          amount: 5000,
          currency: 'PLN',
          reference: '',
          allocations
        })
      )
    expect(payment(other, [{ invoiceId: jan!, amount: 5000 }]).fieldErrors?.allocations?.code).toBe(
      'invalid'
    )
    expect(payment(ola, [{ invoiceId: jan!, amount: 12301 }]).fieldErrors?.allocations).toEqual({
      code: 'too_big',
      message: 'At most 12300',
      params: { maximum: 12300 }
    })
    expect(payment(ola, [{ invoiceId: jan!, amount: 6000 }]).message).toBe(
      'The allocations add up to more than the payment.'
    )
    const count = (table: string) =>
      (books.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
    expect([count('payments'), count('allocations'), count('credit_ledger')]).toEqual([0, 0, 0])
  })
})

describe('reversing a payment', () => {
  it('reopens what it paid and takes back its credit, keeps both in the history, and happens once', async () => {
    const { books, clock, ola, bill } = await setUp()
    const [jan] = await bill('2026-01-01')
    const paid = recordPayment(books, {
      customerId: ola,
      date: '2026-01-10',
      method: 'bank_transfer',
      amount: 15000,
      currency: 'PLN',
      reference: 'przelew 7',
      keepExtraAsCredit: true
    })
    expect(status(books, jan!)).toBe('paid')
    expect(customerBalances(books, ola)[0]).toMatchObject({ receivable: 0, credit: 2700 })
    const before = count(books, 'payments')

    clock.date = '2026-01-12'
    const reversal = reversePayment(books, {
      paymentId: paid.paymentId,
      date: '2026-01-12',
      reason: 'Returned by the bank'
    })
    expect(reversal).toMatchObject({
      reopened: [{ invoiceId: jan, amount: 12300 }],
      creditTaken: 2700
    })
    // nothing deleted: the payment is still there, its allocation marked, a reversal row added
    expect(count(books, 'payments')).toBe(before)
    expect(count(books, 'allocations')).toBe(1)
    expect(count(books, 'payment_reversals')).toBe(1)
    expect(status(books, jan!)).toBe('issued')
    expect(viewInvoice(books, jan!).outstanding).toBe(12300)
    expect(customerBalances(books, ola)[0]).toMatchObject({ receivable: 12300, credit: 0 })
    expect(listInvoices(books, invoiceListInput.parse({})).invoices[0]).toMatchObject({
      outstanding: 12300
    })
    expect(
      statement(books, ola, 'PLN').map((e) => [e.kind, e.amount, e.balance, e.reversed])
    ).toEqual([
      ['invoice', 12300, 12300, undefined],
      ['payment', -15000, -2700, true],
      ['reversal', 15000, 12300, undefined]
    ])
    const history = invoiceHistory(books, jan!)
    expect(history.map((e) => e.kind).slice(-2)).toEqual(['paid', 'payment_reversed'])

    const twice = appErrorOf(() =>
      reversePayment(books, { paymentId: paid.paymentId, date: '2026-01-12', reason: 'again' })
    )
    expect([twice.code, twice.problem?.key]).toEqual(['CONFLICT', 'payment_already_reversed'])
    // paid again, the invoice is paid again
    recordPayment(books, {
      customerId: ola,
      date: '2026-01-14',
      method: 'cash',
      amount: 12300,
      currency: 'PLN',
      reference: ''
    })
    expect(status(books, jan!)).toBe('paid')
    expect(verifyLedger(books).ok).toBe(true)
  })

  it('is refused when its credit was used, before its day, for a refund and for no payment', async () => {
    const { books, ola, bill } = await setUp()
    await bill('2026-01-01')
    const extra = recordPayment(books, {
      customerId: ola,
      date: '2026-01-10',
      method: 'bank_transfer',
      amount: 20000,
      currency: 'PLN',
      reference: 'nadpłata',
      keepExtraAsCredit: true
    })
    // February's invoice takes 77.00 of the credit
    await bill('2026-02-01')
    const snapshot = () =>
      ['payment_reversals', 'credit_ledger', 'allocations'].map((t) => count(books, t))
    const before = snapshot()
    const used = appErrorOf(() =>
      reversePayment(books, { paymentId: extra.paymentId, date: '2026-02-02', reason: 'x' })
    )
    expect([used.code, used.problem?.key, used.problem?.params]).toEqual([
      'CONFLICT',
      'payment_credit_used',
      { reference: 'nadpłata', credited: '77.00', available: '0.00', currency: 'PLN' }
    ])
    const early = appErrorOf(() =>
      reversePayment(books, { paymentId: extra.paymentId, date: '2026-01-09', reason: 'x' })
    )
    expect(early.fieldErrors?.date?.params).toEqual({ minimum: '2026-01-10' })
    expect(
      appErrorOf(() => reversePayment(books, { paymentId: 999, date: '2026-02-02', reason: 'x' }))
        .code
    ).toBe('NOT_FOUND')
    expect(snapshot()).toEqual(before)
  })

  it('is refused for a refund', async () => {
    const { books, ola, bill } = await setUp()
    await bill('2026-01-01')
    recordPayment(books, {
      customerId: ola,
      date: '2026-01-10',
      method: 'cash',
      amount: 13300,
      currency: 'PLN',
      reference: '',
      keepExtraAsCredit: true
    })
    const refund = refundCredit(books, {
      customerId: ola,
      date: '2026-01-11',
      method: 'cash',
      amount: 1000,
      currency: 'PLN',
      reference: 'zwrot'
    })
    const refused = appErrorOf(() =>
      reversePayment(books, { paymentId: refund, date: '2026-01-12', reason: 'x' })
    )
    expect([refused.code, refused.problem?.key]).toEqual(['CONFLICT', 'refund_not_reversible'])
  })
})

const count = (books: Books, table: string) =>
  (books.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

describe('corrections', () => {
  it('credit notes settle what is owed first, then become credit; never more than was billed', async () => {
    const { books, clock, ola, bill } = await setUp()
    const [jan] = await bill('2026-01-01')
    const line = viewInvoice(books, jan!).lines[0]!

    // a partial credit of 40.00 net on the unpaid January invoice
    clock.date = '2026-01-10'
    const partial = createCreditNote(books, jan!, {
      reason: 'outage on Jan 3–6',
      lines: [{ lineId: line.id, amount: 4000 }]
    })
    expect(partial).toMatchObject({ kind: 'credit_note', status: 'draft', correctsInvoiceId: jan })
    expect(partial.subtotals).toMatchObject({ net: 4000, tax: 920, total: 4920 })
    const note = issueInvoice(books, partial.id)
    expect(note.number).toMatch(/\S/)
    expect(viewInvoice(books, jan!).outstanding).toBe(12300 - 4920)

    // no more than the 60.00 left of the line can be credited, which the invoice says
    expect(line.creditable).toBe(10000)
    expect(viewInvoice(books, jan!).lines[0]!.creditable).toBe(6000)
    expect(viewInvoice(books, partial.id).lines[0]!.creditable).toBeNull()
    const tooMuch = appErrorOf(() =>
      createCreditNote(books, jan!, { reason: 'again', lines: [{ lineId: line.id, amount: 6001 }] })
    )
    expect(tooMuch.fieldErrors?.[`lines.${line.id}`]?.params).toEqual({ maximum: 6000 })

    // paid in full, then the rest credited: it becomes customer credit
    recordPayment(books, {
      customerId: ola,
      date: '2026-01-12',
      method: 'bank_transfer',
      amount: 7380,
      currency: 'PLN',
      reference: ''
    })
    expect(status(books, jan!)).toBe('paid')
    const rest = issueInvoice(books, createCreditNote(books, jan!, { reason: 'cancelled' }).id)
    expect(rest.subtotals.total).toBe(7380)
    expect(customerBalances(books, ola)[0]).toMatchObject({ receivable: 0, credit: 7380 })
    expect(viewInvoice(books, jan!).lines[0]!.creditable).toBe(0)
    // a paid invoice cannot be voided
    expect(appErrorOf(() => voidInvoice(books, jan!, 'wrong')).code).toBe('CONFLICT')
    expect(verifyLedger(books)).toMatchObject({ ok: true, entries: 3 })
  })

  it('voids an unpaid invoice (its number kept, the void in the ledger) and writes one off', async () => {
    const { books, clock, ola, bill } = await setUp()
    const [jan] = await bill('2026-01-01')
    const [feb] = await bill('2026-02-01')
    const voided = voidInvoice(books, jan!, 'issued to the wrong company')
    expect(voided).toMatchObject({ status: 'void', number: 'FV/2026/000001', outstanding: 0 })
    expect(appErrorOf(() => voidInvoice(books, jan!, 'again')).code).toBe('CONFLICT')
    expect(appErrorOf(() => createCreditNote(books, jan!, { reason: 'x' })).code).toBe('CONFLICT')

    clock.date = '2026-06-30'
    expect(status(books, feb!)).toBe('overdue')
    expect(markUncollectible(books, feb!).status).toBe('uncollectible')
    expect(appErrorOf(() => markUncollectible(books, feb!)).code).toBe('CONFLICT')
    // written off: no longer receivable, still on the statement
    expect(customerBalances(books, ola)[0]).toMatchObject({ receivable: 0 })
    expect(statement(books, ola, 'PLN').map((e) => e.reference)).toEqual(['FV/2026/000002'])
    expect(
      listInvoices(books, { status: 'void', limit: 10, offset: 0 }).invoices.map((i) => i.id)
    ).toEqual([jan])
    expect(verifyLedger(books)).toMatchObject({ ok: true, entries: 3 })
  })
})
