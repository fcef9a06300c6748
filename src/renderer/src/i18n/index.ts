import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { resources } from '@shared/i18n'
import { INTL_LOCALE, matchLanguage, type Language } from '@shared/languages'

/** The language the OS (via the browser or Electron) prefers, among Facturo's four. */
export const systemLanguage = (): Language => matchLanguage(navigator.languages)

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false
  })
  document.documentElement.lang = language
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language)
  document.documentElement.lang = language
}

/** The Intl locale for the UI language in use now. */
export const intlLocale = (): string =>
  INTL_LOCALE[(i18next.language as Language) ?? 'en'] ?? 'en-GB'
