import type { BreakdownStep } from '../billing/breakdown'

/** The catalog lookup the text needs: i18next's t, in the app or in main. */
export type Translate = (key: string, params?: Record<string, unknown>) => string

const isZero = (text: string) => /^0*(\.0*)?$/.test(text)

/**
 * One step of how a charge was computed, in a language: the same sentence on the screen, on a
 * quote and in the PDF. `m` formats an exact decimal as money, `q` as a quantity.
 */
export function describeStep(
  s: BreakdownStep,
  t: Translate,
  m: (decimal: string) => string,
  q: (decimal: string) => string
): string {
  switch (s.type) {
    case 'flat':
      return t('breakdown.flat', {
        quantity: q(s.quantity),
        unit: m(s.unitAmount),
        amount: m(s.amount)
      })
    case 'per_unit':
      return t('breakdown.perUnit', {
        units: q(s.units),
        unit: m(s.unitPrice),
        amount: m(s.amount)
      })
    case 'tier':
      // a tier without a flat fee reads "units × price = amount"
      return t(
        `breakdown.${s.upTo === null ? 'tierOpen' : 'tier'}${isZero(s.flatFee) ? '' : 'Fee'}`,
        {
          tier: s.tier,
          above: q(s.above),
          upTo: s.upTo === null ? '' : q(s.upTo),
          units: q(s.units),
          unit: m(s.unitPrice),
          fee: m(s.flatFee),
          amount: m(s.amount)
        }
      )
    case 'package':
      return t('breakdown.package', {
        units: q(s.units),
        free: q(s.freeUnits),
        packages: q(s.packages),
        size: q(s.packageSize),
        price: m(s.packagePrice),
        amount: m(s.amount)
      })
    case 'percentage':
      return t('breakdown.percentage', {
        rate: q(s.rate),
        base: m(s.base),
        free: m(s.freeAmount),
        amount: m(s.amount)
      })
    case 'transaction_fee':
      return t('breakdown.transactionFee', {
        transactions: q(String(s.transactions)),
        free: q(String(s.freeTransactions)),
        fee: m(s.fixedFee),
        amount: m(s.amount)
      })
    case 'minimum_commitment':
      return t('breakdown.minimum', {
        minimum: m(s.minimum),
        charged: m(s.charged),
        amount: m(s.amount)
      })
    case 'late_fee':
      return t(
        s.rate === null
          ? 'breakdown.lateFeeFixed'
          : s.capped
            ? 'breakdown.lateFeeCapped'
            : 'breakdown.lateFeePercent',
        {
          invoice: s.invoice,
          days: s.days,
          rate: s.rate === null ? '' : q(s.rate),
          overdue: m(s.overdue),
          full: m(s.full),
          amount: m(s.amount)
        }
      )
    case 'transaction_limits':
      return t('breakdown.limits', {
        raised: s.raisedToMinimum,
        lowered: s.loweredToMaximum,
        minimum: s.minimum === null ? '—' : m(s.minimum),
        maximum: s.maximum === null ? '—' : m(s.maximum),
        amount: m(s.amount)
      })
  }
}
