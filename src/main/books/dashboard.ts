import type { Selectable } from 'kysely'
import type { InvoiceStatus } from '@shared/books/invoices'
import type { DashboardSummary, InvoiceGroup } from '@shared/books/results'
import { addDays } from '../billing'
import type { SubscriptionTable } from '../store/schema'
import type { Books } from '../store/sync'
import { recentActivity } from './audit'
import { lastBillingRun } from './billing-run'
import { listInvoices } from './invoice-list'
import { AppError } from '../errors'
import { planVersion } from './catalog'
import { firstBillingDay, periodOfPlan } from './subscriptions'

const FIRST = 5

function group(
  books: Books,
  filter: { status?: InvoiceStatus; dueBy?: string; dueFrom?: string }
): InvoiceGroup {
  const { invoices, total, totals } = listInvoices(books, { ...filter, limit: FIRST, offset: 0 })
  return { count: total, totals, first: invoices }
}

/**
 * When the next billing run is due: the first day after the last run's as-of date on which a
 * subscription has something new to bill (a period begins, charged in advance, or one ends,
 * with its usage). It may have passed (runs were missed). The earliest across the running
 * subscriptions; before any run, the first day any of them is billable.
 */
function readablePlan(books: Books, versionId: number) {
  try {
    return planVersion(books, versionId).plan
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION') return null
    throw error
  }
}

function nextRunDate(books: Books, today: string, lastAsOf: string | null): string | null {
  // each with the plan version of its first item: the schedule its periods follow
  const live = books
    .prepare(
      `SELECT s.*, (SELECT i.plan_version_id FROM subscription_items i WHERE i.subscription_id = s.id
        ORDER BY i.start_date, i.id LIMIT 1) AS version_id
       FROM subscriptions s WHERE s.cancel_at IS NULL OR s.cancel_at >= ?`
    )
    .all(today) as (Selectable<SubscriptionTable> & { version_id: number })[]
  let next: string | null = null
  // subscriptions of one plan version started on one day share their periods: worked out once
  const periods = new Map<string, ReturnType<typeof periodOfPlan>>()
  for (const row of live) {
    const first = firstBillingDay(row)
    let day = first
    if (lastAsOf !== null && first <= lastAsOf) {
      const key = `${row.version_id}|${first}`
      if (!periods.has(key)) {
        const plan = readablePlan(books, row.version_id)
        // a plan that cannot be billed as saved has no next run: the run reports it instead
        periods.set(key, plan ? periodOfPlan(row, plan, addDays(lastAsOf, 1)) : null)
      }
      const period = periods.get(key)
      if (!period) continue
      day = period.start > lastAsOf ? period.start : addDays(period.end, 1)
    }
    if (row.cancel_at && day > addDays(row.cancel_at, 1)) day = addDays(row.cancel_at, 1)
    if (next === null || day < next) next = day
  }
  return next
}

/** What needs the bookkeeper's attention today. */
export function dashboardSummary(books: Books): DashboardSummary {
  const today = books.today()
  const lastRun = lastBillingRun(books)
  const count = (sql: string, ...args: string[]) =>
    Number(
      books
        .prepare(sql)
        .pluck()
        .get(...args) ?? 0
    )
  return {
    today,
    drafts: group(books, { status: 'draft' }),
    dueSoon: group(books, { dueFrom: today, dueBy: addDays(today, 7) }),
    overdue: group(books, { status: 'overdue' }),
    lastRun,
    nextRunDate: nextRunDate(books, today, lastRun?.asOf ?? null),
    customers: count('SELECT count(*) FROM customers WHERE archived_at IS NULL'),
    activeSubscriptions: count(
      'SELECT count(*) FROM subscriptions WHERE cancel_at IS NULL OR cancel_at >= ?',
      today
    ),
    activity: recentActivity(books, 10)
  }
}
