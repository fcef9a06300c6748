import { formatInvoiceNumber } from '@shared/invoice-number'
import { AppError } from '../errors'
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
  if (!series) throw new AppError('NOT_FOUND', `There is no number series ${seriesId}.`)
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
