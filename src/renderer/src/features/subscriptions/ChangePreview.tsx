import { useTranslation } from 'react-i18next'
import type { ChangeResult } from '@shared/books/subscriptions'
import { Money } from '../../components/Money'
import { formatDay, formatPeriod } from '../../format'
import { intlLocale } from '../../i18n'

/** What a lifecycle change does to the next invoice: its credit and charge lines, with how each was prorated. */
export function ChangePreview({ result, confirmed }: { result: ChangeResult; confirmed: boolean }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const currency = result.subscription.currency
  return (
    <section className="change-preview" aria-label={t('subscriptions.preview')}>
      <p>
        {t(confirmed ? 'subscriptions.doneFrom' : 'subscriptions.effectiveFrom', {
          date: formatDay(result.effectiveDate, locale)
        })}
      </p>
      {result.lines.length === 0 ? (
        <p className="muted">{t('subscriptions.noLines')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('subscriptions.line')}</th>
              <th scope="col">{t('invoices.period')}</th>
              <th scope="col" className="num">
                {t('invoices.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.lines.map((l, i) => (
              <tr key={i}>
                <td>
                  {l.amount < 0 ? t('subscriptions.credit') : t('subscriptions.charge')}:{' '}
                  {l.description}
                  {l.computation && (
                    <span className="block muted computation">{l.computation}</span>
                  )}
                </td>
                <td>{formatPeriod(l.periodStart, l.periodEnd, locale)}</td>
                <td className="num">
                  <Money amount={l.amount} currency={currency} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={2}>{t('subscriptions.netChange')}</td>
              <td className="num">
                <Money amount={result.net} currency={currency} />
              </td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  )
}
