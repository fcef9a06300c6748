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
