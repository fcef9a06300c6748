import type { UpcomingInvoice } from '@shared/books/subscriptions'
import { addDays } from '../billing'
import type { Books } from '../store/sync'
import {
  billedKeys,
  couponApplications,
  dueCharges,
  joinNextInvoice,
  pendingCandidates,
  type Candidate
} from './billing-run'
import { createDraft, engineCustomer, engineSettings, viewInvoice } from './invoices'
import {
  firstBillingDay,
  loadSubscription,
  periodOn,
  subscriptionStatus,
  type SubscriptionState
} from './subscriptions'

/**
 * A subscription's upcoming invoice: what the next billing run will bill it, priced and grouped as
 * that run will (the same due charges, usage recorded so far, coupons, the change lines and the
 * customer's pending charges and late fees that join it), written as a draft in a transaction that is rolled back,
 * so nothing of it is kept and its numbers are never taken.
 */

class Preview extends Error {
  constructor(readonly result: UpcomingInvoice) {
    super('upcoming invoice preview')
  }
}

/**
 * The next day a run bills the subscription on its schedule: the first day of the next period
 * (or of billing, after a trial); null once it has ended.
 */
function nextBillDay(state: SubscriptionState, today: string): string | null {
  if (subscriptionStatus(state, today) === 'ended') return null
  const start = firstBillingDay(state.row)
  if (today < start) return start
  const period = periodOn(state, today)
  return period ? addDays(period.end, 1) : null
}

/** `today`: the day it is asked on (a reminders run as of another day asks as of that one). */
export function upcomingInvoice(
  books: Books,
  subscriptionId: number,
  today = books.today()
): UpcomingInvoice | null {
  const state = loadSubscription(books, subscriptionId)
  const customerId = state.row.customer_id
  const settings = engineSettings(books)
  const rounding = settings.rounding
  const billed = billedKeys(books, customerId)
  // what waits for the customer's next invoice: this subscription's own (a change's proration
  // lines) and the customer's (one-off charges, late fees), not another subscription's
  const pendingBy = (day: string) =>
    pendingCandidates(books, customerId, day).filter(
      (p) => p.subscriptionId === undefined || p.subscriptionId === String(subscriptionId)
    )
  let billDate = today
  let candidates: Candidate[] = [
    ...dueCharges(books, state, billDate, billed, rounding),
    ...pendingBy(billDate)
  ]
  if (!candidates.some((c) => c.kind !== 'late_fee')) {
    const next = nextBillDay(state, today)
    if (!next) return null
    billDate = next
    candidates = [...dueCharges(books, state, billDate, billed, rounding), ...pendingBy(billDate)]
  }
  // grouped as the run groups them: one invoice per bill date and currency, late fees joining
  // the first one they can; the next invoice is the earliest
  const groups = new Map<string, Candidate[]>()
  for (const c of candidates.filter((c) => c.kind !== 'late_fee')) {
    const key = `${c.billDate}|${c.currency}`
    groups.set(key, [...(groups.get(key) ?? []), c])
  }
  for (const fee of candidates.filter((c) => c.kind === 'late_fee')) joinNextInvoice(groups, fee)
  const key = [...groups.keys()].sort()[0]
  if (key === undefined) return null
  const lines = groups.get(key)!
  const [first, currency] = key.split('|') as [string, string]
  // better-sqlite3 nests a transaction as a savepoint: inside a caller's transaction, only
  // this draft is rolled back (books.tx would join the caller's and keep it)
  try {
    books.sqlite
      .transaction(() => {
        const { id } = createDraft(books, {
          customerId,
          currency,
          billDate: first,
          lines,
          coupons: couponApplications(state).filter((c) =>
            lines.some((l) => l.subscriptionId === c.subscriptionId)
          ),
          context: { settings, customer: engineCustomer(books, customerId) }
        })
        throw new Preview({ billDate: first, invoice: { ...viewInvoice(books, id), id: 0 } })
      })
      .immediate()
  } catch (error) {
    if (error instanceof Preview) return error.result
    throw error
  }
  return null
}
