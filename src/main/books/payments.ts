import type { Balance, PaymentResult, PaymentReversal, StatementEntry } from '@shared/books/results'
import { minorToDecimal } from '@shared/money'
import { AppError, problem } from '../errors'
import type { Books } from '../store/sync'
import { audit } from './audit'
import { creditBalance } from './credit'
import { getCustomer } from './customers'
import { invoiceRow, outstanding } from './invoices'

function openInvoices(books: Books, customerId: number, currency: string) {
  return books
    .all(
      books.q
        .selectFrom('invoices')
        .select(['id', 'due_date', 'issue_date'])
        .where('customer_id', '=', customerId)
        .where('currency', '=', currency)
        .where('status', '=', 'issued')
        .where('kind', '=', 'invoice')
        .orderBy('due_date')
        .orderBy('id')
    )
    .map((r) => ({ id: r.id, owed: outstanding(books, r.id) }))
    .filter((r) => r.owed > 0)
}

/**
 * Records money received and allocates it: to the invoices named, or the oldest open ones
 * first. Whatever is left over becomes the customer's credit, used on their next invoices.
 */
export function recordPayment(
  books: Books,
  input: {
    customerId: number
    date: string
    method: string
    amount: number
    currency: string
    reference: string
    allocations?: { invoiceId: number; amount: number }[]
    /** What is paid beyond the invoices becomes credit only when the bookkeeper said so. */
    keepExtraAsCredit?: boolean
  }
): PaymentResult {
  return books.tx(() => {
    getCustomer(books, input.customerId)
    const paymentId = books.insert(
      books.q.insertInto('payments').values({
        customer_id: input.customerId,
        date: input.date,
        method: input.method,
        amount: input.amount,
        currency: input.currency,
        reference: input.reference,
        created_at: books.stamp()
      })
    )
    const plan =
      input.allocations ??
      (() => {
        let left = input.amount
        return openInvoices(books, input.customerId, input.currency).flatMap((inv) => {
          const amount = Math.min(left, inv.owed)
          left -= amount
          return amount > 0 ? [{ invoiceId: inv.id, amount }] : []
        })
      })()
    let allocated = 0
    for (const a of plan) {
      const invoice = invoiceRow(books, a.invoiceId)
      if (invoice.customer_id !== input.customerId || invoice.currency !== input.currency) {
        throw new AppError(
          'VALIDATION',
          `Invoice ${invoice.number ?? a.invoiceId} is not this customer's, or not in ${input.currency}.`,
          {
            allocations: {
              code: 'invalid',
              message: 'Allocate only to this customer’s invoices in the payment’s currency'
            }
          }
        )
      }
      const owed = outstanding(books, a.invoiceId)
      if (a.amount > owed) {
        throw new AppError(
          'VALIDATION',
          `Only ${owed} (minor units) is owed on ${invoice.number}.`,
          {
            allocations: { code: 'too_big', message: `At most ${owed}`, params: { maximum: owed } }
          }
        )
      }
      books.run(
        books.q.insertInto('allocations').values({
          invoice_id: a.invoiceId,
          payment_id: paymentId,
          amount: a.amount,
          created_at: books.stamp()
        })
      )
      allocated += a.amount
    }
    if (allocated > input.amount)
      throw new AppError('VALIDATION', 'The allocations add up to more than the payment.', {
        allocations: { code: 'too_big', message: 'More than the payment' }
      })
    const toCredit = input.amount - allocated
    if (toCredit > 0 && !input.keepExtraAsCredit)
      throw problem(
        'CONFLICT',
        'overpayment',
        `This payment is ${minorToDecimal(toCredit, input.currency)} ${input.currency} more than is owed on the invoices it pays. Record it again saying to keep the extra as credit for the next invoices, or record the amount owed.`,
        { extra: minorToDecimal(toCredit, input.currency), currency: input.currency }
      )
    if (toCredit > 0) {
      books.run(
        books.q.insertInto('credit_ledger').values({
          customer_id: input.customerId,
          currency: input.currency,
          amount: toCredit,
          reason: 'overpayment',
          payment_id: paymentId,
          created_at: books.stamp()
        })
      )
    }
    audit(books, 'payment', paymentId, 'record', {
      amount: [null, input.amount],
      allocations: [null, plan],
      toCredit: [null, toCredit]
    })
    return { paymentId, allocations: plan, toCredit }
  })
}

