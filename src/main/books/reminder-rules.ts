import { addDays } from '../billing'

/**
 * Which reminders are due: a pure rule over plain values, tested with tables.
 * - A stage is due on due date + its offset, once that day has come (as of).
 * - Only invoices still owed and not paused get any.
 * - When several stages are due at once (the app was closed for a while), only the latest is
 *   sent; the earlier ones are passed over for good, so a customer never gets a pile of them.
 * - A stage that fell before the invoice was issued is passed over too.
 * Every stage is decided once: what was sent or passed over is never decided again.
 */

export interface ReminderCandidate {
  invoiceId: number
  issueDate: string
  dueDate: string
  outstanding: number
  paused: boolean
}

export interface ReminderDecision {
  invoiceId: number
  stage: number
  send: boolean
}

export function remindersDue(
  candidates: readonly ReminderCandidate[],
  schedule: readonly number[],
  asOf: string,
  decided: ReadonlyMap<number, ReadonlySet<number>>
): ReminderDecision[] {
  const decisions: ReminderDecision[] = []
  for (const c of candidates) {
    if (c.outstanding <= 0 || c.paused) continue
    const done = decided.get(c.invoiceId)
    const due = schedule.filter((stage) => {
      const day = addDays(c.dueDate, stage)
      return day <= asOf && !done?.has(stage)
    })
    if (due.length === 0) continue
    const sendable = due.filter((stage) => addDays(c.dueDate, stage) >= c.issueDate)
    const latest = sendable.length ? Math.max(...sendable) : null
    for (const stage of due)
      decisions.push({ invoiceId: c.invoiceId, stage, send: stage === latest })
  }
  return decisions
}
