import type {
  InvoiceStatus,
  InvoiceSummary,
  InvoiceTotals,
  invoiceListInput
} from '@shared/books/invoices'
import { searchFold } from '@shared/search'
import type { z } from 'zod'
import type { Books } from '../store/sync'
import { OUTSTANDING_SQL, SHOWN_STATUS_SQL } from './invoice-status'

const STORED = new Set<string>(['draft', 'void', 'uncollectible'])

type ListFilter = Omit<z.output<typeof invoiceListInput>, 'query'> & { query?: string }

/**
 * Every invoice with what is still owed on it and the status a bookkeeper sees (paid, overdue…),
 * worked out in SQL so the list, its filters and its totals stay fast with many invoices, with
 * the one definition of both (invoice-status.ts).
 */
const SHOWN = `
  WITH owed AS (
    SELECT i.*, c.name AS customer_name, c.search_text AS customer_search,
      ${OUTSTANDING_SQL} AS outstanding
    FROM invoices i JOIN customers c ON c.id = i.customer_id
    WHERE (:customerId IS NULL OR i.customer_id = :customerId)
      AND (:from IS NULL OR i.bill_date >= :from)
      AND (:to IS NULL OR i.bill_date <= :to)
      -- what the filters already rule out is not worked out at all
      AND (:stored IS NULL OR i.status = :stored)
      AND (:dueBy IS NULL OR (i.status = 'issued' AND i.due_date <= :dueBy))
      AND (:dueFrom IS NULL OR i.due_date >= :dueFrom)
      AND (:status IS NOT 'overdue' OR i.due_date < :today)
  ), shown AS (
    SELECT owed.*, ${SHOWN_STATUS_SQL} AS shown_status
    FROM owed
  )
  SELECT * FROM shown
  WHERE (:status IS NULL OR shown_status = :status)
    AND (:dueBy IS NULL OR (outstanding > 0 AND due_date <= :dueBy))
    AND (:dueFrom IS NULL OR due_date >= :dueFrom)
    AND (:query IS NULL OR instr(customer_search, :query) > 0 OR instr(lower(coalesce(number, '')), :query) > 0)`

interface ShownRow {
  id: number
  kind: string
  shown_status: string
  number: string | null
  customer_id: number
  customer_name: string
  currency: string
  bill_date: string
  issue_date: string | null
  due_date: string | null
  period_start: string | null
  period_end: string | null
  total: number
  amount_due: number
  outstanding: number
  corrects_invoice_id: number | null
}

const toSummary = (r: ShownRow): InvoiceSummary => ({
  id: r.id,
  kind: r.kind as InvoiceSummary['kind'],
  status: r.shown_status as InvoiceStatus,
  number: r.number,
  customerId: r.customer_id,
  customerName: r.customer_name,
  currency: r.currency,
  billDate: r.bill_date,
  issueDate: r.issue_date,
  dueDate: r.due_date,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  total: r.total,
  amountDue: r.amount_due,
  outstanding: r.outstanding,
  correctsInvoiceId: r.corrects_invoice_id
})

/** Invoices matching the filter, newest first, a window at a time, with the sums of all that match. */
export function listInvoices(
  books: Books,
  filter: ListFilter
): { invoices: InvoiceSummary[]; total: number; totals: InvoiceTotals[] } {
  const query = filter.query ? searchFold(filter.query) : ''
  const params = {
    customerId: filter.customerId ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
    status: filter.status ?? null,
    // the stored status behind the one shown: paid, overdue… are all stored as issued
    stored: filter.status ? (STORED.has(filter.status) ? filter.status : 'issued') : null,
    dueBy: filter.dueBy ?? null,
    dueFrom: filter.dueFrom ?? null,
    query: query || null,
    today: books.today()
  }
  const rows = books
    .prepare(`${SHOWN} ORDER BY bill_date DESC, id DESC LIMIT :limit OFFSET :offset`)
    .all({ ...params, limit: filter.limit, offset: filter.offset }) as ShownRow[]
  const totals = books
    .prepare(
      `SELECT currency, count(*) AS count, sum(total) AS total, sum(outstanding) AS outstanding
       FROM (${SHOWN}) GROUP BY currency ORDER BY currency`
    )
    .all(params) as InvoiceTotals[]
  return {
    invoices: rows.map(toSummary),
    total: totals.reduce((n, t) => n + t.count, 0),
    totals
  }
}
