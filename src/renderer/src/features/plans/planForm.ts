import type { AGGREGATIONS, ChargeModelName, Plan, PlanInput } from '@shared/billing/plan'
import { planSchema } from '@shared/billing/plan'
import type { FieldError } from '@shared/result'
import { toFieldErrors } from '@shared/validation'

/** One row of a tier table as typed; an empty "up to" is the open last tier. */
export interface TierForm {
  up_to: string
  unit_price: string
  flat_fee: string
}

/** A price as typed: the fields of every model, of which the chosen model's are sent. */
export interface PriceForm {
  id: string
  description: string
  model: ChargeModelName
  timing: '' | 'advance' | 'arrears'
  tax_rate: string
  metered: boolean
  metric_code: string
  aggregation: (typeof AGGREGATIONS)[number]
  property: string
  amount: string
  unit_price: string
  tiers: TierForm[]
  package_size: string
  package_price: string
  free_units: string
  rate: string
  fixed_fee: string
  free_amount: string
  free_transactions: string
  min_per_transaction: string
  max_per_transaction: string
}

export interface PlanForm {
  id: string
  name: string
  currency: string
  interval_unit: 'day' | 'week' | 'month' | 'quarter' | 'year'
  interval_count: string
  alignment: 'anniversary' | 'calendar'
  trial_days: string
  tax_inclusive: boolean
  tax_rate: string
  minimum_commitment: string
  prices: PriceForm[]
  /** Price lists by customer segment: prices that replace the plan's for that segment. */
  segments: { segment: string; prices: PriceForm[] }[]
}

export function emptyPrice(n: number, model: ChargeModelName = 'flat'): PriceForm {
  return {
    id: n === 1 ? 'base' : `price${n}`,
    description: '',
    model,
    timing: '',
    tax_rate: '',
    metered: false,
    metric_code: '',
    aggregation: 'sum',
    property: '',
    amount: '',
    unit_price: '',
    tiers: [{ up_to: '', unit_price: '', flat_fee: '' }],
    package_size: '',
    package_price: '',
    free_units: '',
    rate: '',
    fixed_fee: '',
    free_amount: '',
    free_transactions: '',
    min_per_transaction: '',
    max_per_transaction: ''
  }
}

export function emptyPlan(currency: string): PlanForm {
  return {
    id: '',
    name: '',
    currency,
    interval_unit: 'month',
    interval_count: '1',
    alignment: 'anniversary',
    trial_days: '0',
    tax_inclusive: false,
    tax_rate: 'standard',
    minimum_commitment: '',
    prices: [emptyPrice(1)],
    segments: []
  }
}

const TIERED: ChargeModelName[] = ['graduated', 'volume', 'stairstep']
export const isTiered = (model: ChargeModelName) => TIERED.includes(model)

/** A whole number as a number, anything else as typed (the schema then says what is wrong). */
const integer = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : text)
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim())

function priceInput(p: PriceForm): Record<string, unknown> {
  const base: Record<string, unknown> = {
    id: p.id.trim(),
    description: p.description,
    model: p.model,
    ...(p.timing ? { timing: p.timing } : {}),
    ...(p.tax_rate ? { tax_rate: p.tax_rate } : {}),
    ...(p.metered
      ? {
          metric: {
            code: p.metric_code.trim(),
            aggregation: p.aggregation,
            ...(p.aggregation !== 'count' ? { property: p.property.trim() } : {})
          }
        }
      : {})
  }
  const tiers = (withUnit: boolean) =>
    p.tiers.map((t) => ({
      up_to: t.up_to.trim() === '' ? null : t.up_to.trim(),
      ...(withUnit ? { unit_price: t.unit_price.trim() || '0' } : {}),
      ...(withUnit ? { flat_fee: t.flat_fee.trim() || '0' } : { flat_fee: t.flat_fee.trim() })
    }))
  switch (p.model) {
    case 'flat':
      return { ...base, amount: p.amount.trim() }
    case 'per_unit':
      return { ...base, unit_price: p.unit_price.trim() }
    case 'graduated':
    case 'volume':
      return { ...base, tiers: tiers(true) }
    case 'stairstep':
      return { ...base, tiers: tiers(false) }
    case 'package':
      return {
        ...base,
        package_size: p.package_size.trim(),
        package_price: p.package_price.trim(),
        ...(optional(p.free_units) ? { free_units: p.free_units.trim() } : {})
      }
    case 'percentage':
      return {
        ...base,
        rate: p.rate.trim(),
        ...(optional(p.fixed_fee) ? { fixed_fee: p.fixed_fee.trim() } : {}),
        ...(optional(p.free_amount) ? { free_amount: p.free_amount.trim() } : {}),
        ...(optional(p.free_transactions)
          ? { free_transactions: integer(p.free_transactions) }
          : {}),
        ...(optional(p.min_per_transaction)
          ? { min_per_transaction: p.min_per_transaction.trim() }
          : {}),
        ...(optional(p.max_per_transaction)
          ? { max_per_transaction: p.max_per_transaction.trim() }
          : {})
      }
  }
}

