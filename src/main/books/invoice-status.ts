import type { InvoiceStatus } from '@shared/books/invoices'
import { problem } from '../errors'
import type { Books } from '../store/sync'

/**
 * An invoice's balance and the status a bookkeeper sees, defined once, in SQL: the invoice list
 * (its filters, paging and totals over many invoices) and the single invoice (its page, the
 * payment and credit rules, reminders) read the same two expressions.
 *
 * - outstanding: what is still owed, the amount due less the live allocations, never below 0;
 *   only an issued invoice owes anything (a credit note, a draft, a void one owe nothing).
 * - status: the stored one unless issued; an issued credit note is issued; an issued invoice is
 *   paid when nothing is owed, else overdue once past its due date, else partially paid when
 *   something was paid, else issued.
 */

/** What is still owed, over an invoices row aliased `i`. */
export const OUTSTANDING_SQL = `CASE WHEN i.status = 'issued' AND i.kind = 'invoice'
  THEN max(i.amount_due - coalesce((SELECT sum(a.amount) FROM allocations a
    WHERE a.invoice_id = i.id AND a.reversal_id IS NULL), 0), 0)
  ELSE 0 END`

/**
 * The shown status, over a row with the invoice's status, kind, amount_due, due_date and its
 * outstanding (OUTSTANDING_SQL) as columns, on the day bound as `:today`.
 */
export const SHOWN_STATUS_SQL = `CASE
  WHEN status <> 'issued' THEN status
  WHEN kind = 'credit_note' THEN 'issued'
  WHEN outstanding = 0 THEN 'paid'
  WHEN due_date IS NOT NULL AND due_date < :today THEN 'overdue'
  WHEN outstanding < amount_due THEN 'partially_paid'
  ELSE 'issued' END`

const BALANCE = `SELECT outstanding, ${SHOWN_STATUS_SQL} AS status FROM (
  SELECT i.status, i.kind, i.amount_due, i.due_date, ${OUTSTANDING_SQL} AS outstanding
  FROM invoices i WHERE i.id = :id)`

/** One invoice's outstanding amount (minor units) and shown status, on `today`. */
export function invoiceBalance(
  books: Books,
  invoiceId: number,
  today = books.today()
): { outstanding: number; status: InvoiceStatus } {
  const row = books.prepare(BALANCE).get({ id: invoiceId, today }) as
    { outstanding: number; status: InvoiceStatus } | undefined
  if (!row)
    throw problem('NOT_FOUND', 'invoice_not_found', `There is no invoice ${invoiceId}.`, {
      id: invoiceId
    })
  return row
}
