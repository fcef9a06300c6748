import type { Selectable } from 'kysely'
import type { Coupon } from '@shared/billing/inputs'
import type { Plan, Price } from '@shared/billing/plan'
import type { SubscriptionStatus, SubscriptionView } from '@shared/books/subscriptions'
import {
  addDays,
  billingPeriods,
  Dec,
  daysInclusive,
  fromMinor,
  prorate,
  rateCharge,
  timingOf,
  type ChargeLine,
  type DuePeriod,
  type ServiceTimeline
} from '../billing'
import { AppError, problem } from '../errors'
import type { SubscriptionItemTable, SubscriptionTable } from '../store/schema'
import type { Books } from '../store/sync'
import { audit } from './audit'
import {
  couponByCode,
  customerSegment,
  planVersion,
  planVersionOn,
  versionForSegment,
  type PlanVersion
} from './catalog'
import { getCustomer } from './customers'
import { refundByCreditNote } from './cancel-refund'
import { getBillingPreferences } from './settings'

export interface ItemState {
  row: Selectable<SubscriptionItemTable>
  version: PlanVersion
}

export interface SubscriptionState {
  row: Selectable<SubscriptionTable>
  items: ItemState[]
  pauses: { start: string; end: string | null }[]
  /** Each coupon with the first day it discounts. */
  coupons: { id: number; coupon: Coupon; from: string }[]
}

// Read for every subscription of every billing run: plain prepared statements.
const SUBSCRIPTION = 'SELECT * FROM subscriptions WHERE id = ?'
const ITEMS = 'SELECT * FROM subscription_items WHERE subscription_id = ? ORDER BY start_date, id'
const PAUSES =
  'SELECT start_date, end_date FROM subscription_pauses WHERE subscription_id = ? ORDER BY start_date'
const COUPONS =
  'SELECT sc.id, c.definition, sc.applies_from FROM subscription_coupons sc JOIN coupons c ON c.id = sc.coupon_id WHERE sc.subscription_id = ?'

export function loadSubscription(books: Books, id: number): SubscriptionState {
  const row = books.prepare(SUBSCRIPTION).get(id) as Selectable<SubscriptionTable> | undefined
  if (!row)
    throw problem('NOT_FOUND', 'subscription_not_found', `There is no subscription ${id}.`, { id })
  const segment = customerSegment(books, row.customer_id)
  const items = (books.prepare(ITEMS).all(id) as Selectable<SubscriptionItemTable>[]).map(
    (item) => ({
      row: item,
      version: versionForSegment(books, planVersion(books, item.plan_version_id), segment)
    })
  )
  const pauses = (books.prepare(PAUSES).all(id) as PauseRow[]).map(pauseOf)
  const coupons = (books.prepare(COUPONS).all(id) as CouponRow[]).map(couponOf)
  return { row, items, pauses, coupons }
}

type PauseRow = { subscription_id: number; start_date: string; end_date: string | null }
type CouponRow = { subscription_id: number; id: number; definition: string; applies_from: string }
const pauseOf = (p: PauseRow) => ({ start: p.start_date, end: p.end_date })
const couponOf = (c: CouponRow) => ({
  id: c.id,
  coupon: JSON.parse(c.definition) as Coupon,
  from: c.applies_from
})

// The same rows for all of a customer's subscriptions at once (a billing run reads every customer).
const OF_CUSTOMER = 'SELECT * FROM subscriptions WHERE customer_id = ? ORDER BY id'
const ITEMS_OF_CUSTOMER =
  'SELECT i.* FROM subscription_items i JOIN subscriptions s ON s.id = i.subscription_id WHERE s.customer_id = ? ORDER BY i.start_date, i.id'
const PAUSES_OF_CUSTOMER =
  'SELECT p.subscription_id, p.start_date, p.end_date FROM subscription_pauses p JOIN subscriptions s ON s.id = p.subscription_id WHERE s.customer_id = ? ORDER BY p.start_date'
const COUPONS_OF_CUSTOMER =
  'SELECT sc.subscription_id, sc.id, c.definition, sc.applies_from FROM subscription_coupons sc JOIN coupons c ON c.id = sc.coupon_id JOIN subscriptions s ON s.id = sc.subscription_id WHERE s.customer_id = ? ORDER BY sc.id'

/**
 * Every subscription of a customer, in id order. `has` says whether the customer has any pauses
 * or coupons at all (a billing run knows this for everyone from one query), so those reads are
 * skipped for the many who have none.
 */
