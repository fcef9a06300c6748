import {
  reminderSettingsSchema,
  type ReminderRun,
  type ReminderSettings
} from '@shared/books/reminders'
import { audit, diff } from '../../books/audit'
import { outstanding, viewInvoice } from '../../books/invoices'
import { remindersDue, type ReminderCandidate } from '../../books/reminder-rules'
import { problem } from '../../errors'
import type { Books } from '../../store/sync'
import { billingEmails, queueInvoiceMessage, requireSettings } from './outbox'

/**
 * Payment reminders: load the invoices still owed, decide which stages are due (pure, in
 * books/reminder-rules.ts), and write each decision with its outbox message in one transaction.
 * A stage is written once (UNIQUE invoice + stage), so a run repeated, or run after the app was
 * closed for months, never queues a reminder twice.
 */

const KEY = 'reminders'

export function reminderSettings(books: Books): ReminderSettings {
  const row = books.first(books.q.selectFrom('settings').select('value').where('key', '=', KEY))
  return reminderSettingsSchema.parse(row ? JSON.parse(row.value) : {})
}

export function saveReminderSettings(books: Books, settings: ReminderSettings): ReminderSettings {
  return books.tx(() => {
    const before = reminderSettings(books)
    const value = JSON.stringify(settings)
    books.run(
      books.q
        .insertInto('settings')
        .values({ key: KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    )
    audit(books, 'settings', KEY, 'update', diff(before, settings))
    return reminderSettings(books)
  })
}

function candidates(books: Books): ReminderCandidate[] {
  const rows = books.all(
    books.q
      .selectFrom('invoices')
      .leftJoin('reminder_pauses as pi', 'pi.invoice_id', 'invoices.id')
      .leftJoin('reminder_pauses as pc', 'pc.customer_id', 'invoices.customer_id')
      .select([
        'invoices.id',
        'invoices.issue_date',
        'invoices.due_date',
        'pi.id as pausedInvoice',
        'pc.id as pausedCustomer'
      ])
      .where('invoices.kind', '=', 'invoice')
      .where('invoices.status', '=', 'issued')
      .where('invoices.due_date', 'is not', null)
      .orderBy('invoices.id')
  )
  return rows.map((r) => ({
    invoiceId: r.id,
    issueDate: r.issue_date ?? r.due_date!,
    dueDate: r.due_date!,
    outstanding: outstanding(books, r.id),
    paused: r.pausedInvoice !== null || r.pausedCustomer !== null
  }))
}

function decided(books: Books): Map<number, Set<number>> {
  const map = new Map<number, Set<number>>()
  for (const r of books.all(books.q.selectFrom('reminders').select(['invoice_id', 'stage']))) {
    const stages = map.get(r.invoice_id) ?? new Set<number>()
    stages.add(r.stage)
    map.set(r.invoice_id, stages)
  }
  return map
}

/** Queues every reminder due by `asOf` (once each), and says what it did. */
export function runReminders(books: Books, asOf: string): ReminderRun {
  const settings = reminderSettings(books)
  const result: ReminderRun = { asOf, queued: [], skipped: 0, noEmail: [] }
  if (!settings.enabled || settings.schedule.length === 0) return result
  requireSettings(books)
  return books.tx(() => {
    const decisions = remindersDue(candidates(books), settings.schedule, asOf, decided(books))
    const stamp = books.stamp()
    for (const d of decisions) {
      let status: 'queued' | 'skipped' | 'no_email' = 'skipped'
      let outboxId: number | null = null
      if (d.send) {
        const invoice = viewInvoice(books, d.invoiceId)
        const to = billingEmails(books, invoice)
        if (to.length === 0) {
          status = 'no_email'
          result.noEmail.push({ invoiceId: d.invoiceId, number: invoice.number ?? '' })
        } else {
          status = 'queued'
          outboxId = queueInvoiceMessage(books, invoice, 'reminder', { to, cc: [], bcc: [] })
          result.queued.push({
            invoiceId: d.invoiceId,
            number: invoice.number ?? '',
            stage: d.stage,
            outboxId
          })
          audit(books, 'invoice', d.invoiceId, 'reminder_queued', { stage: [null, d.stage] })
        }
      } else result.skipped++
      books.run(
        books.q.insertInto('reminders').values({
          invoice_id: d.invoiceId,
          stage: d.stage,
          status,
          outbox_id: outboxId,
          as_of: asOf,
          created_at: stamp
        })
      )
    }
    return result
  })
}

/** Pauses (or resumes) the reminders of one customer or one invoice. */
export function pauseReminders(
  books: Books,
  target: { customerId: number } | { invoiceId: number },
  paused: boolean
): void {
  books.tx(() => {
    const [column, id, table] =
      'customerId' in target
        ? (['customer_id', target.customerId, 'customers'] as const)
        : (['invoice_id', target.invoiceId, 'invoices'] as const)
    if (!books.first(books.q.selectFrom(table).select('id').where('id', '=', id)))
      throw problem(
        'NOT_FOUND',
        'reminder_target_missing',
        `There is no ${table.slice(0, -1)} ${id}.`
      )
    books.run(books.q.deleteFrom('reminder_pauses').where(column, '=', id))
    if (paused)
      books.run(
        books.q.insertInto('reminder_pauses').values({ [column]: id, created_at: books.stamp() })
      )
    audit(books, table.slice(0, -1), id, paused ? 'reminders_paused' : 'reminders_resumed')
  })
}
