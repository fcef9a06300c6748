import type { Customer, TaxCategory, TaxRate } from '@shared/billing/inputs'
import { dec, Dec, HUNDRED, roundMinor, type RoundingMode } from './decimal'
import { BillingError } from './errors'

/** The tax a line carries once the customer's treatment is applied to the price's rate. */
export interface ResolvedTax {
  rateId: string
  category: TaxCategory
  /** Percent as a plain decimal ("23", "8.5", "0"). */
  percent: string
  exemptionReason?: string
  /** VATEX code (EN 16931 BT-121). */
  exemptionCode?: string
}

/** Legal wording the invoice must carry for each treatment (VAT Directive art. 226 (11), (11a)). */
export const TREATMENT_WORDING = {
  reverse_charge: { category: 'AE', reason: 'Reverse charge', code: 'VATEX-EU-AE' },
  export: { category: 'G', reason: 'Export outside the EU', code: 'VATEX-EU-G' }
} as const

export function resolveTax(
  rateId: string,
  rates: readonly TaxRate[],
  customer: Customer
): ResolvedTax {
  const rate = rates.find((r) => r.id === rateId)
  if (!rate) {
    throw new BillingError(
      'INVALID_INPUT',
      `tax rate "${rateId}" is not among the company's tax rates (${rates.map((r) => r.id).join(', ') || 'none'})`
    )
  }
  const taxable = rate.category === 'S' || rate.category === 'Z'
  if (
    taxable &&
    (customer.tax_treatment === 'reverse_charge' || customer.tax_treatment === 'export')
  ) {
    const w = TREATMENT_WORDING[customer.tax_treatment]
    return {
      rateId,
      category: w.category,
      percent: '0',
      exemptionReason: w.reason,
      exemptionCode: w.code
    }
  }
  if (taxable && customer.tax_treatment === 'exempt') {
    return { rateId, category: 'E', percent: '0', exemptionReason: customer.exemption_reason }
  }
  return {
    rateId,
    category: rate.category,
    percent: dec(rate.percent).toFixed(),
    exemptionReason: rate.exemption_reason,
    exemptionCode: rate.exemption_code
  }
}

/** One VAT category of the invoice (EN 16931 BG-23): its taxable amount and its tax, in minor units. */
export interface TaxGroup {
  category: TaxCategory
  percent: string
  exemptionReason?: string
  exemptionCode?: string
  taxableAmount: number
  taxAmount: number
}

export interface TaxOptions {
  inclusive: boolean
  calculation: 'per_category' | 'per_line'
  rounding: RoundingMode
}

export interface TaxedLines {
  groups: TaxGroup[]
  /** Each line's net amount (its amount after discount, without tax). */
  lineNet: number[]
  /** Each line's tax, when tax is computed per line. */
  lineTax: (number | null)[]
}

const taxOn = (net: number, percent: Dec, rounding: RoundingMode) =>
  roundMinor(percent.times(net).div(HUNDRED), rounding)

/**
 * Splits a tax-inclusive total G of one category into net T and tax X = G − T. The split where
 * X = round(T × rate) holds is chosen when one exists (it is unique, and it is the exclusive
 * price the gross came from); otherwise X = round(G × rate / (1 + rate)).
 */
export function splitInclusive(
  gross: number,
  percent: Dec,
  rounding: RoundingMode
): { net: number; tax: number } {
  const estimate = roundMinor(dec(gross).times(HUNDRED).div(HUNDRED.plus(percent)), rounding)
  for (const net of [estimate, estimate - 1, estimate + 1]) {
    if (net + taxOn(net, percent, rounding) === gross) return { net, tax: gross - net }
  }
  const tax = roundMinor(dec(gross).times(percent).div(HUNDRED.plus(percent)), rounding)
  return { net: gross - tax, tax }
}

/** Line nets of an inclusive category that sum exactly to its net: one rounding per line, the residual to the largest lines. */
function inclusiveLineNets(
  amounts: number[],
  total: number,
  percent: Dec,
  rounding: RoundingMode
): number[] {
  const nets = amounts.map((a) =>
    roundMinor(dec(a).times(HUNDRED).div(HUNDRED.plus(percent)), rounding)
  )
  let residual = total - nets.reduce((a, n) => a + n, 0)
  const order = amounts
    .map((a, i) => ({ a: Math.abs(a), i }))
    .sort((x, y) => y.a - x.a || x.i - y.i)
  for (let k = 0; residual !== 0 && order.length > 0; k = (k + 1) % order.length) {
    const step = residual > 0 ? 1 : -1
    nets[order[k]!.i]! += step
    residual -= step
  }
  return nets
}

const groupKey = (t: ResolvedTax) => `${t.category}|${t.percent}|${t.exemptionReason ?? ''}`

/**
 * Taxes of an invoice. Per category (EN 16931 BT-117, the default): round(sum of the category's
 * net lines × rate), once. Per line, where a country allows it: each line rounded, then summed.
 * `amounts` are the lines' amounts after discounts, in the prices' terms (with tax when inclusive).
 */
export function computeTaxes(
  amounts: readonly number[],
  taxes: readonly ResolvedTax[],
  options: TaxOptions
): TaxedLines {
  const lineNet = [...amounts]
  const lineTax: (number | null)[] = amounts.map(() => null)
  const byGroup = new Map<string, number[]>()
  taxes.forEach((t, i) => byGroup.set(groupKey(t), [...(byGroup.get(groupKey(t)) ?? []), i]))
  const groups: TaxGroup[] = []
  for (const indexes of byGroup.values()) {
    const tax = taxes[indexes[0]!]!
    const percent = dec(tax.percent)
    const sum = indexes.reduce((a, i) => a + amounts[i]!, 0)
    let taxableAmount: number
    let taxAmount: number
    if (options.calculation === 'per_line') {
      for (const i of indexes) {
        const split = options.inclusive
          ? splitInclusive(amounts[i]!, percent, options.rounding)
          : { net: amounts[i]!, tax: taxOn(amounts[i]!, percent, options.rounding) }
        lineTax[i] = split.tax
        lineNet[i] = split.net
      }
      taxAmount = indexes.reduce((a, i) => a + lineTax[i]!, 0)
      taxableAmount = indexes.reduce((a, i) => a + lineNet[i]!, 0)
    } else if (options.inclusive) {
      ;({ net: taxableAmount, tax: taxAmount } = splitInclusive(sum, percent, options.rounding))
      const nets = inclusiveLineNets(
        indexes.map((i) => amounts[i]!),
        taxableAmount,
        percent,
        options.rounding
      )
      indexes.forEach((i, k) => (lineNet[i] = nets[k]!))
    } else {
      taxableAmount = sum
      taxAmount = taxOn(sum, percent, options.rounding)
    }
    groups.push({
      category: tax.category,
      percent: tax.percent,
      exemptionReason: tax.exemptionReason,
      exemptionCode: tax.exemptionCode,
      taxableAmount,
      taxAmount
    })
  }
  return { groups, lineNet, lineTax }
}