export function loadCustomerSubscriptions(
  books: Books,
  customerId: number,
  has: { pauses: boolean; coupons: boolean } = { pauses: true, coupons: true }
): SubscriptionState[] {
  const rows = books.prepare(OF_CUSTOMER).all(customerId) as Selectable<SubscriptionTable>[]
  if (rows.length === 0) return []
  const states = new Map<number, SubscriptionState>(
    rows.map((row) => [row.id, { row, items: [], pauses: [], coupons: [] }])
  )
  const segment = customerSegment(books, customerId)
  for (const item of books
    .prepare(ITEMS_OF_CUSTOMER)
    .all(customerId) as Selectable<SubscriptionItemTable>[])
    states.get(item.subscription_id)!.items.push({
      row: item,
      version: versionForSegment(books, planVersion(books, item.plan_version_id), segment)
    })
  if (has.pauses)
    for (const p of books.prepare(PAUSES_OF_CUSTOMER).all(customerId) as PauseRow[])
      states.get(p.subscription_id)!.pauses.push(pauseOf(p))
  if (has.coupons)
    for (const c of books.prepare(COUPONS_OF_CUSTOMER).all(customerId) as CouponRow[])
      states.get(c.subscription_id)!.coupons.push(couponOf(c))
  return [...states.values()]
}

/** The first billable day: after the trial. The subscription's periods are counted from it. */
export const firstBillingDay = (row: Selectable<SubscriptionTable>): string =>
  row.trial_end ? addDays(row.trial_end, 1) : row.start_date

const planOf = (state: SubscriptionState): Plan => state.items[0]!.version.plan

/** An item's billable stretch on the subscription's schedule: its dates, the trial, the cancellation, the pauses. */
export function itemTimeline(state: SubscriptionState, item: ItemState): ServiceTimeline {
  const cancel = state.row.cancel_at
  const end =
    item.row.end_date && cancel
      ? item.row.end_date < cancel
        ? item.row.end_date
        : cancel
      : (item.row.end_date ?? cancel ?? undefined)
  return {
    start: item.row.start_date,
    trialEnd: state.row.trial_end ?? undefined,
    end,
    pauses: state.pauses.map((p) => ({ start: p.start, end: p.end ?? undefined })),
    resume: state.row.resume_mode as ServiceTimeline['resume'],
    anchor: firstBillingDay(state.row)
  }
}

/** The subscription's billing period that contains a date (null before billing starts). */
export function periodOn(state: SubscriptionState, date: string): DuePeriod | null {
  return periodOfPlan(state.row, planOf(state), date)
}

/** The billing period on a subscription's schedule (its plan's interval and alignment) that contains a date. */
export function periodOfPlan(
  row: Selectable<SubscriptionTable>,
  plan: Plan,
  date: string
): DuePeriod | null {
  const start = firstBillingDay(row)
  if (date < start) return null
  for (const p of billingPeriods(start, plan.interval, plan.alignment)) {
    if (p.end >= date) {
      return {
        ...p,
        activeDays: daysInclusive(p.start, p.end),
        fullDays: daysInclusive(p.fullStart, p.fullEnd),
        scheduleStart: p.start
      }
    }
  }
  return null
}

/** The one key of a charge: an item, a period on the schedule, a price, a timing. Billing it twice is impossible. */
export const chargeKey = (
  itemId: number,
  scheduleStart: string,
  priceId: string,
  timing: 'advance' | 'arrears'
) => `i${itemId}:${scheduleStart}:${priceId}:${timing}`

/** What was billed under a key (on an invoice or waiting for one): amount after discount, and its period. */
export function billedCharge(
  books: Books,
  key: string
): { paid: number; start: string; end: string } | null {
  const line = books.first(
    books.q
      .selectFrom('invoice_lines')
      .select(['amount', 'discount', 'period_start', 'period_end'])
      .where('charge_key', '=', key)
  )
  if (line?.period_start && line.period_end)
    return { paid: line.amount - line.discount, start: line.period_start, end: line.period_end }
  const pending = books.first(
    books.q.selectFrom('pending_charges').select('line').where('charge_key', '=', key)
  )
  if (!pending) return null
  const l = JSON.parse(pending.line) as ChargeLine
  return { paid: l.amount, start: l.period.start, end: l.period.end }
}

/** A charge or credit waiting for the customer's next invoice (dated `billDate`). */
function addPending(
  books: Books,
  state: SubscriptionState,
  billDate: string,
  key: string,
  line: ChargeLine
): void {
  books.run(
    books.q.insertInto('pending_charges').values({
      customer_id: state.row.customer_id,
      subscription_id: state.row.id,
      bill_date: billDate,
      line: JSON.stringify(line),
      charge_key: key,
      created_at: books.stamp()
    })
  )
}

const lineBase = (
  state: SubscriptionState,
  item: ItemState,
  price: Price,
  from: string,
  to: string,
  quantity: string
) => ({
  description: price.description,
  period: { start: from, end: to },
  quantity,
  currency: item.version.plan.currency,
  subscriptionId: String(state.row.id),
  planId: item.version.plan.id,
  planName: item.version.plan.name,
  priceId: price.id,
  model: price.model,
  breakdown: [],
  taxRateId: price.tax_rate ?? item.version.plan.tax_rate,
  taxInclusive: item.version.plan.tax_inclusive
})

