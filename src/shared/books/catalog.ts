import { z } from 'zod'
import { line } from '../text'
import { calendarDate } from '../calendar'
import { couponSchema, taxRateSchema } from '../billing/inputs'
import type { BreakdownStep } from '../billing/breakdown'
import { planSchema, type Plan } from '../billing/plan'

const date = calendarDate

export const planSaveInput = z.strictObject({
  plan: planSchema,
  /** The new version applies from this day; subscriptions keep their version until moved. */
  effectiveFrom: date
})
export const couponCreateInput = z.strictObject({ coupon: couponSchema })
export const taxRateSaveInput = z.strictObject({ rate: taxRateSchema })

export interface PlanSummary {
  code: string
  name: string
  currency: string
  versions: { id: number; version: number; effectiveFrom: string }[]
  /** The version in force today. */
  current: Plan | null
}

/**
 * The plan editor's calculator: what a measured quantity costs on each metered price of a plan,
 * and the subscription's quantity (seats) on the others, for one full period.
 */
export const planQuoteInput = z.strictObject({
  plan: planSchema,
  quantity: z
    .string()
    .regex(/^\d{1,12}(\.\d{1,6})?$/, 'must be a number of 0 or more, like 1250 or 2.5'),
  seats: z
    .string()
    .regex(/^\d{1,12}(\.\d{1,6})?$/, 'must be a number of 0 or more, like 1 or 3')
    .default('1'),
  /** Price as for a customer of this segment (its price list, when the plan has one). */
  segment: line(60).default(''),
  /** For percentage prices: how many transactions the quantity (their total amount) is made of. */
  transactions: z.number().int().min(0).max(1_000_000_000).default(0)
})

export interface PlanQuoteLine {
  priceId: string
  description: string
  model: string
  /** Measured usage (a metric's code), or null: charged on the subscription's quantity. */
  metric: string | null
  quantity: string
  /** Minor units, rounded once as on an invoice. */
  amount: number
  breakdown: BreakdownStep[]
}

export interface PlanQuote {
  currency: string
  lines: PlanQuoteLine[]
  total: number
}

export const planVersionInput = z.strictObject({ versionId: z.number().int().positive() })
/** Archive a plan (hidden from lists and pickers, kept for history and billing) or bring it back. */
export const planArchiveInput = z.strictObject({
  planCode: z.string().min(1).max(64),
  archived: z.boolean()
})
