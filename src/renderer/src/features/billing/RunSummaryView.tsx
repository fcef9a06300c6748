import { useTranslation } from 'react-i18next'
import type { RunSummary } from '@shared/books/results'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Money, MoneyList } from '../../components/Money'
import { formatDay } from '../../format'
import { intlLocale } from '../../i18n'
import { RunFailures } from './RunFailures'

/** What a run made (or, previewed, would make): per customer, per invoice, with totals. */
export function RunSummaryView({ summary, onClose }: { summary: RunSummary; onClose?(): void }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const invoices = summary.customers.flatMap((c) => c.invoices.map((i) => ({ ...i, customer: c })))
  const totals = Object.entries(summary.totals).map(([currency, amount]) => ({ currency, amount }))
  return (
    <section
      aria-label={summary.dryRun ? t('billing.previewTitle') : t('billing.doneTitle')}
      className="run-summary"
    >
      <Alert
        tone={summary.dryRun ? 'info' : 'success'}
        title={summary.dryRun ? t('billing.previewTitle') : t('billing.doneTitle')}
      >
        <p>
          {t(summary.dryRun ? 'billing.wouldCreate' : 'billing.created', {
            count: invoices.length,
            date: formatDay(summary.asOf, locale)
          })}{' '}
          <MoneyList totals={totals} />
        </p>
        {summary.cancelled && <p>{t('billing.cancelledText')}</p>}
      </Alert>
      <RunFailures failures={summary.failures} />
      {invoices.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('invoices.customer')}</th>
              <th scope="col">{t('billing.billDate')}</th>
              <th scope="col">{t('billing.lines')}</th>
              <th scope="col">{t('invoices.number')}</th>
              <th scope="col" className="num">
                {t('invoices.net')}
              </th>
              <th scope="col" className="num">
                {t('invoices.tax')}
              </th>
              <th scope="col" className="num">
                {t('invoices.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((i, n) => (
              <tr key={i.invoiceId ?? `preview-${n}`}>
                <td>
                  <a href={`#/customers/${i.customer.customerId}`}>{i.customer.name}</a>
                </td>
                <td>{formatDay(i.billDate, locale)}</td>
                <td>{i.lines}</td>
                <td>
                  {i.invoiceId ? (
                    <a href={`#/invoices/${i.invoiceId}`}>
                      {i.number ?? t('invoices.draftNumber', { id: i.invoiceId })}
                    </a>
                  ) : (
                    '—'
                  )}
                  {i.needsAttention && (
                    <span className="badge badge-warning">{t('billing.needsAttention')}</span>
                  )}
                </td>
                <td className="num">
                  <Money amount={i.net} currency={i.currency} />
                </td>
                <td className="num">
                  <Money amount={i.tax} currency={i.currency} />
                </td>
                <td className="num">
                  <Money amount={i.total} currency={i.currency} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        {!summary.dryRun && invoices.some((i) => !i.number) && (
          <a className="btn btn-primary" href="#/invoices?status=draft">
            {t('billing.reviewDrafts')}
          </a>
        )}
        {onClose && <Button onClick={onClose}>{t('common.close')}</Button>}
      </div>
    </section>
  )
}
