import { dec, text } from '../decimal'
import type { ChargeModel } from './types'

/** The price once per period, times the subscription's quantity (seats). */
export const flat: ChargeModel<'flat'> = (price, { quantity }) => {
  const amount = dec(price.amount).times(quantity)
  return {
    amount,
    breakdown: [
      { type: 'flat', quantity: text(quantity), unitAmount: price.amount, amount: text(amount) }
    ]
  }
}
