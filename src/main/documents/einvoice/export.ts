import { createHash } from 'node:crypto'
import type { InvoiceView } from '@shared/books/invoices'
import { getCustomer } from '../../books/customers'
import { viewInvoice } from '../../books/invoices'
import { problem } from '../../errors'
import type { Books } from '../../store/sync'
import { invoiceFileName } from '../pdf/render'
import { einvoiceFormat, type EinvoiceFormatDefinition } from './registry'

/**
 * An issued document as an e-invoice file: load the issued data, write the format (pure), and
 * keep the first file's version and SHA-256 (`einvoice_exports`). Every later export must come
 * out byte for byte the same; one that would not is refused, so a file sent to a tax authority
 * or a buyer is never contradicted by a second one.
 */

export interface EinvoiceFile {
  fileName: string
  mimeType: string
  format: string
  version: string
  sha256: string
  bytes: Uint8Array
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

function refuseUnlessApplies(invoice: InvoiceView, def: EinvoiceFormatDefinition): void {
  if (!invoice.number)
    throw problem(
      'CONFLICT',
      'einvoice_not_issued',
      `Invoice ${invoice.id} is a draft: only an issued invoice or credit note becomes an e-invoice`,
      { number: String(invoice.id) }
    )
  if (!def.appliesTo(invoice))
    throw problem(
      'VALIDATION',
      'einvoice_not_applicable',
      `${def.label} does not apply to ${invoice.number} (seller in ${invoice.seller?.country}, ${invoice.currency})`,
      { format: def.label, number: invoice.number }
    )
}

export function exportEinvoice(books: Books, invoiceId: number, format: string): EinvoiceFile {
  const def = einvoiceFormat(format)
  const invoice = viewInvoice(books, invoiceId)
  refuseUnlessApplies(invoice, def)
  const bytes = def.write(invoice)
  const hash = sha256(bytes)
  const kept = books.first(
    books.q
      .selectFrom('einvoice_exports')
      .selectAll()
      .where('invoice_id', '=', invoiceId)
      .where('format', '=', def.format)
  )
  if (kept && (kept.version !== def.version || kept.sha256 !== hash))
    throw problem(
      'CONFLICT',
      'einvoice_would_differ',
      `${invoice.number} was exported as ${def.label} on ${kept.created_at.slice(0, 10)} (${kept.version}, SHA-256 ${kept.sha256}); this version of Facturo would write a different file (${def.version}), so it writes none`,
      { number: invoice.number!, format: def.label, date: kept.created_at.slice(0, 10) }
    )
  // a file opened read-only exports too: what it makes is checked against the record, not kept
  if (!kept && !books.sqlite.readonly)
    books.run(
      books.q.insertInto('einvoice_exports').values({
        invoice_id: invoiceId,
        format: def.format,
        version: def.version,
        sha256: hash,
        created_at: books.stamp()
      })
    )
  return {
    fileName: invoiceFileName(invoice).replace(/\.pdf$/, def.suffix),
    mimeType: def.mimeType,
    format: def.format,
    version: def.version,
    sha256: hash,
    bytes
  }
}

/** The e-invoice files made of a document so far: format, version, SHA-256 and when. */
export function einvoiceRecords(books: Books, invoiceId: number) {
  return books.all(
    books.q
      .selectFrom('einvoice_exports')
      .select(['format', 'version', 'sha256', 'created_at as createdAt'])
      .where('invoice_id', '=', invoiceId)
      .orderBy('created_at')
  )
}

/**
 * The e-invoice the customer asked for (its `einvoiceFormat`), when that format applies to this
 * document: what an email of it attaches beside the PDF. None otherwise.
 */
export function customerEinvoiceFormat(
  books: Books,
  invoice: InvoiceView
): EinvoiceFormatDefinition['format'] | undefined {
  const wanted = getCustomer(books, invoice.customerId).einvoiceFormat
  if (!wanted || !invoice.number) return undefined
  return einvoiceFormat(wanted).appliesTo(invoice) ? wanted : undefined
}

/** The e-invoice as an email attachment. */
export function einvoiceAttachment(books: Books, invoiceId: number, format: string) {
  const file = exportEinvoice(books, invoiceId, format)
  return { filename: file.fileName, content: Buffer.from(file.bytes), contentType: file.mimeType }
}