/** Seat prices billed in advance: the ones a change in the middle of a paid period must settle. */
const advanceSeatPrices = (plan: Plan) =>
  plan.prices.filter((p) => !p.metric && timingOf(p) === 'advance')

/**
 * Settles days [first, last] of what was billed under a key, pro rata of the days it covered
 * (its amount after discount): given back as a credit, or charged again. Left for the next
 * invoice, dated `first`; nothing when the share rounds to zero.
 */
function settleBilledDays(
  books: Books,
  state: SubscriptionState,
  item: ItemState,
  price: Price,
  charge: { paid: number; start: string; end: string },
  first: string,
  last: string,
  kind: 'proration_credit' | 'proration_charge',
  key: string
): void {
  const currency = item.version.plan.currency
  const days = daysInclusive(first, last)
  const ofDays = daysInclusive(charge.start, charge.end)
  const full = fromMinor(charge.paid, currency)
  const rounding = getBillingPreferences(books).rounding
  const { amount, computation } = prorate(full, days, ofDays, currency, rounding)
  if (amount === 0) return
  addPending(books, state, first, key, {
    ...lineBase(state, item, price, first, last, item.row.quantity),
    kind,
    amount: kind === 'proration_credit' ? -amount : amount,
    proration: { days, ofDays, fullAmount: full.toFixed(), computation },
    discountable: false
  })
}

/**
 * Gives back the unused part [from, period end] of what an item was billed in advance for a
 * period (its amount after discount, day by day). Returns whether anything had been billed.
 */
function creditUnused(
  books: Books,
  state: SubscriptionState,
  item: ItemState,
  period: DuePeriod,
  from: string,
  keySuffix: string
): boolean {
  let billed = false
  for (const price of advanceSeatPrices(item.version.plan)) {
    const charge = billedCharge(
      books,
      chargeKey(item.row.id, period.scheduleStart, price.id, 'advance')
    )
    if (!charge) continue
    billed = true
    if (from > charge.end) continue
    settleBilledDays(
      books,
      state,
      item,
      price,
      charge,
      from,
      charge.end,
      'proration_credit',
      `credit:${chargeKey(item.row.id, period.scheduleStart, price.id, 'advance')}:${keySuffix}`
    )
  }
  return billed
}

/** Charges an item's seat prices for [from, period end] at once, under the keys the billing run would use. */
function chargeRemaining(
  books: Books,
  state: SubscriptionState,
  item: ItemState,
  period: DuePeriod,
  from: string
): void {
  const rounding = getBillingPreferences(books).rounding
  for (const price of advanceSeatPrices(item.version.plan)) {
    const key = chargeKey(item.row.id, period.scheduleStart, price.id, 'advance')
    if (billedCharge(books, key)) continue
    const full = rateCharge(price, { quantity: new Dec(item.row.quantity) })
    const days = daysInclusive(from, period.end)
    const { amount, computation } = prorate(
      full.amount,
      days,
      period.fullDays,
      item.version.plan.currency,
      rounding
    )
    addPending(books, state, from, key, {
      ...lineBase(state, item, price, from, period.end, item.row.quantity),
      kind: 'proration_charge',
      amount,
      breakdown: full.breakdown,
      proration: { days, ofDays: period.fullDays, fullAmount: full.amount.toFixed(), computation },
      discountable: true
    })
  }
}

export function subscriptionStatus(state: SubscriptionState, today: string): SubscriptionStatus {
  const { row } = state
  if (row.cancel_at && row.cancel_at < today) return 'ended'
  if (state.pauses.some((p) => p.start <= today && (!p.end || p.end >= today))) return 'paused'
  if (row.cancel_at) return 'cancelling'
  if (row.trial_end && today <= row.trial_end) return 'trialing'
  return 'active'
}

/**
 * Why a cancellation cannot be taken back (the error to report, made only when it is thrown:
 * every subscription view asks), or null when it can: only one at the end of a period that has
 * not ended yet (one that ended service at once already credited the rest).
 */
function cancellationFixed(state: SubscriptionState, today: string): (() => AppError) | null {
  const cancelAt = state.row.cancel_at
  if (!cancelAt)
    return () =>
      problem('CONFLICT', 'subscription_not_cancelling', 'The subscription is not being cancelled.')
  if (cancelAt < today)
    return () =>
      problem(
        'CONFLICT',
        'subscription_ended_reactivate',
        `The subscription ended on ${cancelAt}; reactivate it instead.`,
        { date: cancelAt }
      )
  const period = periodOn(state, cancelAt)
  if (!period || period.end !== cancelAt)
    return () =>
      problem(
        'CONFLICT',
        'cancellation_immediate',
        'Only a cancellation at the end of a period can be undone; this one ended service at once.'
      )
  return null
}

