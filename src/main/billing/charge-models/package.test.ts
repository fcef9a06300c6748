import { describe, expect, it } from 'vitest'
import { rateCharge } from '.'
import { Dec } from '../decimal'
import { minor, price } from '../test/support'

describe('package', () => {
  // billing.md, Stripe transform_quantity: 10.00 per 5 users, rounded up
  const stripe = price({ model: 'package', package_size: 5, package_price: '10.00' })
  it.each([
    [1, 1000],
    [3, 1000],
    [5, 1000],
    [6, 2000],
    [7, 2000],
    [0, 0],
    ['5.01', 2000],
    [1_000_000, 200_000_000]
  ])('10.00 per 5 users, %s users → %i cents', (q, cents) => {
    expect(minor(stripe, q)).toBe(cents)
  })

  const withFree = price({
    model: 'package',
    package_size: 50,
    package_price: '2.00',
    free_units: 100
  })
  it.each([
    [0, 0],
    [100, 0],
    [101, 200],
    [150, 200],
    [151, 400]
  ])('100 free, then 2.00 per 50: %s → %i cents', (q, cents) => {
    expect(minor(withFree, q)).toBe(cents)
  })

  it('shows packages and free units', () => {
    expect(rateCharge(withFree, { quantity: new Dec(151) }).breakdown).toEqual([
      {
        type: 'package',
        units: '151',
        freeUnits: '100',
        packageSize: '50',
        packages: '2',
        packagePrice: '2.00',
        amount: '4'
      }
    ])
  })

  it('prices yen and dinar packages', () => {
    expect(
      minor(price({ model: 'package', package_size: 1000, package_price: '500' }), 2500, 'JPY')
    ).toBe(1500)
    expect(
      minor(price({ model: 'package', package_size: '0.5', package_price: '0.125' }), '1.2', 'BHD')
    ).toBe(375)
  })
})
