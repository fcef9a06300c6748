import type { RunUnderWay } from '@shared/books/results'
import { billingRun, lastBillingRun } from '../books/billing-run'
import { importCustomersCsv, importUsageCsv } from '../books/imports'
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
} from '../books/invoices'
import { listInvoices } from '../books/invoice-list'
import { verifyLedger } from '../books/ledger'
import { recordPayment, refundCredit } from '../books/payments'
import { addUsage, correctUsage, deleteUsage, listUsage } from '../books/usage'
import { AppError } from '../errors'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

/** Usage, billing runs, invoices, payments and the ledger. */
export function registerInvoiceHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const books = () => ctx.workspace.requireStore().books
  /** The run under way (preview or real), for the progress bar. */
  let running: RunUnderWay | null = null
  registry
    .register('usage/list', (filter) => listUsage(books(), filter))
    .register('usage/add', (input) => addUsage(books(), input))
    .register('usage/correct', (input) => correctUsage(books(), input))
    .register('usage/delete', ({ id }) => {
      deleteUsage(books(), id)
      return null
    })
    .register('usage/import', ({ kind, dataBase64, dryRun }) => {
      const bytes = Buffer.from(dataBase64, 'base64')
      return (kind === 'usage' ? importUsageCsv : importCustomersCsv)(books(), bytes, { dryRun })
    })
    .register('billing/run', async ({ asOf, dryRun }) => {
      if (running)
        throw new AppError('CONFLICT', 'A billing run is under way; wait for it to finish.')
      const progress: RunUnderWay = { asOf, dryRun, done: 0, total: 0 }
      running = progress
      try {
        return await billingRun(books(), {
          asOf,
          dryRun,
          onProgress: (done, total) => Object.assign(progress, { done, total })
        })
      } finally {
        running = null
      }
    })
    .register('billing/progress', () => (running ? { ...running } : null))
    .register('billing/lastRun', () => lastBillingRun(books()))
    .register('invoices/list', (filter) => listInvoices(books(), filter))
    .register('invoices/get', ({ invoiceId }) => viewInvoice(books(), invoiceId))
    .register('invoices/history', ({ invoiceId }) => invoiceHistory(books(), invoiceId))
    .register('invoices/addLine', ({ invoiceId, ...line }) =>
      addDraftLine(books(), invoiceId, line)
    )
    .register('invoices/removeLine', ({ invoiceId, lineId }) =>
      removeDraftLine(books(), invoiceId, lineId)
    )
    .register('invoices/deleteDraft', ({ invoiceId }) => {
      deleteDraft(books(), invoiceId)
      return null
    })
    .register('invoices/issue', ({ invoiceId, issueDate }) =>
      issueInvoice(books(), invoiceId, issueDate)
    )
    .register('invoices/void', ({ invoiceId, reason }) => voidInvoice(books(), invoiceId, reason))
    .register('invoices/creditNote', ({ invoiceId, ...input }) =>
      createCreditNote(books(), invoiceId, input)
    )
    .register('invoices/uncollectible', ({ invoiceId }) => markUncollectible(books(), invoiceId))
    .register('payments/record', (input) => recordPayment(books(), input))
    .register('payments/refund', (input) => ({ paymentId: refundCredit(books(), input) }))
    .register('ledger/verify', () => verifyLedger(books()))
}
