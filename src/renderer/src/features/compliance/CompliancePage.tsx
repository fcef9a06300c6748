import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  KSEF_STATES,
  type KsefQueueRow,
  type KsefState,
  type KsefUpoResult,
  type KsefZip
} from '@shared/ksef'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { ActionButton } from '../../components/ActionButton'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { DateField } from '../../components/DateField'
import { Dialog } from '../../components/Dialog'
import { EmptyState } from '../../components/EmptyState'
import { TextField } from '../../components/Field'
import { FilterSelect } from '../../components/FilterSelect'
import { Loading } from '../../components/Loading'
import { Money } from '../../components/Money'
import { PageHeader } from '../../components/PageHeader'
import { StatusBadge } from '../../components/StatusBadge'
import { fromBase64, saveDownload } from '../../download'
import { errorMessage } from '../../errors'
import { formatDay } from '../../format'
import { intlLocale } from '../../i18n'

/**
 * Compliance: what the tax authorities must receive. The KSeF queue of a Polish seller's issued
 * documents (to send, by when; the ZIP for the Aplikacja Podatnika; the KSeF numbers recorded
 * back, typed or from UPO receipts) and the NBP rates FA(3) states VAT in PLN with.
 */
export function CompliancePage() {
  const { t } = useTranslation()
  const [state, setState] = useState<KsefState | ''>('')
  const [queue, reload] = useChannel('ksef/queue', state ? { state } : {})
  const [zip, setZip] = useState<KsefZip | null>(null)
  const [upo, setUpo] = useState<KsefUpoResult | null>(null)
  return (
    <>
      <PageHeader title={t('compliance.title')} description={t('compliance.description')} />
      <Card title={t('ksef.queue')}>
        <p className="muted">{t('ksef.queueHelp')}</p>
        <div className="toolbar">
          <FilterSelect
            label={t('ksef.state')}
            value={state}
            onChange={(v) => setState(v as KsefState | '')}
            options={[
              { value: '', label: t('ksef.allStates') },
              ...KSEF_STATES.map((s) => ({ value: s, label: t(`status.ksef_${s}`) }))
            ]}
          />
          <ExportButton
            onDone={(value) => {
              setZip(value)
              reload()
            }}
          />
          <UpoImport
            onDone={(value) => {
              setUpo(value)
              reload()
            }}
          />
        </div>
        {zip && <ZipSummary zip={zip} />}
        {upo && <UpoSummary result={upo} />}
        {queue.status === 'loading' && <Loading />}
        {queue.status === 'error' && <Alert tone="error">{errorMessage(t, queue.error)}</Alert>}
        {queue.status === 'ready' && (
          <>
            <p className="ksef-counts" role="status">
              {KSEF_STATES.map((s) => `${t(`status.ksef_${s}`)}: ${queue.value.counts[s]}`).join(
                ' · '
              )}
              {queue.value.late > 0 && (
                <strong className="text-danger">
                  {' · '}
                  {t('ksef.lateCount', { count: queue.value.late })}
                </strong>
              )}
            </p>
            {queue.value.rows.length === 0 ? (
              <EmptyState title={t('ksef.empty')}>{t('ksef.emptyHelp')}</EmptyState>
            ) : (
              <QueueTable rows={queue.value.rows} onChanged={reload} />
            )}
          </>
        )}
      </Card>
      <VerifactuRecords />
      <ExchangeRates />
    </>
  )
}

