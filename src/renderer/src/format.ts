import { COUNTRY_CODES } from '@shared/countries'
import { CURRENCY_CODES } from '@shared/currencies'
import { LANGUAGES, type Language } from '@shared/languages'

/** Country names in the UI language, sorted the way that language sorts. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' })
  return COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort(
    (a, b) => a.label.localeCompare(b.label, locale)
  )
}

export function currencyOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' })
  return CURRENCY_CODES.map((code) => ({
    value: code,
    label: `${code} — ${names.of(code) ?? code}`
  }))
}

/** Each language named in itself ("Polski", "Español"), as language pickers do. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  es: 'Español',
  pl: 'Polski'
}

export const languageOptions = () => LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso)
  )
}

export function formatDate(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date)
}

export function countryName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code
}

/** A calendar day ("2026-01-31") in the UI language's short form; a day has no time zone. */
export function formatDay(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!))
  )
}

/** A period of days, "1 Jan 2026 – 31 Jan 2026". */
export const formatPeriod = (start: string, end: string, locale: string): string =>
  `${formatDay(start, locale)} – ${formatDay(end, locale)}`

/** An exact decimal ("0.0006") as money in the UI language, keeping every digit it has. */
export function formatDecimalMoney(text: string, currency: string, locale: string): string {
  const digits = text.includes('.') ? text.split('.')[1]!.length : 0
  const exponent = currencyDigits(currency)
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: Math.max(exponent, digits)
  }).format(text as unknown as number)
}

/** An exact decimal quantity ("1250", "2.5") in the UI language. */
export function formatQuantity(text: string, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(
    text as unknown as number
  )
}

function currencyDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  )
}

/** Today on this computer's calendar ("2026-11-21"); toISOString would give the UTC day. */
export function today(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
