import type { ChargeLine } from '../billing'
import type { Books } from '../store/sync'
import { createCreditNote, issueInvoice } from './invoices'

/**
 * Turns the credits a cancellation left for the next invoice into credit notes issued at once,
 * one per invoice that billed the days given back (each line credited on that invoice's line).
 * Credits for days not yet on an issued invoice stay as credit lines for the next one.
 */
export function refundByCreditNote(
  books: Books,
  subscriptionId: number,
  pendingAfter: number,
  reason: string
): { id: number; number: string | null; total: number }[] {
  const credits = books
    .all(
      books.q
        .selectFrom('pending_charges')
        .select(['id', 'line', 'charge_key'])
        .where('subscription_id', '=', subscriptionId)
        .where('id', '>', pendingAfter)
        .orderBy('id')
    )
    .map((r) => ({ ...r, line: JSON.parse(r.line) as ChargeLine }))
    .filter((r) => r.line.kind === 'proration_credit' && r.charge_key.startsWith('credit:'))
  const byInvoice = new Map<
    number,
    { pendingIds: number[]; lines: { lineId: number; amount: number }[] }
  >()
  for (const credit of credits) {
    const billedKey = credit.charge_key.slice('credit:'.length).replace(/:cancel$/, '')
    const billed = books.first(
      books.q
        .selectFrom('invoice_lines')
        .innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
        .select(['invoice_lines.id as lineId', 'invoices.id as invoiceId'])
        .where('invoice_lines.charge_key', '=', billedKey)
        .where('invoices.kind', '=', 'invoice')
        .where('invoices.status', 'in', ['issued', 'uncollectible'])
    )
    if (!billed) continue
    const entry = byInvoice.get(billed.invoiceId) ?? { pendingIds: [], lines: [] }
    entry.pendingIds.push(credit.id)
    entry.lines.push({ lineId: billed.lineId, amount: -credit.line.amount })
    byInvoice.set(billed.invoiceId, entry)
  }
  const notes: { id: number; number: string | null; total: number }[] = []
  for (const [invoiceId, entry] of byInvoice) {
    books.run(books.q.deleteFrom('pending_charges').where('id', 'in', entry.pendingIds))
    const draft = createCreditNote(books, invoiceId, { reason, lines: entry.lines })
    const note = issueInvoice(books, draft.id)
    notes.push({ id: note.id, number: note.number, total: note.subtotals.total })
  }
  return notes
}
