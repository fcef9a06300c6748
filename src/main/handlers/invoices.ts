import type { RunUnderWay } from '@shared/books/results'
import { billingRun, lastBillingRun } from '../books/billing-run'
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
import { verifyChains } from '../books/chains'
import { invoiceFileName } from '../documents/pdf/render'
import { invoicePdfFor } from '../documents/logo'
import { logoByHash } from '../books/document-images'
import { einvoiceRecords, exportEinvoiceFile } from '../documents/einvoice/export'
import { formatsFor } from '../documents/einvoice/registry'
import { ksefInvoiceStatus } from '../books/ksef'
import { verifactuCode, verifactuRecords } from '../books/verifactu'
import { runPdf, runZip } from '../documents/pdf/merge'
import { recordPayment, refundCredit, reversePayment } from '../books/payments'
import { addUsage, correctUsage, deleteUsage, listUsage } from '../books/usage'
import { problem } from '../errors'
import { nfseStatus } from '../books/nfse'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

/** Usage, billing runs, invoices, payments and the ledger. */
export function registerInvoiceHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const books = () => ctx.workspace.requireStore().books
  /** The run under way (preview or real), for the progress bar. */
  let running: RunUnderWay | null = null
  /** Asked by billing/cancel: the run stops after the customer it is billing. */
  let stopRun = false
  registry
    .register('usage/list', (filter) => listUsage(books(), filter))
    .register('usage/add', (input) => addUsage(books(), input))
    .register('usage/correct', (input) => correctUsage(books(), input))
    .register('usage/delete', ({ id }) => {
      deleteUsage(books(), id)
      return null
    })
    .register('usage/import', ({ kind, dataBase64, dryRun }) => {
      const store = ctx.workspace.requireStore()
      if (store.readOnly)
        throw problem(
          'READ_ONLY',
          'read_only_no_import',
          'The company file is open read-only: nothing can be imported.'
        )
      // in a worker thread with its own connection: the other channels answer meanwhile
      return ctx.jobs.run(store.path, kind, Buffer.from(dataBase64, 'base64'), dryRun)
    })
    .register('imports/progress', () => ctx.jobs.progress())
    .register('imports/cancel', () => ({ stopping: ctx.jobs.cancel() }))
    .register('billing/cancel', () => {
      if (!running) return { stopping: false }
      stopRun = true
      return { stopping: true }
    })
    .register('billing/run', async ({ asOf, dryRun }) => {
      if (running)
        throw problem(
          'CONFLICT',
          'billing_run_under_way',
          'A billing run is under way; wait for it to finish.'
        )
      const progress: RunUnderWay = { asOf, dryRun, done: 0, total: 0 }
      running = progress
      stopRun = false
      try {
        return await billingRun(books(), {
          asOf,
          dryRun,
          onProgress: (done, total) => Object.assign(progress, { done, total }),
          shouldStop: () => stopRun
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
    .register('invoices/pdf', async ({ invoiceId, language }) => {
      const invoice = viewInvoice(books(), invoiceId)
      const lang = language ?? invoice.language
      const pdf = await invoicePdfFor(books(), invoice, lang)
      return {
        fileName: invoiceFileName(invoice),
        language: lang,
        pdfBase64: Buffer.from(pdf).toString('base64')
      }
    })
    // the logo an invoice names, by its hash: what the in-app document shows at its head
    .register('documents/logo', ({ sha256 }) => {
      const logo = logoByHash(books(), sha256)
      return logo
        ? { mimeType: logo.mimeType, dataBase64: Buffer.from(logo.bytes).toString('base64') }
        : null
    })
    .register('invoices/export', async ({ invoiceId, format }) => {
      const file = await exportEinvoiceFile(books(), invoiceId, format)
      const { bytes, ...rest } = file
      return { ...rest, format, dataBase64: Buffer.from(bytes).toString('base64') }
    })
    .register('invoices/einvoices', ({ invoiceId }) => {
      const invoice = viewInvoice(books(), invoiceId)
      return {
        formats: formatsFor(invoice).map((f) => ({
          format: f.format,
          label: f.label,
          short: f.short
        })),
        records: einvoiceRecords(books(), invoiceId),
        ksef: ksefInvoiceStatus(books(), invoice),
        verifactu:
          invoice.seller?.country === 'ES'
            ? {
                code: verifactuCode(books(), invoice),
                records: verifactuRecords(books(), invoice.id).map((r) => ({
                  kind: r.kind,
                  tipoFactura: r.tipoFactura,
                  huella: r.huella,
                  generatedAt: r.generatedAt
                }))
              }
            : null,
        nfse: nfseStatus(books(), invoice)
      }
    })
    .register('billing/runZip', async ({ runId }) => {
      const { bytes, invoices } = await runZip(books(), runId)
      return {
        fileName: `billing-run-${runId}.zip`,
        zipBase64: Buffer.from(bytes).toString('base64'),
        invoices
      }
    })
    .register('billing/runPdf', async ({ runId }) => {
      const { bytes, invoices } = await runPdf(books(), runId)
      return {
        fileName: `billing-run-${runId}.pdf`,
        pdfBase64: Buffer.from(bytes).toString('base64'),
        invoices
      }
    })
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
    .register('payments/reverse', (input) => reversePayment(books(), input))
    .register('ledger/verify', () => verifyChains(books()))
}
