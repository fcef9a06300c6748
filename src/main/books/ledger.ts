import { createHash } from 'node:crypto'
import type { LedgerCheck } from '@shared/books/results'
import { minorToDecimal } from '@shared/money'
import type { Books } from '../store/sync'

/** ISO 8601 with the local offset, as Verifactu's FechaHoraHusoGenRegistro: 2026-01-05T12:00:00+01:00 */
export function isoWithOffset(date: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0')
  const offset = -date.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  )
}

const ddmmyyyy = (date: string) => `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`

export interface LegalContent {
  sellerTaxId: string
  number: string
  issueDate: string
  kind: string
  taxTotal: number
  total: number
  currency: string
}

/**
 * The text of a ledger record, Verifactu style (AEAT "huella"): the document's legal content,
 * the previous record's hash and the time the record is made, as key=value pairs joined by &.
 */
export function recordText(
  kind: 'issue' | 'void',
  content: LegalContent,
  previousHash: string,
  recordedAt: string
): string {
  const fields =
    kind === 'issue'
      ? [
          ['IDEmisorFactura', content.sellerTaxId],
          ['NumSerieFactura', content.number],
          ['FechaExpedicionFactura', ddmmyyyy(content.issueDate)],
          ['TipoFactura', content.kind === 'credit_note' ? 'R1' : 'F1'],
          ['CuotaTotal', minorToDecimal(content.taxTotal, content.currency)],
          ['ImporteTotal', minorToDecimal(content.total, content.currency)]
        ]
      : [
          ['IDEmisorFacturaAnulada', content.sellerTaxId],
          ['NumSerieFacturaAnulada', content.number],
          ['FechaExpedicionFacturaAnulada', ddmmyyyy(content.issueDate)]
        ]
  return [...fields, ['Huella', previousHash], ['FechaHoraHusoGenRegistro', recordedAt]]
    .map(([k, v]) => `${k}=${String(v).trim()}`)
    .join('&')
}

/** SHA-256 of the record text, uppercase hex. */
export const recordHash = (
  kind: 'issue' | 'void',
  content: LegalContent,
  previousHash: string,
  recordedAt: string
): string =>
  createHash('sha256')
    .update(recordText(kind, content, previousHash, recordedAt), 'utf8')
    .digest('hex')
    .toUpperCase()

function contentOf(books: Books, invoiceId: number): LegalContent | null {
  const inv = books.first(
    books.q
      .selectFrom('invoices')
      .select(['number', 'issue_date', 'kind', 'tax_total', 'total', 'currency', 'seller'])
      .where('id', '=', invoiceId)
  )
  if (!inv?.number || !inv.issue_date) return null
  const seller = inv.seller ? (JSON.parse(inv.seller) as { taxId?: string }) : {}
  return {
    sellerTaxId: seller.taxId ?? '',
    number: inv.number,
    issueDate: inv.issue_date,
    kind: inv.kind,
    taxTotal: inv.tax_total,
    total: inv.total,
    currency: inv.currency
  }
}

/** Appends a record for an issued or voided document, chained to the last record of its series. */
export function appendLedger(
  books: Books,
  seriesId: string,
  invoiceId: number,
  kind: 'issue' | 'void'
): string {
  const last = books.first(
    books.q
      .selectFrom('ledger_entries')
      .select('hash')
      .where('series_id', '=', seriesId)
      .orderBy('id', 'desc')
  )
  const previous = last?.hash ?? ''
  const recordedAt = isoWithOffset(books.now())
  const hash = recordHash(kind, contentOf(books, invoiceId)!, previous, recordedAt)
  books.run(
    books.q.insertInto('ledger_entries').values({
      series_id: seriesId,
      invoice_id: invoiceId,
      kind,
      recorded_at: recordedAt,
      previous_hash: previous,
      hash
    })
  )
  return hash
}

/**
 * Recomputes every record of every series from the documents as they are now. The first record
 * whose hash no longer matches (a document changed after issuing, a record removed or altered)
 * is reported.
 */
export function verifyLedger(books: Books): LedgerCheck {
  const entries = books.all(
    books.q.selectFrom('ledger_entries').selectAll().orderBy('series_id').orderBy('id')
  )
  const previous = new Map<string, string>()
  for (const e of entries) {
    const content = contentOf(books, e.invoice_id)
    const expectedPrevious = previous.get(e.series_id) ?? ''
    const fail = (reason: string): LedgerCheck => ({
      ok: false,
      entries: entries.length,
      broken: { series: e.series_id, entry: e.id, number: content?.number ?? null, reason }
    })
    if (e.previous_hash !== expectedPrevious)
      return fail('the chain is broken here: the previous record was removed or changed')
    if (!content) return fail('the document of this record has lost its number or date')
    if (
      recordHash(e.kind as 'issue' | 'void', content, e.previous_hash, e.recorded_at) !== e.hash
    ) {
      return fail(
        `the ${e.kind === 'issue' ? 'issued' : 'voided'} document's content no longer matches its record: it was changed afterwards`
      )
    }
    previous.set(e.series_id, e.hash)
  }
  const unrecorded = books.first(
    books.q
      .selectFrom('invoices')
      .select(['id', 'number', 'series_id'])
      .where('status', '!=', 'draft')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('ledger_entries')
              .select('id')
              .whereRef('ledger_entries.invoice_id', '=', 'invoices.id')
              .where('ledger_entries.kind', '=', 'issue')
          )
        )
      )
  )
  if (unrecorded) {
    return {
      ok: false,
      entries: entries.length,
      broken: {
        series: unrecorded.series_id ?? '',
        entry: 0,
        number: unrecorded.number,
        reason: 'an issued document has no record in the ledger'
      }
    }
  }
  return { ok: true, entries: entries.length, broken: null }
}
