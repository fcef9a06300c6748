import Decimal from 'decimal.js'
import { isCurrencyCode } from '@shared/currencies'
import { currencyExponent } from '@shared/money'
import { BillingError } from './errors'
import { DECIMAL_ROUNDING, type RoundingMode } from '@shared/billing/line-amount'

/**
 * The engine's decimal: exact for + − ×, 60 significant digits for ÷ (proration fractions),
 * never binary floating point. Plain notation in strings (no exponents).
 */
export const Dec = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -60,
  toExpPos: 60
})
export type Dec = Decimal

export const ZERO = new Dec(0)
export const ONE = new Dec(1)
export const HUNDRED = new Dec(100)

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/

// Prices are read again and again while rating; their few distinct texts are parsed once.
const parsed = new Map<string, Dec>()
const PARSED_LIMIT = 10_000

/** Reads a decimal from text ("0.0006") or a safe integer; anything else is refused. */
export function dec(value: string | number | Dec, path?: string): Dec {
  if (value instanceof Dec) return value
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new BillingError('INVALID_INPUT', `${value} must be written as a decimal string`, path)
    }
    return new Dec(value)
  }
  const known = parsed.get(value)
  if (known) return known
  if (!DECIMAL_TEXT.test(value)) {
    throw new BillingError('INVALID_INPUT', `"${value}" is not a decimal number`, path)
  }
  if (parsed.size >= PARSED_LIMIT) parsed.clear()
  const d = new Dec(value)
  parsed.set(value, d)
  return d
}

/** How a computed amount becomes whole minor units. The default is half away from zero. */
export type { RoundingMode }

/** The currency's exponent (shared `currencyExponent`), refused as the engine's own error. */
export function exponentOf(currency: string): number {
  if (!isCurrencyCode(currency))
    throw new BillingError('INVALID_INPUT', `${currency} is not an ISO 4217 currency`)
  return currencyExponent(currency)
}

/** A decimal count of minor units rounded to a whole one (for amounts already in minor units). */
export function roundMinor(minor: Dec, mode: RoundingMode = 'half_away_from_zero'): number {
  const n = minor.toDecimalPlaces(0, DECIMAL_ROUNDING[mode]).toNumber()
  if (!Number.isSafeInteger(n)) {
    throw new BillingError('INVALID_INPUT', `${minor.toFixed()} minor units is too large to bill`)
  }
  return n === 0 ? 0 : n
}

const POWERS_OF_TEN = [0, 1, 2, 3, 4].map((e) => new Dec(10).pow(e))
const minorUnitsPerMajor = (currency: string): Dec =>
  POWERS_OF_TEN[exponentOf(currency)] ?? new Dec(10).pow(exponentOf(currency))

/** The one rounding of a line: a decimal amount in major units → an integer of minor units. */
export function toMinor(
  amount: Dec,
  currency: string,
  mode: RoundingMode = 'half_away_from_zero'
): number {
  return roundMinor(amount.times(minorUnitsPerMajor(currency)), mode)
}

/** Minor units back to an exact decimal in major units. */
export const fromMinor = (minor: number, currency: string): Dec =>
  new Dec(minor).div(minorUnitsPerMajor(currency))

/**
 * Text for quantities and breakdowns: plain notation, at most 12 decimals (a time-weighted
 * quantity can be a repeating decimal; amounts are computed from the exact value and rounded once).
 */
export const text = (d: Dec): string =>
  (d.decimalPlaces() <= 12 ? d : d.toDecimalPlaces(12)).toFixed()

/** An amount in major units written with the currency's decimals ("100" EUR → "100.00"). */
export const money = (d: Dec, currency: string): string =>
  d.toFixed(Math.max(exponentOf(currency), d.decimalPlaces()))