export function viewSubscription(books: Books, id: number): SubscriptionView {
  const state = loadSubscription(books, id)
  const today = books.today()
  const period = periodOn(state, today)
  return {
    id: state.row.id,
    customerId: state.row.customer_id,
    status: subscriptionStatus(state, today),
    startDate: state.row.start_date,
    trialEnd: state.row.trial_end,
    cancelAt: state.row.cancel_at,
    canUndoCancel: cancellationFixed(state, today) === null,
    cancelReason: state.row.cancel_reason,
    currency: planOf(state).currency,
    items: state.items.map((i) => ({
      id: i.row.id,
      role: i.row.role,
      planCode: i.version.plan.id,
      planName: i.version.plan.name,
      planVersion: i.version.version,
      quantity: i.row.quantity,
      startDate: i.row.start_date,
      endDate: i.row.end_date
    })),
    pauses: state.pauses,
    coupons: state.coupons.map((c) => c.coupon.id),
    currentPeriod: period ? { start: period.start, end: period.end } : null
  }
}

function attachCoupon(
  books: Books,
  subscriptionId: number,
  code: string,
  currency: string,
  from: string
): void {
  const { id, coupon } = couponByCode(books, code)
  if (coupon.type === 'fixed' && coupon.currency !== currency) {
    throw new AppError(
      'VALIDATION',
      `Coupon ${code} is in ${coupon.currency}; the plan is in ${currency}.`,
      {
        couponCode: {
          code: 'currency_mismatch',
          message: `Coupon ${code} is in ${coupon.currency}, the plan in ${currency}`
        }
      }
    )
  }
  books.run(
    books.q.insertInto('subscription_coupons').values({
      subscription_id: subscriptionId,
      coupon_id: id,
      applies_from: from,
      created_at: books.stamp()
    })
  )
}

export function createSubscription(
  books: Books,
  input: {
    customerId: number
    planCode: string
    startDate: string
    quantity: string
    trialDays?: number
    couponCode?: string
  },
  previousId?: number
): SubscriptionView {
  return books.tx(() => {
    const customer = getCustomer(books, input.customerId)
    if (customer.archived)
      throw problem(
        'CONFLICT',
        'customer_archived',
        `${customer.name} is archived; unarchive the customer first.`,
        { customer: customer.name }
      )
    const version = planVersionOn(books, input.planCode, input.startDate)
    const trialDays = input.trialDays ?? version.plan.trial_days
    const stamp = books.stamp()
    const id = books.insert(
      books.q.insertInto('subscriptions').values({
        customer_id: customer.id,
        start_date: input.startDate,
        trial_end: trialDays > 0 ? addDays(input.startDate, trialDays - 1) : null,
        resume_mode: getBillingPreferences(books).resumeMode,
        previous_subscription_id: previousId ?? null,
        created_at: stamp,
        updated_at: stamp
      })
    )
    books.run(
      books.q.insertInto('subscription_items').values({
        subscription_id: id,
        plan_version_id: version.id,
        quantity: input.quantity,
        start_date: input.startDate,
        origin: 'start',
        created_at: stamp
      })
    )
    // a coupon given with the subscription discounts from its first billing day, even backdated
    if (input.couponCode)
      attachCoupon(books, id, input.couponCode, version.plan.currency, input.startDate)
    audit(books, 'subscription', id, 'create', {
      plan: [null, input.planCode],
      quantity: [null, input.quantity],
      startDate: [null, input.startDate]
    })
    return viewSubscription(books, id)
  })
}

const runsOn = (item: ItemState, date: string) =>
  item.row.start_date <= date && (!item.row.end_date || item.row.end_date >= date)

/** The plan item running on a date (add-ons aside). */
function itemOn(state: SubscriptionState, date: string): ItemState {
  const item = [...state.items].reverse().find((i) => i.row.role === 'plan' && runsOn(i, date))
  if (!item)
    throw problem(
      'CONFLICT',
      'subscription_nothing_running',
      `Subscription ${state.row.id} has nothing running on ${date}.`,
      { id: state.row.id, date }
    )
  return item
}

/** Plans that can share a subscription: the same currency, interval and alignment. */
function checkSameSchedule(a: Plan, b: Plan, otherwise: string): void {
  if (
    a.currency !== b.currency ||
    a.interval.unit !== b.interval.unit ||
    a.interval.count !== b.interval.count ||
    a.alignment !== b.alignment
  ) {
    throw new AppError(
      'VALIDATION',
      `${b.name} is billed differently (currency or interval) from ${a.name}; ${otherwise}.`,
      {
        planCode: {
          code: 'invalid',
          message: 'A plan with the same currency and billing interval is needed'
        }
      }
    )
  }
}

function checkRunning(state: SubscriptionState, date: string): void {
  if (date < state.row.start_date)
    throw new AppError(
      'VALIDATION',
      `The subscription starts on ${state.row.start_date}; ${date} is before it.`,
      { date: { code: 'invalid', message: `must be on or after ${state.row.start_date}` } }
    )
  if (state.row.cancel_at && date > state.row.cancel_at)
    throw problem(
      'CONFLICT',
      'subscription_ends',
      `The subscription ends on ${state.row.cancel_at}.`,
      { date: state.row.cancel_at }
    )
}

