import { z } from 'zod'
import { requiredLine } from '../text'
import { currencyCode } from '../currencies'
import { compareDecimalText, NON_NEGATIVE_DECIMAL } from './decimal-text'
import { code, decimalText, moneyText } from './fields'
import { ownValue } from '../own'

/**
 * Plans and prices as JSON (docs/plans.md). Money and unit prices are decimal strings in the
 * currency's major unit ("0.0006"), so no digit is lost to binary floating point.
 */

/** Quantities (tier limits, package sizes) may be written as numbers too. */
const quantityText = z
  .union([z.string(), z.number()], { error: 'must be a number, like 1000 or "1000.5"' })
  .transform((v) => (typeof v === 'number' ? String(v) : v))
  .refine((v) => NON_NEGATIVE_DECIMAL.test(v), {
    message: 'must be a non-negative number, like 1000 or "1000.5"',
    params: { code: 'quantity' }
  })

export const AGGREGATIONS = [
  'count',
  'sum',
  'max',
  'unique_count',
  'latest',
  'weighted_sum'
] as const
export type Aggregation = (typeof AGGREGATIONS)[number]

export const metricSchema = z
  .strictObject({
    code,
    aggregation: z.enum(AGGREGATIONS),
    /** The event property to sum, take the max of, count distinct values of… (not needed for count). */
    property: z.string().min(1).max(64).optional()
  })
  .superRefine((m, ctx) => {
    if (m.aggregation !== 'count' && !m.property) {
      ctx.addIssue({
        code: 'custom',
        path: ['property'],
        message: `is required for the ${m.aggregation} aggregation`,
        params: { code: 'required' }
      })
    }
  })
export type Metric = z.output<typeof metricSchema>

/** Bounds no real plan comes near, so a hostile plan cannot make a run or a check do unbounded work. */
export const MAX_TIERS = 100
export const MAX_PRICES = 100
export const MAX_SEGMENTS = 100

const tierSchema = z.strictObject({
  /** The last unit of the tier (inclusive); null in the last tier, which has no limit. */
  up_to: z.union([quantityText, z.null()], { error: 'must be a number, or null in the last tier' }),
  unit_price: moneyText('a unit price').default('0'),
  flat_fee: moneyText('a flat fee').default('0')
})
export type Tier = z.output<typeof tierSchema>

const stairTierSchema = z.strictObject({
  up_to: z.union([quantityText, z.null()], { error: 'must be a number, or null in the last tier' }),
  flat_fee: moneyText('a flat fee')
})

const priceBase = {
  id: code,
  description: requiredLine(200),
  /** advance: billed at the start of the period; arrears: at its end. Usage is always in arrears. */
  timing: z.enum(['advance', 'arrears']).optional(),
  /** Which of the company's tax rates applies ("standard", "reduced", …); the plan's by default. */
  tax_rate: code.optional(),
  /** Without a metric, a price is charged on the subscription's quantity (seats). */
  metric: metricSchema.optional()
}

export const MODELS = [
  'flat',
  'per_unit',
  'graduated',
  'volume',
  'package',
  'percentage',
  'stairstep'
] as const
export type ChargeModelName = (typeof MODELS)[number]

export const priceSchema = z.discriminatedUnion('model', [
  z.strictObject({ ...priceBase, model: z.literal('flat'), amount: moneyText('an amount') }),
  z.strictObject({
    ...priceBase,
    model: z.literal('per_unit'),
    unit_price: moneyText('a unit price')
  }),
  z.strictObject({
    ...priceBase,
    model: z.literal('graduated'),
    tiers: z.array(tierSchema).min(1).max(MAX_TIERS)
  }),
  z.strictObject({
    ...priceBase,
    model: z.literal('volume'),
    tiers: z.array(tierSchema).min(1).max(MAX_TIERS)
  }),
  z.strictObject({
    ...priceBase,
    model: z.literal('package'),
    package_size: quantityText.refine((v) => compareDecimalText(v, '0') > 0, {
      message: 'must be greater than 0',
      params: { code: 'greater_than', value: '0' }
    }),
    package_price: moneyText('a price'),
    free_units: quantityText.default('0')
  }),
  z.strictObject({
    ...priceBase,
    model: z.literal('percentage'),
    /** Percent of each transaction's amount, e.g. "2.9". */
    rate: decimalText('a percentage').refine((v) => compareDecimalText(v, '100') <= 0, {
      message: 'must be at most 100',
      params: { code: 'too_big', maximum: '100' }
    }),
    fixed_fee: moneyText('a fee').default('0'),
    free_amount: moneyText('an amount').default('0'),
    free_transactions: z.number().int().min(0).default(0),
    min_per_transaction: moneyText('an amount').optional(),
    max_per_transaction: moneyText('an amount').optional()
  }),
  z.strictObject({
    ...priceBase,
    model: z.literal('stairstep'),
    tiers: z.array(stairTierSchema).min(1).max(MAX_TIERS)
  })
])
export type Price = z.output<typeof priceSchema>

