import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SUBSCRIPTION_STATUSES, type SubscriptionStatus } from '@shared/books/subscriptions'
import { useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { EmptyState } from '../../components/EmptyState'
import { FilterSelect } from '../../components/FilterSelect'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { SearchBox } from '../../components/SearchBox'
import { Pager } from '../../components/Pager'
import { errorMessage } from '../../errors'
import { SubscriptionTable } from './SubscriptionTable'

const PAGE = 50

/** Every subscription, by customer, plan and status. */
export function SubscriptionsPage() {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [planCode, setPlanCode] = useState('')
  const [status, setStatus] = useState<SubscriptionStatus | ''>('')
  const [offset, setOffset] = useState(0)
  const search = useDeferredValue(query)
  const [plans] = useChannel('plans/list', {})
  const [result] = useChannel('subscriptions/search', {
    query: search,
    planCode: planCode || undefined,
    status: status || undefined,
    limit: PAGE,
    offset
  })
  const filtered = query !== '' || planCode !== '' || status !== ''
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v)
      setOffset(0)
    }
  return (
    <>
      <PageHeader
        title={t('nav.subscriptions')}
        description={t('subscriptions.description')}
        actions={
          <a className="btn btn-primary" href="#/subscriptions/new">
            {t('subscriptions.new')}
          </a>
        }
      />
      <div className="toolbar" role="search">
        <SearchBox
          label={t('subscriptions.search')}
          placeholder={t('subscriptions.searchPlaceholder')}
          value={query}
          onChange={reset(setQuery)}
        />
        <FilterSelect
          label={t('subscriptions.plan')}
          value={planCode}
          onChange={reset(setPlanCode)}
          options={[
            { value: '', label: t('subscriptions.anyPlan') },
            ...(plans.status === 'ready'
              ? plans.value.map((p) => ({ value: p.code, label: p.name }))
              : [])
          ]}
        />
        <FilterSelect
          label={t('subscriptions.status')}
          value={status}
          onChange={(v) => reset(setStatus)(v as SubscriptionStatus | '')}
          options={[
            { value: '', label: t('subscriptions.anyStatus') },
            ...SUBSCRIPTION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))
          ]}
        />
      </div>
      {result.status === 'error' && <Alert tone="error">{errorMessage(t, result.error)}</Alert>}
      {result.status === 'loading' && <Loading />}
      {result.status === 'ready' &&
        (result.value.total === 0 ? (
          filtered ? (
            <EmptyState title={t('subscriptions.noMatch')}>{t('customers.noMatchHint')}</EmptyState>
          ) : (
            <EmptyState
              title={t('subscriptions.empty')}
              action={
                <a className="btn btn-primary" href="#/subscriptions/new">
                  {t('subscriptions.new')}
                </a>
              }
            >
              {t('subscriptions.emptyHint')}
            </EmptyState>
          )
        ) : (
          <>
            <p className="result-count" role="status">
              {t('subscriptions.count', { count: result.value.total })}
            </p>
            <div className="card">
              <SubscriptionTable subscriptions={result.value.rows} emptyText="" showCustomer />
            </div>
            <Pager offset={offset} size={PAGE} total={result.value.total} onChange={setOffset} />
          </>
        ))}
    </>
  )
}
