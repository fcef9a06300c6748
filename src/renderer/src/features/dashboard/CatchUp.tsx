import { useTranslation } from 'react-i18next'
import type { DashboardSummary } from '@shared/books/results'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { ProgressBar } from '../../components/ProgressBar'
import { errorMessage } from '../../errors'
import { formatDay } from '../../format'
import { intlLocale } from '../../i18n'
import { useBillingRun } from '../billing/useBillingRun'
import { RunFailures } from '../billing/RunFailures'
import { RunSummaryView } from '../billing/RunSummaryView'

/** The next billing run, and when periods were missed while the app was closed, one button to bill them. */
export function CatchUp({ summary, onDone }: { summary: DashboardSummary; onDone(): void }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const run = useBillingRun()
  const due = summary.nextRunDate !== null && summary.nextRunDate <= summary.today
  const last = summary.lastRun
  return (
    <Card title={t('dashboard.billing')}>
      <dl className="facts">
        <dt>{t('dashboard.lastRun')}</dt>
        <dd>
          {last
            ? t('dashboard.lastRunAsOf', {
                date: formatDay(last.asOf, locale),
                count: last.invoicesCreated
              })
            : t('dashboard.noRunYet')}
        </dd>
        {last && last.status !== 'finished' && (
          <>
            <dt>{t('dashboard.lastRunStatus')}</dt>
            <dd>{t(`billing.runStatus_${last.status}`)}</dd>
          </>
        )}
        <dt>{t('dashboard.nextRun')}</dt>
        <dd>
          {summary.nextRunDate
            ? formatDay(summary.nextRunDate, locale)
            : t('dashboard.nothingScheduled')}
        </dd>
      </dl>
      {run.state.kind === 'idle' && last && (
        <>
          <RunFailures failures={last.failures} />
          {last.failures.length > 0 && (
            <p>
              <a href="#/billing">{t('dashboard.openRun')}</a>
            </p>
          )}
        </>
      )}
      {run.state.kind === 'idle' && due && (
        <Alert tone="warning" title={t('dashboard.missedTitle')}>
          <p>{t('dashboard.missedText', { date: formatDay(summary.nextRunDate!, locale) })}</p>
          <div className="button-row">
            <Button variant="primary" onClick={() => run.start(summary.today, false)}>
              {t('dashboard.catchUp')}
            </Button>
            <a className="btn btn-secondary" href={`#/billing?asOf=${summary.today}`}>
              {t('dashboard.previewFirst')}
            </a>
          </div>
        </Alert>
      )}
      {run.state.kind === 'running' && (
        <ProgressBar
          label={t('billing.progress')}
          done={run.state.progress?.done ?? 0}
          total={run.state.progress?.total ?? 0}
        />
      )}
      {run.state.kind === 'failed' && (
        <Alert tone="error">{errorMessage(t, run.state.error)}</Alert>
      )}
      {run.state.kind === 'done' && (
        <RunSummaryView
          summary={run.state.summary}
          onClose={() => {
            run.reset()
            onDone()
          }}
        />
      )}
    </Card>
  )
}
