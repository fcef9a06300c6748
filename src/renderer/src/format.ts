import { COUNTRY_CODES } from '@shared/countries'
import { CURRENCY_CODES } from '@shared/currencies'
import { LANGUAGES, type Language } from '@shared/languages'
import {
  countryName,
  formatDay,
  formatDecimalMoney,
  formatPeriod,
  formatQuantity
} from '@shared/format'

// the formats the invoice document shares with main's PDF
export { countryName, formatDay, formatDecimalMoney, formatPeriod, formatQuantity }

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

/** Today on this computer's calendar ("2026-11-21"); toISOString would give the UTC day. */
export function today(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
