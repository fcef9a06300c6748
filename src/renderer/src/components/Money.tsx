import { formatMoney, minorUnits } from '@shared/money'
import { useTranslation } from 'react-i18next'
import { intlLocale } from '../i18n'

/** Minor units in the currency's own format for the UI language ("1 234,56 zł", "R$ 1.234,56"). */
export const formatAmount = (amount: number, currency: string): string =>
  formatMoney(minorUnits(amount), currency, intlLocale())

/** An amount, right-aligned in tables by its class. */
export function Money({ amount, currency }: { amount: number; currency: string }) {
  return (
    <span className={amount < 0 ? 'num num-negative' : 'num'}>
      {formatAmount(amount, currency)}
    </span>
  )
}

/** Sums per currency, one after another ("1 200,00 zł · 30,00 €"). */
export function MoneyList({ totals }: { totals: { currency: string; amount: number }[] }) {
  if (totals.length === 0) return <span className="num">—</span>
  return (
    <span className="num">{totals.map((t) => formatAmount(t.amount, t.currency)).join(' · ')}</span>
  )
}

/**
 * A balance from the company's side: what the customer owes reads as owed, a negative balance
 * as the customer's credit (a positive amount in the success tone), never as a red minus.
 */
export function BalanceMoney({ amount, currency }: { amount: number; currency: string }) {
  const { t } = useTranslation()
  if (amount === 0) return <span className="num">{formatAmount(0, currency)}</span>
  const credit = amount < 0
  return (
    <span className={credit ? 'num num-credit' : 'num'}>
      {formatAmount(Math.abs(amount), currency)}{' '}
      <span className="balance-kind">
        {t(credit ? 'customers.credit' : 'customers.receivable')}
      </span>
    </span>
  )
}

/** The customer's credit: an amount held for them, shown positive in the success tone. */
export function CreditMoney({ amount, currency }: { amount: number; currency: string }) {
  return (
    <span className={amount === 0 ? 'num' : 'num num-credit'}>
      {formatAmount(Math.abs(amount), currency)}
    </span>
  )
}
