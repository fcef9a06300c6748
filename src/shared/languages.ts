/** The languages Facturo's UI and documents speak. */
export const LANGUAGES = ['en', 'pt-BR', 'es', 'pl'] as const
export type Language = (typeof LANGUAGES)[number]

export const isLanguage = (value: string): value is Language =>
  (LANGUAGES as readonly string[]).includes(value)

/** Picks the supported language closest to the user's preferred locales (e.g. "pl-PL" → "pl", "pt-PT" → "pt-BR"). */
export function matchLanguage(preferred: readonly string[]): Language {
  for (const locale of preferred) {
    const lower = locale.toLowerCase()
    const exact = LANGUAGES.find((l) => l.toLowerCase() === lower)
    if (exact) return exact
    const base = lower.split(/[-_]/)[0]
    const byBase = LANGUAGES.find((l) => l.toLowerCase().split('-')[0] === base)
    if (byBase) return byBase
  }
  return 'en'
}

/** The locale used by Intl for numbers, money and dates in each UI language. */
export const INTL_LOCALE: Readonly<Record<Language, string>> = {
  en: 'en-GB',
  'pt-BR': 'pt-BR',
  es: 'es-ES',
  pl: 'pl-PL'
}
