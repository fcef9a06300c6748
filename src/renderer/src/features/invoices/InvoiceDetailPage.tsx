import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { paymentInput, type InvoiceView } from '@shared/books/invoices'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { Loading } from '../../components/Loading'
import { Money } from '../../components/Money'
import { PageHeader } from '../../components/PageHeader'
import { StatusBadge } from '../../components/StatusBadge'
import { errorMessage } from '../../errors'
import { formatDateTime, formatDay, LANGUAGE_NAMES } from '../../format'
import { intlLocale } from '../../i18n'
import { navigate } from '../../router'
import { InvoiceDocument } from './InvoiceDocument'
import { SimpleConfirm } from './ActionDialog'
import { AddLineDialog, CreditNoteDialog, IssueDialog, VoidDialog } from './InvoiceDialogs'
import { PaymentDialog } from './PaymentDialogs'
import { EmailDialog } from './EmailDialog'
import { OutboxList } from '../email/OutboxList'
import { EinvoiceCard } from './EinvoiceCard'
import { PdfPreviewDialog, PrintButton } from './PdfPreview'
import { ActionButton } from '../../components/ActionButton'
import { fromBase64, saveDownload } from '../../download'

type Action =
  | 'issue'
  | 'addLine'
  | 'delete'
  | 'removeLine'
  | 'pay'
  | 'credit'
  | 'void'
  | 'uncollectible'
  | 'email'
  | 'preview'
  | null

/** A payment without a reference is shown by its method, which main sends as its code. */
const PAYMENT_METHODS: readonly string[] = paymentInput.shape.method.options

/** One invoice: the document as the customer sees it, what can be done with it, and its history. */
export function InvoiceDetailPage({ invoiceId }: { invoiceId: number }) {
  const { t } = useTranslation()
  const [invoice, reload] = useChannel('invoices/get', { invoiceId })
  if (invoice.status === 'error')
    return <Alert tone="error">{errorMessage(t, invoice.error)}</Alert>
  if (invoice.status === 'loading') return <Loading />
  return (
    <InvoiceDetail key={JSON.stringify(invoice.value)} invoice={invoice.value} onChanged={reload} />
  )
}

