import { z } from 'zod'
import { compareDecimalText } from '../billing/decimal-text'
import { moneyText } from '../billing/fields'

export const LATE_FEE_KINDS = ['fixed', 'percent'] as const
export const LATE_FEE_BILLING = ['next_invoice', 'own_invoice'] as const

/**
 * Payment reminders (dunning): when they go out, relative to each invoice's due date, and what
 * a run of them did. Reminders are emails through the outbox, in the customer's language.
 */

/** Days from the due date: -3 is three days before, 0 the due date, 7 a week after. */
const offset = z.number().int().min(-60).max(365)

export const reminderSettingsSchema = z.strictObject({
  enabled: z.boolean().default(false),
  schedule: z
    .array(offset)
    .max(10)
    .default([-3, 0, 7, 14, 30])
    .refine((days) => new Set(days).size === days.length, {
      message: 'Each day appears once in the schedule',
      params: { code: 'invalid' }
    })
    .transform((days) => [...days].sort((a, b) => a - b)),
  /**
   * A late fee, charged once per invoice `afterDays` after its due date while it is still owed:
   * a fixed amount (in the invoice's currency) or a percentage of what is owed, at most `cap`;
   * billed on the customer's next invoice or as an invoice of its own.
   */
  lateFee: z
    .strictObject({
      enabled: z.boolean().default(false),
      kind: z.enum(LATE_FEE_KINDS).default('percent'),
      amount: moneyText('the fee or its percentage').default('0'),
      cap: moneyText('the cap').nullable().default(null),
      afterDays: z.number().int().min(1).max(365).default(14),
      billing: z.enum(LATE_FEE_BILLING).default('next_invoice'),
      /** Which of the company's tax rates the fee line carries. */
      taxRateId: z.string().min(1).max(64).nullable().default(null)
    })
    .superRefine((fee, ctx) => {
      if (!fee.enabled) return
      if (compareDecimalText(fee.amount, '0') <= 0)
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: 'A late fee needs an amount above zero',
          params: { code: 'too_small', minimum: 0.01 }
        })
      if (fee.kind === 'percent' && compareDecimalText(fee.amount, '100') > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: 'A percentage is at most 100',
          params: { code: 'too_big', maximum: 100 }
        })
      if (fee.taxRateId === null)
        ctx.addIssue({
          code: 'custom',
          path: ['taxRateId'],
          message: 'Choose the tax rate of the fee line',
          params: { code: 'required' }
        })
    })
    .prefault({}),
  /** A notice before a long period (a quarter or more) renews: how many days ahead. */
  renewal: z
    .strictObject({
      enabled: z.boolean().default(false),
      daysBefore: z.number().int().min(1).max(90).default(30)
    })
    .prefault({}),
  /** A notice before a trial ends: how many days ahead of its last day. */
  trialEnding: z
    .strictObject({
      enabled: z.boolean().default(false),
      daysBefore: z.number().int().min(0).max(30).default(3)
    })
    .prefault({})
})
export type ReminderSettings = z.output<typeof reminderSettingsSchema>
export type ReminderSettingsInput = z.input<typeof reminderSettingsSchema>
export type LateFeeSettings = ReminderSettings['lateFee']

export const remindersRunInput = z.strictObject({
  asOf: z.iso.date()
})

export const reminderPauseInput = z.union([
  z.strictObject({ customerId: z.number().int().positive(), paused: z.boolean() }),
  z.strictObject({ invoiceId: z.number().int().positive(), paused: z.boolean() })
])

/** What one run of the reminders queued. */
export interface ReminderRun {
  asOf: string
  queued: { invoiceId: number; number: string; stage: number; outboxId: number }[]
  /** Earlier stages passed over because a later one was due (after the app was closed). */
  skipped: number
  /** Due, but the customer has no billing email. */
  noEmail: { invoiceId: number; number: string }[]
  /** Renewal and trial-ending notices due: queued (outboxId), or with no email to send to (null). */
  notices: {
    subscriptionId: number
    customerName: string
    kind: 'renewal' | 'trial_ending'
    date: string
    outboxId: number | null
  }[]
  /** Late fees charged: on the customer's next invoice, or on a draft invoice of their own. */
  lateFees: {
    invoiceId: number
    number: string
    amount: number
    currency: string
    feeInvoiceId: number | null
  }[]
}
