import { z } from 'zod'
import { couponSchema, taxRateSchema } from '../billing/inputs'
import { planSchema, type Plan } from '../billing/plan'

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-01-31')

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
