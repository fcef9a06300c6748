import { z } from 'zod'
import { ROUNDING_MODES } from '../billing/inputs'

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
