import type { InvoiceActions, InvoiceStatus } from '@shared/books/invoices'

/**
 * What may be done with an invoice or credit note in its status, decided here once so the
 * invoice page shows only what main would accept. Pure.
 *
 * A draft is issued, edited or deleted. An invoice still owed (issued, partially paid, overdue)
 * takes payments, can be written off as uncollectible and have its reminders paused. Anything
 * issued and not void can be credited (an invoice), emailed and voided, except a paid invoice,
 * which is corrected by a credit note instead of being voided.
 */
export function invoiceActions(invoice: {
  status: InvoiceStatus
  kind: 'invoice' | 'credit_note'
}): InvoiceActions {
  const draft = invoice.status === 'draft'
  const isInvoice = invoice.kind === 'invoice'
  const owed = ['issued', 'partially_paid', 'overdue'].includes(invoice.status)
  const live = !draft && invoice.status !== 'void'
  return {
    issue: draft,
    editLines: draft,
    deleteDraft: draft,
    recordPayment: owed && isInvoice,
    creditNote: live && isInvoice,
    markUncollectible: owed && isInvoice,
    void: live && invoice.status !== 'paid',
    email: live,
    pauseReminders: owed && isInvoice
  }
}
