import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { KSEF_STATES, type KsefState, type KsefUpoResult, type KsefZip } from '@shared/ksef'
import { useApi, useChannel } from '../../api/context'
import { ActionButton } from '../../components/ActionButton'
import { Alert } from '../../components/Alert'
import { Card } from '../../components/Card'
import { EmptyState } from '../../components/EmptyState'
import { FilterSelect } from '../../components/FilterSelect'
import { Loading } from '../../components/Loading'
import { fromBase64, saveDownload } from '../../download'
import { errorMessage } from '../../errors'
import { QueueTable } from './KsefQueueTable'
import { ImportSummary } from './ImportSummary'
import { XmlFilesButton } from './XmlFilesButton'

/**
 * A Polish seller's KSeF queue: each issued document's state and deadline, the ZIP of FA(3) files
 * for the Aplikacja Podatnika, and the KSeF numbers recorded back from UPO receipts.
 */
/** `polish`: the company is in Poland, where the queue is always shown. */
export function KsefQueueCard({ polish }: { polish: boolean }) {
  const { t } = useTranslation()
  const [state, setState] = useState<KsefState | ''>('')
  const [queue, reload] = useChannel('ksef/queue', state ? { state } : {})
  const [zip, setZip] = useState<KsefZip | null>(null)
  const [upo, setUpo] = useState<KsefUpoResult | null>(null)
  // a company outside Poland sees the queue only once it holds something
  const empty = queue.status === 'ready' && KSEF_STATES.every((s) => queue.value.counts[s] === 0)
  if (!polish && (queue.status === 'loading' || empty) && !state) return null
  return (
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
  return (
    <XmlFilesButton
      label={t('ksef.importUpo')}
      send={(files) => api.invoke('ksef/importUpo', { files })}
      onDone={onDone}
    />
  )
}

function UpoSummary({ result }: { result: KsefUpoResult }) {
  const { t } = useTranslation()
  return (
    <ImportSummary
      message={t('ksef.upoResult', {
        recorded: result.recorded.length,
        known: result.known.length,
        unmatched: result.unmatched.length
      })}
      unmatched={result.unmatched.map((u, i) => ({
        key: `${u.file}/${u.ksefNumber}/${i}`,
        label: `${u.file} · ${u.number} · ${u.ksefNumber}`,
        reason: u.reason
      }))}
    />
  )
}
