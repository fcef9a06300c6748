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
import { invoiceFileName } from '../documents/pdf/render'
import { invoicePdfFor } from '../documents/logo'
import { logoByHash } from '../books/document-images'
import { einvoiceRecords, exportEinvoiceFile } from '../documents/einvoice/export'
import { formatsFor } from '../documents/einvoice/registry'
import { ksefInvoiceStatus } from '../books/ksef'
import { verifactuCode, verifactuRecords } from '../books/verifactu'
import { nfseStatus } from '../books/nfse'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

/** Invoices and credit notes: the list, one invoice, its PDF and e-invoices, drafts and issuing. */
export function registerInvoiceHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const books = () => ctx.workspace.requireStore().books
  registry
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
}
