import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { INVOICE_STATUSES, type InvoiceStatus } from '@shared/books/invoices'
import { useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { DateField } from '../../components/DateField'
import { EmptyState } from '../../components/EmptyState'
import { FilterSelect } from '../../components/FilterSelect'
import { Loading } from '../../components/Loading'
import { Money } from '../../components/Money'
import { PageHeader } from '../../components/PageHeader'
import { SearchBox } from '../../components/SearchBox'
import { Pager } from '../../components/Pager'
import { errorMessage } from '../../errors'
import { today } from '../../format'
import { InvoiceTable } from './InvoiceTable'

const PAGE = 50
const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Invoices with filters (status, customer, bill dates, due this week) and the sums of what matches. */
export function InvoicesPage({ query: params }: { query: URLSearchParams }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [status, setStatus] = useState<InvoiceStatus | ''>(
    (params.get('status') as InvoiceStatus) ?? ''
  )
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [dueWeek, setDueWeek] = useState(params.get('due') === 'week')
  const [offset, setOffset] = useState(0)
  const customerId = Number(params.get('customer')) || undefined
  const search = useDeferredValue(query)
  const day = today()
  const [result] = useChannel('invoices/list', {
    query: search,
    status: status || undefined,
    customerId,
    from: from || undefined,
    to: to || undefined,
    ...(dueWeek ? { dueFrom: day, dueBy: addDays(day, 7) } : {}),
    limit: PAGE,
    offset
  })
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v)
      setOffset(0)
    }
  const filtered =
    query !== '' || status !== '' || from !== '' || to !== '' || dueWeek || customerId !== undefined
  return (
    <>
      <PageHeader title={t('nav.invoices')} description={t('invoices.pageDescription')} />
      <div className="toolbar" role="search">
        <SearchBox
          label={t('invoices.search')}
          placeholder={t('invoices.searchPlaceholder')}
          value={query}
          onChange={reset(setQuery)}
        />
        <FilterSelect
          label={t('invoices.status')}
          value={status}
          onChange={(v) => reset(setStatus)(v as InvoiceStatus | '')}
          options={[
            { value: '', label: t('invoices.anyStatus') },
            ...INVOICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))
          ]}
        />
        <DateField
          label={t('invoices.billedFrom')}
          fieldClassName="toolbar-date"
          value={from}
          onChange={reset(setFrom)}
        />
        <DateField
          label={t('invoices.billedTo')}
          fieldClassName="toolbar-date"
          value={to}
          onChange={reset(setTo)}
        />
        <label className="toolbar-check">
          <input
            type="checkbox"
            checked={dueWeek}
            onChange={(e) => reset(setDueWeek)(e.target.checked)}
          />
          {t('invoices.dueThisWeek')}
        </label>
      </div>
      {customerId && (
        <p className="muted">
          {t('invoices.oneCustomer')} <a href="#/invoices">{t('invoices.allCustomers')}</a>
        </p>
      )}
      {result.status === 'error' && <Alert tone="error">{errorMessage(t, result.error)}</Alert>}
      {result.status === 'loading' && <Loading />}
      {result.status === 'ready' &&
        (result.value.total === 0 ? (
          <EmptyState title={filtered ? t('invoices.noMatch') : t('invoices.empty')}>
            {filtered ? t('customers.noMatchHint') : t('invoices.emptyHint')}
          </EmptyState>
        ) : (
          <>
            <table className="table totals-table" aria-label={t('invoices.totals')}>
              <thead>
                <tr>
                  <th scope="col">{t('customers.currency')}</th>
                  <th scope="col" className="num">
                    {t('invoices.count')}
                  </th>
                  <th scope="col" className="num">
                    {t('invoices.total')}
                  </th>
                  <th scope="col" className="num">
                    {t('invoices.outstanding')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.value.totals.map((row) => (
                  <tr key={row.currency}>
                    <td>{row.currency}</td>
                    <td className="num">{row.count}</td>
                    <td className="num">
                      <Money amount={row.total} currency={row.currency} />
                    </td>
                    <td className="num">
                      <Money amount={row.outstanding} currency={row.currency} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="card">
              <InvoiceTable invoices={result.value.invoices} emptyText="" sortedByBillDate />
            </div>
            <Pager offset={offset} size={PAGE} total={result.value.total} onChange={setOffset} />
          </>
        ))}
    </>
  )
}
