import { dec } from '../decimal'
import { tierIndexFor, wholeQuantityStep } from './tiers'
import type { ChargeModel } from './types'

/** All units at the unit price of the tier the quantity falls in, plus that tier's flat fee. */
export const volume: ChargeModel<'volume'> = (price, { quantity }) => {
  const i = tierIndexFor(price.tiers, quantity)
  const tier = price.tiers[i]!
  const amount = quantity.times(dec(tier.unit_price)).plus(dec(tier.flat_fee))
  return {
    amount,
    breakdown: [wholeQuantityStep(price.tiers, i, quantity, tier.unit_price, amount)]
  }
}
