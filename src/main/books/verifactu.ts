import type { InvoiceView } from '@shared/books/invoices'
import type { LedgerCheck } from '@shared/books/results'
import { minorToDecimal } from '@shared/money'
import {
  altaRecord,
  anulacionRecord,
  brokenLink,
  tipoFactura,
  type NewRecord,
  type TipoFactura,
  type VerifactuRecord
} from '../documents/einvoice/verifactu/records'
import {
  MAX_RECORDS_PER_FILE,
  suministroXml,
  type RecordEntry
} from '../documents/einvoice/verifactu/suministro'
import { verifactuUrl } from '../documents/einvoice/verifactu/qr'
import type { VerifactuRecordTable } from '../store/schema'
import type { Books } from '../store/sync'
import { isoWithOffset } from './ledger'

/**
 * Verifactu for a Spanish seller (load → decide → write): the alta of every issued invoice or
 * credit note and the anulación of every voided one, made in the issuing transaction and chained
 * to the system's last record (the rules are pure, documents/einvoice/verifactu); the records
 * as SuministroLR files; and the chain checked with the ledger.
 */

const row = (r: Omit<VerifactuRecordTable, 'id'> & { id: number }): VerifactuRecord => ({
  id: r.id,
  invoiceId: r.invoice_id,
  kind: r.kind,
  tipoFactura: r.tipo_factura as TipoFactura | null,
  nif: r.nif,
  numSerie: r.num_serie,
  issueDate: r.issue_date,
  cuotaTotal: r.cuota_total,
  importeTotal: r.importe_total,
  previousId: r.previous_id,
  previousHuella: r.previous_huella,
  generatedAt: r.generated_at,
  huella: r.huella
})

export function verifactuRecords(books: Books, invoiceId?: number): VerifactuRecord[] {
  let query = books.q.selectFrom('verifactu_records').selectAll()
  if (invoiceId !== undefined) query = query.where('invoice_id', '=', invoiceId)
  return books.all(query.orderBy('id')).map(row)
}

function lastRecord(books: Books): VerifactuRecord | null {
  const r = books.first(books.q.selectFrom('verifactu_records').selectAll().orderBy('id', 'desc'))
  return r ? row(r) : null
}

function insert(books: Books, record: NewRecord): void {
  books.run(
    books.q.insertInto('verifactu_records').values({
      invoice_id: record.invoiceId,
      kind: record.kind,
      tipo_factura: record.tipoFactura,
      nif: record.nif,
      num_serie: record.numSerie,
      issue_date: record.issueDate,
      cuota_total: record.cuotaTotal,
      importe_total: record.importeTotal,
      previous_id: record.previousId,
      previous_huella: record.previousHuella,
      generated_at: record.generatedAt,
      huella: record.huella
    })
  )
}

const spanish = (invoice: InvoiceView) => invoice.seller?.country === 'ES'

/** The alta of a document just issued (inside issueInvoice's transaction); nothing for other sellers. */
export function recordVerifactuAlta(books: Books, invoice: InvoiceView): void {
  if (!spanish(invoice)) return
  const correctedRow = invoice.correctsInvoiceId
    ? books.first(
        books.q
          .selectFrom('invoices')
          .select(['status', 'buyer'])
          .where('id', '=', invoice.correctsInvoiceId)
      )
    : undefined
  const corrected = invoice.correctsInvoiceId
    ? {
        tipoFactura:
          verifactuRecords(books, invoice.correctsInvoiceId).find((r) => r.kind === 'alta')
            ?.tipoFactura ?? null,
        status: correctedRow?.status ?? '',
        // a simplified invoice is one to a buyer without a tax id (its frozen buyer says)
        simplified: !(
          (JSON.parse(correctedRow?.buyer ?? '{}') as { taxId?: string }).taxId ?? ''
        ).trim()
      }
    : null
  const previous = lastRecord(books)
  const record = altaRecord(
    invoice,
    tipoFactura(invoice, corrected),
    previous,
    isoWithOffset(books.now())
  )
  // the record as the AEAT will read it, written once now: what it cannot say (a buyer's NIF
  // that fails its check letter, a VAT category without a code) refuses the issue, not the export
  suministroXml({ name: invoice.seller?.name ?? '', nif: record.nif }, [
    { record: { ...record, id: 0 }, previous, invoice, corrected: null }
  ])
  insert(books, record)
}

