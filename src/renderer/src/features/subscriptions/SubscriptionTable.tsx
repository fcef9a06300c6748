import { useTranslation } from 'react-i18next'
import type { SubscriptionRow, SubscriptionView } from '@shared/books/subscriptions'
import { StatusBadge } from '../../components/StatusBadge'
import { formatDay, formatPeriod } from '../../format'
import { intlLocale } from '../../i18n'

/** A customer's subscriptions: plan (and add-ons), quantity, status, current period. */
export function SubscriptionTable({
  subscriptions,
  emptyText,
  showCustomer
}: {
  subscriptions: (SubscriptionView | SubscriptionRow)[]
  emptyText: string
  showCustomer?: boolean
}) {
  const { t } = useTranslation()
  const locale = intlLocale()
  if (subscriptions.length === 0) return <p className="muted">{emptyText}</p>
  return (
    <table className="table">
      <thead>
        <tr>
          {showCustomer && <th scope="col">{t('invoices.customer')}</th>}
          <th scope="col">{t('subscriptions.plan')}</th>
          <th scope="col">{t('subscriptions.quantity')}</th>
          <th scope="col">{t('subscriptions.status')}</th>
          <th scope="col">{t('subscriptions.currentPeriod')}</th>
          <th scope="col">{t('subscriptions.started')}</th>
        </tr>
      </thead>
      <tbody>
        {subscriptions.map((s) => {
          const plan = s.items.find((i) => i.role === 'plan' && !i.endDate) ?? s.items[0]
          const addOns = s.items.filter((i) => i.role === 'addon' && !i.endDate)
          return (
            <tr key={s.id}>
              {showCustomer && (
                <td>
                  <a href={`#/customers/${s.customerId}`}>
                    {'customerName' in s ? s.customerName : ''}
                  </a>
                </td>
              )}
              <td>
                <a href={`#/subscriptions/${s.id}`}>{plan?.planName ?? '—'}</a>
                {addOns.length > 0 && (
                  <span className="muted"> + {addOns.map((a) => a.planName).join(', ')}</span>
                )}
              </td>
              <td>{plan?.quantity}</td>
              <td>
                <StatusBadge status={s.status} />
                {s.cancelAt && s.status === 'cancelling' && (
                  <span className="muted">
                    {' '}
                    {t('subscriptions.endsOn', { date: formatDay(s.cancelAt, locale) })}
                  </span>
                )}
              </td>
              <td>
                {s.currentPeriod
                  ? formatPeriod(s.currentPeriod.start, s.currentPeriod.end, locale)
                  : '—'}
              </td>
              <td>{formatDay(s.startDate, locale)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
