import type { PlanQuote } from '@shared/books/catalog'
import type { Plan } from '@shared/billing/plan'
import { Dec, type RoundingMode } from './decimal'
import { lineForAggregate } from './rating'

/** A whole period (nothing to prorate): only its length matters to the calculator. */
const FULL_PERIOD = {
  start: '2026-01-01',
  end: '2026-01-31',
  fullStart: '2026-01-01',
  fullEnd: '2026-01-31',
  activeDays: 31,
  fullDays: 31,
  scheduleStart: '2026-01-01'
}

/**
 * What a usage quantity (and a number of seats) costs on every price of a plan for one full period: the same lines, the same
 * breakdown and the same single rounding per line as on an invoice.
 */
export function priceQuantity(
  plan: Plan,
  amounts: { quantity: string; seats: string; transactions: number },
  rounding: RoundingMode
): PlanQuote {
  const lines = plan.prices.map((price) => {
    const line = lineForAggregate({
      plan,
      price,
      subscriptionId: 'calculator',
      period: FULL_PERIOD,
      // metered prices rate the usage; the others the subscription's quantity (seats)
      quantity: new Dec(price.metric ? amounts.quantity : amounts.seats),
      transactionCount: price.model === 'percentage' ? amounts.transactions : undefined,
      rounding
    })
    return {
      priceId: price.id,
      description: price.description,
      model: price.model,
      metric: price.metric?.code ?? null,
      quantity: line.quantity,
      amount: line.amount,
      breakdown: line.breakdown
    }
  })
  return { currency: plan.currency, lines, total: lines.reduce((sum, l) => sum + l.amount, 0) }
}
