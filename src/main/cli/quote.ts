import { writeFileSync } from 'node:fs'
import {
  billingSettingsSchema,
  couponSchema,
  customerSchema,
  usageFileSchema
} from '@shared/billing/inputs'
import { planSchema } from '@shared/billing/plan'
import { minorToDecimal } from '@shared/money'
import { BillingError, Dec, quote, type Quote } from '../billing'
import { dateOption, parseOptions } from './args'
import { CliError } from './errors'
import { readValidated } from './json-file'

export const QUOTE_USAGE = `npm run cli -- quote --plan plan.json [--usage usage.json] [--quantity N]
                    --from YYYY-MM-DD --to YYYY-MM-DD
                    [--settings settings.json] [--customer customer.json] [--coupon coupon.json ...]
                    [--out quote.json]`

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const snakeKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(snakeKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), snakeKeys(v)]))
      : value

/** The draft invoice as the CLI prints it: money as exact decimal strings in the currency's major unit. */
export function quoteJson(q: Quote): unknown {
  const m = (minor: number) => minorToDecimal(minor, q.currency)
  return {
    plan: q.plan,
    currency: q.currency,
    from: q.from,
    to: q.to,
    tax_inclusive: q.taxInclusive,
    taxes_applied: q.taxesApplied,
    periods: q.periods.map((p) => ({
      start: p.start,
      end: p.end,
      days: p.activeDays,
      of_days: p.fullDays
    })),
    lines: q.lines.map((l) => ({
      kind: l.kind,
      description: l.description,
      period: l.period,
      price: l.priceId ?? null,
      model: l.model ?? null,
      quantity: l.quantity,
      amount: m(l.amount),
      discount: m(l.discount),
      net: m(l.netAmount),
      tax: l.tax
        ? {
            category: l.tax.category,
            percent: l.tax.percent,
            ...(l.taxAmount === null ? {} : { amount: m(l.taxAmount) })
          }
        : null,
      proration: l.proration?.computation ?? null,
      breakdown: snakeKeys(l.breakdown)
    })),
    discounts: q.discounts.map((d) => ({
      coupon: d.couponId,
      name: d.name,
      type: d.type,
      amount: m(d.amount)
    })),
    taxes: q.taxes.map((g) => ({
      category: g.category,
      percent: g.percent,
      taxable: m(g.taxableAmount),
      tax: m(g.taxAmount),
      ...(g.exemptionReason ? { exemption_reason: g.exemptionReason } : {})
    })),
    subtotals: {
      lines: m(q.subtotals.lines),
      discounts: m(q.subtotals.discounts),
      net: m(q.subtotals.net),
      tax: m(q.subtotals.tax),
      total: m(q.subtotals.total),
      credits_applied: m(q.subtotals.creditsApplied),
      amount_due: m(q.subtotals.amountDue)
    },
    legal_notes: q.legalNotes
  }
}

function date(options: Record<string, string[]>, name: string): string {
  return dateOption('quote', name, options[name]![0]!)
}

/** `quote`: the draft invoice of a plan over a stretch of days, as JSON. */
export function runQuote(argv: readonly string[]): string {
  const options = parseOptions('quote', argv, {
    plan: { value: true, required: true },
    usage: { value: true },
    quantity: { value: true },
    from: { value: true, required: true },
    to: { value: true, required: true },
    settings: { value: true },
    customer: { value: true },
    coupon: { value: true, repeatable: true },
    out: { value: true }
  })
  const quantity = options.quantity?.[0] ?? '1'
  if (!/^\d+(\.\d+)?$/.test(quantity))
    throw new CliError(`quote: --quantity must be a number of 0 or more, not "${quantity}"`)
  const from = date(options, 'from')
  const to = date(options, 'to')
  if (to < from) throw new CliError(`quote: --to (${to}) is before --from (${from})`)
  try {
    const result = quote({
      plan: readValidated(options.plan![0]!, planSchema),
      usage: options.usage ? readValidated(options.usage[0]!, usageFileSchema) : [],
      quantity: new Dec(quantity),
      from,
      to,
      settings: options.settings
        ? readValidated(options.settings[0]!, billingSettingsSchema)
        : undefined,
      customer: options.customer ? readValidated(options.customer[0]!, customerSchema) : undefined,
      coupons: (options.coupon ?? []).map((file) => readValidated(file, couponSchema))
    })
    const json = `${JSON.stringify(quoteJson(result), null, 2)}\n`
    if (options.out) {
      writeFileSync(options.out[0]!, json)
      return `Quote written to ${options.out[0]}\n`
    }
    return json
  } catch (error) {
    if (error instanceof BillingError) throw new CliError(`quote: ${error.message}`)
    throw error
  }
}
