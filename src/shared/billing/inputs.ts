import { z } from 'zod'
import { requiredLine } from '../text'
import { localDateTime } from '../calendar'
import { currencyCode } from '../currencies'
import { compareDecimalText } from './decimal-text'
import { code, decimalText, moneyText } from './fields'

/** The engine's other inputs as JSON: usage events, coupons, tax settings, the customer. */

const propertyValue = z.union([z.string().max(200), z.number()], {
  error: 'must be a number or a string'
})

/** An event's properties: at most 100, names of at most 64 characters, values of at most 200. */
export const usageProperties = z
  .record(z.string().max(64), propertyValue)
  .refine((properties) => Object.keys(properties).length <= 100, {
    message: 'at most 100 properties',
    params: { code: 'too_big', maximum: 100 }
  })

export const usageEventSchema = z.strictObject({
  /** Unique per customer and metric: the same id twice counts once. */
  id: requiredLine(200),
  metric: code,
  /** Local wall-clock time of the company, without a zone: "2026-01-05" or "2026-01-05T14:30:00". */
  timestamp: localDateTime,
  properties: usageProperties.default({}),
  /** Which subscription it belongs to, when a customer has several with the same metric. */
  subscription: z.string().min(1).max(200).optional()
})
export type UsageEvent = z.output<typeof usageEventSchema>

export const usageFileSchema = z.union([
  z.array(usageEventSchema),
  z.strictObject({ events: z.array(usageEventSchema) }).transform((f) => f.events)
])

export const couponSchema = z
  .strictObject({
    id: code,
    name: requiredLine(200),
    type: z.enum(['percent', 'fixed']),
    percent: decimalText('a percentage').optional(),
    /** A fixed coupon's amount per invoice, in its currency's major unit. */
    amount: moneyText('an amount').optional(),
    currency: currencyCode.optional(),
    duration: z.enum(['once', 'repeating', 'forever']),
    /** For "repeating": how many billing periods it applies to. */
    periods: z.number().int().min(1).optional(),
    /** Limits the coupon to some plans or prices; without it, it applies to the whole invoice. */
    applies_to: z
      .strictObject({
        plans: z.array(code).max(1000).optional(),
        prices: z.array(code).max(1000).optional()
      })
      .optional()
  })
  .superRefine((c, ctx) => {
    if (c.type === 'percent') {
      if (!c.percent)
        ctx.addIssue({
          code: 'custom',
          path: ['percent'],
          message: 'is required for a percent coupon'
        })
      else if (
        compareDecimalText(c.percent, '100') > 0 ||
        compareDecimalText(c.percent, '0') === 0
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['percent'],
          message: 'must be more than 0 and at most 100'
        })
      }
    } else {
      if (!c.amount)
        ctx.addIssue({
          code: 'custom',
          path: ['amount'],
          message: 'is required for a fixed coupon'
        })
      if (!c.currency)
        ctx.addIssue({
          code: 'custom',
          path: ['currency'],
          message: 'is required for a fixed coupon'
        })
    }
    if (c.duration === 'repeating' && c.periods === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['periods'],
        message: 'is required when duration is "repeating"'
      })
    }
  })
export type Coupon = z.output<typeof couponSchema>

/** EN 16931 VAT category codes (UNCL5305). */
export const TAX_CATEGORIES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O'] as const
export type TaxCategory = (typeof TAX_CATEGORIES)[number]

export const taxRateSchema = z
  .strictObject({
    id: code,
    name: z.string().max(100).optional(),
    category: z.enum(TAX_CATEGORIES),
    percent: decimalText('a percentage'),
    /** Required for exempt (E) rates: the legal ground, printed on the invoice. */
    exemption_reason: z.string().max(300).optional(),
    /** The VATEX code of the exemption, e.g. "VATEX-EU-132-1I". */
    exemption_code: z.string().max(40).optional(),
    /**
     * Poland: goods and services of Annex 15 to the VAT act, which a Polish seller's invoice over
     * PLN 15,000 must mark for the split payment mechanism (FA(3) P_12_Zal_15 and P_18A).
     */
    split_payment: z.boolean().optional()
  })
  .superRefine((rate, ctx) => {
    if (rate.category !== 'S' && compareDecimalText(rate.percent, '0') !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['percent'],
        message: `must be "0" for category ${rate.category}`
      })
    }
    if (rate.category === 'E' && !rate.exemption_reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['exemption_reason'],
        message: 'is required for an exempt rate'
      })
    }
  })
export type TaxRate = z.output<typeof taxRateSchema>

export const ROUNDING_MODES = [
  'half_away_from_zero',
  'half_even',
  'half_toward_zero',
  'up',
  'down'
] as const

export const billingSettingsSchema = z.strictObject({
  /** The company's tax rates; without any, quotes are before tax. */
  tax_rates: z.array(taxRateSchema).max(1000).default([]),
  /** per_category: EN 16931 BT-117, one rounding per category. per_line: where a country allows it. */
  tax_calculation: z.enum(['per_category', 'per_line']).default('per_category'),
  rounding: z.enum(ROUNDING_MODES).default('half_away_from_zero')
})
export type BillingSettings = z.output<typeof billingSettingsSchema>

export const customerSchema = z
  .strictObject({
    id: z.string().min(1).max(200).default('customer'),
    name: z.string().max(200).optional(),
    /** standard: the rates of the prices. reverse_charge: the customer accounts for the VAT (B2B, another EU country). */
    tax_treatment: z.enum(['standard', 'reverse_charge', 'exempt', 'export']).default('standard'),
    exemption_reason: z.string().max(300).optional(),
    /** Prepaid or credited money the customer has with the company, applied to the amount due. */
    credit_balance: decimalText('an amount').default('0')
  })
  .superRefine((c, ctx) => {
    if (c.tax_treatment === 'exempt' && !c.exemption_reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['exemption_reason'],
        message: 'is required for an exempt customer'
      })
    }
  })
export type Customer = z.output<typeof customerSchema>