export const INTERVAL_UNITS = ['day', 'week', 'month', 'quarter', 'year'] as const
const intervalSchema = z.union(
  [
    z.enum(INTERVAL_UNITS).transform((unit) => ({ unit, count: 1 })),
    z.strictObject({
      unit: z.enum(INTERVAL_UNITS),
      count: z.number().int().min(1).max(120).default(1)
    })
  ],
  { error: 'must be "day", "week", "month", "quarter" or "year", or {"unit": "month", "count": 3}' }
)

type Ctx = z.core.$RefinementCtx<unknown>
type Loose = Record<string, unknown>

const isObject = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
/** A limit as text when it is a valid one, so the order check can compare it (else it is reported elsewhere). */
const limitText = (v: unknown): string | null | undefined =>
  v === null
    ? null
    : (typeof v === 'number' || typeof v === 'string') && NON_NEGATIVE_DECIMAL.test(String(v))
      ? String(v)
      : undefined

function checkTiers(tiers: unknown[], path: PropertyKey[], ctx: Ctx): void {
  tiers.forEach((tier, i) => {
    if (!isObject(tier)) return
    const last = i === tiers.length - 1
    const where = [...path, i, 'up_to']
    const upTo = limitText(tier.up_to)
    if (upTo === null && !last) {
      ctx.addIssue({
        code: 'custom',
        path: where,
        message: 'can be null (no limit) only in the last tier',
        params: { code: 'tier_open_not_last' }
      })
    } else if (typeof upTo === 'string' && last) {
      ctx.addIssue({
        code: 'custom',
        path: where,
        message: 'must be null in the last tier, which has no upper limit',
        params: { code: 'tier_last_open' }
      })
    }
    const previous = isObject(tiers[i - 1]) ? limitText((tiers[i - 1] as Loose).up_to) : undefined
    if (
      typeof upTo === 'string' &&
      typeof previous === 'string' &&
      compareDecimalText(upTo, previous) <= 0
    ) {
      ctx.addIssue({
        code: 'custom',
        path: where,
        message: `must be greater than ${previous}`,
        params: { code: 'greater_than', value: previous }
      })
    }
  })
}

function checkPrice(price: Loose, i: number, ctx: Ctx, list: PropertyKey[] = ['prices']): void {
  const at = (...p: PropertyKey[]) => [...list, i, ...p]
  if (Array.isArray(price.tiers)) checkTiers(price.tiers, at('tiers'), ctx)
  const metric = isObject(price.metric) ? price.metric : undefined
  if (metric && price.timing === 'advance') {
    ctx.addIssue({
      code: 'custom',
      path: at('timing'),
      message: 'must be "arrears": usage is billed after the period',
      params: { code: 'usage_in_arrears' }
    })
  }
  if (price.model === 'percentage') {
    if (!metric || metric.aggregation !== 'sum') {
      ctx.addIssue({
        code: 'custom',
        path: at('metric'),
        message: 'must sum the transaction amounts ({"aggregation": "sum", "property": "amount"})',
        params: { code: 'percentage_metric' }
      })
    }
    const [min, max] = [price.min_per_transaction, price.max_per_transaction]
    if (
      typeof min === 'string' &&
      typeof max === 'string' &&
      NON_NEGATIVE_DECIMAL.test(min) &&
      NON_NEGATIVE_DECIMAL.test(max) &&
      compareDecimalText(max, min) < 0
    ) {
      ctx.addIssue({
        code: 'custom',
        path: at('max_per_transaction'),
        message: `must be at least ${min}`,
        params: { code: 'too_small', minimum: min }
      })
    }
  }
}

