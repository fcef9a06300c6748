import { createHash } from 'node:crypto'
import type { InvoiceView } from '@shared/books/invoices'
import { getCustomer } from '../../books/customers'
import { viewInvoice } from '../../books/invoices'
import { logoBytes } from '../../books/document-images'
import { recordEntries, verifactuRecords } from '../../books/verifactu'
import { nfseDocument, nfseSettings, recordDps } from '../../books/nfse'
import { dpsIdentity } from './nfse/dps'
import { problem } from '../../errors'
import type { Books } from '../../store/sync'
import { invoiceFileName } from '../pdf/render'
import { previousWorkingDay } from './ksef/calendar'
import { einvoiceFormat, type EinvoiceContext, type EinvoiceFormatDefinition } from './registry'

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

/** The KSeF number an invoice was accepted under, if it was. */
export function acceptedKsefNumber(books: Books, invoiceId: number): string | null {
  return (
    books.first(
      books.q
        .selectFrom('ksef_events')
        .select('ksef_number')
        .where('invoice_id', '=', invoiceId)
        .where('kind', '=', 'accepted')
    )?.ksef_number ?? null
  )
}

/**
 * The NBP rate FA(3) states VAT in PLN with: the one of the last working day before `day` (NBP
 * publishes on Polish working days), exactly; none is guessed from an older one.
 */
export function plnRateFor(books: Books, currency: string, day: string) {
  if (currency === 'PLN') return null
  const row = books.first(
    books.q
      .selectFrom('exchange_rates')
      .select(['rate', 'day'])
      .where('currency', '=', currency)
      .where('day', '=', previousWorkingDay(day))
  )
  return row ? { rate: row.rate, date: row.day } : null
}

/** What an issued document's e-invoice needs from the books beyond the document itself. */
export function einvoiceContext(books: Books, invoice: InvoiceView): EinvoiceContext {
  const row = books.first(
    books.q.selectFrom('invoices').select('issued_at').where('id', '=', invoice.id)
  )
  const corrected = invoice.correctsInvoiceId
    ? books.first(
        books.q
          .selectFrom('invoices')
          .select(['id', 'number', 'issue_date'])
          .where('id', '=', invoice.correctsInvoiceId)
      )
    : undefined
  return {
    issuedAt: row?.issued_at ?? `${invoice.issueDate}T00:00:00.000Z`,
    corrected:
      corrected?.number && corrected.issue_date
        ? {
            number: corrected.number,
            issueDate: corrected.issue_date,
            ksefNumber: acceptedKsefNumber(books, corrected.id)
          }
        : null,
    // a correction converts at the rate of the invoice it corrects (art. 31a ust. 2a)
    plnRate:
      (corrected?.issue_date ?? invoice.issueDate)
        ? plnRateFor(books, invoice.currency, (corrected?.issue_date ?? invoice.issueDate)!)
        : null,
    logo: logoBytes(books, invoice.seller?.logo),
    splitPaymentLines: books
      .all(
        books.q
          .selectFrom('invoice_lines as l')
          .innerJoin('tax_rates as r', 'r.id', 'l.tax_rate_id')
          .select('l.id')
          .where('l.invoice_id', '=', invoice.id)
          .where('r.split_payment', '=', 1)
      )
      .map((r) => r.id),
    verifactu: verifactuEntry(books, invoice),
    nfse: invoice.seller?.country === 'BR' ? nfseSettings(books) : null
  }
}

/** A Spanish seller's alta of the document, with the record before it; none otherwise. */
function verifactuEntry(books: Books, invoice: InvoiceView) {
  if (invoice.seller?.country !== 'ES') return null
  const alta = verifactuRecords(books, invoice.id).find((r) => r.kind === 'alta')
  return alta ? recordEntries(books, [alta], () => invoice)[0]! : null
}

/**
 * The file kept for good: the first of each document and format is recorded (version and
 * SHA-256); a later one must be the same bytes, or it is refused rather than contradict it.
 */
