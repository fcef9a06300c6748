import { describe, expect, it } from 'vitest'
import { openTestBooks } from './test-support'
import { invoiceBalance } from './invoice-status'
import { listInvoices } from './invoice-list'
import { createCustomer } from './customers'
import { customerInput } from '@shared/books/customers'

/**
 * The one definition of an invoice's balance and shown status, as fixed rows in a real file:
 * the single invoice (invoiceBalance) and the list (listInvoices, its status filter) must say
 * the same for each.
 */
describe('invoice status and balance', () => {
  const cases: {
    name: string
    status: string
    kind?: 'invoice' | 'credit_note'
    amountDue: number
    paid?: number
    reversed?: number
    due?: string
    expected: [outstanding: number, status: string]
  }[] = [
    { name: 'draft', status: 'draft', amountDue: 1000, expected: [0, 'draft'] },
    { name: 'issued, nothing paid', status: 'issued', amountDue: 1000, expected: [1000, 'issued'] },
    {
      name: 'partly paid',
      status: 'issued',
      amountDue: 1000,
      paid: 400,
      expected: [600, 'partially_paid']
    },
    { name: 'paid in full', status: 'issued', amountDue: 1000, paid: 1000, expected: [0, 'paid'] },
    {
      name: 'overpaid stays at 0',
      status: 'issued',
      amountDue: 1000,
      paid: 1200,
      expected: [0, 'paid']
    },
    { name: 'nothing due', status: 'issued', amountDue: 0, expected: [0, 'paid'] },
    {
      name: 'past due',
      status: 'issued',
      amountDue: 1000,
      due: '2026-03-09',
      expected: [1000, 'overdue']
    },
    {
      name: 'partly paid past due is overdue',
      status: 'issued',
      amountDue: 1000,
      paid: 400,
      due: '2026-03-09',
      expected: [600, 'overdue']
    },
    {
      name: 'due today is not overdue',
      status: 'issued',
      amountDue: 1000,
      due: '2026-03-10',
      expected: [1000, 'issued']
    },
    {
      name: 'paid past due is paid',
      status: 'issued',
      amountDue: 1000,
      paid: 1000,
      due: '2026-03-01',
      expected: [0, 'paid']
    },
    {
      name: 'a reversed payment does not count',
      status: 'issued',
      amountDue: 1000,
      paid: 1000,
      reversed: 1000,
      expected: [1000, 'issued']
    },
    {
      name: 'credit note',
      status: 'issued',
      kind: 'credit_note',
      amountDue: 500,
      expected: [0, 'issued']
    },
    { name: 'void', status: 'void', amountDue: 1000, expected: [0, 'void'] },
    {
      name: 'uncollectible',
      status: 'uncollectible',
      amountDue: 1000,
      expected: [0, 'uncollectible']
    }
  ]

  it('gives each row the same outstanding and status in the detail and in the list', async () => {
    const { books, clock } = await openTestBooks('2026-03-10')
    clock.date = '2026-03-10'
    const sqlite = books.sqlite
    sqlite.pragma('foreign_keys = OFF')
    for (const name of ['invoices_status_forward', 'invoices_issued_immutable'])
      sqlite.prepare(`DROP TRIGGER IF EXISTS ${name}`).run()
    const customer = createCustomer(
      books,
      customerInput.parse({ name: 'Test', country: 'PL', currency: 'PLN', language: 'pl' })
    ).id
    const ids = new Map<number, (typeof cases)[number]>()
    cases.forEach((c, n) => {
      const id = n + 1
      const issued = c.status !== 'draft'
      sqlite
        .prepare(
          `INSERT INTO invoices (id, kind, status, customer_id, currency, series_id, seq, number,
             issue_date, due_date, bill_date, amount_due, corrects_invoice_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'PLN', ?, ?, ?, ?, ?, '2026-03-01', ?, ?, 'x', 'x')`
        )
        .run(
          id,
          c.kind ?? 'invoice',
          c.status,
          customer,
          issued ? 'INV' : null,
          issued ? id : null,
          issued ? `T/${id}` : null,
          issued ? '2026-03-01' : null,
          c.due ?? null,
          c.amountDue,
          c.kind === 'credit_note' ? 1 : null
        )
      if (c.paid) {
        const payment = sqlite
          .prepare(
            `INSERT INTO payments (customer_id, currency, amount, method, date, created_at)
             VALUES (?, 'PLN', ?, 'transfer', '2026-03-05', 'x')`
          )
          .run(customer, c.paid).lastInsertRowid
        const reversal = c.reversed
          ? sqlite
              .prepare(
                `INSERT INTO payment_reversals (payment_id, date, reason, created_at)
                 VALUES (?, '2026-03-06', 'bounced', 'x')`
              )
              .run(payment).lastInsertRowid
          : null
        sqlite
          .prepare(
            `INSERT INTO allocations (payment_id, invoice_id, amount, reversal_id, created_at)
             VALUES (?, ?, ?, ?, 'x')`
          )
          .run(payment, id, c.paid, reversal)
      }
      ids.set(id, c)
    })
    const listed = new Map(
      listInvoices(books, { limit: 1000, offset: 0 }).invoices.map((i) => [
        i.id,
        [i.outstanding, i.status]
      ])
    )
    for (const [id, c] of ids) {
      const balance = invoiceBalance(books, id)
      expect([c.name, balance.outstanding, balance.status]).toEqual([c.name, ...c.expected])
      expect([c.name, ...listed.get(id)!]).toEqual([c.name, ...c.expected])
      // the list's status filter finds it under that status
      const filtered = listInvoices(books, {
        status: c.expected[1] as never,
        limit: 1000,
        offset: 0
      }).invoices.map((i) => i.id)
      expect([c.name, filtered.includes(id)]).toEqual([c.name, true])
    }
  })
})
