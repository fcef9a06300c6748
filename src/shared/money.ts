import { CURRENCY_EXPONENTS } from './currencies'
import { ownValue } from './own'
import { cachedFormatter } from './intl-cache'

/** An amount of money as an integer count of the currency's minor unit (cents for EUR, units for JPY). */
export type MinorUnits = number & { readonly __brand: 'MinorUnits' }

export const minorUnits = (n: number): MinorUnits => {
  if (!Number.isSafeInteger(n))
    throw new RangeError(`Money must be an integer of minor units, got ${n}`)
  return n as MinorUnits
}

export function currencyExponent(currency: string): number {
  const exponent = ownValue(CURRENCY_EXPONENTS, currency)
  if (exponent === undefined) throw new RangeError(`Unknown currency ${currency}`)
  return exponent
}

/** Minor units as an exact decimal string in major units: 4900 EUR → "49.00", -5 EUR → "-0.05". */
export function minorToDecimal(amount: number, currency: string): string {
  const exponent = currencyExponent(currency)
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0')
  const decimal =
    exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
  return amount < 0 ? `-${decimal}` : decimal
}

/**
 * Formats minor units with Intl in the given locale, using the currency's own exponent.
 * The conversion to a decimal string is exact (no floating-point division).
 */
export function formatMoney(amount: MinorUnits, currency: string, locale: string): string {
  const exponent = currencyExponent(currency)
  const format = cachedFormatter(
    `money|${locale}|${currency}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: exponent,
        maximumFractionDigits: exponent
      })
  )
  // Intl accepts decimal strings exactly (ES2023 Intl.NumberFormat v3).
  return format.format(minorToDecimal(amount, currency) as unknown as number)
}

/** A sample amount for showing how a currency prints: 1234.56 in its own precision. */
export function sampleAmount(currency: string): MinorUnits {
  const exponent = currencyExponent(currency)
  return minorUnits(exponent >= 2 ? 123456 * 10 ** (exponent - 2) : 1235)
}

/**
 * A typed amount in major units ("12.5", "-3", "1234,56" with a decimal comma) as minor units of
 * the currency, exactly; null when it is not an amount or has more decimals than the currency.
 */
export function decimalToMinor(text: string, currency: string): number | null {
  const exponent = currencyExponent(currency)
  const match = /^(-)?(\d{1,13})(?:[.,](\d+))?$/.exec(text.trim().replace(/[\s\u00a0]/g, ''))
  if (!match) return null
  const [, sign, whole, fraction = ''] = match
  if (fraction.length > exponent) return null
  const minor = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0')
  return sign ? -minor : minor
}
