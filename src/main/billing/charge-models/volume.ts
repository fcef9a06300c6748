import { dec, text } from '../decimal'
import { tierAbove, tierIndexFor } from './tiers'
import type { ChargeModel } from './types'

/** All units at the unit price of the tier the quantity falls in, plus that tier's flat fee. */
export const volume: ChargeModel<'volume'> = (price, { quantity }) => {
  const i = tierIndexFor(price.tiers, quantity)
  const tier = price.tiers[i]!
  const amount = quantity.times(dec(tier.unit_price)).plus(dec(tier.flat_fee))
  return {
    amount,
    breakdown: [
      {
        type: 'tier',
        tier: i + 1,
        above: tierAbove(price.tiers, i),
        upTo: tier.up_to,
        units: text(quantity),
        unitPrice: tier.unit_price,
        flatFee: tier.flat_fee,
        amount: text(amount)
      }
    ]
  }
}
