import { dec, Dec, HUNDRED, text, ZERO } from '../decimal'
import { BillingError } from '../errors'
import type { BreakdownStep, ChargeInput, ChargeModel, PriceOf } from './types'

type PercentagePrice = PriceOf<'percentage'>

/** Without per-transaction limits: (total − free amount) × rate + fixed fee × (transactions − free ones). */
function aggregate(price: PercentagePrice, total: Dec, count: number) {
  const freeAmount = dec(price.free_amount)
  const base = Dec.max(total.minus(freeAmount), ZERO)
  const rated = base.times(dec(price.rate)).div(HUNDRED)
  const feeCount = Math.max(count - price.free_transactions, 0)
  const fees = dec(price.fixed_fee).times(feeCount)
  const breakdown: BreakdownStep[] = [
    {
      type: 'percentage',
      base: text(base),
      freeAmount: price.free_amount,
      rate: price.rate,
      amount: text(rated)
    },
    {
      type: 'transaction_fee',
      transactions: count,
      freeTransactions: price.free_transactions,
      fixedFee: price.fixed_fee,
      amount: text(fees)
    }
  ]
  return { amount: rated.plus(fees), breakdown }
}

/**
 * With a per-transaction minimum or maximum, each charged transaction's fee (rate × its part
 * above the free amount + the fixed fee) is kept within them. Free amount and free transactions
 * are used up in transaction order; a transaction that owes nothing is not raised to the minimum.
 */
function perTransaction(price: PercentagePrice, transactions: Dec[]) {
  const min = price.min_per_transaction === undefined ? null : dec(price.min_per_transaction)
  const max = price.max_per_transaction === undefined ? null : dec(price.max_per_transaction)
  const unlimited = aggregate(
    price,
    transactions.reduce((a, t) => a.plus(t), ZERO),
    transactions.length
  )
  let freeLeft = dec(price.free_amount)
  let total = ZERO
  let raised = 0
  let lowered = 0
  transactions.forEach((amount, i) => {
    const base = Dec.max(amount.minus(freeLeft), ZERO)
    freeLeft = Dec.max(freeLeft.minus(amount), ZERO)
    const fixed = i < price.free_transactions ? ZERO : dec(price.fixed_fee)
    let fee = base.times(dec(price.rate)).div(HUNDRED).plus(fixed)
    if (fee.gt(ZERO) && min && fee.lt(min)) {
      fee = min
      raised++
    }
    if (max && fee.gt(max)) {
      fee = max
      lowered++
    }
    total = total.plus(fee)
  })
  const adjustment = total.minus(unlimited.amount)
  const limits: BreakdownStep = {
    type: 'transaction_limits',
    raisedToMinimum: raised,
    loweredToMaximum: lowered,
    minimum: price.min_per_transaction ?? null,
    maximum: price.max_per_transaction ?? null,
    amount: text(adjustment)
  }
  return { amount: total, breakdown: [...unlimited.breakdown, limits] }
}

/** A rate on transaction amounts, a fixed fee per transaction, free allowances, optional per-transaction limits. */
export const percentage: ChargeModel<'percentage'> = (price, input: ChargeInput) => {
  const limited = price.min_per_transaction !== undefined || price.max_per_transaction !== undefined
  if (input.transactions) {
    if (input.transactions.some((t) => t.isNegative())) {
      throw new BillingError('INVALID_INPUT', 'a transaction amount cannot be negative')
    }
    return limited
      ? perTransaction(price, input.transactions)
      : aggregate(price, input.quantity, input.transactions.length)
  }
  if (limited) {
    throw new BillingError(
      'INVALID_INPUT',
      'per-transaction limits need the individual transactions'
    )
  }
  return aggregate(price, input.quantity, input.transactionCount ?? 0)
}
