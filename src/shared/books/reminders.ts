import { z } from 'zod'

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
    .transform((days) => [...days].sort((a, b) => a - b))
})
export type ReminderSettings = z.output<typeof reminderSettingsSchema>

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
}
