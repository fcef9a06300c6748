import { useTranslation } from 'react-i18next'
import type { DashboardSummary, InvoiceGroup } from '@shared/books/results'
import { useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Card } from '../../components/Card'
import { EmptyState } from '../../components/EmptyState'
import { Loading } from '../../components/Loading'
import { MoneyList } from '../../components/Money'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage } from '../../errors'
import { formatDay } from '../../format'
import { intlLocale } from '../../i18n'
import { ActivityList } from '../activity/ActivityList'
import { InvoiceTable } from '../invoices/InvoiceTable'
import { useWorkspace } from '../../workspace'
import { CatchUp } from './CatchUp'
import { ProfileReminder } from './ProfileReminder'

/** What needs attention today: drafts, what falls due, what is overdue, billing, recent activity. */
export function DashboardPage() {
  const { t } = useTranslation()
  const [summary, reload] = useChannel('dashboard/summary', {})
  if (summary.status === 'error')
    return <Alert tone="error">{errorMessage(t, summary.error)}</Alert>
  if (summary.status === 'loading') return <Loading />
  return <Dashboard summary={summary.value} onChanged={reload} />
}

function Stat({
  title,
  group,
  href,
  tone
}: {
  title: string
  group: InvoiceGroup
  href: string
  tone: string
}) {
  const { t } = useTranslation()
  return (
    <a className={`stat stat-${group.count > 0 ? tone : 'calm'}`} href={href}>
      <span className="stat-title">{title}</span>
      <span className="stat-count">{t('dashboard.invoices', { count: group.count })}</span>
      <MoneyList
        totals={group.totals.map((x) => ({
          currency: x.currency,
          amount: x.outstanding || x.total
        }))}
      />
    </a>
  )
}

function Dashboard({ summary, onChanged }: { summary: DashboardSummary; onChanged(): void }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const { file } = useWorkspace()
  return (
    <>
      <PageHeader
        title={file.companyName}
        description={t('home.today', { date: formatDay(summary.today, locale) })}
      />
      <ProfileReminder />
      {summary.customers === 0 && (
        <EmptyState
          title={t('dashboard.startTitle')}
          action={
            <>
              <a className="btn btn-primary" href="#/plans/new">
                {t('dashboard.startPlan')}
              </a>{' '}
              <a className="btn btn-secondary" href="#/customers/new">
                {t('customers.new')}
              </a>
            </>
          }
        >
          {t('dashboard.startText')}
        </EmptyState>
      )}
      <div className="stats" aria-label={t('dashboard.attention')} role="group">
        <Stat
          title={t('dashboard.drafts')}
          group={summary.drafts}
          href="#/invoices?status=draft"
          tone="info"
        />
        <Stat
          title={t('dashboard.dueSoon')}
          group={summary.dueSoon}
          href="#/invoices?due=week"
          tone="warning"
        />
        <Stat
          title={t('dashboard.overdue')}
          group={summary.overdue}
          href="#/invoices?status=overdue"
          tone="danger"
        />
      </div>
      <CatchUp summary={summary} onDone={onChanged} />
      {summary.overdue.count > 0 && (
        <Card title={t('dashboard.overdue')}>
          <InvoiceTable invoices={summary.overdue.first} emptyText="" />
        </Card>
      )}
      {summary.drafts.count > 0 && (
        <Card
          title={t('dashboard.drafts')}
          actions={
            <a className="btn btn-ghost" href="#/invoices?status=draft">
              {t('dashboard.allDrafts')}
            </a>
          }
        >
          <InvoiceTable invoices={summary.drafts.first} emptyText="" />
        </Card>
      )}
      <Card title={t('dashboard.activity')}>
        <ActivityList
          entries={summary.activity}
          emptyText={t('dashboard.noActivity')}
          showChanges={false}
        />
      </Card>
    </>
  )
}
