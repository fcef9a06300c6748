/** Why the engine refused to compute: bad input it was given, or a broken invariant of its own. */
export type BillingErrorCode = 'INVALID_INPUT' | 'UNKNOWN_MODEL' | 'CURRENCY_MISMATCH' | 'INVARIANT'

export class BillingError extends Error {
  constructor(
    readonly code: BillingErrorCode,
    message: string,
    /** Where in the input, e.g. "prices[2].tiers[1].up_to" or "usage[14].timestamp". */
    readonly path?: string
  ) {
    super(path ? `${path}: ${message}` : message)
    this.name = 'BillingError'
  }
}