function kept(
  books: Books,
  invoice: InvoiceView,
  def: EinvoiceFormatDefinition,
  bytes: Uint8Array
): EinvoiceFile {
  const hash = sha256(bytes)
  const record = books.first(
    books.q
      .selectFrom('einvoice_exports')
      .selectAll()
      .where('invoice_id', '=', invoice.id)
      .where('format', '=', def.format)
  )
  if (
    record &&
    (record.version !== def.version || record.sha256 !== hash) &&
    !stillDraft(books, invoice, def)
  )
    throw problem(
      'CONFLICT',
      'einvoice_would_differ',
      `${invoice.number} was exported as ${def.label} on ${record.created_at.slice(0, 10)} (${record.version}, SHA-256 ${record.sha256}); this version of Facturo would write a different file (${def.version}), so it writes none`,
      { number: invoice.number!, format: def.label, date: record.created_at.slice(0, 10) }
    )
  // a file opened read-only exports too: what it makes is checked against the record, not kept
  if (!record && !books.sqlite.readonly)
    books.run(
      books.q.insertInto('einvoice_exports').values({
        invoice_id: invoice.id,
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

function prepare(books: Books, invoiceId: number, format: string) {
  const def = einvoiceFormat(format)
  const invoice = viewInvoice(books, invoiceId)
  refuseUnlessApplies(invoice, def)
  return { def, invoice, context: einvoiceContext(books, invoice) }
}

/**
 * An XML e-invoice, written at once (inside a transaction if need be); a format whose writer
 * renders a PDF (Factur-X) goes through `exportEinvoiceFile`.
 */
export function exportEinvoice(books: Books, invoiceId: number, format: string): EinvoiceFile {
  const { def, invoice, context } = prepare(books, invoiceId, format)
  const bytes = def.write(invoice, context)
  if (bytes instanceof Promise)
    throw new Error(`${def.label} is written asynchronously: export it with exportEinvoiceFile`)
  return keptWithDps(books, invoice, def, bytes, context)
}

/**
 * A DPS is the emitter's draft until the tax system issues its NFS-e: one it rejected is made
 * again, corrected (new NFS-e settings), under the same Id. Once an NFS-e is recorded the DPS
 * is fixed like every other e-invoice.
 */
function stillDraft(books: Books, invoice: InvoiceView, def: EinvoiceFormatDefinition): boolean {
  return def.format === 'dps' && !nfseDocument(books, invoice.id)?.access_key
}

/**
 * A DPS's Id is fixed with its first file: the NFS-e it comes back as is matched by it. Two
 * invoices whose numbers have the same digits would make the same Id: refused, nothing kept.
 */
function keptWithDps(
  books: Books,
  invoice: InvoiceView,
  def: EinvoiceFormatDefinition,
  bytes: Uint8Array,
  context: EinvoiceContext
): EinvoiceFile {
  if (def.format !== 'dps' || !context.nfse) return kept(books, invoice, def, bytes)
  const id = dpsIdentity(invoice, context.nfse).id
  const recorded = nfseDocument(books, invoice.id)?.dps_id
  if (recorded && recorded !== id)
    throw problem(
      'CONFLICT',
      'nfse_dps_changed',
      `${invoice.number} was exported as DPS ${recorded}; the NFS-e settings now make it ${id} (another municipality or series), and a DPS keeps its Id: set them back to export it again`,
      { number: invoice.number!, id: recorded }
    )
  const holder = books.first(
    books.q
      .selectFrom('nfse_documents as n')
      .innerJoin('invoices as i', 'i.id', 'n.invoice_id')
      .select('i.number')
      .where('n.dps_id', '=', id)
      .where('n.invoice_id', '!=', invoice.id)
  )
  if (holder)
    throw problem(
      'CONFLICT',
      'nfse_dps_taken',
      `${invoice.number} would get DPS ${id}, which ${holder.number} already has (their numbers have the same digits): use a number format whose digits differ, like FV/{YYYY}/{seq:6}, or another DPS series`,
      { number: invoice.number!, other: holder.number ?? '' }
    )
  return books.tx(() => {
    const file = kept(books, invoice, def, bytes)
    recordDps(books, invoice.id, id)
    return file
  })
}

/** An issued document in any e-invoice format, Factur-X's PDF included. */
export async function exportEinvoiceFile(
  books: Books,
  invoiceId: number,
  format: string
): Promise<EinvoiceFile> {
  const { def, invoice, context } = prepare(books, invoiceId, format)
  return keptWithDps(books, invoice, def, await def.write(invoice, context), context)
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
async function einvoiceAttachment(books: Books, invoiceId: number, format: string) {
  const file = await exportEinvoiceFile(books, invoiceId, format)
  return { filename: file.fileName, content: Buffer.from(file.bytes), contentType: file.mimeType }
}

type Attachment = { filename: string; content: Buffer; contentType: string }

/**
 * What a message about an invoice attaches: its PDF, and the e-invoice the customer asked for
 * beside it; a Factur-X PDF is the invoice's PDF with its XML inside, so it takes the PDF's place.
 */
export async function invoiceAttachments(
  books: Books,
  invoiceId: number,
  pdf: Attachment,
  einvoice: string | undefined | null
): Promise<Attachment[]> {
  if (!einvoice) return [pdf]
  const file = await einvoiceAttachment(books, invoiceId, einvoice)
  // a Polish seller's PDF carries KOD I, which the kept Factur-X cannot: both go
  const polish = viewInvoice(books, invoiceId).seller?.country === 'PL'
  return einvoice === 'facturx' && !polish ? [file] : [pdf, file]
}
