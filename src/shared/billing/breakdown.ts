/**
 * One step of a charge's computation, in numbers only (decimal strings), so a template can print
 * it in any language: "Units 6–10: 5 × 6.50 = 32.50".
 */
export type BreakdownStep =
  | { type: 'flat'; quantity: string; unitAmount: string; amount: string }
  | { type: 'per_unit'; units: string; unitPrice: string; amount: string }
  | {
      type: 'tier'
      /** 1-based tier number. */
      tier: number
      /** The tier holds units above `above` up to and including `upTo` (null: no limit). */
      above: string
      upTo: string | null
      units: string
      unitPrice: string
      flatFee: string
      amount: string
    }
  | {
      type: 'package'
      units: string
      freeUnits: string
      packageSize: string
      packages: string
      packagePrice: string
      amount: string
    }
  | { type: 'percentage'; base: string; freeAmount: string; rate: string; amount: string }
  | {
      type: 'transaction_fee'
      transactions: number
      freeTransactions: number
      fixedFee: string
      amount: string
    }
  | { type: 'minimum_commitment'; minimum: string; charged: string; amount: string }
  | {
      /** A late fee on an overdue invoice: a fixed amount, or `rate` % of what was still owed. */
      type: 'late_fee'
      invoice: string
      days: number
      overdue: string
      rate: string | null
      /** Before the cap. */
      full: string
      capped: boolean
      amount: string
    }
  | {
      type: 'transaction_limits'
      raisedToMinimum: number
      loweredToMaximum: number
      minimum: string | null
      maximum: string | null
      amount: string
    }
