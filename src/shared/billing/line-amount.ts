import Decimal from 'decimal.js'
import { currencyExponent } from '../money'
import type { ROUNDING_MODES } from './inputs'

export type RoundingMode = (typeof ROUNDING_MODES)[number]

/** How each of the company's rounding modes rounds a decimal (decimal.js's constants). */
export const DECIMAL_ROUNDING: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  half_away_from_zero: Decimal.ROUND_HALF_UP,
  half_even: Decimal.ROUND_HALF_EVEN,
  half_toward_zero: Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN
}

const Exact = Decimal.clone({ precision: 60, toExpNeg: -60, toExpPos: 60 })
const SIGNED_DECIMAL = /^-?\d{1,13}(\.\d{1,12})?$/

/**
 * A one-off line's amount: quantity × unit price, exact, rounded once to the currency's minor
 * units in the company's mode. The same function shows the amount while it is typed and makes
 * the line, so what the dialog shows is what the invoice gets. Null when either is not a number
 * or the amount is past what can be billed.
 */
export function lineAmountMinor(
  quantity: string,
  unitPrice: string,
  currency: string,
  mode: RoundingMode = 'half_away_from_zero'
): number | null {
  const q = quantity.trim()
  const p = unitPrice.trim().replace(',', '.')
  if (!SIGNED_DECIMAL.test(q) || !SIGNED_DECIMAL.test(p)) return null
  const minor = new Exact(q)
    .times(p)
    .times(new Exact(10).pow(currencyExponent(currency)))
    .toDecimalPlaces(0, DECIMAL_ROUNDING[mode])
    .toNumber()
  return Number.isSafeInteger(minor) && Math.abs(minor) <= 1e13 ? minor + 0 : null
}