/** A Spanish seller's chained Verifactu records, the chain's check, and the SuministroLR export. */
function VerifactuRecords() {
  const { t } = useTranslation()
  const api = useApi()
  const locale = intlLocale()
  const [view] = useChannel('verifactu/records', {})
  if (view.status !== 'ready' || view.value.total === 0) return null
  const { records, total, chain } = view.value
  return (
    <Card title={t('verifactu.title')}>
      <p className="muted">{t('verifactu.help')}</p>
      <div className="toolbar">
        <ActionButton
          label={t('verifactu.export')}
          run={() => api.invoke('verifactu/export', {})}
          onValue={(value) => {
            for (const f of value.files)
              saveDownload(fromBase64(f.dataBase64), f.fileName, 'application/xml')
          }}
        />
      </div>
      {chain.ok ? (
        <Alert tone="success">{t('verifactu.chainOk', { count: total })}</Alert>
      ) : (
        <Alert tone="error">
          {t('verifactu.chainBroken', {
            number: chain.broken?.number ?? '',
            reason: chain.broken?.reason ?? ''
          })}
        </Alert>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('verifactu.record')}</th>
            <th scope="col">{t('invoices.number')}</th>
            <th scope="col">{t('invoices.issueDate')}</th>
            <th scope="col" className="num">
              {t('invoices.total')}
            </th>
            <th scope="col">{t('verifactu.generatedAt')}</th>
            <th scope="col">{t('verifactu.huella')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id}>
              <td>{r.id}</td>
              <td>
                {t(`verifactu.kind_${r.kind}`)}
                {r.tipoFactura && <span translate="no"> {r.tipoFactura}</span>}
              </td>
              <td>
                <a href={`#/invoices/${r.invoiceId}`} translate="no">
                  {r.numSerie}
                </a>
              </td>
              <td>{formatDay(r.issueDate, locale)}</td>
              <td className="num">{r.importeTotal ?? '—'}</td>
              <td>{r.generatedAt}</td>
              <td>
                <code title={r.huella} translate="no">
                  {r.huella.slice(0, 16)}…
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  )
}

function ExportButton({ onDone }: { onDone(zip: KsefZip): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const save = (zip: KsefZip) => {
    if (zip.dataBase64) saveDownload(fromBase64(zip.dataBase64), zip.fileName, 'application/zip')
    onDone(zip)
  }
  return (
    <>
      <ActionButton
        label={t('ksef.export')}
        run={() => api.invoke('ksef/export', {})}
        onValue={save}
      />
      <ActionButton
        variant="ghost"
        label={t('ksef.exportAgain')}
        run={() => api.invoke('ksef/export', { includeSent: true })}
        onValue={save}
      />
    </>
  )
}

function ZipSummary({ zip }: { zip: KsefZip }) {
  const { t } = useTranslation()
  return (
    <Alert tone={zip.skipped.length ? 'warning' : 'success'}>
      <p>
        {zip.files.length
          ? t('ksef.exported', { count: zip.files.length, file: zip.fileName })
          : t('ksef.nothingToSend')}
      </p>
      {zip.skipped.length > 0 && (
        <ul>
          {zip.skipped.map((s) => (
            <li key={s.number}>
              <span translate="no">{s.number}</span>: {s.reason}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  )
}

function UpoImport({ onDone }: { onDone(result: KsefUpoResult): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const choose = async (list: FileList | null) => {
    if (!list?.length) return
    setFailure(null)
    const files = await Promise.all(
      Array.from(list).map(async (f) => ({ name: f.name, text: await f.text() }))
    )
    const result = await api.invoke('ksef/importUpo', { files })
    if (result.ok) onDone(result.value)
    else setFailure(result.error)
  }
  return (
    <>
      {/* the browser's own file button speaks the browser's language: this one speaks the app's */}
      <label className="btn btn-secondary file-pick">
        <input
          type="file"
          accept=".xml,application/xml,text/xml"
          multiple
          className="visually-hidden"
          aria-label={t('ksef.importUpo')}
          onChange={(e) => {
            void choose(e.target.files)
            e.target.value = ''
          }}
        />
        {t('ksef.importUpo')}
      </label>
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
    </>
  )
}

function UpoSummary({ result }: { result: KsefUpoResult }) {
  const { t } = useTranslation()
  return (
    <Alert tone={result.unmatched.length ? 'warning' : 'success'}>
      <p>
        {t('ksef.upoResult', {
          recorded: result.recorded.length,
          known: result.known.length,
          unmatched: result.unmatched.length
        })}
      </p>
      {result.unmatched.length > 0 && (
        <ul>
          {result.unmatched.map((u) => (
            <li key={`${u.file}/${u.ksefNumber}`}>
              <span translate="no">
                {u.file} · {u.number} · {u.ksefNumber}
              </span>
              : {u.reason}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  )
}

function QueueTable({ rows, onChanged }: { rows: KsefQueueRow[]; onChanged(): void }) {
  const { t } = useTranslation()
  const locale = intlLocale()
  const [recording, setRecording] = useState<KsefQueueRow | null>(null)
  const [rejecting, setRejecting] = useState<KsefQueueRow | null>(null)
  return (
    <>
      <table className="table ksef-queue">
        <thead>
          <tr>
            <th scope="col">{t('invoices.number')}</th>
            <th scope="col">{t('invoices.customer')}</th>
            <th scope="col">{t('invoices.issueDate')}</th>
            <th scope="col" className="num">
              {t('invoices.total')}
            </th>
            <th scope="col">{t('ksef.deadline')}</th>
            <th scope="col">{t('ksef.state')}</th>
            <th scope="col">{t('ksef.number')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('ksef.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.invoiceId}>
              <td>
                <a href={`#/invoices/${r.invoiceId}`} translate="no">
                  {r.number}
                </a>
              </td>
              <td>{r.customerName}</td>
              <td>{formatDay(r.issueDate, locale)}</td>
              <td className="num">
                <Money
                  amount={r.kind === 'credit_note' ? -r.total : r.total}
                  currency={r.currency}
                />
              </td>
              <td className={r.late ? 'text-danger' : undefined}>
                {r.state === 'accepted' ? '—' : formatDay(r.deadline, locale)}
                {r.late && ` · ${t('ksef.late')}`}
              </td>
              <td>
                <StatusBadge status={`ksef_${r.state}`} />
              </td>
              <td>
                {r.ksefNumber && <code translate="no">{r.ksefNumber}</code>}
                {r.reason && <span className="muted">{r.reason}</span>}
                {r.waitsFor && (
                  <span className="muted">{t('ksef.waitsFor', { number: r.waitsFor })}</span>
                )}
              </td>
              <td className="row-actions">
                {r.state !== 'accepted' && (
                  <>
                    <Button variant="ghost" onClick={() => setRecording(r)}>
                      {t('ksef.recordFor', { number: r.number })}
                    </Button>
                    {r.state !== 'rejected' && (
                      <Button variant="ghost" onClick={() => setRejecting(r)}>
                        {t('ksef.rejectFor', { number: r.number })}
                      </Button>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {recording && (
        <TextDialog
          title={t('ksef.recordTitle', { number: recording.number })}
          label={t('ksef.number')}
          hint={t('ksef.numberHint')}
          confirm={t('ksef.record')}
          send={(api, value) =>
            api.invoke('ksef/record', { invoiceId: recording.invoiceId, ksefNumber: value })
          }
          onClose={() => setRecording(null)}
          onDone={onChanged}
        />
      )}
      {rejecting && (
        <TextDialog
          title={t('ksef.rejectTitle', { number: rejecting.number })}
          label={t('ksef.reason')}
          confirm={t('ksef.reject')}
          send={(api, value) =>
            api.invoke('ksef/reject', { invoiceId: rejecting.invoiceId, reason: value })
          }
          onClose={() => setRejecting(null)}
          onDone={onChanged}
        />
      )}
    </>
  )
}

type Api = ReturnType<typeof useApi>

function TextDialog({
  title,
  label,
  hint,
  confirm,
  send,
  onClose,
  onDone
}: {
  title: string
  label: string
  hint?: string
  confirm: string
  send(api: Api, value: string): Promise<{ ok: true } | { ok: false; error: AppErrorInfo }>
  onClose(): void
  onDone(): void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [value, setValue] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const submit = async () => {
    setBusy(true)
    setFailure(null)
    const result = await send(api, value)
    setBusy(false)
    if (!result.ok) return setFailure(result.error)
    onClose()
    onDone()
  }
  return (
    <Dialog
      title={title}
      open
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button busy={busy} disabled={!value.trim()} onClick={() => void submit()}>
            {confirm}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <TextField
          label={label}
          hint={hint}
          value={value}
          onChange={setValue}
          autoFocus
          spellCheck={false}
          autoComplete="off"
        />
      </form>
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
    </Dialog>
  )
}

function ExchangeRates() {
  const { t } = useTranslation()
  const api = useApi()
  const locale = intlLocale()
  const [rates, reload] = useChannel('exchangeRates/list', {})
  const [currency, setCurrency] = useState('EUR')
  const [day, setDay] = useState('')
  const [rate, setRate] = useState('')
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const save = async () => {
    setFailure(null)
    const result = await api.invoke('exchangeRates/set', {
      currency: currency.trim().toUpperCase(),
      day,
      rate: rate.trim()
    })
    if (!result.ok) return setFailure(result.error)
    setRate('')
    reload()
  }
  return (
    <Card title={t('ksef.rates')}>
      <p className="muted">{t('ksef.ratesHelp')}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <TextField
          label={t('customers.currency')}
          value={currency}
          onChange={setCurrency}
          maxLength={3}
        />
        <DateField label={t('ksef.rateDay')} value={day} onChange={setDay} />
        <TextField label={t('ksef.rate')} value={rate} onChange={setRate} inputMode="decimal" />
        <Button type="submit" disabled={!day || !rate.trim()}>
          {t('ksef.saveRate')}
        </Button>
      </form>
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      {rates.status === 'ready' && rates.value.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('customers.currency')}</th>
              <th scope="col">{t('ksef.rateDay')}</th>
              <th scope="col" className="num">
                {t('ksef.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rates.value.map((r) => (
              <tr key={`${r.currency}/${r.day}`}>
                <td translate="no">{r.currency}</td>
                <td>{formatDay(r.day, locale)}</td>
                <td className="num">{r.rate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}
