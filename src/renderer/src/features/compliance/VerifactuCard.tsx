import { useTranslation } from 'react-i18next'
import { useApi, useChannel } from '../../api/context'
import { ActionButton } from '../../components/ActionButton'
import { Alert } from '../../components/Alert'
import { Card } from '../../components/Card'
import { fromBase64, saveDownload } from '../../download'
import { formatDay } from '../../format'
import { intlLocale } from '../../i18n'

/** A Spanish seller's chained Verifactu records, the chain's check, and the SuministroLR export. */
export function VerifactuCard() {
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
