import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UsageRecord } from '@shared/books/results'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { CustomerPicker } from '../../components/CustomerPicker'
import { ConfirmDialog, Dialog } from '../../components/Dialog'
import { SelectField, TextField } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { StatusBadge } from '../../components/StatusBadge'
import { errorMessage, fieldMessage } from '../../errors'
import { formatDateTime, formatQuantity } from '../../format'
import { intlLocale } from '../../i18n'
import { navigate, withQuery } from '../../router'

/** Usage per customer and metric: the events recorded, add one, correct or delete what is not billed yet. */
export function UsagePage({ customerId }: { customerId?: number }) {
  const { t } = useTranslation()
  const [metric, setMetric] = useState('')
  const [metrics] = useChannel('metrics/list', {})
  return (
    <>
      <PageHeader
        title={t('nav.usage')}
        description={t('usage.description')}
        actions={
          <a className="btn btn-secondary" href="#/usage/import">
            {t('usage.import')}
          </a>
        }
      />
      <Card>
        <div className="form-grid">
          <CustomerPicker
            value={customerId ?? null}
            onChange={(id) => navigate(withQuery('/usage', { customer: id ?? undefined }))}
          />
          <SelectField
            label={t('usage.metric')}
            value={metric}
            onChange={setMetric}
            options={[
              { value: '', label: t('usage.anyMetric') },
              ...(metrics.status === 'ready'
                ? metrics.value.map((m) => ({ value: m.code, label: m.code }))
                : [])
            ]}
          />
        </div>
      </Card>
      {customerId ? (
        <CustomerUsage
          key={`${customerId}-${metric}`}
          customerId={customerId}
          metric={metric}
          metrics={metrics.status === 'ready' ? metrics.value.map((m) => m.code) : []}
        />
      ) : (
        <p className="muted">{t('usage.pickCustomer')}</p>
      )}
    </>
  )
}

function CustomerUsage({
  customerId,
  metric,
  metrics
}: {
  customerId: number
  metric: string
  metrics: string[]
}) {
  const { t } = useTranslation()
  const api = useApi()
  const locale = intlLocale()
  const [records, reload] = useChannel('usage/list', { customerId, metric: metric || undefined })
  const [adding, setAdding] = useState(false)
  const [editing, setEditing] = useState<UsageRecord | null>(null)
  const [deleting, setDeleting] = useState<UsageRecord | null>(null)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const remove = async (record: UsageRecord) => {
    const result = await api.invoke('usage/delete', { id: record.id })
    setDeleting(null)
    if (result.ok) reload()
    else setFailure(result.error)
  }
  return (
    <Card
      title={t('usage.events')}
      actions={
        <Button variant="primary" onClick={() => setAdding(true)}>
          {t('usage.add')}
        </Button>
      }
    >
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      {records.status === 'loading' && <Loading />}
      {records.status === 'error' && <Alert tone="error">{errorMessage(t, records.error)}</Alert>}
      {records.status === 'ready' &&
        (records.value.length === 0 ? (
          <p className="muted">{t('usage.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('usage.when')}</th>
                <th scope="col">{t('usage.metric')}</th>
                <th scope="col">{t('usage.eventId')}</th>
                <th scope="col">{t('usage.values')}</th>
                <th scope="col">{t('invoices.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('plans.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.value.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.timestamp, locale)}</td>
                  <td>{r.metric}</td>
                  <td>{r.eventId}</td>
                  <td>
                    {Object.entries(r.properties)
                      .map(
                        ([k, v]) =>
                          `${k} ${typeof v === 'number' ? formatQuantity(String(v), locale) : v}`
                      )
                      .join(', ')}
                  </td>
                  <td>
                    {r.billed ? <StatusBadge status="billed" /> : <StatusBadge status="unbilled" />}
                  </td>
                  <td>
                    {!r.billed && (
                      <>
                        <Button variant="ghost" onClick={() => setEditing(r)}>
                          {t('usage.correct', { id: r.eventId })}
                        </Button>
                        <Button variant="ghost" onClick={() => setDeleting(r)}>
                          {t('usage.delete', { id: r.eventId })}
                        </Button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {adding && (
        <UsageDialog
          customerId={customerId}
          metrics={metrics}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false)
            reload()
          }}
        />
      )}
      {editing && (
        <UsageDialog
          customerId={customerId}
          metrics={metrics}
          record={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null)
            reload()
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('usage.deleteTitle')}
        confirmLabel={t('usage.deleteConfirm')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => deleting && void remove(deleting)}
      >
        <p>{t('usage.deleteText', { id: deleting?.eventId ?? '' })}</p>
      </ConfirmDialog>
    </Card>
  )
}

/** Adds an event, or corrects one (its time and values). */
function UsageDialog({
  customerId,
  metrics,
  record,
  onClose,
  onDone
}: {
  customerId: number
  metrics: string[]
  record?: UsageRecord
  onClose(): void
  onDone(): void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [metric, setMetric] = useState(record?.metric ?? metrics[0] ?? '')
  const [timestamp, setTimestamp] = useState(
    record?.timestamp.slice(0, 16) ?? new Date().toISOString().slice(0, 16)
  )
  const [property, setProperty] = useState(Object.keys(record?.properties ?? {})[0] ?? 'value')
  const [value, setValue] = useState(String(Object.values(record?.properties ?? {})[0] ?? ''))
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const number = Number(value)
  const ok = value.trim() !== '' && Number.isFinite(number) && number >= 0
  const save = async () => {
    const properties = { [property]: number }
    const result = record
      ? await api.invoke('usage/correct', {
          id: record.id,
          timestamp: `${timestamp}:00`,
          properties
        })
      : await api.invoke('usage/add', {
          customerId,
          metric,
          eventId: `manual-${Date.now()}`,
          timestamp: `${timestamp}:00`,
          properties
        })
    if (result.ok) onDone()
    else setFailure(result.error)
  }
  return (
    <Dialog
      open
      title={record ? t('usage.correctTitle') : t('usage.addTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={!ok} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </>
      }
    >
      {failure && (
        <Alert tone="error">
          {errorMessage(t, failure)}
          {failure.fieldErrors &&
            Object.entries(failure.fieldErrors).map(([k, e]) => (
              <p key={k}>{fieldMessage(t, e)}</p>
            ))}
        </Alert>
      )}
      <div className="form-grid">
        {!record && (
          <TextField
            label={t('usage.metric')}
            value={metric}
            onChange={setMetric}
            list="usage-metrics"
          />
        )}
        <TextField
          label={t('usage.when')}
          type="datetime-local"
          value={timestamp}
          onChange={setTimestamp}
        />
        <TextField
          label={t('usage.property')}
          value={property}
          onChange={setProperty}
          hint={t('usage.propertyHint')}
        />
        <TextField
          label={t('usage.value')}
          value={value}
          onChange={setValue}
          inputMode="decimal"
          error={value && !ok ? t('usage.valueInvalid') : undefined}
        />
      </div>
      <datalist id="usage-metrics">
        {metrics.map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>
    </Dialog>
  )
}