/** The anulación of a document just voided, when it has an alta. */
export function recordVerifactuAnulacion(books: Books, invoiceId: number): void {
  const alta = verifactuRecords(books, invoiceId).find((r) => r.kind === 'alta')
  if (!alta) return
  insert(books, anulacionRecord(alta, lastRecord(books), isoWithOffset(books.now())))
}

/** Each record with what its XML needs: the record before it, the document, the corrected invoice. */
export function recordEntries(
  books: Books,
  records: readonly VerifactuRecord[],
  view: (id: number) => InvoiceView
): RecordEntry[] {
  const byId = new Map(verifactuRecords(books).map((r) => [r.id, r]))
  return records.map((record) => {
    const invoice = record.kind === 'alta' ? view(record.invoiceId) : undefined
    const correctedId = invoice?.correctsInvoiceId
    const corrected = correctedId
      ? books.first(
          books.q
            .selectFrom('invoices')
            .select(['number', 'issue_date'])
            .where('id', '=', correctedId)
        )
      : undefined
    return {
      record,
      previous: record.previousId ? (byId.get(record.previousId) ?? null) : null,
      invoice,
      corrected:
        corrected?.number && corrected.issue_date
          ? { number: corrected.number, issueDate: corrected.issue_date }
          : null
    }
  })
}

/** Every record in chain order as SuministroLR files of at most 1,000 records; none without records. */
export function verifactuExport(books: Books, view: (id: number) => InvoiceView): string[] {
  const records = verifactuRecords(books)
  if (!records.length) return []
  const company = books.first(books.q.selectFrom('company').select(['legal_name']))
  const issuer = { name: company?.legal_name ?? '', nif: records[0]!.nif }
  const files: string[] = []
  for (let i = 0; i < records.length; i += MAX_RECORDS_PER_FILE)
    files.push(
      suministroXml(issuer, recordEntries(books, records.slice(i, i + MAX_RECORDS_PER_FILE), view))
    )
  return files
}

/**
 * The chain checked as the ledger check does it: every record's huella from its own fields and
 * its link to the record before, and every alta against its document as it is now.
 */
export function verifyVerifactu(books: Books, view: (id: number) => InvoiceView): LedgerCheck {
  const records = verifactuRecords(books)
  const fail = (record: VerifactuRecord, reason: string): LedgerCheck => ({
    ok: false,
    entries: records.length,
    broken: { series: 'VERIFACTU', entry: record.id, number: record.numSerie, reason }
  })
  const broken = brokenLink(records)
  if (broken) return fail(broken.record, broken.reason)
  for (const record of records) {
    if (record.kind !== 'alta') continue
    const invoice = view(record.invoiceId)
    const sign = invoice.kind === 'credit_note' ? -1 : 1
    const same =
      invoice.number === record.numSerie &&
      invoice.issueDate === record.issueDate &&
      record.importeTotal === altaRecordTotal(invoice, sign)
    if (!same)
      return fail(
        record,
        'the document no longer matches its Verifactu record: it was changed afterwards'
      )
  }
  return { ok: true, entries: records.length, broken: null }
}

const altaRecordTotal = (invoice: InvoiceView, sign: number) =>
  minorToDecimal(sign * invoice.subtotals.total, invoice.currency)

/** The AEAT QR code of a Spanish seller's issued document: its link, from the document's alta. */
export function verifactuCode(books: Books, invoice: InvoiceView): { url: string } | null {
  if (!spanish(invoice) || !invoice.number) return null
  const alta = verifactuRecords(books, invoice.id).find((r) => r.kind === 'alta')
  return alta ? { url: verifactuUrl(alta) } : null
}
