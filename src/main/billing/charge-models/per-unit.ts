import { dec, text } from '../decimal'
import type { ChargeModel } from './types'

/** Quantity × unit price. */
export const perUnit: ChargeModel<'per_unit'> = (price, { quantity }) => {
  const amount = dec(price.unit_price).times(quantity)
  return {
    amount,
    breakdown: [
      { type: 'per_unit', units: text(quantity), unitPrice: price.unit_price, amount: text(amount) }
    ]
  }
}
