import { describe, expect, it } from 'vitest'
import { linePrice } from './en16931'
import { endpointOf, vatIdOf } from './parties'

describe('VAT ids as EN 16931 writes them', () => {
  it.each([
    ['526-025-02-74', 'PL', 'PL5260250274'],
    ['PL5260250274', 'PL', 'PL5260250274'],
    ['B12345678', 'ES', 'ESB12345678'],
    ['094014298', 'GR', 'EL094014298'],
    ['12.345.678/0001-95', 'BR', null],
    ['', 'PL', null]
  ])('%j of a party in %s is %j', (taxId, country, expected) => {
    expect(vatIdOf(taxId, country)).toBe(expected)
  })
})

describe('Peppol addresses', () => {
  it.each([
    ['5260250274', 'PL', undefined, { scheme: '9945', id: 'PL5260250274' }],
    ['DE136695976', 'DE', undefined, { scheme: '9930', id: 'DE136695976' }],
    ['IT01234567890', 'IT', undefined, { scheme: '0211', id: '01234567890' }],
    ['', 'US', '0088:5790000435975', { scheme: '0088', id: '5790000435975' }],
    ['5260250274', 'PL', '0088:5790000435975', { scheme: '0088', id: '5790000435975' }],
    ['', 'US', undefined, null],
    ['123', 'SE', undefined, null]
  ])('%j in %s (given %j) is %j', (taxId, country, peppolId, expected) => {
    expect(endpointOf(taxId, country, peppolId)).toEqual(expected)
  })
})

describe('the price of one on a line', () => {
  it.each([
    // amount (minor), quantity, exponent → price, base quantity
    [20000, '2', 2, '100', null],
    [9999, '3', 2, '33.33', null],
    [14516, '3', 2, '145.16', '3'],
    [2152, '12345', 2, '21.52', '12345'],
    [125, '0.5', 2, '2.5', null],
    [-4839, '1', 2, '48.39', null],
    [12000, '1', 0, '12000', null],
    [1, '8', 2, '0.00125', null],
    [500, '0', 2, '5.00', null]
  ])(
    '%d minor units for %s at exponent %d: %s per %s',
    (amount, quantity, exponent, price, base) => {
      expect(linePrice(amount, quantity, exponent)).toEqual({ price, baseQuantity: base })
    }
  )
})
