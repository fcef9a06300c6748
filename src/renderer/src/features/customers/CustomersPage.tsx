import { useCallback, useDeferredValue, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerListInput, CustomerListRow, CustomerSort } from '@shared/books/customers'
import { useApi, useChannel } from '../../api/context'
import { usePagedRows } from '../../api/paged'
import { Alert } from '../../components/Alert'
import { EmptyState } from '../../components/EmptyState'
import { FilterSelect } from '../../components/FilterSelect'
import { Money } from '../../components/Money'
import { PageHeader } from '../../components/PageHeader'
import { SearchBox } from '../../components/SearchBox'
import { StatusBadge } from '../../components/StatusBadge'
import { VirtualTable, type Column } from '../../components/VirtualTable'
import { errorMessage } from '../../errors'
import { countryName } from '../../format'
import { intlLocale } from '../../i18n'

type Filters = Required<Pick<CustomerListInput, 'status' | 'balanceDue' | 'sort' | 'direction'>> & {
  segment: string
  tag: string
  country: string
}

const INITIAL: Filters = {
  status: 'active',
  balanceDue: false,
  sort: 'name',
  direction: 'asc',
  segment: '',
  tag: '',
  country: ''
}

/** Customers: search as you type, filters, sorting, over any number of rows. */
export function CustomersPage() {
  const { t } = useTranslation()
  const api = useApi()
  const [query, setQuery] = useState('')
  const [filters, setFilters] = useState<Filters>(INITIAL)
  const [facets] = useChannel('customers/facets', {})
  // typing stays responsive; the list follows the latest text
  const search = useDeferredValue(query)
  const input: CustomerListInput = useMemo(
    () => ({
      query: search,
      status: filters.status,
      balanceDue: filters.balanceDue,
      sort: filters.sort,
      direction: filters.direction,
      segment: filters.segment || undefined,
      tag: filters.tag || undefined,
      country: filters.country || undefined
    }),
    [search, filters]
  )
  const key = JSON.stringify(input)
  const fetchPage = useCallback(
    async (offset: number, limit: number) =>
      api.invoke('customers/list', { ...input, offset, limit }),
    [api, input]
  )
  const rows = usePagedRows<CustomerListRow>(key, fetchPage)
  const set = <K extends keyof Filters>(name: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [name]: value }))
  const sortBy = (sort: CustomerSort) =>
    setFilters((f) => ({
      ...f,
      sort,
      direction: f.sort === sort && f.direction === 'asc' ? 'desc' : 'asc'
    }))
  const filtered = query !== '' || JSON.stringify(filters) !== JSON.stringify(INITIAL)
  const facetValues =
    facets.status === 'ready' ? facets.value : { segments: [], tags: [], countries: [] }
  const locale = intlLocale()

  const header = (sort: CustomerSort, label: string) => (
    <button type="button" className="sort-button" onClick={() => sortBy(sort)}>
      {label}
      <span aria-hidden="true">
        {filters.sort === sort ? (filters.direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </span>
    </button>
  )
  const ariaSort = (sort: CustomerSort) =>
    filters.sort === sort ? (filters.direction === 'asc' ? 'ascending' : 'descending') : 'none'
  const columns: Column<CustomerListRow>[] = [
    {
      key: 'code',
      header: header('code', t('customers.code')),
      sort: ariaSort('code'),
      width: '110px',
      cell: (r) => r.code
    },
    {
      key: 'name',
      header: header('name', t('customers.name')),
      sort: ariaSort('name'),
      width: 'minmax(180px, 2fr)',
      cell: (r) => (
        <>
          <a href={`#/customers/${r.id}`} className="row-link">
            {r.name}
          </a>
          {r.archived && (
            <>
              {' '}
              <StatusBadge status="archived" />
            </>
          )}
        </>
      )
    },
    {
      key: 'email',
      header: t('customers.email'),
      width: 'minmax(140px, 1.5fr)',
      cell: (r) => r.email
    },
    { key: 'taxId', header: t('customers.taxId'), width: '150px', cell: (r) => r.taxId },
    {
      key: 'country',
      header: header('country', t('customers.country')),
      sort: ariaSort('country'),
      width: '130px',
      cell: (r) => countryName(r.country, locale)
    },
    { key: 'segment', header: t('customers.segment'), width: '110px', cell: (r) => r.segment },
    {
      key: 'receivable',
      header: header('receivable', t('customers.balanceDue')),
      sort: ariaSort('receivable'),
      width: '140px',
      align: 'end',
      cell: (r) => <Money amount={r.receivable} currency={r.currency} />
    }
  ]

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        description={t('customers.description')}
        actions={
          <a className="btn btn-primary" href="#/customers/new">
            {t('customers.new')}
          </a>
        }
      />
      <div className="toolbar" role="search">
        <SearchBox
          label={t('customers.search')}
          placeholder={t('customers.searchPlaceholder')}
          value={query}
          onChange={setQuery}
        />
        <FilterSelect
          label={t('customers.status')}
          value={filters.status}
          onChange={(v) => set('status', v as Filters['status'])}
          options={[
            { value: 'active', label: t('customers.statusActive') },
            { value: 'archived', label: t('customers.statusArchived') },
            { value: 'all', label: t('customers.statusAll') }
          ]}
        />
        <FilterSelect
          label={t('customers.segment')}
          value={filters.segment}
          onChange={(v) => set('segment', v)}
          options={[
            { value: '', label: t('customers.anySegment') },
            ...facetValues.segments.map((s) => ({ value: s, label: s }))
          ]}
        />
        <FilterSelect
          label={t('customers.tag')}
          value={filters.tag}
          onChange={(v) => set('tag', v)}
          options={[
            { value: '', label: t('customers.anyTag') },
            ...facetValues.tags.map((s) => ({ value: s, label: s }))
          ]}
        />
        <FilterSelect
          label={t('customers.country')}
          value={filters.country}
          onChange={(v) => set('country', v)}
          options={[
            { value: '', label: t('customers.anyCountry') },
            ...facetValues.countries.map((c) => ({ value: c, label: countryName(c, locale) }))
          ]}
        />
        <label className="toolbar-check">
          <input
            type="checkbox"
            checked={filters.balanceDue}
            onChange={(e) => set('balanceDue', e.target.checked)}
          />
          {t('customers.withBalanceDue')}
        </label>
      </div>
      <p
        className="result-count"
        role="status"
        aria-live="polite"
        aria-busy={rows.status === 'loading'}
      >
        {rows.status === 'ready' ? t('customers.count', { count: rows.total }) : '\u00a0'}
      </p>
      {rows.status === 'error' && rows.error && (
        <Alert tone="error">{errorMessage(t, rows.error)}</Alert>
      )}
      {rows.status === 'ready' && rows.total === 0 ? (
        filtered ? (
          <EmptyState title={t('customers.noMatch')}>{t('customers.noMatchHint')}</EmptyState>
        ) : (
          <EmptyState
            title={t('customers.empty')}
            action={
              <>
                <a className="btn btn-primary" href="#/customers/new">
                  {t('customers.new')}
                </a>{' '}
                <a className="btn btn-secondary" href="#/customers/import">
                  {t('customers.importCustomers')}
                </a>
              </>
            }
          >
            {t('customers.emptyHint')}
          </EmptyState>
        )
      ) : (
        <VirtualTable
          label={t('customers.title')}
          columns={columns}
          rowCount={rows.total}
          rowAt={rows.rowAt}
          onRange={rows.onRange}
          rowKey={(r) => r.id}
        />
      )}
    </>
  )
}
