import { describe, expect, it } from 'vitest'
import { matchLanguage } from './languages'

describe('UI language from the OS locale', () => {
  it.each([
    [['pl-PL'], 'pl'],
    [['pt-BR', 'en'], 'pt-BR'],
    [['pt-PT'], 'pt-BR'],
    [['es-MX'], 'es'],
    [['de-DE', 'es-ES'], 'es'],
    [['en-US'], 'en'],
    [['de-DE', 'fr-FR'], 'en'],
    [[], 'en']
  ])('%j → %s', (locales, expected) => {
    expect(matchLanguage(locales)).toBe(expected)
  })
})
