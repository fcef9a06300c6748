import { z } from 'zod'
import { requiredLine } from '../text'
import { calendarDate } from '../calendar'
import type { InvoiceView } from './invoices'

const date = calendarDate
const quantity = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,6})?$/, 'must be a number of 0 or more, like 3 or 2.5')
const code = z.string().min(1).max(64)
const id = z.number().int().positive()

export const createSubscriptionInput = z.strictObject({
  customerId: id,
  planCode: code,
  startDate: date,
  quantity: quantity.default('1'),
  /** Overrides the plan's trial length. */
  trialDays: z.number().int().min(0).max(3650).optional(),
  couponCode: code.optional()
})

export const changeSubscriptionInput = z.strictObject({
  subscriptionId: id,
  planCode: code.optional(),
  quantity: quantity.optional(),
  /** now: credit the unused old terms, charge the rest on the new (upgrades). period_end: from the next period (downgrades). */
  when: z.enum(['now', 'period_end']),
  /** The first day on the new terms, for "now" (default: today). */
  date: date.optional()
})

export const pauseInput = z.strictObject({ subscriptionId: id, from: date, until: date.optional() })
export const resumeInput = z.strictObject({ subscriptionId: id, on: date })

export const RETENTION_OFFERS = ['discount', 'cheaper_plan'] as const
export const cancelInput = z.strictObject({
  subscriptionId: id,
  /** now: service ends on `date` (default today). period_end: at the end of the current period, undoable until then. */
  when: z.enum(['now', 'period_end']),
  date: date.optional(),
  reason: requiredLine(500),
  /** What was offered to keep the customer, and what they said. */
  retention: z
    .strictObject({
      offered: z.array(z.enum(RETENTION_OFFERS)).min(1).max(RETENTION_OFFERS.length),
      accepted: z.enum(RETENTION_OFFERS).nullable(),
      couponCode: code.optional(),
      planCode: code.optional()
    })
    .optional()
})

/** An add-on: another plan (same currency and interval) billed beside the subscription's plan from a date. */
export const addAddOnInput = z.strictObject({
  subscriptionId: id,
  planCode: code,
  quantity: quantity.default('1'),
  /** The first day of the add-on (default: today); a paid period is charged for the days left. */
  date: date.optional()
})
export const removeAddOnInput = z.strictObject({
  subscriptionId: id,
  itemId: id,
  /** now: ends on `date` (default today), unused paid days credited. period_end: at the end of the current period. */
  when: z.enum(['now', 'period_end']),
  date: date.optional()
})

export const subscriptionIdInput = z.strictObject({ subscriptionId: id })
export const reactivateInput = z.strictObject({ subscriptionId: id, on: date })

const confirm = z.boolean()
/** The lifecycle changes are previewed (confirm: false, nothing is kept) before they are confirmed. */
export const changeChannelInput = changeSubscriptionInput.extend({ confirm })
export const pauseChannelInput = pauseInput.extend({ confirm })
export const resumeChannelInput = resumeInput.extend({ confirm })
export const cancelChannelInput = cancelInput.extend({ confirm })
export const addAddOnChannelInput = addAddOnInput.extend({ confirm })
export const removeAddOnChannelInput = removeAddOnInput.extend({ confirm })
export const acceptOfferInput = z.strictObject({
  subscriptionId: id,
  offer: z.enum(RETENTION_OFFERS),
  couponCode: code.optional(),
  planCode: code.optional(),
  reason: requiredLine(500)
})
export const subscriptionListInput = z.strictObject({ customerId: id })

export const SUBSCRIPTION_STATUSES = [
  'trialing',
  'active',
  'paused',
  'cancelling',
  'ended'
] as const
/** The subscriptions screen: every customer's, filtered, a page at a time. */
export const subscriptionSearchInput = z.strictObject({
  /** Matches the customer's name, number, email or tax id. */
  query: z.string().trim().max(200).default(''),
  planCode: code.optional(),
  status: z.enum(SUBSCRIPTION_STATUSES).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).default(0)
})

/** What a lifecycle change did (or, previewed, would do). */
export interface ChangeResult {
  subscription: SubscriptionView
  effectiveDate: string
  lines: import('./results').PendingLineView[]
  /** Sum of the lines before tax, minor units. */
  net: number
  /** Credit notes issued at once instead of credit lines (cancelling now, when Settings say so). */
  creditNotes?: { id: number; number: string | null; total: number }[]
}

export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

export interface SubscriptionItemView {
  id: number
  /** The subscription's plan, or an add-on billed beside it on the same schedule. */
  role: 'plan' | 'addon'
  planCode: string
  planName: string
  planVersion: number
  quantity: string
  startDate: string
  endDate: string | null
}

export interface SubscriptionView {
  id: number
  customerId: number
  status: SubscriptionStatus
  startDate: string
  trialEnd: string | null
  cancelAt: string | null
  /** A cancellation at the end of a period not yet over: it can still be taken back. */
  canUndoCancel: boolean
  cancelReason: string | null
  currency: string
  items: SubscriptionItemView[]
  pauses: { start: string; end: string | null }[]
  coupons: string[]
  /** The billing period containing today. */
  currentPeriod: { start: string; end: string } | null
}

export interface SubscriptionRow extends SubscriptionView {
  customerName: string
}

/**
 * What the next billing run will bill a subscription, priced as that run will (usage so far):
 * a draft that is never kept, so its id is 0 and it has no number.
 */
export interface UpcomingInvoice {
  billDate: string
  invoice: InvoiceView
}
