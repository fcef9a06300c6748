import type { UsageEvent } from '@shared/billing/inputs'
import type { Plan, Price } from '@shared/billing/plan'
import { aggregateUsage } from './aggregation'
import { rateCharge } from './charge-models'
import { minorToDecimal } from '@shared/money'
import { dec, Dec, money, text, toMinor, ZERO, type RoundingMode } from './decimal'
import type { ChargeLine } from './lines'
import type { DuePeriod } from './periods'
import { prorate } from './proration'

export type Timing = 'advance' | 'arrears'

/** When a price is billed: usage always in arrears; otherwise as the price says, in advance by default. */
export const timingOf = (price: Price): Timing =>
  price.metric ? 'arrears' : (price.timing ?? 'advance')

export interface RatePeriodArgs {
  plan: Plan
  subscription: { id: string; quantity: Dec }
  period: DuePeriod
  usage: readonly UsageEvent[]
  rounding: RoundingMode
  /** The charges wanted: those billed in advance for this period, in arrears, or all. */
  timing: Timing | 'all'
  /** Levels carried into the period, per metric code, for time-weighted sums. */
  initialLevels?: ReadonlyMap<string, Dec>
  periodIndex?: number
}

function measure(args: RatePeriodArgs, price: Price): { quantity: Dec; transactions?: Dec[] } {
  const { period, usage, subscription } = args
  if (!price.metric) return { quantity: subscription.quantity }
  const events = usage.filter((e) => !e.subscription || e.subscription === subscription.id)
  const aggregate = aggregateUsage(
    price.metric,
    events,
    period.start,
    period.end,
    args.initialLevels?.get(price.metric.code) ?? ZERO
  )
  return price.model === 'percentage'
    ? { quantity: aggregate.quantity, transactions: aggregate.values }
    : { quantity: aggregate.quantity }
}

export interface AggregateLineArgs {
  plan: Plan
  price: Price
  subscriptionId: string
  period: DuePeriod
  /** The aggregated usage, or the seats for a price without a metric. */
  quantity: Dec
  transactions?: Dec[]
  transactionCount?: number
  rounding: RoundingMode
  periodIndex?: number
}

/**
 * One line from one (subscription, price) aggregate: the charge model's amount, prorated by the
 * period's active days for a price without a metric, rounded once.
 */
export function lineForAggregate(args: AggregateLineArgs): ChargeLine {
  const { plan, price, period, rounding } = args
  const result = rateCharge(price, {
    quantity: args.quantity,
    transactions: args.transactions,
    transactionCount: args.transactionCount
  })
  const partial = !price.metric && period.activeDays < period.fullDays
  const proration = partial
    ? prorate(result.amount, period.activeDays, period.fullDays, plan.currency, rounding)
    : null
  return {
    kind: price.metric ? 'usage' : 'recurring',
    description: price.description,
    period: { start: period.start, end: period.end },
    quantity: text(args.quantity),
    amount: proration ? proration.amount : toMinor(result.amount, plan.currency, rounding),
    currency: plan.currency,
    subscriptionId: args.subscriptionId,
    planId: plan.id,
    planName: plan.name,
    priceId: price.id,
    model: price.model,
    breakdown: result.breakdown,
    proration: proration
      ? {
          days: period.activeDays,
          ofDays: period.fullDays,
          fullAmount: money(result.amount, plan.currency),
          computation: proration.computation
        }
      : undefined,
    taxRateId: price.tax_rate ?? plan.tax_rate,
    taxInclusive: plan.tax_inclusive,
    discountable: true,
    periodIndex: args.periodIndex
  }
}

function priceLine(args: RatePeriodArgs, price: Price): ChargeLine {
  return lineForAggregate({
    plan: args.plan,
    price,
    subscriptionId: args.subscription.id,
    period: args.period,
    rounding: args.rounding,
    periodIndex: args.periodIndex,
    ...measure(args, price)
  })
}

/**
 * The top-up that brings a period's charges (`charged`, minor units, net before discounts) up to
 * the plan's minimum commitment, prorated like the period; null when nothing is missing.
 */
export function commitmentTopUp(
  plan: Plan,
  period: DuePeriod,
  subscriptionId: string,
  charged: number,
  rounding: RoundingMode,
  periodIndex?: number
): ChargeLine | null {
  if (!plan.minimum_commitment) return null
  const full = dec(plan.minimum_commitment)
  const partial = period.activeDays < period.fullDays
  const proration = partial
    ? prorate(full, period.activeDays, period.fullDays, plan.currency, rounding)
    : null
  const minimum = proration ? proration.amount : toMinor(full, plan.currency, rounding)
  if (charged >= minimum) return null
  const asMoney = (minor: number) => minorToDecimal(minor, plan.currency)
  return {
    kind: 'minimum_commitment',
    description: 'Minimum commitment',
    period: { start: period.start, end: period.end },
    quantity: '1',
    amount: minimum - charged,
    currency: plan.currency,
    subscriptionId,
    planId: plan.id,
    planName: plan.name,
    breakdown: [
      {
        type: 'minimum_commitment',
        minimum: asMoney(minimum),
        charged: asMoney(charged),
        amount: asMoney(minimum - charged)
      }
    ],
    proration: proration
      ? {
          days: period.activeDays,
          ofDays: period.fullDays,
          fullAmount: money(full, plan.currency),
          computation: proration.computation
        }
      : undefined,
    taxRateId: plan.tax_rate,
    taxInclusive: plan.tax_inclusive,
    discountable: false,
    periodIndex
  }
}

/**
 * The lines of one subscription period: each price rated (seat prices prorated by the active
 * days of a partial period, usage aggregated over the period), then the minimum-commitment
 * top-up, which needs every charge of the period and so comes with the arrears charges.
 */
export function rateSubscriptionPeriod(args: RatePeriodArgs): ChargeLine[] {
  const lines = args.plan.prices.map((price) => ({
    timing: timingOf(price),
    line: priceLine(args, price)
  }))
  const topUp = commitmentTopUp(
    args.plan,
    args.period,
    args.subscription.id,
    lines.reduce((sum, l) => sum + l.line.amount, 0),
    args.rounding,
    args.periodIndex
  )
  const all = topUp ? [...lines, { timing: 'arrears' as const, line: topUp }] : lines
  return all.filter((l) => args.timing === 'all' || l.timing === args.timing).map((l) => l.line)
}