/** A segment's price list replaces some of the plan's prices (same code, same metric) for its customers. */
function checkSegmentPrices(plan: Loose, ctx: Ctx): void {
  if (!isObject(plan.segment_prices) || !Array.isArray(plan.prices)) return
  // ids that are not text are reported by the field schema; only text is compared or quoted here
  const base = new Map<string, unknown>(
    plan.prices
      .filter(isObject)
      .filter((p) => typeof p.id === 'string')
      .map((p) => [p.id as string, isObject(p.metric) ? p.metric.code : null])
  )
  for (const [segment, prices] of Object.entries(plan.segment_prices)) {
    if (!Array.isArray(prices)) continue
    const seen = new Set<string>()
    prices.forEach((price, i) => {
      if (!isObject(price)) return
      const at = ['segment_prices', segment, i]
      if (typeof price.id === 'string') {
        if (!base.has(price.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'id'],
            message: `must be the code of one of the plan's prices (${[...base.keys()].join(', ')})`,
            params: { code: 'segment_price_unknown' }
          })
        } else if ((isObject(price.metric) ? price.metric.code : null) !== base.get(price.id)) {
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'metric'],
            message: 'must measure the same metric as the price it replaces',
            params: { code: 'segment_price_metric' }
          })
        }
        if (seen.has(price.id))
          ctx.addIssue({
            code: 'custom',
            path: [...at, 'id'],
            message: `"${price.id}" is used by another price`,
            params: { code: 'price_id_taken', id: price.id }
          })
        seen.add(price.id)
      }
      checkPrice(price, i, ctx, at.slice(0, -1))
    })
  }
}

/** Checks across fields, run even when some fields are invalid, so every problem is reported at once. */
function checkPlan(plan: unknown, ctx: Ctx): void {
  if (!isObject(plan)) return
  checkSegmentPrices(plan, ctx)
  if (!Array.isArray(plan.prices)) return
  const seen = new Set<unknown>()
  plan.prices.forEach((price, i) => {
    if (!isObject(price)) return
    if (typeof price.id === 'string' && seen.has(price.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['prices', i, 'id'],
        message: `"${price.id}" is used by another price`,
        params: { code: 'price_id_taken', id: price.id }
      })
    }
    seen.add(price.id)
    checkPrice(price, i, ctx)
  })
}

export const planSchema = z
  .strictObject({
    id: code,
    name: requiredLine(200),
    currency: currencyCode,
    interval: intervalSchema,
    alignment: z.enum(['anniversary', 'calendar']).default('anniversary'),
    trial_days: z.number().int().min(0).max(3650).default(0),
    tax_inclusive: z.boolean().default(false),
    tax_rate: code.default('standard'),
    /** The least the subscription pays per period (net, before discounts); a top-up line makes up the rest. */
    minimum_commitment: moneyText('an amount').optional(),
    prices: z.array(priceSchema).min(1).max(MAX_PRICES),
    /** Price lists by customer segment: for customers of a segment, these replace the plan's prices of the same code. */
    segment_prices: z
      .record(requiredLine(60), z.array(priceSchema).min(1).max(MAX_PRICES))
      .refine((segments) => Object.keys(segments).length <= MAX_SEGMENTS, {
        message: `at most ${MAX_SEGMENTS} segments`,
        params: { code: 'too_big', maximum: MAX_SEGMENTS }
      })
      .optional()
  })
  .check(z.superRefine((plan, ctx) => checkPlan(plan, ctx), { when: () => true }))

export type PlanInput = z.input<typeof planSchema>
export type Plan = z.output<typeof planSchema>

/** The plan as a customer of a segment is billed: the segment's price list in place of the plan's prices. */
export function planForSegment(plan: Plan, segment: string): Plan {
  const list = segment ? ownValue(plan.segment_prices, segment) : undefined
  if (!list) return plan
  const replaced = new Map(list.map((p) => [p.id, p]))
  return { ...plan, prices: plan.prices.map((p) => replaced.get(p.id) ?? p) }
}
