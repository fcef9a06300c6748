import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useChannel } from '../../api/context'
import { ActionButton } from '../../components/ActionButton'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { fromBase64, saveDownload } from '../../download'
import { errorMessage } from '../../errors'
import { formatDay } from '../../format'
import { intlLocale } from '../../i18n'
import { InvoiceDocument } from '../invoices/InvoiceDocument'
import { PdfPreviewDialog } from '../invoices/PdfPreview'

/**
 * What the next billing run will bill this subscription, priced as the run will (usage recorded
 * so far): the document as the customer will read it, and its PDF, neither of which is kept.
 */
export function UpcomingInvoiceCard({ subscriptionId }: { subscriptionId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const locale = intlLocale()
  const [upcoming] = useChannel('subscriptions/upcoming', { subscriptionId })
  const [previewing, setPreviewing] = useState(false)
  const loadPdf = () => api.invoke('subscriptions/upcomingPdf', { subscriptionId })
  if (upcoming.status === 'loading') return <Loading />
  if (upcoming.status === 'error')
    return <Alert tone="error">{errorMessage(t, upcoming.error)}</Alert>
  const next = upcoming.value
  return (
    <Card
      title={t('subscriptions.upcomingTitle')}
      description={
        next
          ? t('subscriptions.upcomingDescription', { date: formatDay(next.billDate, locale) })
          : undefined
      }
      actions={
        next && (
          <div className="card-actions">
            <Button onClick={() => setPreviewing(true)}>{t('invoices.preview')}</Button>
            <ActionButton
              label={t('invoices.downloadPdf')}
              run={loadPdf}
              onValue={(pdf) =>
                saveDownload(fromBase64(pdf.pdfBase64), pdf.fileName, 'application/pdf')
              }
            />
          </div>
        )
      }
    >
      {next ? (
        <InvoiceDocument invoice={next.invoice} upcoming />
      ) : (
        <p className="muted">{t('subscriptions.upcomingNone')}</p>
      )}
      {previewing && (
        <PdfPreviewDialog
          load={loadPdf}
          title={t('subscriptions.upcomingTitle')}
          onClose={() => setPreviewing(false)}
        />
      )}
    </Card>
  )
}
