import type { Language } from '../languages'
import en from './locales/en.json'
import es from './locales/es.json'
import pl from './locales/pl.json'
import ptBR from './locales/pt-BR.json'

/** One catalog per UI language; en is the reference every other catalog must match key for key. */
export const catalogs: Readonly<Record<Language, Record<string, unknown>>> = {
  en,
  'pt-BR': ptBR,
  es,
  pl
}

/** The catalogs in the shape i18next expects (one namespace, "translation"). */
export const resources = Object.fromEntries(
  Object.entries(catalogs).map(([lng, catalog]) => [lng, { translation: catalog }])
)
