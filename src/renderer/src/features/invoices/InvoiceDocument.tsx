import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import type { InvoiceParty, InvoiceView } from '@shared/books/invoices'
import { Money } from '../../components/Money'
import { StatusBadge } from '../../components/StatusBadge'
import { countryName, formatDay, formatPeriod, formatQuantity } from '../../format'
import { intlLocale } from '../../i18n'
import { BreakdownView } from './BreakdownView'

function Party({ title, party }: { title: string; party: InvoiceParty | null }) {
  const locale = intlLocale()
  const { t } = useTranslation()
  if (!party) return null
  const a = party.address
  return (
    <div className="doc-party">
      <p className="doc-label">{title}</p>
      <p className="doc-party-name">{party.name}</p>
      {[
        a.line1,
        a.line2,
        [a.postalCode, a.city].filter(Boolean).join(' '),
        a.region,
        countryName(party.country, locale)
      ]
        .filter(Boolean)
        .map((line) => (
          <p key={line}>{line}</p>
        ))}
      {party.taxId && (
        <p>
          {t('invoices.taxIdLabel')}: {party.taxId}
        </p>
      )}
    </div>
  )
}

/** The invoice as the customer will see it, with every charge explained: tiers, proration, usage period. */
export function InvoiceDocument({ invoice }: { invoice: InvoiceView }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const c = invoice.currency
  const title =
    invoice.kind === 'credit_note' ? t('invoices.creditNoteTitle') : t('invoices.invoiceTitle')
  return (
    <article className="doc" aria-label={t('invoices.previewLabel')}>
      <header className="doc-head">
        <div>
          <h2 className="doc-title">
            {title} {invoice.number ?? t('invoices.draftNumber', { id: invoice.id })}
          </h2>
          <StatusBadge status={invoice.status} />
        </div>
        <dl className="doc-dates">
          <dt>{t('invoices.issueDate')}</dt>
          <dd>
            {invoice.issueDate ? formatDay(invoice.issueDate, locale) : t('invoices.notIssued')}
          </dd>
          <dt>{t('invoices.dueDate')}</dt>
          <dd>{invoice.dueDate ? formatDay(invoice.dueDate, locale) : '—'}</dd>
          {invoice.periodStart && invoice.periodEnd && (
            <>
              <dt>{t('invoices.period')}</dt>
              <dd>{formatPeriod(invoice.periodStart, invoice.periodEnd, locale)}</dd>
            </>
          )}
        </dl>
      </header>
      <div className="doc-parties">
        <Party title={t('invoices.seller')} party={invoice.seller} />
        <Party title={t('invoices.buyer')} party={invoice.buyer} />
      </div>
      {invoice.correctionReason && (
        <p className="doc-note">
          {t('invoices.correctionReason')}: {invoice.correctionReason}
        </p>
      )}
      <table className="table doc-lines">
        <thead>
          <tr>
            <th scope="col">{t('invoices.description')}</th>
            <th scope="col" className="num">
              {t('invoices.quantity')}
            </th>
            <th scope="col" className="num">
              {t('invoices.tax')}
            </th>
            <th scope="col" className="num">
              {t('invoices.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line) => (
            <tr key={line.id}>
              <td>
                <span className="doc-line-title">{line.description}</span>
                {line.periodStart && line.periodEnd && (
                  <span className="block muted">
                    {t(line.kind === 'usage' ? 'invoices.usagePeriod' : 'invoices.servicePeriod', {
                      period: formatPeriod(line.periodStart, line.periodEnd, locale)
                    })}
                  </span>
                )}
                <BreakdownView steps={line.breakdown} currency={c} />
                {line.proration && (
                  <span className="block muted computation">
                    {t('invoices.prorated', {
                      days: line.proration.days,
                      of: line.proration.ofDays
                    })}{' '}
                    {line.proration.computation}
                  </span>
                )}
                {line.discount !== 0 && (
                  <span className="block muted">
                    {t('invoices.lineDiscount')}: <Money amount={-line.discount} currency={c} />
                  </span>
                )}
              </td>
              <td className="num">{formatQuantity(line.quantity, locale)}</td>
              <td className="num">{line.taxPercent !== null ? `${line.taxPercent} %` : '—'}</td>
              <td className="num">
                <Money amount={line.amount} currency={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="doc-totals">
        {invoice.subtotals.discounts !== 0 && (
          <>
            <dt>{t('invoices.linesTotal')}</dt>
            <dd>
              <Money amount={invoice.subtotals.lines} currency={c} />
            </dd>
            <dt>{t('invoices.discounts')}</dt>
            <dd>
              <Money amount={-invoice.subtotals.discounts} currency={c} />
            </dd>
          </>
        )}
        <dt>{t('invoices.net')}</dt>
        <dd>
          <Money amount={invoice.subtotals.net} currency={c} />
        </dd>
        {invoice.taxes.map((tax) => (
          <Fragment key={`${tax.category}-${tax.percent}`}>
            <dt>
              {t('invoices.taxLine', { percent: tax.percent })}{' '}
              <span className="muted">
                ({t('invoices.taxBase')} <Money amount={tax.taxableAmount} currency={c} />)
              </span>
            </dt>
            <dd>
              <Money amount={tax.taxAmount} currency={c} />
            </dd>
          </Fragment>
        ))}
        <dt className="doc-grand">{t('invoices.total')}</dt>
        <dd className="doc-grand">
          <Money amount={invoice.subtotals.total} currency={c} />
        </dd>
        {invoice.subtotals.creditsApplied !== 0 && (
          <>
            <dt>{t('invoices.creditsApplied')}</dt>
            <dd>
              <Money amount={-invoice.subtotals.creditsApplied} currency={c} />
            </dd>
            <dt>{t('invoices.amountDue')}</dt>
            <dd>
              <Money amount={invoice.subtotals.amountDue} currency={c} />
            </dd>
          </>
        )}
      </dl>
      {invoice.legalNotes.length > 0 && (
        <ul className="doc-notes">
          {invoice.legalNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </article>
  )
}
