import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/context'
import { ActionButton } from '../../components/ActionButton'
import { DateField } from '../../components/DateField'
import { fieldMessage } from '../../errors'
import { today } from '../../format'
import { PdfButtons, PrintButton } from '../invoices/PdfPreview'

/**
 * The statement of account as the customer receives it: for a period (this year so far unless
 * another is chosen), in the customer's language, previewed, downloaded, printed or emailed to
 * their billing addresses through the outbox.
 */
export function StatementActions({ customerId }: { customerId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const [from, setFrom] = useState(() => `${today().slice(0, 4)}-01-01`)
  const [to, setTo] = useState(today)
  const [queuedTo, setQueuedTo] = useState<string | null>(null)
  const period = { customerId, from, to }
  const ready = from !== '' && to !== '' && from <= to
  const loadPdf = () => api.invoke('statements/pdf', period)
  return (
    <div className="statement-actions">
      <div className="form-grid">
        <DateField label={t('customers.statementFrom')} value={from} onChange={setFrom} />
        <DateField
          label={t('customers.statementTo')}
          value={to}
          onChange={setTo}
          error={
            from && to && to < from
              ? fieldMessage(t, { code: 'date_order', message: '' })
              : undefined
          }
        />
      </div>
      {ready && (
        <PdfButtons load={loadPdf} title={t('customers.statementTitle')}>
          <PrintButton load={loadPdf} />
          <ActionButton
            label={t('customers.emailStatement')}
            run={() => api.invoke('statements/email', { ...period, cc: [], bcc: [] })}
            onValue={(entry) => setQueuedTo(entry.to.join(', '))}
          />
        </PdfButtons>
      )}
      {queuedTo && (
        <p role="status" className="muted">
          {t('customers.statementQueued', { to: queuedTo })}
        </p>
      )}
    </div>
  )
}
