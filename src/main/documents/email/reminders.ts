import {
  reminderSettingsSchema,
  type LateFeeSettings,
  type ReminderRun,
  type ReminderSettings,
  type ReminderSettingsInput
} from '@shared/books/reminders'
import { lateFeesDue, type LateFeeCandidate, type LateFeeDecision } from '../../billing/late-fee'
import { audit, diff } from '../../books/audit'
import { taxRates } from '../../books/catalog'
import { getCustomer } from '../../books/customers'
import {
  createDraft,
  issueInvoice,
  outstanding,
  viewInvoice,
  type DraftLine
} from '../../books/invoices'
import { remindersDue, type ReminderCandidate } from '../../books/reminder-rules'
import { getBillingPreferences } from '../../books/settings'
import { AppError, problem } from '../../errors'
import { summarizeFieldErrors, toFieldErrors } from '@shared/validation'
import { documentTranslator } from '../pdf/render'
import type { Books } from '../../store/sync'
import { queueNotices } from './notices'
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

export function saveReminderSettings(books: Books, input: ReminderSettingsInput): ReminderSettings {
  const parsed = reminderSettingsSchema.safeParse(input)
  if (!parsed.success) {
    const fieldErrors = toFieldErrors(parsed.error.issues, input)
    throw new AppError('VALIDATION', summarizeFieldErrors(fieldErrors), fieldErrors)
  }
  const settings = parsed.data
  const rate = settings.lateFee.taxRateId
  if (rate !== null && !taxRates(books).some((r) => r.id === rate))
    throw new AppError('VALIDATION', `There is no tax rate ${rate}.`, {
      'lateFee.taxRateId': {
        code: 'invalid_choice',
        message: 'Choose one of the company’s tax rates'
      }
    })
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

type Candidate = ReminderCandidate &
  LateFeeCandidate & { customerId: number; taxInclusive: boolean }

function candidates(books: Books): Candidate[] {
  const rows = books.all(
    books.q
      .selectFrom('invoices')
      .leftJoin('reminder_pauses as pi', 'pi.invoice_id', 'invoices.id')
      .leftJoin('reminder_pauses as pc', 'pc.customer_id', 'invoices.customer_id')
      .select([
        'invoices.id',
        'invoices.number',
        'invoices.customer_id',
        'invoices.currency',
        'invoices.tax_inclusive',
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
    number: r.number ?? '',
    customerId: r.customer_id,
    currency: r.currency,
    taxInclusive: r.tax_inclusive === 1,
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

/**
 * Queues every reminder and renewal or trial-ending notice due by `asOf` (once each), charges
 * the late fees due, and says what it did.
 */
export function runReminders(books: Books, asOf: string): ReminderRun {
  const settings = reminderSettings(books)
  const result: ReminderRun = {
    asOf,
    queued: [],
    skipped: 0,
    noEmail: [],
    notices: [],
    lateFees: []
  }
  const reminding = settings.enabled && settings.schedule.length > 0
  const noticing = settings.renewal.enabled || settings.trialEnding.enabled
  if (!reminding && !noticing && !settings.lateFee.enabled) return result
  if (reminding || noticing) requireSettings(books)
  return books.tx(() => {
    const owed = candidates(books)
    if (reminding) queueReminders(books, owed, settings, asOf, result)
    queueNotices(books, settings, asOf, result)
    const charged = new Set(
      books.all(books.q.selectFrom('late_fees').select('invoice_id')).map((r) => r.invoice_id)
    )
    const rounding = getBillingPreferences(books).rounding
    const byId = new Map(owed.map((c) => [c.invoiceId, c]))
    for (const fee of lateFeesDue(owed, settings.lateFee, asOf, charged, rounding)) {
      const feeInvoiceId = chargeLateFee(
        books,
        settings.lateFee,
        fee,
        byId.get(fee.invoiceId)!,
        asOf
      )
      result.lateFees.push({
        invoiceId: fee.invoiceId,
        number: fee.number,
        amount: fee.amount,
        currency: fee.currency,
        feeInvoiceId
      })
    }
    return result
  })
}

function queueReminders(
  books: Books,
  owed: readonly Candidate[],
  settings: ReminderSettings,
  asOf: string,
  result: ReminderRun
): void {
  const decisions = remindersDue(owed, settings.schedule, asOf, decided(books))
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
}

/**
 * Writes one late fee: a pending charge the customer's next invoice picks up, or a draft
 * invoice of its own (issued at once when billing runs issue directly). The line is worded in
 * the customer's language and explained step by step; the fee is recorded once per invoice.
 */
function chargeLateFee(
  books: Books,
  fee: LateFeeSettings,
  decision: LateFeeDecision,
  overdue: Candidate,
  asOf: string
): number | null {
  const language = getCustomer(books, overdue.customerId).language
  const line: DraftLine = {
    kind: 'late_fee',
    description: documentTranslator(language)('documents.lateFeeLine', { number: decision.number }),
    period: { start: asOf, end: asOf },
    quantity: '1',
    amount: decision.amount,
    currency: decision.currency,
    breakdown: [decision.step],
    taxRateId: fee.taxRateId!,
    taxInclusive: overdue.taxInclusive,
    discountable: false,
    chargeKey: `late_fee:${decision.invoiceId}`
  }
  const stamp = books.stamp()
  let pendingId: number | null = null
  let feeInvoiceId: number | null = null
  if (fee.billing === 'next_invoice') {
    pendingId = books.insert(
      books.q.insertInto('pending_charges').values({
        customer_id: overdue.customerId,
        subscription_id: null,
        bill_date: asOf,
        line: JSON.stringify(line),
        charge_key: line.chargeKey!,
        created_at: stamp
      })
    )
  } else {
    feeInvoiceId = createDraft(books, {
      customerId: overdue.customerId,
      currency: decision.currency,
      billDate: asOf,
      lines: [line]
    }).id
    if (getBillingPreferences(books).runCreates === 'issued') issueInvoice(books, feeInvoiceId)
  }
  books.run(
    books.q.insertInto('late_fees').values({
      invoice_id: decision.invoiceId,
      amount: decision.amount,
      currency: decision.currency,
      pending_charge_id: pendingId,
      fee_invoice_id: feeInvoiceId,
      as_of: asOf,
      created_at: stamp
    })
  )
  audit(books, 'invoice', decision.invoiceId, 'late_fee', {
    amount: [null, decision.amount],
    feeInvoiceId: [null, feeInvoiceId]
  })
  return feeInvoiceId
}

/** Whether a customer's reminders are paused (every invoice of theirs). */
export function remindersPaused(books: Books, customerId: number): boolean {
  getCustomer(books, customerId)
  return (
    books.first(
      books.q.selectFrom('reminder_pauses').select('id').where('customer_id', '=', customerId)
    ) !== undefined
  )
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
