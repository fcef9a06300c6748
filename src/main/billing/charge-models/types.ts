import type { BreakdownStep } from '@shared/billing/breakdown'
import type { ChargeModelName, Price } from '@shared/billing/plan'
import type { Dec } from '../decimal'

export interface ChargeInput {
  /** Aggregated usage for the period, or the subscription's quantity (seats). Never negative. */
  quantity: Dec
  /** The percentage model's transactions (their amounts, in order); without them, `quantity` is their total. */
  transactions?: Dec[]
  /** How many transactions `quantity` totals, when the transactions themselves are not given. */
  transactionCount?: number
}

export type { BreakdownStep }

export interface ChargeResult {
  /** Unrounded, in the currency's major unit: the line rounds it once. */
  amount: Dec
  breakdown: BreakdownStep[]
}

export type PriceOf<M extends ChargeModelName> = Extract<Price, { model: M }>
export type ChargeModel<M extends ChargeModelName> = (
  price: PriceOf<M>,
  input: ChargeInput
) => ChargeResult
