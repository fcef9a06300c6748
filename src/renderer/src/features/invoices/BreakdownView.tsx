import { useTranslation } from 'react-i18next'
import type { BreakdownStep } from '@shared/billing/breakdown'
import { describeStep } from '@shared/documents/breakdown-text'
import { formatDecimalMoney, formatQuantity } from '../../format'
import { intlLocale } from '../../i18n'

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
        <li key={i}>{describeStep(s, t, m, q)}</li>
      ))}
    </ul>
  )
}