/** Pays back customer credit. */
export function refundCredit(
  books: Books,
  input: {
    customerId: number
    date: string
    method: string
    amount: number
    currency: string
    reference: string
  }
): number {
  return books.tx(() => {
    const balance = creditBalance(books, input.customerId, input.currency)
    if (input.amount > balance) {
      throw new AppError(
        'VALIDATION',
        `The customer has ${balance} (minor units) of credit in ${input.currency}.`,
        { amount: { code: 'too_big', message: `At most ${balance}`, params: { maximum: balance } } }
      )
    }
    const id = books.insert(
      books.q.insertInto('payments').values({
        customer_id: input.customerId,
        kind: 'refund',
        date: input.date,
        method: input.method,
        amount: input.amount,
        currency: input.currency,
        reference: input.reference,
        created_at: books.stamp()
      })
    )
    books.run(
      books.q.insertInto('credit_ledger').values({
        customer_id: input.customerId,
        currency: input.currency,
        amount: -input.amount,
        reason: 'refund',
        payment_id: id,
        created_at: books.stamp()
      })
    )
    audit(books, 'payment', id, 'refund', { amount: [null, input.amount] })
    return id
  })
}

/**
 * Reverses a payment recorded by mistake or returned by the bank: a reversal row says when and
 * why, the invoices it paid are owed again (its allocations point to the reversal and no longer
 * count), and the credit it made is taken back. Nothing is deleted. Credit the customer has
 * already used or been refunded cannot be taken back: the reversal is refused, saying so.
 */
export function reversePayment(
  books: Books,
  input: { paymentId: number; date: string; reason: string }
): PaymentReversal {
  return books.tx(() => {
    const payment = books.first(
      books.q.selectFrom('payments').selectAll().where('id', '=', input.paymentId)
    )
    if (!payment)
      throw problem('NOT_FOUND', 'payment_not_found', `There is no payment ${input.paymentId}.`, {
        id: input.paymentId
      })
    const label = payment.reference || `#${payment.id}`
    if (payment.kind !== 'payment')
      throw problem(
        'CONFLICT',
        'refund_not_reversible',
        `${label} is a refund of credit, not a payment: record the credit again with a payment instead.`,
        { reference: label }
      )
    const earlier = books.first(
      books.q.selectFrom('payment_reversals').select(['date']).where('payment_id', '=', payment.id)
    )
    if (earlier)
      throw problem(
        'CONFLICT',
        'payment_already_reversed',
        `Payment ${label} was already reversed on ${earlier.date}.`,
        { reference: label, date: earlier.date }
      )
    if (input.date < payment.date)
      throw new AppError(
        'VALIDATION',
        `A payment of ${payment.date} cannot be reversed on an earlier day.`,
        {
          date: {
            code: 'too_small',
            message: `On ${payment.date} or later`,
            params: { minimum: payment.date }
          }
        }
      )
    const credited = Number(
      books.first(
        books.q
          .selectFrom('credit_ledger')
          .select((eb) => eb.fn.sum<number>('amount').as('s'))
          .where('payment_id', '=', payment.id)
      )?.s ?? 0
    )
    const available = creditBalance(books, payment.customer_id, payment.currency)
    if (credited > available)
      throw problem(
        'CONFLICT',
        'payment_credit_used',
        `Payment ${label} left ${minorToDecimal(credited, payment.currency)} ${payment.currency} as credit, and only ${minorToDecimal(Math.max(available, 0), payment.currency)} of the customer's credit is left: the rest was used on invoices or refunded. Credit those invoices or record a payment for the difference first.`,
        {
          reference: label,
          credited: minorToDecimal(credited, payment.currency),
          available: minorToDecimal(Math.max(available, 0), payment.currency),
          currency: payment.currency
        }
      )
    const reversalId = books.insert(
      books.q.insertInto('payment_reversals').values({
        payment_id: payment.id,
        date: input.date,
        reason: input.reason,
        created_at: books.stamp()
      })
    )
    const undone = books.all(
      books.q
        .selectFrom('allocations')
        .select(['invoice_id as invoiceId', 'amount'])
        .where('payment_id', '=', payment.id)
        .where('reversal_id', 'is', null)
        .orderBy('id')
    )
    books.run(
      books.q
        .updateTable('allocations')
        .set({ reversal_id: reversalId })
        .where('payment_id', '=', payment.id)
        .where('reversal_id', 'is', null)
    )
    if (credited > 0)
      books.run(
        books.q.insertInto('credit_ledger').values({
          customer_id: payment.customer_id,
          currency: payment.currency,
          amount: -credited,
          // the payment's own credit taken back (payment_id says which)
          reason: 'adjustment',
          payment_id: payment.id,
          created_at: books.stamp()
        })
      )
    audit(books, 'payment', payment.id, 'reverse', {
      reversed: [null, input.date],
      reason: [null, input.reason],
      reopened: [null, undone],
      creditTaken: [null, credited]
    })
    return { reversalId, reopened: undone, creditTaken: credited }
  })
}

