import { useTranslation } from 'react-i18next'
import type { Plan } from '@shared/billing/plan'
import { useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { EmptyState } from '../../components/EmptyState'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { SubNav } from '../../components/SubNav'
import { errorMessage } from '../../errors'
import { formatDay, today } from '../../format'
import { intlLocale } from '../../i18n'

export const CATALOG_TABS = [
  { route: '/plans', key: 'plans.tabPlans' },
  { route: '/plans/coupons', key: 'plans.tabCoupons' },
  { route: '/plans/taxes', key: 'plans.tabTaxes' }
] as const

/** How often a plan bills, in words: "every month", "every 3 months". */
export function intervalText(
  t: (k: string, o?: Record<string, unknown>) => string,
  plan: Plan
): string {
  return t(`plans.every_${plan.interval.unit}`, { count: plan.interval.count })
}

/** Plans and prices: what the company sells, each with its price versions. */
export function PlansPage() {
  const { t } = useTranslation()
  const locale = intlLocale()
  const [plans] = useChannel('plans/list', {})
  return (
    <>
      <PageHeader
        title={t('nav.plans')}
        description={t('plans.description')}
        actions={
          <a className="btn btn-primary" href="#/plans/new">
            {t('plans.new')}
          </a>
        }
      />
      <SubNav label={t('nav.plans')} tabs={CATALOG_TABS} active="/plans" />
      {plans.status === 'error' && <Alert tone="error">{errorMessage(t, plans.error)}</Alert>}
      {plans.status === 'loading' && <Loading />}
      {plans.status === 'ready' &&
        (plans.value.length === 0 ? (
          <EmptyState
            title={t('plans.empty')}
            action={
              <a className="btn btn-primary" href="#/plans/new">
                {t('plans.new')}
              </a>
            }
          >
            {t('plans.emptyHint')}
          </EmptyState>
        ) : (
          <table className="table card-table">
            <thead>
              <tr>
                <th scope="col">{t('plans.name')}</th>
                <th scope="col">{t('plans.code')}</th>
                <th scope="col">{t('plans.billing')}</th>
                <th scope="col">{t('plans.prices')}</th>
                <th scope="col">{t('plans.inForce')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.value.map((p) => {
                const current = p.current
                const inForce = p.versions.filter((v) => current && v.effectiveFrom <= today())
                const version = inForce[inForce.length - 1]
                return (
                  <tr key={p.code}>
                    <td>
                      <a href={`#/plans/edit/${encodeURIComponent(p.code)}`}>{p.name}</a>
                    </td>
                    <td>{p.code}</td>
                    <td>
                      {current ? intervalText(t, current) : '—'} · {p.currency}
                    </td>
                    <td>
                      {current
                        ? current.prices
                            .map(
                              (price) => `${price.description} (${t(`plans.model_${price.model}`)})`
                            )
                            .join(', ')
                        : t('plans.notYetInForce')}
                    </td>
                    <td>
                      {version
                        ? t('plans.versionFrom', {
                            version: version.version,
                            date: formatDay(version.effectiveFrom, locale)
                          })
                        : '—'}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        ))}
    </>
  )
}