function InvoiceDetail({ invoice, onChanged }: { invoice: InvoiceView; onChanged(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const locale = intlLocale()
  const [history] = useChannel('invoices/history', { invoiceId: invoice.id })
  const [einvoices, reloadEinvoices] = useChannel('invoices/einvoices', { invoiceId: invoice.id })
  const ksef = einvoices.status === 'ready' ? einvoices.value.ksef : null
  const verifactu = einvoices.status === 'ready' ? einvoices.value.verifactu : null
  const nfse = einvoices.status === 'ready' ? einvoices.value.nfse : null
  const [rates] = useChannel('taxRates/list', {})
  const [action, setAction] = useState<Action>(null)
  const [lineId, setLineId] = useState<number | null>(null)
  const [outboxKey, setOutboxKey] = useState(0)
  const close = () => setAction(null)
  const done = () => {
    setAction(null)
    onChanged()
  }
  // what may be done is main's decision (billing/invoice-actions.ts), not this page's
  const can = invoice.actions
  const draft = invoice.status === 'draft'
  const common = { invoice, onClose: close, onDone: done }
  return (
    <>
      <PageHeader
        title={invoice.number ?? t('invoices.draftNumber', { id: invoice.id })}
        description={`${invoice.customerName} · ${formatDay(invoice.billDate, locale)}`}
        actions={
          <>
            {can.issue && (
              <Button variant="primary" onClick={() => setAction('issue')}>
                {t('invoices.issue')}
              </Button>
            )}
            {can.editLines && (
              <Button onClick={() => setAction('addLine')}>{t('invoices.addLine')}</Button>
            )}
            {can.deleteDraft && (
              <Button variant="danger" onClick={() => setAction('delete')}>
                {t('invoices.deleteDraft')}
              </Button>
            )}
            {can.recordPayment && (
              <Button variant="primary" onClick={() => setAction('pay')}>
                {t('payments.record')}
              </Button>
            )}
            {can.creditNote && (
              <Button onClick={() => setAction('credit')}>{t('invoices.createCreditNote')}</Button>
            )}
            {can.markUncollectible && (
              <Button onClick={() => setAction('uncollectible')}>
                {t('invoices.markUncollectible')}
              </Button>
            )}
            {can.void && (
              <Button variant="danger" onClick={() => setAction('void')}>
                {t('invoices.void')}
              </Button>
            )}
            <Button onClick={() => setAction('preview')}>{t('invoices.preview')}</Button>
            <DownloadPdfButton invoiceId={invoice.id} />
            <PrintButton load={() => api.invoke('invoices/pdf', { invoiceId: invoice.id })} />
            {can.email && (
              <>
                <Button onClick={() => setAction('email')}>{t('email.emailButton')}</Button>
                <MailAppButton invoiceId={invoice.id} />
              </>
            )}
            {can.pauseReminders && (
              <Button
                variant="ghost"
                disabled={invoice.remindersPaused.customer}
                title={invoice.remindersPaused.customer ? t('email.pausedForCustomer') : undefined}
                onClick={() =>
                  void api
                    .invoke('reminders/pause', {
                      invoiceId: invoice.id,
                      paused: !invoice.remindersPaused.invoice
                    })
                    .then(onChanged)
                }
              >
                {t(
                  invoice.remindersPaused.invoice || invoice.remindersPaused.customer
                    ? 'email.resumeReminders'
                    : 'email.pauseReminders'
                )}
              </Button>
            )}
          </>
        }
      />
      <div className="invoice-layout">
        <div>
          {can.editLines && invoice.lines.length > 0 && (
            <Card title={t('invoices.draftLines')} description={t('invoices.draftLinesHint')}>
              <table className="table">
                <tbody>
                  {invoice.lines.map((l) => (
                    <tr key={l.id}>
                      <td>{l.description}</td>
                      <td className="num">
                        <Money amount={l.amount} currency={invoice.currency} />
                      </td>
                      <td>
                        <Button
                          variant="ghost"
                          onClick={() => {
                            setLineId(l.id)
                            setAction('removeLine')
                          }}
                        >
                          {t('invoices.removeLine', { line: l.description })}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Card>
          )}
          <InvoiceDocument
            invoice={invoice}
            ksef={ksef?.code ?? null}
            verifactu={verifactu?.code ?? null}
            nfse={nfse}
          />
        </div>
        <aside>
          <Card title={t('invoices.summary')}>
            <dl className="facts">
              <dt>{t('invoices.status')}</dt>
              <dd>
                <StatusBadge status={invoice.status} />
              </dd>
              <dt>{t('invoices.documentLanguage')}</dt>
              <dd>{LANGUAGE_NAMES[invoice.language]}</dd>
              <dt>{t('invoices.total')}</dt>
              <dd>
                <Money amount={invoice.total} currency={invoice.currency} />
              </dd>
              <dt>{draft ? t('invoices.amountDue') : t('invoices.outstanding')}</dt>
              <dd>
                <Money
                  amount={draft ? invoice.subtotals.amountDue : invoice.outstanding}
                  currency={invoice.currency}
                />
              </dd>
              <dt>{t('invoices.customer')}</dt>
              <dd>
                <a href={`#/customers/${invoice.customerId}`}>{invoice.customerName}</a>
              </dd>
              {invoice.correctsInvoiceId && (
                <>
                  <dt>{t('invoices.corrects')}</dt>
                  <dd>
                    <a href={`#/invoices/${invoice.correctsInvoiceId}`}>
                      {t('invoices.originalInvoice')}
                    </a>
                  </dd>
                </>
              )}
            </dl>
          </Card>
          {!draft && einvoices.status === 'ready' && (
            <EinvoiceCard
              invoiceId={invoice.id}
              options={einvoices.value}
              onChanged={reloadEinvoices}
            />
          )}
          {!draft && (
            <Card title={t('email.emails')}>
              <OutboxList key={outboxKey} invoiceId={invoice.id} />
            </Card>
          )}
          <Card title={t('invoices.history')}>
            {history.status === 'ready' && history.value.length > 0 ? (
              <ol className="timeline">
                {history.value.map((e, i) => (
                  <li key={i} className="timeline-item">
                    <time className="timeline-time" dateTime={e.at}>
                      {formatDateTime(e.at, locale)}
                    </time>
                    <span>
                      {t(`invoices.event_${e.kind}`, { defaultValue: e.kind })}
                      {e.amount !== null && (
                        <>
                          {' '}
                          <Money amount={e.amount} currency={invoice.currency} />
                        </>
                      )}
                      {e.reference && (
                        <span className="muted">
                          {' '}
                          ·{' '}
                          {PAYMENT_METHODS.includes(e.reference)
                            ? t(`payments.methodName.${e.reference}`)
                            : e.reference}
                        </span>
                      )}
                      {e.date && <span className="muted"> · {formatDay(e.date, locale)}</span>}
                    </span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">{t('invoices.noHistory')}</p>
            )}
          </Card>
        </aside>
      </div>
      {action === 'issue' && <IssueDialog {...common} open />}
      {action === 'addLine' && rates.status === 'ready' && (
        <AddLineDialog {...common} taxRates={rates.value} open />
      )}
      {action === 'pay' && (
        <PaymentDialog
          payer={{
            customerId: invoice.customerId,
            currency: invoice.currency,
            outstanding: invoice.outstanding,
            invoiceId: invoice.id
          }}
          open
          onClose={close}
          onDone={done}
        />
      )}
      {action === 'credit' && <CreditNoteDialog {...common} open />}
      {action === 'void' && <VoidDialog {...common} open />}
      {action === 'delete' && (
        <SimpleConfirm
          open
          onClose={close}
          onDone={() => navigate('/invoices')}
          title={t('invoices.deleteTitle')}
          text={t('invoices.deleteText')}
          confirmLabel={t('invoices.deleteDraft')}
          send={() => api.invoke('invoices/deleteDraft', { invoiceId: invoice.id })}
        />
      )}
      {action === 'removeLine' && lineId && (
        <SimpleConfirm
          open
          onClose={close}
          onDone={done}
          title={t('invoices.removeLineTitle')}
          text={invoice.lines.find((l) => l.id === lineId)?.description ?? ''}
          confirmLabel={t('invoices.removeLineConfirm')}
          send={() => api.invoke('invoices/removeLine', { invoiceId: invoice.id, lineId })}
        />
      )}
      {action === 'preview' && (
        <PdfPreviewDialog
          load={() => api.invoke('invoices/pdf', { invoiceId: invoice.id })}
          title={invoice.number ?? t('invoices.draftNumber', { id: invoice.id })}
          onClose={close}
        />
      )}
      {action === 'email' && (
        <EmailDialog
          open
          invoice={invoice}
          onClose={close}
          onDone={() => {
            setAction(null)
            setOutboxKey((k) => k + 1)
          }}
        />
      )}
      {action === 'uncollectible' && (
        <SimpleConfirm
          open
          onClose={close}
          onDone={done}
          title={t('invoices.uncollectibleTitle')}
          text={t('invoices.uncollectibleText')}
          confirmLabel={t('invoices.markUncollectible')}
          send={() => api.invoke('invoices/uncollectible', { invoiceId: invoice.id })}
        />
      )}
    </>
  )
}

/**
 * Downloads the invoice as the PDF main renders (in the customer's language): the same bytes
 * the command line writes, not a picture of this screen.
 */
function DownloadPdfButton({ invoiceId }: { invoiceId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ActionButton
      label={t('invoices.downloadPdf')}
      run={() => api.invoke('invoices/pdf', { invoiceId })}
      onValue={(pdf) => saveDownload(fromBase64(pdf.pdfBase64), pdf.fileName, 'application/pdf')}
    />
  )
}

/**
 * Open in my mail app: the desktop app opens the message (.eml, unsent) in the system's mail
 * program; browser mode downloads it, and opening the file does the same.
 */
function MailAppButton({ invoiceId }: { invoiceId: number }) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ActionButton
      label={t('email.openInMailApp')}
      run={() => api.invoke('invoices/eml', { invoiceId })}
      onValue={(eml) => {
        if (!eml.opened && eml.emlBase64)
          saveDownload(fromBase64(eml.emlBase64), eml.fileName, 'message/rfc822')
      }}
    />
  )
}
