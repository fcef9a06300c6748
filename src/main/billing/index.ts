// The billing engine: pure functions from plain data to plain data. It imports no store, no
// electron and no fs (a lint rule keeps it so), so it is tested with tables of fixed numbers.
export { aggregateUsage, levelsBefore, type Aggregate } from './aggregation'
export {
  chargeModel,
  rateCharge,
  type BreakdownStep,
  type ChargeInput,
  type ChargeResult
} from './charge-models'
export * from './dates'
export { dec, Dec, fromMinor, toMinor, ZERO, type RoundingMode } from './decimal'
export { applyCoupons, type AppliedDiscount, type CouponApplication } from './discounts'
export { BillingError, type BillingErrorCode } from './errors'
export {
  assembleInvoice,
  checkInvariants,
  type DraftInvoice,
  type InvoiceLine,
  type Subtotals
} from './invoice'
export type { ChargeLine, LineKind } from './lines'
export * from './periods'
export {
  cancelNow,
  changeNow,
  pauseCredit,
  prorate,
  type ProratedItem,
  type ProrationContext
} from './proration'
export { quote, type Quote, type QuoteArgs } from './quote'
export {
  commitmentTopUp,
  lineForAggregate,
  rateSubscriptionPeriod,
  timingOf,
  type AggregateLineArgs,
  type RatePeriodArgs,
  type Timing
} from './rating'
export { computeTaxes, resolveTax, splitInclusive, type ResolvedTax, type TaxGroup } from './tax'
export { priceQuantity } from './calculator'