/** The result of a lifecycle change: the subscription after it, and the lines it left for the next invoice. */
export interface ChangeOutcome {
  subscription: SubscriptionView
  effectiveDate: string
  lines: ChargeLine[]
  /** Sum of the lines, before tax, in minor units. */
  net: number
  /** Credit notes issued at once for the lines (Settings › Billing: cancelling now refunds by credit note). */
  creditNotes?: { id: number; number: string | null; total: number }[]
}

function pendingSince(books: Books, subscriptionId: number, sinceId: number): ChargeLine[] {
  return books
    .all(
      books.q
        .selectFrom('pending_charges')
        .select('line')
        .where('subscription_id', '=', subscriptionId)
        .where('id', '>', sinceId)
        .orderBy('id')
    )
    .map((r) => JSON.parse(r.line) as ChargeLine)
}

const lastPendingId = (books: Books) =>
  Number(
    books.first(books.q.selectFrom('pending_charges').select((eb) => eb.fn.max('id').as('m')))?.m ??
      0
  )

class Preview extends Error {
  constructor(readonly outcome: ChangeOutcome) {
    super('preview')
  }
}

/** Runs a change for real, or in a transaction that is rolled back so nothing is kept (a preview). */
export function withPreview(
  books: Books,
  confirm: boolean,
  change: () => Omit<ChangeOutcome, 'lines' | 'net'> & { subscriptionId: number },
  /** Once confirmed: what else the change does with the lines it left (a credit note at once). */
  settle?: (pendingAfter: number) => Pick<ChangeOutcome, 'creditNotes'>
): ChangeOutcome {
  try {
    return books.tx(() => {
      const before = lastPendingId(books)
      const result = change()
      const lines = pendingSince(books, result.subscriptionId, before)
      const outcome: ChangeOutcome = {
        subscription: result.subscription,
        effectiveDate: result.effectiveDate,
        lines,
        net: lines.reduce((a, l) => a + l.amount, 0)
      }
      if (!confirm) throw new Preview(outcome)
      if (settle) return { ...outcome, ...settle(before) }
      return outcome
    })
  } catch (error) {
    if (error instanceof Preview) return error.outcome
    throw error
  }
}

/**
 * Changes plan or quantity. "now": the old terms end the day before `date`; what was paid in
 * advance for the rest of the period is credited and the rest of the period is charged on the
 * new terms (only if the period had been billed; otherwise the billing run bills both parts).
 * "period_end": the new terms start with the next period, nothing is prorated.
 */
export function changeSubscription(
  books: Books,
  input: {
    subscriptionId: number
    planCode?: string
    quantity?: string
    when: 'now' | 'period_end'
    date?: string
  },
  confirm: boolean
): ChangeOutcome {
  return withPreview(books, confirm, () => {
    const state = loadSubscription(books, input.subscriptionId)
    const date = input.date ?? books.today()
    checkRunning(state, date)
    const current = itemOn(state, date)
    const period = periodOn(state, date)
    const effective = input.when === 'now' || !period ? date : addDays(period.end, 1)
    const version = input.planCode
      ? versionForSegment(
          books,
          planVersionOn(books, input.planCode, effective),
          customerSegment(books, state.row.customer_id)
        )
      : current.version
    const quantity = input.quantity ?? current.row.quantity
    if (version.id === current.version.id && quantity === current.row.quantity) {
      throw new AppError(
        'VALIDATION',
        'The plan and quantity are what the subscription has already.',
        { planCode: { code: 'invalid', message: 'Choose another plan or quantity' } }
      )
    }
    const [a, b] = [current.version.plan, version.plan]
    checkSameSchedule(a, b, 'end this subscription and start a new one')
    // a change scheduled for later is replaced by this one
    books.run(
      books.q
        .deleteFrom('subscription_items')
        .where('subscription_id', '=', state.row.id)
        .where('start_date', '>', date)
        .where('origin', '=', 'scheduled')
        .where('role', '=', 'plan')
    )
    books.run(
      books.q
        .updateTable('subscription_items')
        .set({ end_date: addDays(effective, -1) })
        .where('id', '=', current.row.id)
    )
    const itemId = books.insert(
      books.q.insertInto('subscription_items').values({
        subscription_id: state.row.id,
        plan_version_id: version.id,
        quantity,
        start_date: effective,
        origin: input.when === 'now' ? 'change' : 'scheduled',
        created_at: books.stamp()
      })
    )
    if (input.when === 'now' && period && effective >= period.start) {
      const paid = creditUnused(books, state, current, period, effective, `change:${itemId}`)
      const fresh = loadSubscription(books, state.row.id)
      if (paid)
        chargeRemaining(
          books,
          fresh,
          fresh.items.find((i) => i.row.id === itemId)!,
          period,
          effective
        )
    }
    audit(
      books,
      'subscription',
      state.row.id,
      input.when === 'now' ? 'change' : 'schedule_change',
      {
        plan: [a.id, b.id],
        quantity: [current.row.quantity, quantity],
        effectiveDate: [null, effective]
      }
    )
    return {
      subscriptionId: state.row.id,
      subscription: viewSubscription(books, state.row.id),
      effectiveDate: effective
    }
  })
}

