import i18next, { type i18n } from 'i18next'
import { resources } from '@shared/i18n'
import type { Language } from '@shared/languages'

/** Main-process translations (menu, dialogs) from the same catalogs the renderer uses. */
export async function createMainI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance()
  await instance.init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }
  })
  return instance
}
