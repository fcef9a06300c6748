import {
  planSchema,
  priceSchema,
  type Plan,
  type PlanInput,
  type Price
} from '@shared/billing/plan'
import { rateCharge } from '../charge-models'
import { Dec, toMinor, type RoundingMode } from '../decimal'

/** A price as the plan JSON would give it (defaults filled in by the schema). */
export function price(fields: Record<string, unknown>): Price {
  return priceSchema.parse({ id: 'p', description: 'Test price', ...fields })
}

export function plan(fields: Partial<PlanInput> & Pick<PlanInput, 'prices'>): Plan {
  return planSchema.parse({
    id: 'plan',
    name: 'Plan',
    currency: 'EUR',
    interval: 'month',
    ...fields
  })
}

/** A price's amount for a quantity, rounded once to minor units. */
export function minor(
  p: Price,
  quantity: string | number,
  currency = 'EUR',
  rounding?: RoundingMode
): number {
  return toMinor(rateCharge(p, { quantity: new Dec(quantity) }).amount, currency, rounding)
}

/** Stripe's "tiered pricing" example: 1–5 at 7.00, 6–10 at 6.50, 11+ at 6.00. */
export const STRIPE_TIERS = [
  { up_to: 5, unit_price: '7.00' },
  { up_to: 10, unit_price: '6.50' },
  { up_to: null, unit_price: '6.00' }
]

/** Stripe's example with flat fees: unit 5/4/3/2/1, flat 10/20/30/40/50, up to 5/10/15/20/∞. */
export const STRIPE_TIERS_WITH_FEES = [
  { up_to: 5, unit_price: '5', flat_fee: '10' },
  { up_to: 10, unit_price: '4', flat_fee: '20' },
  { up_to: 15, unit_price: '3', flat_fee: '30' },
  { up_to: 20, unit_price: '2', flat_fee: '40' },
  { up_to: null, unit_price: '1', flat_fee: '50' }
]
