import { describe, expect, it } from 'vitest'
import { companyProfileInput, defaultLanguageFor } from './company'
import { formatPostalCode } from './party'
import { validPolishProfile } from './test-fixtures'

describe('postal codes', () => {
  it.each([
    ['PL', '00624', '00-624'],
    ['PL', ' 00-624 ', '00-624'],
    ['PL', '00 624', '00-624'],
    ['PL', '0062', '0062'],
    ['PL', '006245', '006245'],
    ['PT', '1100148', '1100-148'],
    ['PT', '1100-148', '1100-148'],
    ['BR', '01310100', '01310-100'],
    ['BR', '01310-100', '01310-100'],
    ['ES', '28013', '28013'],
    ['DE', '10115', '10115'],
    ['PL', 'AB-CDE', 'AB-CDE']
  ])('%s %j is written %j', (country, typed, written) => {
    expect(formatPostalCode(country, typed)).toBe(written)
  })

  const profile = (country: string, postalCode: string, taxId = '') => ({
    ...validPolishProfile(),
    country,
    taxId,
    iban: '',
    address: { ...validPolishProfile().address, postalCode }
  })

  it.each([
    ['PL', '00624', '00-624'],
    ['PT', '1100148', '1100-148'],
    ['BR', '01310100', '01310-100'],
    ['ES', '28013', '28013']
  ])('the company schema stores %s %j as %j', (country, typed, stored) => {
    expect(companyProfileInput.parse(profile(country, typed)).address.postalCode).toBe(stored)
  })

  it.each([
    ['PL', '0062'],
    ['PL', '00-6245'],
    ['PT', '110014'],
    ['BR', '0131010'],
    ['ES', '99999']
  ])('the company schema refuses %s %j', (country, typed) => {
    const result = companyProfileInput.safeParse(profile(country, typed))
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['address.postalCode'])
  })
})

describe('the default invoice language', () => {
  it.each([
    ['PL', 'pl'],
    ['ES', 'es'],
    ['BR', 'pt-BR'],
    ['PT', 'en'],
    ['DE', 'en'],
    ['', 'en']
  ])('of %j is %s', (country, language) => {
    expect(defaultLanguageFor(country)).toBe(language)
  })
})
