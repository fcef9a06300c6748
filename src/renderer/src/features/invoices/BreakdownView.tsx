import { useTranslation } from 'react-i18next'
import type { BreakdownStep } from '@shared/billing/breakdown'
import { formatDecimalMoney, formatQuantity } from '../../format'
import { intlLocale } from '../../i18n'

const isZero = (text: string) => /^0*(\.0*)?$/.test(text)

/** How a charge was computed, step by step, in the UI language: the same on a quote and on an invoice. */
export function BreakdownView({ steps, currency }: { steps: BreakdownStep[]; currency: string }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const m = (text: string) => formatDecimalMoney(text, currency, locale)
  const q = (text: string) => formatQuantity(text, locale)
  if (steps.length === 0) return null
  return (
    <ul className="breakdown">
      {steps.map((s, i) => (
        <li key={i}>{describe(s)}</li>
      ))}
    </ul>
  )

  function describe(s: BreakdownStep): string {
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
}
