import { dec, text, type Dec } from '../decimal'
import type { BreakdownStep } from './types'

export interface TierLimits {
  up_to: string | null
}

/** The tier a quantity belongs to: previous up_to < q ≤ up_to; q = 0 belongs to the first. */
export function tierIndexFor(tiers: readonly TierLimits[], quantity: Dec): number {
  const index = tiers.findIndex((t) => t.up_to === null || quantity.lte(dec(t.up_to)))
  return index === -1 ? tiers.length - 1 : index
}

/** Where tier i starts (exclusive): the previous tier's up_to, or 0. */
export const tierAbove = (tiers: readonly TierLimits[], i: number): string =>
  i === 0 ? '0' : tiers[i - 1]!.up_to!

/** The breakdown step of a model that prices the whole quantity in one tier (volume, stairstep). */
export function wholeQuantityStep(
  tiers: readonly (TierLimits & { flat_fee: string })[],
  i: number,
  quantity: Dec,
  unitPrice: string,
  amount: Dec
): BreakdownStep {
  const tier = tiers[i]!
  return {
    type: 'tier',
    tier: i + 1,
    above: tierAbove(tiers, i),
    upTo: tier.up_to,
    units: text(quantity),
    unitPrice,
    flatFee: tier.flat_fee,
    amount: text(amount)
  }
}
