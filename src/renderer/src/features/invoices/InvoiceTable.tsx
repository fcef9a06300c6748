import { useTranslation } from 'react-i18next'
import type { InvoiceSummary } from '@shared/books/invoices'
import { Money } from '../../components/Money'
import { StatusBadge } from '../../components/StatusBadge'
import { formatDay, formatPeriod } from '../../format'
import { intlLocale } from '../../i18n'

/** A list of invoices (the invoices page's, a customer's, the dashboard's), newest bill date first. */
export function InvoiceTable({
  invoices,
  emptyText,
  hideCustomer,
  sortedByBillDate
}: {
  invoices: InvoiceSummary[]
  emptyText: string
  hideCustomer?: boolean
  /** The list is main's invoices/list: by bill date, newest first; the column says so. */
  sortedByBillDate?: boolean
}) {
  const { t } = useTranslation()
  const locale = intlLocale()
  if (invoices.length === 0) return <p className="muted">{emptyText}</p>
  return (
    <table className="table">
      <thead>
        <tr>
          {sortedByBillDate ? (
            <th scope="col" aria-sort="descending" title={t('invoices.sortedBy')}>
              <span className="sorted-by">
                {t('billing.billDate')} <span aria-hidden="true">↓</span>
              </span>
            </th>
          ) : (
            <th scope="col">{t('billing.billDate')}</th>
          )}
          <th scope="col">{t('invoices.number')}</th>
          {!hideCustomer && <th scope="col">{t('invoices.customer')}</th>}
          <th scope="col">{t('invoices.period')}</th>
          <th scope="col">{t('invoices.dueDate')}</th>
          <th scope="col">{t('invoices.status')}</th>
          <th scope="col" className="num">
            {t('invoices.total')}
          </th>
          <th scope="col" className="num">
            {t('invoices.outstanding')}
          </th>
        </tr>
      </thead>
      <tbody>
        {invoices.map((i) => (
          <tr key={i.id}>
            <td>{formatDay(i.billDate, locale)}</td>
            <td>
              <a href={`#/invoices/${i.id}`}>
                {i.number ?? t('invoices.draftNumber', { id: i.id })}
                {i.kind === 'credit_note' && ` (${t('invoices.creditNote')})`}
              </a>
            </td>
            {!hideCustomer && <td>{i.customerName}</td>}
            <td>
              {i.periodStart && i.periodEnd
                ? formatPeriod(i.periodStart, i.periodEnd, locale)
                : '—'}
            </td>
            <td>{i.dueDate ? formatDay(i.dueDate, locale) : '—'}</td>
            <td>
              <StatusBadge status={i.status} />
            </td>
            <td className="num">
              <Money amount={i.total} currency={i.currency} />
            </td>
            <td className="num">
              <Money amount={i.outstanding} currency={i.currency} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
