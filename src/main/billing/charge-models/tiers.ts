import { dec, type Dec } from '../decimal'

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
