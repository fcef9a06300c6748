import { describe, expect, it } from 'vitest'
import { currencyExponent, formatMoney, minorUnits, sampleAmount, decimalToMinor } from './money'

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

describe('decimalToMinor', () => {
  it('reads typed amounts exactly in the currency minor unit', () => {
    expect(decimalToMinor('12.5', 'PLN')).toBe(1250)
    expect(decimalToMinor('1234,56', 'EUR')).toBe(123456)
    expect(decimalToMinor(' 1 000.01 ', 'EUR')).toBe(100001)
    expect(decimalToMinor('-3', 'PLN')).toBe(-300)
    expect(decimalToMinor('500', 'JPY')).toBe(500)
    expect(decimalToMinor('1.234', 'BHD')).toBe(1234)
    // 0.1 + 0.2 style traps: no floating point on the way
    expect(decimalToMinor('0.29', 'EUR')).toBe(29)
    expect(decimalToMinor('1.005', 'EUR')).toBeNull()
    expect(decimalToMinor('5.5', 'JPY')).toBeNull()
    expect(decimalToMinor('abc', 'EUR')).toBeNull()
    expect(decimalToMinor('', 'EUR')).toBeNull()
  })
})
