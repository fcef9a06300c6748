import type { ActivityEntry } from '@shared/books/results'
import type { Books } from '../store/sync'

export type Changes = Record<string, [old: unknown, new: unknown]>

/** Only the fields whose value changed, as [old, new]. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Changes {
  const changes: Changes = {}
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      changes[key] = [before[key] ?? null, after[key]]
  }
  return changes
}

/** Appends to the audit log: what changed, when, old → new. The log is append-only (triggers). */
export function audit(
  books: Books,
  entity: string,
  entityId: number | string,
  action: string,
  changes: Changes = {},
  actor = 'user'
): void {
  books.run(
    books.q.insertInto('audit_log').values({
      at: books.stamp(),
      actor,
      entity,
      entity_id: String(entityId),
      action,
      changes: JSON.stringify(changes)
    })
  )
}

/** What happened to a customer and their subscriptions, invoices and payments, newest first. */
export function customerActivity(books: Books, customerId: number, limit = 200): ActivityEntry[] {
  const ids = (table: 'subscriptions' | 'invoices' | 'payments') =>
    books
      .all(books.q.selectFrom(table).select('id').where('customer_id', '=', customerId))
      .map((r) => String(r.id))
  const rows = books.all(
    books.q
      .selectFrom('audit_log')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb.and([eb('entity', '=', 'customer'), eb('entity_id', '=', String(customerId))]),
          eb.and([
            eb('entity', '=', 'subscription'),
            eb('entity_id', 'in', ['', ...ids('subscriptions')])
          ]),
          eb.and([eb('entity', '=', 'invoice'), eb('entity_id', 'in', ['', ...ids('invoices')])]),
          eb.and([eb('entity', '=', 'payment'), eb('entity_id', 'in', ['', ...ids('payments')])])
        ])
      )
      .orderBy('id', 'desc')
      .limit(limit)
  )
  return rows.map(activityEntry)
}

/** The latest entries of the whole log, newest first. */
export function recentActivity(books: Books, limit = 10): ActivityEntry[] {
  return books
    .all(books.q.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit))
    .map(activityEntry)
}

function activityEntry(r: {
  at: string
  actor: string
  entity: string
  entity_id: string
  action: string
  changes: string
}): ActivityEntry {
  return {
    at: r.at,
    actor: r.actor,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    changes: JSON.parse(r.changes) as ActivityEntry['changes']
  }
}