/**
 * Cancels. "now": service ends on `date`; unused days already paid for are credited (a credit
 * line on the next invoice). "period_end": service runs to the end of the period (the
 * customer's reflection period) and nothing more is billed; undo is possible until then.
 */
export function cancelSubscription(
  books: Books,
  input: {
    subscriptionId: number
    when: 'now' | 'period_end'
    date?: string
    reason: string
    retention?: {
      offered: string[]
      accepted: string | null
      couponCode?: string
      planCode?: string
    }
  },
  confirm: boolean
): ChangeOutcome {
  return withPreview(
    books,
    confirm,
    () => {
      const state = loadSubscription(books, input.subscriptionId)
      const date = input.date ?? books.today()
      checkRunning(state, date)
      if (input.retention?.accepted) {
        throw new AppError(
          'VALIDATION',
          'The customer accepted a retention offer: apply it instead of cancelling.',
          {
            retention: {
              code: 'invalid',
              message: 'An accepted offer is applied with acceptRetentionOffer, not cancel'
            }
          }
        )
      }
      const period = periodOn(state, date)
      const lastDay = input.when === 'now' || !period ? date : period.end
      books.run(
        books.q
          .updateTable('subscriptions')
          .set({
            cancel_at: lastDay,
            cancel_requested_at: books.stamp(),
            cancel_reason: input.reason,
            retention_offer: input.retention ? JSON.stringify(input.retention) : null,
            updated_at: books.stamp()
          })
          .where('id', '=', state.row.id)
      )
      if (input.when === 'now' && period && lastDay < period.end) {
        for (const item of state.items) {
          if (
            item.row.start_date <= lastDay &&
            (!item.row.end_date || item.row.end_date > lastDay)
          ) {
            creditUnused(books, state, item, period, addDays(lastDay, 1), 'cancel')
          }
        }
      }
      audit(
        books,
        'subscription',
        state.row.id,
        input.when === 'now' ? 'cancel_now' : 'cancel_at_period_end',
        {
          cancelAt: [state.row.cancel_at, lastDay],
          reason: [null, input.reason],
          retention: [null, input.retention ?? null]
        }
      )
      return {
        subscriptionId: state.row.id,
        subscription: viewSubscription(books, state.row.id),
        effectiveDate: lastDay
      }
    },
    input.when === 'now' && getBillingPreferences(books).cancelNowRefund === 'credit_note'
      ? (before) => ({
          creditNotes: refundByCreditNote(
            books,
            input.subscriptionId,
            before,
            `Cancelled: ${input.reason}`
          )
        })
      : undefined
  )
}

/** Takes back a cancellation at period end, while the period has not ended. */
export function undoCancellation(books: Books, subscriptionId: number): SubscriptionView {
  return books.tx(() => {
    const state = loadSubscription(books, subscriptionId)
    const fixed = cancellationFixed(state, books.today())
    if (fixed) throw fixed()
    books.run(
      books.q
        .updateTable('subscriptions')
        .set({
          cancel_at: null,
          cancel_requested_at: null,
          cancel_reason: null,
          updated_at: books.stamp()
        })
        .where('id', '=', subscriptionId)
    )
    audit(books, 'subscription', subscriptionId, 'undo_cancel', {
      cancelAt: [state.row.cancel_at, null]
    })
    return viewSubscription(books, subscriptionId)
  })
}

/** Keeps the customer: applies the accepted offer (a coupon, or a cheaper plan from the next period) and records it. */
export function acceptRetentionOffer(
  books: Books,
  input: {
    subscriptionId: number
    offer: 'discount' | 'cheaper_plan'
    couponCode?: string
    planCode?: string
    reason: string
  }
): SubscriptionView {
  return books.tx(() => {
    const state = loadSubscription(books, input.subscriptionId)
    if (input.offer === 'discount') {
      if (!input.couponCode)
        throw new AppError('VALIDATION', 'A discount offer needs its coupon.', {
          couponCode: { code: 'required', message: 'Choose the coupon offered' }
        })
      attachCoupon(books, state.row.id, input.couponCode, planOf(state).currency, books.today())
    } else {
      if (!input.planCode)
        throw new AppError('VALIDATION', 'A cheaper-plan offer needs the plan.', {
          planCode: { code: 'required', message: 'Choose the plan offered' }
        })
      changeSubscription(
        books,
        { subscriptionId: state.row.id, planCode: input.planCode, when: 'period_end' },
        true
      )
    }
    const retention = {
      offered: [input.offer],
      accepted: input.offer,
      couponCode: input.couponCode,
      planCode: input.planCode,
      reason: input.reason
    }
    books.run(
      books.q
        .updateTable('subscriptions')
        .set({ retention_offer: JSON.stringify(retention), updated_at: books.stamp() })
        .where('id', '=', state.row.id)
    )
    audit(books, 'subscription', state.row.id, 'retention_accepted', {
      retention: [null, retention]
    })
    return viewSubscription(books, state.row.id)
  })
}

