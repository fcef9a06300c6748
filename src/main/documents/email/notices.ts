import type { ReminderRun, ReminderSettings } from '@shared/books/reminders'
import { documentLocale } from '@shared/documents/invoice-model'
import { formatDay } from '@shared/format'
import { formatMoney, minorUnits } from '@shared/money'
import { addDays } from '../../billing'
import { audit } from '../../books/audit'
import { getCustomer } from '../../books/customers'
import { isLongPeriod, noticeKey, noticesDue, type NoticeCandidate } from '../../books/notice-rules'
import { loadSubscription, periodOn, subscriptionStatus } from '../../books/subscriptions'
import { upcomingInvoice } from '../../books/upcoming'
import { getCompany } from '../../store/repos/company'
import type { Books } from '../../store/sync'
import { insertMessage, requireSettings, senderOf } from './outbox'
import { templateFor } from './templates'

/**
 * Renewal and trial-ending notices: load the subscriptions still running, work out the day each
 * is about (the day a long period renews, a trial's last day), decide which notices are due
 * (pure, books/notice-rules.ts), and write each with its outbox message, inside the reminders
 * run's transaction. A notice is written once (UNIQUE subscription + kind + day).
 */

type Candidate = NoticeCandidate & { customerId: number; planName: string }

function candidates(books: Books, asOf: string): Candidate[] {
  const ids = books.all(
    books.q
      .selectFrom('subscriptions')
      .select('id')
      .where('start_date', '<=', asOf)
      .where('cancel_at', 'is', null)
      .orderBy('id')
  )
  const out: Candidate[] = []
  for (const { id } of ids) {
    const state = loadSubscription(books, id)
    const plan = state.items.find((i) => i.row.role === 'plan')?.version.plan
    if (!plan) continue
    const base = { subscriptionId: id, customerId: state.row.customer_id, planName: plan.name }
    const status = subscriptionStatus(state, asOf)
    if (status === 'trialing' && state.row.trial_end)
      out.push({ ...base, kind: 'trial_ending', date: state.row.trial_end })
    if (status === 'active' && isLongPeriod(plan.interval)) {
      const period = periodOn(state, asOf)
      if (period) out.push({ ...base, kind: 'renewal', date: addDays(period.end, 1) })
    }
  }
  return out
}

function decided(books: Books): Set<string> {
  return new Set(
    books
      .all(books.q.selectFrom('subscription_notices').select(['subscription_id', 'kind', 'date']))
      .map((r) => noticeKey({ subscriptionId: r.subscription_id, kind: r.kind, date: r.date }))
  )
}

/** Queues the renewal and trial-ending notices due by `asOf` (once each) into `result`. */
export function queueNotices(
  books: Books,
  settings: ReminderSettings,
  asOf: string,
  result: ReminderRun
): void {
  if (!settings.renewal.enabled && !settings.trialEnding.enabled) return
  const smtp = requireSettings(books)
  const company = getCompany(books)
  const stamp = books.stamp()
  for (const notice of noticesDue(candidates(books, asOf), settings, asOf, decided(books))) {
    const customer = getCustomer(books, notice.customerId)
    const locale = documentLocale(customer.language)
    const upcoming = upcomingInvoice(books, notice.subscriptionId, asOf)
    let outboxId: number | null = null
    if (customer.emails.length > 0) {
      const message = templateFor(books, notice.kind, customer.language, {
        customer: customer.name,
        plan: notice.planName,
        date: formatDay(notice.date, locale),
        total: upcoming
          ? formatMoney(
              minorUnits(upcoming.invoice.subtotals.amountDue),
              upcoming.invoice.currency,
              locale
            )
          : '',
        company: company.legalName
      })
      outboxId = insertMessage(books, {
        kind: notice.kind,
        invoiceId: null,
        customerId: notice.customerId,
        document: null,
        language: customer.language,
        sender: senderOf(smtp, company),
        recipients: { to: customer.emails, cc: [], bcc: [] },
        ...message
      })
      audit(books, 'subscription', notice.subscriptionId, `${notice.kind}_notice_queued`, {
        date: [null, notice.date]
      })
    }
    books.run(
      books.q.insertInto('subscription_notices').values({
        subscription_id: notice.subscriptionId,
        kind: notice.kind,
        date: notice.date,
        status: outboxId === null ? 'no_email' : 'queued',
        outbox_id: outboxId,
        as_of: asOf,
        created_at: stamp
      })
    )
    result.notices.push({
      subscriptionId: notice.subscriptionId,
      customerName: customer.name,
      kind: notice.kind,
      date: notice.date,
      outboxId
    })
  }
}
