import type { ChargeModelName } from '@shared/billing/plan'
import type { BreakdownStep } from './charge-models'
import type { CalendarDate } from './dates'

export type LineKind =
  | 'recurring'
  | 'usage'
  | 'minimum_commitment'
  | 'proration_credit'
  | 'proration_charge'
  | 'one_off'
  | 'late_fee'

/** A line of a draft invoice before discounts and taxes: one rounding has happened, here. */
export interface ChargeLine {
  kind: LineKind
  description: string
  /** The service period the line bills (inclusive). */
  period: { start: CalendarDate; end: CalendarDate }
  /** Units rated: usage, seats, or 1. */
  quantity: string
  /** In minor units of `currency`; negative for credits. */
  amount: number
  currency: string
  subscriptionId?: string
  planId?: string
  planName?: string
  priceId?: string
  model?: ChargeModelName
  breakdown: BreakdownStep[]
  /** Set when the line covers part of a period: "17/31 days × 49.00". */
  proration?: { days: number; ofDays: number; fullAmount: string; computation: string }
  /** Which of the company's tax rates applies. */
  taxRateId: string
  /** The amount includes tax (the plan's prices are tax-inclusive). */
  taxInclusive: boolean
  /** Coupons may reduce it (not credits for time already paid: they are not discounted twice). */
  discountable: boolean
  /** For coupons limited to N periods: which period of the document this line belongs to (0 = first). */
  periodIndex?: number
}
