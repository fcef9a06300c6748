import { daysInclusive, addDays, type CalendarDate } from './dates'
import { Dec, money, toMinor, type RoundingMode } from './decimal'
import { BillingError } from './errors'
import type { ChargeLine } from './lines'

/** Day-based proration of one amount: round(amount × days / ofDays), with its computation. */
export function prorate(
  fullAmount: Dec,
  days: number,
  ofDays: number,
  currency: string,
  rounding: RoundingMode
): { amount: number; computation: string } {
  if (
    !Number.isInteger(days) ||
    !Number.isInteger(ofDays) ||
    days < 0 ||
    ofDays <= 0 ||
    days > ofDays
  ) {
    throw new BillingError('INVALID_INPUT', `cannot prorate ${days} of ${ofDays} days`)
  }
  return {
    amount: toMinor(fullAmount.times(days).div(ofDays), currency, rounding),
    computation: `${days}/${ofDays} days × ${money(fullAmount, currency)}`
  }
}

/** What a subscription item costs for a whole period, and how its lines are labelled and taxed. */
export interface ProratedItem {
  description: string
  /** For the whole period, in major units (for a credit: what was actually paid for it). */
  amount: Dec
  quantity?: string
  subscriptionId?: string
  planId?: string
  planName?: string
  priceId?: string
  taxRateId: string
  taxInclusive: boolean
}

export interface ProrationContext {
  /** The whole period the change falls in (inclusive). */
  period: { start: CalendarDate; end: CalendarDate }
  currency: string
  rounding: RoundingMode
}

function line(
  kind: 'proration_credit' | 'proration_charge',
  item: ProratedItem,
  from: CalendarDate,
  to: CalendarDate,
  ctx: ProrationContext
): ChargeLine {
  const days = daysInclusive(from, to)
  const ofDays = daysInclusive(ctx.period.start, ctx.period.end)
  const { amount, computation } = prorate(item.amount, days, ofDays, ctx.currency, ctx.rounding)
  return {
    kind,
    description: item.description,
    period: { start: from, end: to },
    quantity: item.quantity ?? '1',
    amount: kind === 'proration_credit' ? -amount : amount,
    currency: ctx.currency,
    subscriptionId: item.subscriptionId,
    planId: item.planId,
    planName: item.planName,
    priceId: item.priceId,
    breakdown: [],
    proration: { days, ofDays, fullAmount: money(item.amount, ctx.currency), computation },
    taxRateId: item.taxRateId,
    taxInclusive: item.taxInclusive,
    // A credit gives back what was paid, discount included: discounting it again would count twice.
    discountable: kind === 'proration_charge'
  }
}

function checkInPeriod(date: CalendarDate, ctx: ProrationContext): void {
  if (date < ctx.period.start || date > ctx.period.end) {
    throw new BillingError(
      'INVALID_INPUT',
      `${date} is outside the period ${ctx.period.start} – ${ctx.period.end}`
    )
  }
}

/**
 * A change that takes effect at once (upgrade, more seats, fewer seats now): a credit for the
 * unused part of the old terms and a charge for the rest of the period on the new ones.
 * `changeDate` is the first day on the new terms. Stripe's example: 10.00 → 20.00 halfway
 * through a 30-day month = −5.00 + 10.00.
 */
export function changeNow(
  ctx: ProrationContext,
  changeDate: CalendarDate,
  from: ProratedItem,
  to: ProratedItem
): ChargeLine[] {
  checkInPeriod(changeDate, ctx)
  return [
    line('proration_credit', from, changeDate, ctx.period.end, ctx),
    line('proration_charge', to, changeDate, ctx.period.end, ctx)
  ]
}

/**
 * Service ends now; `lastDay` is the last day of service. Billed in advance: the unused days are
 * credited. Billed in arrears: the days used are charged.
 */
export function cancelNow(
  ctx: ProrationContext,
  lastDay: CalendarDate,
  item: ProratedItem,
  billedInAdvance: boolean
): ChargeLine[] {
  checkInPeriod(lastDay, ctx)
  if (billedInAdvance) {
    return lastDay === ctx.period.end
      ? []
      : [line('proration_credit', item, addDays(lastDay, 1), ctx.period.end, ctx)]
  }
  return [line('proration_charge', item, ctx.period.start, lastDay, ctx)]
}

/** A pause within a period already paid in advance: the paused days are credited. */
export function pauseCredit(
  ctx: ProrationContext,
  first: CalendarDate,
  last: CalendarDate,
  item: ProratedItem
): ChargeLine[] {
  checkInPeriod(first, ctx)
  checkInPeriod(last, ctx)
  return [line('proration_credit', item, first, last, ctx)]
}
