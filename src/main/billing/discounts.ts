import type { Coupon } from '@shared/billing/inputs'
import { allocate } from './allocate'
import { dec, HUNDRED, roundMinor, toMinor, type RoundingMode } from './decimal'
import { BillingError } from './errors'
import type { ChargeLine } from './lines'

/** A coupon on a subscription or invoice, with how many more periods it applies to (null: forever). */
export interface CouponApplication {
  coupon: Coupon
  remainingPeriods: number | null
  /** Only the lines of this subscription (a coupon attached to one subscription). */
  subscriptionId?: string
  /** Only lines whose period starts in this window (the periods a coupon still covers); replaces remainingPeriods. */
  window?: { start: string; end: string }
}

export interface AppliedDiscount {
  couponId: string
  name: string
  type: 'percent' | 'fixed'
  percent?: string
  /** In minor units, positive: what the coupon took off. */
  amount: number
  /** How the amount is spread over the lines it applies to (line index → minor units). */
  allocation: { line: number; amount: number }[]
}

/** Periods a coupon covers from now: once = 1, repeating = its remaining count, forever = all. */
export function periodsCovered(application: CouponApplication): number {
  if (application.coupon.duration === 'forever') return Infinity
  return (
    application.remainingPeriods ??
    (application.coupon.duration === 'once' ? 1 : (application.coupon.periods ?? 1))
  )
}

function applies(application: CouponApplication, line: ChargeLine, covered: number): boolean {
  const { coupon, window, subscriptionId } = application
  if (!line.discountable || line.amount <= 0) return false
  if (subscriptionId !== undefined && line.subscriptionId !== subscriptionId) return false
  if (
    window
      ? line.period.start < window.start || line.period.start > window.end
      : (line.periodIndex ?? 0) >= covered
  )
    return false
  const target = coupon.applies_to
  if (!target) return true
  return Boolean(
    (line.planId && target.plans?.includes(line.planId)) ||
    (line.priceId && target.prices?.includes(line.priceId))
  )
}

/**
 * Applies coupons in order, each on what the earlier ones left: a percentage of the lines it
 * applies to (rounded once), or a fixed amount per invoice capped at those lines. Never below
 * zero; always before tax. Returns each discount and the discount per line.
 */
export function applyCoupons(
  lines: readonly ChargeLine[],
  coupons: readonly CouponApplication[],
  currency: string,
  rounding: RoundingMode
): { discounts: AppliedDiscount[]; perLine: number[] } {
  const perLine = lines.map(() => 0)
  const discounts: AppliedDiscount[] = []
  for (const application of coupons) {
    const { coupon } = application
    const covered = periodsCovered(application)
    if (covered <= 0) continue
    const targets = lines.flatMap((line, i) => (applies(application, line, covered) ? [i] : []))
    const remaining = targets.map((i) => lines[i]!.amount - perLine[i]!)
    const base = remaining.reduce((a, r) => a + r, 0)
    if (base <= 0) continue
    let amount: number
    if (coupon.type === 'percent') {
      amount = roundMinor(dec(base).times(dec(coupon.percent!)).div(HUNDRED), rounding)
    } else {
      if (coupon.currency !== currency) {
        throw new BillingError(
          'CURRENCY_MISMATCH',
          `coupon ${coupon.id} is in ${coupon.currency}, the invoice in ${currency}`
        )
      }
      amount = toMinor(dec(coupon.amount!), currency, rounding)
    }
    amount = Math.min(amount, base)
    if (amount <= 0) continue
    const shares = allocate(amount, remaining)
    targets.forEach((lineIndex, k) => (perLine[lineIndex] = perLine[lineIndex]! + shares[k]!))
    discounts.push({
      couponId: coupon.id,
      name: coupon.name,
      type: coupon.type,
      percent: coupon.percent,
      amount,
      allocation: targets
        .map((line, k) => ({ line, amount: shares[k]! }))
        .filter((a) => a.amount > 0)
    })
  }
  return { discounts, perLine }
}
