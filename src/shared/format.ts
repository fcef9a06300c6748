/**
 * Days, quantities and exact money in a language's own formats (Intl), shared by the app's
 * screens and the documents main renders, so an invoice reads the same in both.
 */

import { cachedFormatter } from './intl-cache'

export function countryName(code: string, locale: string): string {
  const names = cachedFormatter(
    `region|${locale}`,
    () => new Intl.DisplayNames([locale], { type: 'region' })
  )
  return names.of(code) ?? code
}

/** A calendar day ("2026-01-31") in the UI language's short form; a day has no time zone. */
export function formatDay(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number)
  const format = cachedFormatter(
    `day|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  )
  return format.format(new Date(Date.UTC(y!, m! - 1, d!)))
}

/** A period of days, "1 Jan 2026 – 31 Jan 2026". */
export const formatPeriod = (start: string, end: string, locale: string): string =>
  `${formatDay(start, locale)} – ${formatDay(end, locale)}`

/** An exact decimal ("0.0006") as money in the UI language, keeping every digit it has. */
export function formatDecimalMoney(text: string, currency: string, locale: string): string {
  const digits = text.includes('.') ? text.split('.')[1]!.length : 0
  const exponent = currencyDigits(currency)
  const max = Math.max(exponent, digits)
  const format = cachedFormatter(
    `decimal-money|${locale}|${currency}|${max}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        minimumFractionDigits: exponent,
        maximumFractionDigits: max
      })
  )
  return format.format(text as unknown as number)
}

/** An exact decimal quantity ("1250", "2.5") in the UI language. */
export function formatQuantity(text: string, locale: string): string {
  const format = cachedFormatter(
    `quantity|${locale}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 20 })
  )
  return format.format(text as unknown as number)
}

function currencyDigits(currency: string): number {
  return cachedFormatter(
    `digits|${currency}`,
    () =>
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
  )
}
