import { MODELS, type ChargeModelName, type Price } from '@shared/billing/plan'
import { BillingError } from '../errors'
import { flat } from './flat'
import { graduated } from './graduated'
import { packaged } from './package'
import { percentage } from './percentage'
import { perUnit } from './per-unit'
import { stairstep } from './stairstep'
import type { ChargeInput, ChargeModel, ChargeResult } from './types'
import { volume } from './volume'

export type { BreakdownStep, ChargeInput, ChargeResult } from './types'

const REGISTRY: { [M in ChargeModelName]: ChargeModel<M> } = {
  flat,
  per_unit: perUnit,
  graduated,
  volume,
  package: packaged,
  percentage,
  stairstep
}

/** The charge model of a name; an unknown name is refused, never guessed. */
export function chargeModel<M extends ChargeModelName>(name: M): ChargeModel<M>
export function chargeModel(name: string): ChargeModel<ChargeModelName>
export function chargeModel(name: string): unknown {
  if (!(MODELS as readonly string[]).includes(name)) {
    throw new BillingError(
      'UNKNOWN_MODEL',
      `"${name}" is not a charge model; use one of ${MODELS.join(', ')}`
    )
  }
  return REGISTRY[name as ChargeModelName]
}

/** Computes a price's amount (unrounded) and its breakdown for a quantity. */
export function rateCharge(price: Price, input: ChargeInput): ChargeResult {
  if (input.quantity.isNegative()) {
    throw new BillingError(
      'INVALID_INPUT',
      `the quantity for ${price.id} cannot be negative (${input.quantity.toFixed()})`
    )
  }
  const model = chargeModel(price.model) as ChargeModel<typeof price.model>
  return model(price as never, input)
}
