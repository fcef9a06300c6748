import { dec, Dec, text, ZERO } from '../decimal'
import { tierAbove } from './tiers'
import type { BreakdownStep, ChargeModel } from './types'

/**
 * Each tier the quantity reaches contributes (its units) × its unit price + its flat fee.
 * q = 0 reaches the first tier only, so its flat fee is charged.
 */
export const graduated: ChargeModel<'graduated'> = (price, { quantity }) => {
  const breakdown: BreakdownStep[] = []
  let amount = ZERO
  for (const [i, tier] of price.tiers.entries()) {
    const above = dec(tierAbove(price.tiers, i))
    if (i > 0 && quantity.lte(above)) break
    const top = tier.up_to === null ? quantity : Dec.min(quantity, dec(tier.up_to))
    const units = Dec.max(top.minus(above), ZERO)
    const step = units.times(dec(tier.unit_price)).plus(dec(tier.flat_fee))
    amount = amount.plus(step)
    breakdown.push({
      type: 'tier',
      tier: i + 1,
      above: text(above),
      upTo: tier.up_to,
      units: text(units),
      unitPrice: tier.unit_price,
      flatFee: tier.flat_fee,
      amount: text(step)
    })
  }
  return { amount, breakdown }
}