/** What the form sends: a plan in the JSON shape of docs/plans.md. */
export function planInputFromForm(form: PlanForm): PlanInput {
  return {
    id: form.id.trim(),
    name: form.name,
    currency: form.currency,
    interval: { unit: form.interval_unit, count: integer(form.interval_count) as number },
    alignment: form.alignment,
    trial_days: integer(form.trial_days || '0') as number,
    tax_inclusive: form.tax_inclusive,
    tax_rate: form.tax_rate,
    ...(optional(form.minimum_commitment)
      ? { minimum_commitment: form.minimum_commitment.trim() }
      : {}),
    prices: form.prices.map(priceInput),
    ...(form.segments.length
      ? {
          segment_prices: Object.fromEntries(
            form.segments.map((l) => [l.segment.trim(), l.prices.map(priceInput)])
          )
        }
      : {})
  } as PlanInput
}

function priceForm(p: Plan['prices'][number], n: number): PriceForm {
  const form = emptyPrice(n, p.model)
  Object.assign(form, {
    id: p.id,
    description: p.description,
    timing: p.timing ?? '',
    tax_rate: p.tax_rate ?? '',
    metered: Boolean(p.metric),
    metric_code: p.metric?.code ?? '',
    aggregation: p.metric?.aggregation ?? 'sum',
    property: p.metric?.property ?? ''
  })
  switch (p.model) {
    case 'flat':
      form.amount = p.amount
      break
    case 'per_unit':
      form.unit_price = p.unit_price
      break
    case 'graduated':
    case 'volume':
      form.tiers = p.tiers.map((t) => ({
        up_to: t.up_to ?? '',
        unit_price: t.unit_price,
        flat_fee: t.flat_fee
      }))
      break
    case 'stairstep':
      form.tiers = p.tiers.map((t) => ({
        up_to: t.up_to ?? '',
        unit_price: '',
        flat_fee: t.flat_fee
      }))
      break
    case 'package':
      Object.assign(form, {
        package_size: p.package_size,
        package_price: p.package_price,
        free_units: p.free_units
      })
      break
    case 'percentage':
      Object.assign(form, {
        rate: p.rate,
        fixed_fee: p.fixed_fee,
        free_amount: p.free_amount,
        free_transactions: String(p.free_transactions),
        min_per_transaction: p.min_per_transaction ?? '',
        max_per_transaction: p.max_per_transaction ?? ''
      })
  }
  return form
}

export function formFromPlan(plan: Plan): PlanForm {
  return {
    id: plan.id,
    name: plan.name,
    currency: plan.currency,
    interval_unit: plan.interval.unit,
    interval_count: String(plan.interval.count),
    alignment: plan.alignment,
    trial_days: String(plan.trial_days),
    tax_inclusive: plan.tax_inclusive,
    tax_rate: plan.tax_rate,
    minimum_commitment: plan.minimum_commitment ?? '',
    prices: plan.prices.map(priceForm),
    segments: Object.entries(plan.segment_prices ?? {}).map(([segment, prices]) => ({
      segment,
      prices: prices.map(priceForm)
    }))
  }
}

/** The shared plan schema's verdict, by field path ("prices.1.tiers.0.up_to"). */
export function checkPlanForm(form: PlanForm): Record<string, FieldError> {
  const input = planInputFromForm(form)
  const parsed = planSchema.safeParse(input)
  return parsed.success ? {} : toFieldErrors(parsed.error.issues, input)
}

/** The catalog keys of each field's label, by the last part of its path. */
const LABELS: Record<string, string> = {
  name: 'plans.name',
  id: 'plans.code',
  currency: 'customers.currency',
  count: 'plans.every',
  unit: 'plans.intervalUnit',
  trial_days: 'plans.trialDays',
  tax_rate: 'plans.taxRate',
  minimum_commitment: 'plans.minimumCommitment',
  description: 'plans.priceDescription',
  model: 'plans.model',
  timing: 'plans.timing',
  metric: 'plans.metric',
  code: 'plans.metric',
  property: 'plans.property',
  amount: 'plans.amount',
  unit_price: 'plans.unitPrice',
  flat_fee: 'plans.flatFee',
  up_to: 'plans.upTo',
  package_size: 'plans.packageSize',
  package_price: 'plans.packagePrice',
  free_units: 'plans.freeUnits',
  rate: 'plans.rate',
  fixed_fee: 'plans.fixedFee',
  free_amount: 'plans.freeAmount',
  free_transactions: 'plans.freeTransactions',
  min_per_transaction: 'plans.minPerTransaction',
  max_per_transaction: 'plans.maxPerTransaction',
  prices: 'plans.prices',
  tiers: 'plans.tiers',
  segment_prices: 'plans.segmentLists'
}

/** "prices.1.tiers.0.up_to" → "Price 2 › Tier 1 › Up to", in the UI language. */
export function pathLabel(
  t: (key: string, options?: Record<string, unknown>) => string,
  path: string
): string {
  const parts = path.split('.')
  const out: string[] = []
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    const next = parts[i + 1]
    if (part === 'segment_prices' && next !== undefined) {
      out.push(t('plans.segmentList', { segment: next }))
      i++
      if (parts[i + 1] !== undefined && /^\d+$/.test(parts[i + 1]!)) {
        out.push(t('plans.priceNumber', { n: Number(parts[i + 1]) + 1 }))
        i++
      }
    } else if (part === 'prices' && next !== undefined && /^\d+$/.test(next)) {
      out.push(t('plans.priceNumber', { n: Number(next) + 1 }))
      i++
    } else if (part === 'tiers' && next !== undefined && /^\d+$/.test(next)) {
      out.push(t('plans.tierNumber', { n: Number(next) + 1 }))
      i++
    } else if ((part !== 'interval' && part !== 'metric') || i === parts.length - 1) {
      out.push(t(LABELS[part] ?? part))
    }
  }
  return out.join(' › ')
}
