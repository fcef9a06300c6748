import type { SubscriptionRow, subscriptionSearchInput } from '@shared/books/subscriptions'
import { searchFold } from '@shared/search'
import type { z } from 'zod'
import type { Books } from '../store/sync'
import { viewSubscription } from './subscriptions'

type SearchOptions = z.output<typeof subscriptionSearchInput>

/** The status a subscription shows today, in SQL: the same rules as subscriptionStatus(). */
const STATUS = `CASE
  WHEN s.cancel_at IS NOT NULL AND s.cancel_at < :today THEN 'ended'
  WHEN EXISTS (SELECT 1 FROM subscription_pauses p WHERE p.subscription_id = s.id
    AND p.start_date <= :today AND (p.end_date IS NULL OR p.end_date >= :today)) THEN 'paused'
  WHEN s.cancel_at IS NOT NULL THEN 'cancelling'
  WHEN s.trial_end IS NOT NULL AND :today <= s.trial_end THEN 'trialing'
  ELSE 'active' END`

const MATCHING = `
  FROM subscriptions s JOIN customers c ON c.id = s.customer_id
  WHERE (:query IS NULL OR instr(c.search_text, :query) > 0)
    AND (:plan IS NULL OR EXISTS (
      SELECT 1 FROM subscription_items i
      JOIN plan_versions v ON v.id = i.plan_version_id JOIN plans p ON p.id = v.plan_id
      WHERE i.subscription_id = s.id AND p.code = :plan))
    AND (:status IS NULL OR ${STATUS} = :status)`

/** Every subscription, filtered by customer, plan and status, a page at a time. */
export function searchSubscriptions(
  books: Books,
  options: SearchOptions
): { rows: SubscriptionRow[]; total: number } {
  const params = {
    today: books.today(),
    query: options.query ? searchFold(options.query) : null,
    plan: options.planCode ?? null,
    status: options.status ?? null
  }
  const total = Number(books.prepare(`SELECT count(*) ${MATCHING}`).pluck().get(params))
  const page = books
    .prepare(
      `SELECT s.id, c.name ${MATCHING} ORDER BY c.name COLLATE NOCASE, s.id LIMIT :limit OFFSET :offset`
    )
    .all({ ...params, limit: options.limit, offset: options.offset }) as {
    id: number
    name: string
  }[]
  return {
    total,
    rows: page.map((r) => ({ ...viewSubscription(books, r.id), customerName: r.name }))
  }
}
