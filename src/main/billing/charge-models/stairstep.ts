import { dec } from '../decimal'
import { tierIndexFor, wholeQuantityStep } from './tiers'
import type { ChargeModel } from './types'

/** The flat fee of the tier the quantity falls in; no unit price. */
export const stairstep: ChargeModel<'stairstep'> = (price, { quantity }) => {
  const i = tierIndexFor(price.tiers, quantity)
  const amount = dec(price.tiers[i]!.flat_fee)
  return { amount, breakdown: [wholeQuantityStep(price.tiers, i, quantity, '0', amount)] }
}
