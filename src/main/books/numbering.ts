import type { NumberSeries } from '@shared/books/settings'
import { formatInvoiceNumber } from '@shared/invoice-number'
import { audit } from './audit'
import { problem } from '../errors'
import type { Books } from '../store/sync'

/** The sequence restarts each year when the format shows the year, else it runs on. */
const periodKey = (format: string, issueDate: string) =>
  /\{YY(YY)?\}/.test(format) ? issueDate.slice(0, 4) : ''

/**
 * The next number of a series, taken inside the caller's transaction: if the transaction
 * does not commit, the number was never taken, so issued numbers have no gaps.
 */
export function takeNumber(
  books: Books,
  seriesId: string,
  issueDate: string
): { seq: number; number: string } {
  const series = books.first(
    books.q.selectFrom('number_series').selectAll().where('id', '=', seriesId)
  )
  if (!series)
    throw problem(
      'NOT_FOUND',
      'number_series_not_found',
      `There is no number series ${seriesId}.`,
      { series: seriesId }
    )
  const key = periodKey(series.format, issueDate)
  const counter = books.first(
    books.q
      .selectFrom('number_counters')
      .select('last_seq')
      .where('series_id', '=', seriesId)
      .where('period_key', '=', key)
  )
  const seq = (counter?.last_seq ?? 0) + 1
  books.run(
    books.q
      .insertInto('number_counters')
      .values({ series_id: seriesId, period_key: key, last_seq: seq })
      .onConflict((oc) => oc.columns(['series_id', 'period_key']).doUpdateSet({ last_seq: seq }))
  )
  return { seq, number: formatInvoiceNumber(series.format, issueDate, seq) }
}

/** Every series with its counters and the number the next document would get today. */
export function listSeries(books: Books): NumberSeries[] {
  const today = books.today()
  return books.all(books.q.selectFrom('number_series').selectAll().orderBy('id')).map((series) => {
    const counters = books
      .all(
        books.q
          .selectFrom('number_counters')
          .select(['period_key', 'last_seq'])
          .where('series_id', '=', series.id)
          .orderBy('period_key')
      )
      .map((c) => ({ period: c.period_key, lastSeq: c.last_seq }))
    const key = periodKey(series.format, today)
    const last = counters.find((c) => c.period === key)?.lastSeq ?? 0
    return {
      id: series.id,
      kind: series.kind as NumberSeries['kind'],
      format: series.format,
      counters,
      next: formatInvoiceNumber(series.format, today, last + 1)
    }
  })
}

/**
 * A series' format from now on. Issued numbers stay as they are; the sequence carries on (or
 * starts again each year when the new format shows the year). The invoice series follows the
 * company profile's number format, so both change together.
 */
export function updateSeriesFormat(books: Books, id: string, format: string): NumberSeries[] {
  return books.tx(() => {
    const series = books.first(books.q.selectFrom('number_series').selectAll().where('id', '=', id))
    if (!series)
      throw problem('NOT_FOUND', 'number_series_not_found', `There is no number series ${id}.`, {
        series: id
      })
    books.run(books.q.updateTable('number_series').set({ format }).where('id', '=', id))
    if (id === 'INV')
      books.run(
        books.q.updateTable('company').set({ invoice_number_format: format }).where('id', '=', 1)
      )
    audit(books, 'settings', `series:${id}`, 'update', { format: [series.format, format] })
    return listSeries(books)
  })
}
