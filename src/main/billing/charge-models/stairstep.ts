import { dec, text } from '../decimal'
import { tierAbove, tierIndexFor } from './tiers'
import type { ChargeModel } from './types'

/** The flat fee of the tier the quantity falls in; no unit price. */
export const stairstep: ChargeModel<'stairstep'> = (price, { quantity }) => {
  const i = tierIndexFor(price.tiers, quantity)
  const tier = price.tiers[i]!
  const amount = dec(tier.flat_fee)
  return {
    amount,
    breakdown: [
      {
        type: 'tier',
        tier: i + 1,
        above: tierAbove(price.tiers, i),
        upTo: tier.up_to,
        units: text(quantity),
        unitPrice: '0',
        flatFee: tier.flat_fee,
        amount: text(amount)
      }
    ]
  }
}
