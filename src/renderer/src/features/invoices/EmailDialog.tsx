import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InvoiceView } from '@shared/books/invoices'
import { useApi } from '../../api/context'
import { TextField } from '../../components/Field'
import { ActionDialog, type DialogProps } from './ActionDialog'

/** Addresses typed in one field, separated by commas, semicolons or spaces. */
const addresses = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean)

/**
 * Emails an issued invoice or credit note with its PDF: the message goes into the outbox at
 * once and leaves when there is a connection. The addresses start as the customer's billing emails.
 */
export function EmailDialog({ invoice, ...props }: DialogProps & { invoice: InvoiceView }) {
  const { t } = useTranslation()
  const api = useApi()
  const [to, setTo] = useState(() => (invoice.buyer?.emails ?? []).join(', '))
  const [cc, setCc] = useState('')
  const [bcc, setBcc] = useState('')
  return (
    <ActionDialog
      {...props}
      title={t('email.sendTitle', { number: invoice.number ?? '' })}
      confirmLabel={t('email.send')}
      ready={addresses(to).length > 0}
      send={() =>
        api.invoke('invoices/email', {
          invoiceId: invoice.id,
          to: addresses(to),
          cc: addresses(cc),
          bcc: addresses(bcc)
        })
      }
    >
      <p>{t('email.sendText')}</p>
      <TextField label={t('email.to')} value={to} onChange={setTo} type="text" required />
      <TextField label={t('email.cc')} value={cc} onChange={setCc} type="text" />
      <TextField label={t('email.bcc')} value={bcc} onChange={setBcc} type="text" />
    </ActionDialog>
  )
}
