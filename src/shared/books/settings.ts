import { z } from 'zod'
import { requiredLine } from '../text'
import { ROUNDING_MODES } from '../billing/inputs'
import { checkNumberFormat } from '../invoice-number'

/** How this company bills (Settings › Billing). */
export const billingPreferencesSchema = z.strictObject({
  /** A billing run leaves drafts to review, or issues the invoices at once. */
  runCreates: z.enum(['drafts', 'issued']).default('drafts'),
  taxCalculation: z.enum(['per_category', 'per_line']).default('per_category'),
  rounding: z.enum(ROUNDING_MODES).default('half_away_from_zero'),
  /** Cancelling now: unused prepaid days become a credit line on the next invoice, or a credit note at once. */
  cancelNowRefund: z.enum(['credit_line', 'credit_note']).default('credit_line'),
  /** After a pause: keep the old period boundaries, or start a new period on the resume day. */
  resumeMode: z.enum(['continue', 'new_period']).default('continue'),
  /** Offered before a cancellation is recorded: a coupon (its code), and/or a cheaper plan; '' offers none. */
  retentionCoupon: z.string().max(64).default(''),
  retentionPlan: z.string().max(64).default('')
})
export type BillingPreferences = z.output<typeof billingPreferencesSchema>

/** A numbering series (Settings › Numbering): its format and how far it has got. */
export interface NumberSeries {
  id: string
  kind: 'invoice' | 'credit_note'
  format: string
  /** The last number taken in each period (a year, or '' when the format has no year). */
  counters: { period: string; lastSeq: number }[]
  /** What the next document issued today would be numbered. */
  next: string
}

export const seriesUpdateInput = z
  .strictObject({ id: z.string().min(1).max(20), format: requiredLine(60) })
  .check(
    z.superRefine((value, ctx) => {
      const problem = checkNumberFormat(value.format)
      if (problem)
        ctx.addIssue({
          code: 'custom',
          path: ['format'],
          message: problem.message,
          params: { code: problem.code, ...('params' in problem ? problem.params : {}) }
        })
    })
  )