export function customerBalances(books: Books, customerId: number): Balance[] {
  const currencies = new Set([
    ...books
      .all(
        books.q
          .selectFrom('invoices')
          .select('currency')
          .distinct()
          .where('customer_id', '=', customerId)
      )
      .map((r) => r.currency),
    ...books
      .all(
        books.q
          .selectFrom('credit_ledger')
          .select('currency')
          .distinct()
          .where('customer_id', '=', customerId)
      )
      .map((r) => r.currency)
  ])
  return [...currencies].sort().map((currency) => {
    const receivable = openInvoices(books, customerId, currency).reduce((a, i) => a + i.owed, 0)
    const credit = creditBalance(books, customerId, currency)
    return { currency, receivable, credit, balance: receivable - credit }
  })
}

/** Everything between the customer and the company in one currency, in date order, with a running balance. */
export function statement(books: Books, customerId: number, currency: string): StatementEntry[] {
  const docs = books
    .all(
      books.q
        .selectFrom('invoices')
        .select(['kind', 'number', 'issue_date', 'total'])
        .where('customer_id', '=', customerId)
        .where('currency', '=', currency)
        .where('status', 'in', ['issued', 'uncollectible'])
    )
    .map((d) => ({
      date: d.issue_date!,
      kind: d.kind as 'invoice' | 'credit_note',
      reference: d.number!,
      amount: d.kind === 'invoice' ? d.total : -d.total
    }))
  const payments = books.all(
    books.q
      .selectFrom('payments')
      .leftJoin('payment_reversals as r', 'r.payment_id', 'payments.id')
      .select([
        'payments.kind',
        'payments.date',
        'payments.amount',
        'payments.reference',
        'payments.id',
        'r.date as reversedOn',
        'r.reason as reversalReason'
      ])
      .where('payments.customer_id', '=', customerId)
      .where('payments.currency', '=', currency)
      .orderBy('payments.id')
  )
  const money = payments.map((p): Omit<StatementEntry, 'balance'> => ({
    date: p.date,
    kind: p.kind as 'payment' | 'refund',
    reference: p.reference || `#${p.id}`,
    amount: p.kind === 'payment' ? -p.amount : p.amount,
    paymentId: p.id,
    ...(p.kind === 'payment' ? { reversed: p.reversedOn !== null } : {})
  }))
  // a reversal gives back what the payment took off the balance
  const reversals = payments.flatMap((p): Omit<StatementEntry, 'balance'>[] =>
    p.reversedOn === null
      ? []
      : [
          {
            date: p.reversedOn,
            kind: 'reversal',
            reference: `${p.reference || `#${p.id}`} · ${p.reversalReason}`,
            amount: p.amount,
            paymentId: p.id
          }
        ]
  )
  let balance = 0
  return [...docs, ...money, ...reversals]
    .sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? -1 : 1))
    .map((e) => {
      balance += e.amount
      return { ...e, balance }
    })
}
