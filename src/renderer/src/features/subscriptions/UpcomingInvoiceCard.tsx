import { useTranslation } from 'react-i18next'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { errorMessage } from '../../errors'
import { formatDay } from '../../format'
import { intlLocale } from '../../i18n'
import { InvoiceDocument } from '../invoices/InvoiceDocument'
import { PdfButtons } from '../invoices/PdfPreview'

/**
 * What the next billing run will bill this subscription, priced as the run will (usage recorded
 * so far): the document as the customer will read it, and its PDF, neither of which is kept.
 */
export function UpcomingInvoiceCard({ subscriptionId }: { subscriptionId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const locale = intlLocale()
  const [upcoming] = useChannel('subscriptions/upcoming', { subscriptionId })
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
          <PdfButtons
            load={() => api.invoke('subscriptions/upcomingPdf', { subscriptionId })}
            title={t('subscriptions.upcomingTitle')}
          />
        )
      }
    >
      {next ? (
        <InvoiceDocument invoice={next.invoice} upcoming />
      ) : (
        <p className="muted">{t('subscriptions.upcomingNone')}</p>
      )}
    </Card>
  )
}
