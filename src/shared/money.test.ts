import { describe, expect, it } from 'vitest'
import { currencyExponent, formatMoney, minorUnits, sampleAmount } from './money'

describe('money', () => {
  it('knows ISO 4217 exponents', () => {
    expect(currencyExponent('EUR')).toBe(2)
    expect(currencyExponent('PLN')).toBe(2)
    expect(currencyExponent('JPY')).toBe(0)
    expect(currencyExponent('BHD')).toBe(3)
    expect(() => currencyExponent('XXX')).toThrow(/Unknown currency/)
  })

  it('refuses amounts that are not integers of minor units', () => {
    expect(() => minorUnits(10.5)).toThrow(RangeError)
    expect(() => minorUnits(2 ** 60)).toThrow(RangeError)
  })

  it.each([
    [123456, 'EUR', 'de-DE', '1.234,56 €'],
    [123456, 'PLN', 'pl-PL', '1234,56 zł'],
    [123456, 'BRL', 'pt-BR', 'R$ 1.234,56'],
    [-5, 'EUR', 'es-ES', '-0,05 €'],
    [1234, 'JPY', 'en-GB', 'JP¥1,234'],
    [1234567, 'BHD', 'en-GB', 'BHD 1,234.567'],
    // past 2^53 of a float's cents this would round; the decimal string path does not
    [900719925474099, 'EUR', 'en-GB', '€9,007,199,254,740.99']
  ])('%i %s in %s → %s', (amount, currency, locale, expected) => {
    expect(formatMoney(minorUnits(amount), currency, locale).replace(/\s/g, ' ')).toBe(expected)
  })

  it('shows each currency with a sample of 1234.56 in its own precision', () => {
    expect(sampleAmount('EUR')).toBe(123456)
    expect(sampleAmount('BHD')).toBe(1234560)
    expect(sampleAmount('JPY')).toBe(1235)
    expect(formatMoney(sampleAmount('BHD'), 'BHD', 'en-GB')).toBe('BHD\u00a01,234.560')
  })
})
