import Decimal from 'decimal.js'
import { dec, Dec, text, ZERO } from '../decimal'
import type { ChargeModel } from './types'

/** Whole packages: ceil((q − free units) / package size) × package price; nothing up to the free units. */
export const packaged: ChargeModel<'package'> = (price, { quantity }) => {
  const free = dec(price.free_units)
  const size = dec(price.package_size)
  const chargeable = Dec.max(quantity.minus(free), ZERO)
  const packages = chargeable.div(size).toDecimalPlaces(0, Decimal.ROUND_CEIL)
  const amount = packages.times(dec(price.package_price))
  return {
    amount,
    breakdown: [
      {
        type: 'package',
        units: text(quantity),
        freeUnits: price.free_units,
        packageSize: price.package_size,
        packages: text(packages),
        packagePrice: price.package_price,
        amount: text(amount)
      }
    ]
  }
}
