import type { BillingSettings, Coupon, Customer, UsageEvent } from '@shared/billing/inputs'
import { billingSettingsSchema, customerSchema } from '@shared/billing/inputs'
import type { Plan } from '@shared/billing/plan'
import { levelsBefore } from './aggregation'
import { addDays } from './dates'
import { ONE, type Dec } from './decimal'
import { assembleInvoice, type DraftInvoice } from './invoice'
import { duePeriods, type DuePeriod } from './periods'
import { rateSubscriptionPeriod } from './rating'

export interface QuoteArgs {
  plan: Plan
  /** First and last day quoted (inclusive). */
  from: string
  to: string
  /** Seats, for prices without a metric. */
  quantity?: Dec
  usage?: readonly UsageEvent[]
  customer?: Customer
  settings?: BillingSettings
  coupons?: readonly Coupon[]
}

export interface Quote extends DraftInvoice {
  plan: { id: string; name: string }
  from: string
  to: string
  periods: DuePeriod[]
}

/**
 * What a subscription to a plan from one date to another would be billed: every billing period
 * in the stretch (the trial first, the last period cut at `to` and prorated), each price rated on
 * the usage of its period, all on one draft invoice.
 */
export function quote(args: QuoteArgs): Quote {
  const { plan } = args
  const settings = args.settings ?? billingSettingsSchema.parse({})
  const customer = args.customer ?? customerSchema.parse({})
  const usage = args.usage ?? []
  const timeline = {
    start: args.from,
    trialEnd: plan.trial_days > 0 ? addDays(args.from, plan.trial_days - 1) : undefined,
    end: args.to
  }
  const periods =
    timeline.trialEnd && timeline.trialEnd >= args.to
      ? []
      : duePeriods(timeline, plan.interval, plan.alignment, args.to, 'advance')
  const lines = periods.flatMap((period, periodIndex) =>
    rateSubscriptionPeriod({
      plan,
      subscription: { id: 'quote', quantity: args.quantity ?? ONE },
      period,
      usage,
      rounding: settings.rounding,
      timing: 'all',
      initialLevels: levelsBefore(plan, usage, period.start),
      periodIndex
    })
  )
  const invoice = assembleInvoice({
    currency: plan.currency,
    lines,
    coupons: (args.coupons ?? []).map((coupon) => ({ coupon, remainingPeriods: null })),
    customer,
    settings
  })
  return {
    plan: { id: plan.id, name: plan.name },
    from: args.from,
    to: args.to,
    periods,
    ...invoice
  }
}
