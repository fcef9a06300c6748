import { useTranslation } from 'react-i18next'
import { useApi, useChannel } from '../../api/context'
import { ActionButton } from '../../components/ActionButton'
import { Card } from '../../components/Card'
import { fromBase64, saveDownload } from '../../download'
import { formatDateTime } from '../../format'
import { intlLocale } from '../../i18n'

/**
 * The e-invoice files an issued document can be: one Download as button per format that applies
 * (main decides which), and the files made so far with their SHA-256, which every later
 * download reproduces byte for byte.
 */
export function EinvoiceCard({ invoiceId }: { invoiceId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const [options, reload] = useChannel('invoices/einvoices', { invoiceId })
  if (options.status !== 'ready' || options.value.formats.length === 0) return null
  const { formats, records } = options.value
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
              reload()
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
    </Card>
  )
}
