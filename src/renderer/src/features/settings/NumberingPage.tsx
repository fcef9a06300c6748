import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NumberSeries } from '@shared/books/settings'
import { checkNumberFormat, formatInvoiceNumber } from '@shared/invoice-number'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { TextField } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage, fieldMessage } from '../../errors'
import { today } from '../../format'

/** Settings › Numbering: each series' format, counters and next number. */
export function NumberingPage() {
  const { t } = useTranslation()
  const [series, reload] = useChannel('series/list', {})
  return (
    <>
      <PageHeader title={t('numbering.title')} description={t('numbering.description')} />
      {series.status === 'error' && <Alert tone="error">{errorMessage(t, series.error)}</Alert>}
      {series.status === 'loading' && <Loading />}
      {series.status === 'ready' &&
        series.value.map((s) => (
          <SeriesCard key={`${s.id}-${s.format}`} series={s} onSaved={reload} />
        ))}
    </>
  )
}

function SeriesCard({ series, onSaved }: { series: NumberSeries; onSaved(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [format, setFormat] = useState(series.format)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const problem = checkNumberFormat(format)
  const save = async () => {
    const result = await api.invoke('series/update', { id: series.id, format })
    if (result.ok) onSaved()
    else setFailure(result.error)
  }
  return (
    <Card title={t(`numbering.kind_${series.kind}`, { id: series.id })}>
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      <div className="form-grid">
        <TextField
          label={t('numbering.format')}
          value={format}
          onChange={setFormat}
          error={problem ? fieldMessage(t, problem) : undefined}
          hint={
            problem
              ? undefined
              : t('numbering.example', { example: formatInvoiceNumber(format, today(), 1) })
          }
        />
        <dl className="facts">
          <dt>{t('numbering.next')}</dt>
          <dd>{series.next}</dd>
          <dt>{t('numbering.issued')}</dt>
          <dd>
            {series.counters.length === 0
              ? t('numbering.none')
              : series.counters
                  .map((c) => t('numbering.counter', { period: c.period || '—', count: c.lastSeq }))
                  .join(', ')}
          </dd>
        </dl>
      </div>
      <p className="muted">{t('numbering.help')}</p>
      <Button
        variant="primary"
        disabled={Boolean(problem) || format === series.format}
        onClick={() => void save()}
      >
        {t('numbering.save')}
      </Button>
    </Card>
  )
}
