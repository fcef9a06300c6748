import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EinvoiceOptions } from '@shared/einvoice'
import type { KsefInvoiceStatus } from '@shared/ksef'
import { useApi } from '../../api/context'
import { ActionButton } from '../../components/ActionButton'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { TextField } from '../../components/Field'
import { StatusBadge } from '../../components/StatusBadge'
import { fromBase64, saveDownload } from '../../download'
import { errorMessage } from '../../errors'
import { formatDateTime, formatDay } from '../../format'
import { intlLocale } from '../../i18n'
import type { AppErrorInfo } from '@shared/result'

/**
 * The e-invoice files an issued document can be: one Download as button per format that applies
 * (main decides which), and the files made so far with their SHA-256, which every later
 * download reproduces byte for byte. For a Polish seller, where the document stands with KSeF.
 */
export function EinvoiceCard({
  invoiceId,
  options,
  onChanged
}: {
  invoiceId: number
  options: EinvoiceOptions
  onChanged(): void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const { formats, records, ksef, verifactu, nfse } = options
  if (formats.length === 0 && !ksef && !verifactu && !nfse) return null
  return (
    <Card title={t('einvoice.title')}>
      <div className="card-actions">
        {formats.map((f) => (
          <ActionButton
            key={f.format}
            label={t('einvoice.downloadAs', { format: f.short })}
            run={() => api.invoke('invoices/export', { invoiceId, format: f.format })}
            onValue={(file) => {
              saveDownload(fromBase64(file.dataBase64), file.fileName, file.mimeType)
              onChanged()
            }}
          />
        ))}
      </div>
      {records.length > 0 && (
        <ul className="einvoice-records">
          {records.map((r) => (
            <li key={r.format}>
              <span translate="no">
                {formats.find((f) => f.format === r.format)?.label ?? r.format}
              </span>{' '}
              <span className="muted">
                · {formatDateTime(r.createdAt, intlLocale())} ·{' '}
                <code title={r.sha256}>SHA-256 {r.sha256.slice(0, 12)}…</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      {ksef && <KsefStatus invoiceId={invoiceId} status={ksef} onChanged={onChanged} />}
      {verifactu && verifactu.records.length > 0 && (
        <section className="verifactu-records" aria-label={t('verifactu.title')}>
          <h3 className="card-subtitle" translate="no">
            VERI*FACTU
          </h3>
          <ul className="einvoice-records">
            {verifactu.records.map((r) => (
              <li key={r.kind}>
                {t(`verifactu.kind_${r.kind}`)}
                {r.tipoFactura && <span translate="no"> {r.tipoFactura}</span>}{' '}
                <span className="muted">
                  · {r.generatedAt.slice(0, 10)} ·{' '}
                  <code title={r.huella}>
                    {t('verifactu.huella')} {r.huella.slice(0, 12)}…
                  </code>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {nfse && <NfseStatus status={nfse} />}
    </Card>
  )
}

/** A Brazilian seller's invoice: the DPS made of it and the NFS-e the tax system issued. */
function NfseStatus({ status }: { status: NonNullable<EinvoiceOptions['nfse']> }) {
  const { t } = useTranslation()
  return (
    <section className="nfse-status" aria-label={t('nfse.title')}>
      <h3 className="card-subtitle" translate="no">
        NFS-e
      </h3>
      {status.accessKey ? (
        <dl className="facts">
          <dt>{t('nfse.number')}</dt>
          <dd>
            <code translate="no">{status.nfseNumber}</code>
          </dd>
          <dt>{t('nfse.accessKey')}</dt>
          <dd>
            <code translate="no" className="break-all">
              {status.accessKey}
            </code>
          </dd>
          {status.processedAt && (
            <>
              <dt>{t('nfse.processedAt')}</dt>
              <dd translate="no">{status.processedAt}</dd>
            </>
          )}
        </dl>
      ) : (
        <p className="muted">
          {status.dpsId ? t('nfse.waitingDps', { id: status.dpsId }) : t('nfse.noDps')}
        </p>
      )}
    </section>
  )
}

function KsefStatus({
  invoiceId,
  status,
  onChanged
}: {
  invoiceId: number
  status: KsefInvoiceStatus
  onChanged(): void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const locale = intlLocale()
  const [number, setNumber] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const record = async () => {
    setBusy(true)
    setFailure(null)
    const result = await api.invoke('ksef/record', { invoiceId, ksefNumber: number })
    setBusy(false)
    if (result.ok) onChanged()
    else setFailure(result.error)
  }
  return (
    <section className="ksef-status" aria-label={t('ksef.title')}>
      <h3 className="card-subtitle">{t('ksef.title')}</h3>
      <dl className="facts">
        <dt>{t('ksef.state')}</dt>
        <dd>
          <StatusBadge status={`ksef_${status.state}`} />
        </dd>
        {status.state !== 'accepted' && (
          <>
            <dt>{t('ksef.deadline')}</dt>
            <dd className={status.late ? 'text-danger' : undefined}>
              {formatDay(status.deadline, locale)}
              {status.late && ` · ${t('ksef.late')}`}
            </dd>
          </>
        )}
        {status.ksefNumber && (
          <>
            <dt>{t('ksef.number')}</dt>
            <dd>
              <code translate="no">{status.ksefNumber}</code>
            </dd>
          </>
        )}
        {status.reason && (
          <>
            <dt>{t('ksef.reason')}</dt>
            <dd>{status.reason}</dd>
          </>
        )}
      </dl>
      {status.waitsFor && (
        <Alert tone="info">{t('ksef.waitsFor', { number: status.waitsFor })}</Alert>
      )}
      {status.state !== 'accepted' && (
        <form
          className="ksef-record"
          onSubmit={(e) => {
            e.preventDefault()
            void record()
          }}
        >
          <TextField
            label={t('ksef.number')}
            hint={t('ksef.numberHint')}
            value={number}
            onChange={setNumber}
            spellCheck={false}
            autoComplete="off"
            translate="no"
          />
          <Button type="submit" busy={busy} disabled={!number.trim()}>
            {t('ksef.record')}
          </Button>
          {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
        </form>
      )}
    </section>
  )
}