/**
 * Pauses from a date (until a date, or until resumed). No recurring charges while paused; days
 * of a period already paid for are credited. Usage is still recorded.
 */
export function pauseSubscription(
  books: Books,
  input: { subscriptionId: number; from: string; until?: string },
  confirm: boolean
): ChangeOutcome {
  return withPreview(books, confirm, () => {
    const state = loadSubscription(books, input.subscriptionId)
    checkRunning(state, input.from)
    if (input.until && input.until < input.from)
      throw new AppError('VALIDATION', 'A pause ends on or after its start.', {
        until: { code: 'invalid', message: `must be on or after ${input.from}` }
      })
    if (
      state.pauses.some(
        (p) => !p.end || (p.end >= input.from && (!input.until || p.start <= input.until))
      )
    ) {
      throw problem(
        'CONFLICT',
        'subscription_already_paused',
        'The subscription is already paused then.'
      )
    }
    books.run(
      books.q.insertInto('subscription_pauses').values({
        subscription_id: state.row.id,
        start_date: input.from,
        end_date: input.until ?? null
      })
    )
    const period = periodOn(state, input.from)
    if (period) {
      const lastPaused = input.until && input.until < period.end ? input.until : period.end
      for (const item of state.items.filter((i) => runsOn(i, input.from)))
        creditPausedDays(books, state, item, period, input.from, lastPaused)
    }
    audit(books, 'subscription', state.row.id, 'pause', {
      pause: [null, { from: input.from, until: input.until ?? null }]
    })
    return {
      subscriptionId: state.row.id,
      subscription: viewSubscription(books, state.row.id),
      effectiveDate: input.from
    }
  })
}

function creditPausedDays(
  books: Books,
  state: SubscriptionState,
  item: ItemState,
  period: DuePeriod,
  first: string,
  last: string
): void {
  for (const price of advanceSeatPrices(item.version.plan)) {
    const key = chargeKey(item.row.id, period.scheduleStart, price.id, 'advance')
    const charge = billedCharge(books, key)
    if (charge)
      settleBilledDays(
        books,
        state,
        item,
        price,
        charge,
        first,
        last,
        'proration_credit',
        `pause:${key}:${first}`
      )
  }
}

/** Ends an open pause: service resumes on `on`. Days of a paid period credited for the pause and now used again are charged. */
export function resumeSubscription(
  books: Books,
  input: { subscriptionId: number; on: string },
  confirm: boolean
): ChangeOutcome {
  return withPreview(books, confirm, () => {
    const state = loadSubscription(books, input.subscriptionId)
    const open = state.pauses.find((p) => !p.end || p.end >= input.on)
    if (!open || open.start >= input.on)
      throw problem(
        'CONFLICT',
        'subscription_not_paused',
        `The subscription is not paused on the day before ${input.on}.`,
        { date: input.on }
      )
    const lastPaused = addDays(input.on, -1)
    books.run(
      books.q
        .updateTable('subscription_pauses')
        .set({ end_date: lastPaused })
        .where('subscription_id', '=', state.row.id)
        .where('start_date', '=', open.start)
    )
    const period = periodOn(state, open.start)
    if (period && state.row.resume_mode === 'continue' && input.on <= period.end) {
      // the paused days from `on` were credited; they are used after all
      const last = open.end && open.end < period.end ? open.end : period.end
      for (const item of state.items.filter((i) => runsOn(i, open.start)))
        for (const price of advanceSeatPrices(item.version.plan)) {
          const key = chargeKey(item.row.id, period.scheduleStart, price.id, 'advance')
          const charge = billedCharge(books, key)
          if (!charge || !billedCharge(books, `pause:${key}:${open.start}`)) continue
          settleBilledDays(
            books,
            state,
            item,
            price,
            charge,
            input.on,
            last,
            'proration_charge',
            `resume:${key}:${input.on}`
          )
        }
    }
    audit(books, 'subscription', state.row.id, 'resume', { resumeOn: [null, input.on] })
    return {
      subscriptionId: state.row.id,
      subscription: viewSubscription(books, state.row.id),
      effectiveDate: input.on
    }
  })
}

/** Starts the same plan again for a customer whose subscription has ended: a new subscription, linked to the old one. */
export function reactivateSubscription(
  books: Books,
  input: { subscriptionId: number; on: string }
): SubscriptionView {
  return books.tx(() => {
    const state = loadSubscription(books, input.subscriptionId)
    if (!state.row.cancel_at || state.row.cancel_at >= input.on) {
      throw problem(
        'CONFLICT',
        'subscription_not_ended',
        'Only a subscription that has ended can be reactivated; undo the cancellation instead.'
      )
    }
    const last = state.items.filter((i) => i.row.role === 'plan').at(-1)!
    const view = createSubscription(
      books,
      {
        customerId: state.row.customer_id,
        planCode: last.version.plan.id,
        startDate: input.on,
        quantity: last.row.quantity,
        trialDays: 0
      },
      state.row.id
    )
    audit(books, 'subscription', state.row.id, 'reactivate', { reactivatedAs: [null, view.id] })
    return view
  })
}

/**
 * Adds an add-on from a date: another plan billed beside the subscription's own, on its
 * schedule. The days left of a period already under way are charged at once (prorated), on the
 * keys the billing run uses, so the preview shows them and nothing is billed twice.
 */
export function addAddOn(
  books: Books,
  input: { subscriptionId: number; planCode: string; quantity: string; date?: string },
  confirm: boolean
): ChangeOutcome {
  return withPreview(books, confirm, () => {
    const state = loadSubscription(books, input.subscriptionId)
    const date = input.date ?? books.today()
    checkRunning(state, date)
    const plan = itemOn(state, date)
    const version = versionForSegment(
      books,
      planVersionOn(books, input.planCode, date),
      customerSegment(books, state.row.customer_id)
    )
    checkSameSchedule(plan.version.plan, version.plan, 'sell it as a subscription of its own')
    if (version.plan.id === plan.version.plan.id)
      throw new AppError(
        'VALIDATION',
        `${version.plan.name} is the subscription's plan; change its quantity instead.`,
        { planCode: { code: 'invalid', message: 'Choose a plan other than the subscription’s' } }
      )
    if (
      state.items.some(
        (i) =>
          i.row.role === 'addon' &&
          i.version.plan.id === version.plan.id &&
          (!i.row.end_date || i.row.end_date >= date)
      )
    )
      throw new AppError(
        'CONFLICT',
        `${version.plan.name} is already an add-on of this subscription; change or remove it.`,
        { planCode: { code: 'duplicate', message: 'Already an add-on' } }
      )
    const itemId = books.insert(
      books.q.insertInto('subscription_items').values({
        subscription_id: state.row.id,
        plan_version_id: version.id,
        quantity: input.quantity,
        start_date: date,
        origin: 'start',
        role: 'addon',
        created_at: books.stamp()
      })
    )
    const period = periodOn(state, date)
    if (period && date > period.start) {
      const fresh = loadSubscription(books, state.row.id)
      chargeRemaining(
        books,
        fresh,
        fresh.items.find((i) => i.row.id === itemId)!,
        period,
        date
      )
    }
    audit(books, 'subscription', state.row.id, 'add_addon', {
      addOn: [null, { plan: version.plan.id, quantity: input.quantity, from: date }]
    })
    return {
      subscriptionId: state.row.id,
      subscription: viewSubscription(books, state.row.id),
      effectiveDate: date
    }
  })
}

/** Ends an add-on: now (unused days already paid for are credited) or at the end of the period. */
export function removeAddOn(
  books: Books,
  input: { subscriptionId: number; itemId: number; when: 'now' | 'period_end'; date?: string },
  confirm: boolean
): ChangeOutcome {
  return withPreview(books, confirm, () => {
    const state = loadSubscription(books, input.subscriptionId)
    const item = state.items.find((i) => i.row.id === input.itemId && i.row.role === 'addon')
    if (!item)
      throw problem(
        'NOT_FOUND',
        'addon_not_found',
        `Subscription ${state.row.id} has no add-on ${input.itemId}.`,
        { subscription: state.row.id, addon: input.itemId }
      )
    const date = input.date ?? books.today()
    checkRunning(state, date)
    if (item.row.end_date && item.row.end_date < date)
      throw problem('CONFLICT', 'addon_ended', `The add-on ended on ${item.row.end_date}.`, {
        date: item.row.end_date
      })
    const period = periodOn(state, date)
    const lastDay = input.when === 'now' || !period ? date : period.end
    if (lastDay < item.row.start_date)
      // not started yet: it goes away without a trace on any invoice
      books.run(books.q.deleteFrom('subscription_items').where('id', '=', item.row.id))
    else
      books.run(
        books.q
          .updateTable('subscription_items')
          .set({ end_date: lastDay })
          .where('id', '=', item.row.id)
      )
    if (input.when === 'now' && period && lastDay < period.end && lastDay >= item.row.start_date)
      creditUnused(books, state, item, period, addDays(lastDay, 1), `remove:${item.row.id}`)
    audit(books, 'subscription', state.row.id, 'remove_addon', {
      addOn: [
        { plan: item.version.plan.id, until: item.row.end_date },
        { plan: item.version.plan.id, until: lastDay }
      ]
    })
    return {
      subscriptionId: state.row.id,
      subscription: viewSubscription(books, state.row.id),
      effectiveDate: lastDay
    }
  })
}
