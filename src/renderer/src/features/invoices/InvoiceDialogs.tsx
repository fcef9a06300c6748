import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { InvoiceView } from '@shared/books/invoices'
import type { TaxRate } from '@shared/billing/inputs'
import { lineAmountMinor } from '@shared/billing/line-amount'
import { decimalToMinor, minorToDecimal } from '@shared/money'
import type { AppErrorInfo, Result } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { DateField } from '../../components/DateField'
import { SelectField, TextField } from '../../components/Field'
import { Money } from '../../components/Money'
import { errorMessage, fieldMessage } from '../../errors'
import { today } from '../../format'

interface ActionProps {
  invoice: InvoiceView
  open: boolean
  onClose(): void
  onDone(): void
}

/** A dialog with one confirming button that sends and closes, or shows what main refused. */
function ActionDialog({
  title,
  open,
  onClose,
  onDone,
  confirmLabel,
  tone = 'primary',
  send,
  ready = true,
  children
}: {
  title: string
  open: boolean
  onClose(): void
  onDone(): void
  confirmLabel: string
  tone?: 'primary' | 'danger'
  send(): Promise<Result<unknown>>
  ready?: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const go = async () => {
    setBusy(true)
    const result = await send()
    setBusy(false)
    if (result.ok) onDone()
    else setFailure(result.error)
  }
  return (
    <Dialog
      title={title}
      open={open}
      onClose={onClose}
      footer={
        <>
          <Button autoFocus onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button variant={tone} busy={busy} disabled={!ready} onClick={() => void go()}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {failure && (
        <Alert tone="error">
          {errorMessage(t, failure)}
          {failure.fieldErrors && (
            <ul className="error-summary">
              {Object.entries(failure.fieldErrors).map(([path, e]) => (
                <li key={path}>{fieldMessage(t, e)}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </Dialog>
  )
}

export function IssueDialog({ invoice, ...props }: ActionProps) {
  const { t } = useTranslation()
  const api = useApi()
  const [date, setDate] = useState(today)
  return (
    <ActionDialog
      {...props}
      title={t('invoices.issueTitle')}
      confirmLabel={t('invoices.issue')}
      send={() => api.invoke('invoices/issue', { invoiceId: invoice.id, issueDate: date })}
    >
      <p>{t('invoices.issueText')}</p>
      <DateField label={t('invoices.issueDate')} value={date} onChange={setDate} />
    </ActionDialog>
  )
}

/** The rate a new line starts with: the company's standard rate, else its highest standard-rated one. */
export function defaultTaxRate(rates: readonly TaxRate[]): string {
  const standard = rates.find((r) => r.id === 'standard')
  if (standard) return standard.id
  const rated = rates
    .filter((r) => r.category === 'S')
    .sort((a, b) => Number(b.percent) - Number(a.percent))
  return (rated[0] ?? rates[0])?.id ?? ''
}

export function AddLineDialog({
  invoice,
  taxRates,
  ...props
}: ActionProps & { taxRates: TaxRate[] }) {
  const { t } = useTranslation()
  const api = useApi()
  const [prefs] = useChannel('billingSettings/get', {})
  const [description, setDescription] = useState('')
  const [quantity, setQuantity] = useState('1')
  const [unitPrice, setUnitPrice] = useState('')
  const [taxRateId, setTaxRateId] = useState(() => defaultTaxRate(taxRates))
  const rounding = prefs.status === 'ready' ? prefs.value.rounding : undefined
  const amount = lineAmountMinor(quantity, unitPrice, invoice.currency, rounding)
  const priceInvalid = unitPrice.trim() !== '' && amount === null
  return (
    <ActionDialog
      {...props}
      title={t('invoices.addLineTitle')}
      confirmLabel={t('invoices.addLine')}
      ready={amount !== null && description.trim() !== '' && prefs.status === 'ready'}
      send={() =>
        api.invoke('invoices/addLine', {
          invoiceId: invoice.id,
          description,
          quantity: quantity.trim(),
          unitPrice: unitPrice.trim().replace(',', '.'),
          taxRateId
        })
      }
    >
      <div className="form-grid">
        <TextField
          label={t('invoices.description')}
          value={description}
          onChange={setDescription}
          required
        />
        <TextField
          label={t('invoices.quantity')}
          value={quantity}
          onChange={setQuantity}
          inputMode="decimal"
        />
        <TextField
          label={t('invoices.unitPrice', { currency: invoice.currency })}
          value={unitPrice}
          onChange={setUnitPrice}
          inputMode="decimal"
          hint={t('invoices.lineAmountHint')}
          error={priceInvalid ? t('invoices.unitPriceInvalid') : undefined}
        />
        <SelectField
          label={t('plans.taxRate')}
          value={taxRateId}
          onChange={setTaxRateId}
          options={taxRates.map((r) => ({
            value: r.id,
            label: `${r.name ?? r.id} (${r.percent} %)`
          }))}
        />
      </div>
      <p className="line-amount" aria-live="polite">
        {t('invoices.lineAmountIs', { currency: invoice.currency })}{' '}
        <strong data-testid="line-amount">
          {amount === null ? '—' : <Money amount={amount} currency={invoice.currency} />}
        </strong>
      </p>
    </ActionDialog>
  )
}

export function VoidDialog({ invoice, ...props }: ActionProps) {
  const { t } = useTranslation()
  const api = useApi()
  const [reason, setReason] = useState('')
  return (
    <ActionDialog
      {...props}
      tone="danger"
      title={t('invoices.voidTitle')}
      confirmLabel={t('invoices.void')}
      ready={reason.trim() !== ''}
      send={() => api.invoke('invoices/void', { invoiceId: invoice.id, reason })}
    >
      <p>{t('invoices.voidText')}</p>
      <TextField label={t('subscriptions.reason')} value={reason} onChange={setReason} required />
    </ActionDialog>
  )
}

export function CreditNoteDialog({ invoice, ...props }: ActionProps) {
  const { t } = useTranslation()
  const api = useApi()
  const [reason, setReason] = useState('')
  const [partial, setPartial] = useState(false)
  const [amounts, setAmounts] = useState<Record<number, string>>({})
  const lines = invoice.lines
    .map((l) => ({ lineId: l.id, text: amounts[l.id] ?? '' }))
    .filter((l) => l.text.trim() !== '')
    .map((l) => ({ lineId: l.lineId, amount: decimalToMinor(l.text, invoice.currency) }))
  const left = new Map(invoice.lines.map((l) => [l.id, l.creditable ?? l.amount]))
  const malformed = lines.some((l) => l.amount === null || l.amount <= 0)
  const tooMuch = lines.some((l) => l.amount !== null && l.amount > (left.get(l.lineId) ?? 0))
  const valid = !malformed && !tooMuch
  return (
    <ActionDialog
      {...props}
      title={t('invoices.creditNoteTitleDialog')}
      confirmLabel={t('invoices.createCreditNote')}
      ready={reason.trim() !== '' && (!partial || (lines.length > 0 && valid))}
      send={() =>
        api.invoke('invoices/creditNote', {
          invoiceId: invoice.id,
          reason,
          ...(partial ? { lines: lines.map((l) => ({ lineId: l.lineId, amount: l.amount! })) } : {})
        })
      }
    >
      <p>{t('invoices.creditNoteText')}</p>
      <TextField label={t('subscriptions.reason')} value={reason} onChange={setReason} required />
      <SelectField
        label={t('invoices.creditWhat')}
        value={partial ? 'partial' : 'full'}
        onChange={(v) => setPartial(v === 'partial')}
        options={[
          { value: 'full', label: t('invoices.creditFull') },
          { value: 'partial', label: t('invoices.creditPartial') }
        ]}
      />
      {partial && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('invoices.description')}</th>
              <th scope="col" className="num">
                {t('invoices.creditableLeft')}
              </th>
              <th scope="col">{t('invoices.creditNow')}</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((l) => (
              <tr key={l.id}>
                <td>{l.description}</td>
                <td className="num">
                  <Money amount={l.creditable ?? l.amount} currency={invoice.currency} />
                </td>
                <td>
                  <input
                    className="input input-compact"
                    aria-label={t('invoices.creditLineAmount', { line: l.description })}
                    value={amounts[l.id] ?? ''}
                    placeholder={minorToDecimal(l.creditable ?? l.amount, invoice.currency)}
                    disabled={(l.creditable ?? l.amount) <= 0}
                    inputMode="decimal"
                    onChange={(e) => setAmounts({ ...amounts, [l.id]: e.target.value })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {malformed && <p className="field-error">{t('invoices.amountInvalid')}</p>}
      {tooMuch && <p className="field-error">{t('invoices.creditTooMuch')}</p>}
    </ActionDialog>
  )
}

export const PAYMENT_METHODS = [
  'bank_transfer',
  'card',
  'cash',
  'direct_debit',
  'pix',
  'other'
] as const

/**
 * Money received: for one invoice (what is more than it owes becomes the customer's credit),
 * or for the customer as a whole (the oldest open invoices first).
 */
export function PaymentDialog({
  payer,
  open,
  onClose,
  onDone
}: {
  payer: { customerId: number; currency: string; outstanding: number; invoiceId?: number }
  open: boolean
  onClose(): void
  onDone(): void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [date, setDate] = useState(today)
  const [amount, setAmount] = useState(
    payer.outstanding > 0 ? minorToDecimal(payer.outstanding, payer.currency) : ''
  )
  const [method, setMethod] = useState<(typeof PAYMENT_METHODS)[number]>('bank_transfer')
  const [reference, setReference] = useState('')
  const minor = decimalToMinor(amount, payer.currency)
  const ok = minor !== null && minor > 0
  // paid more than owed: the extra becomes credit only when the bookkeeper says so
  const [keepExtra, setKeepExtra] = useState(false)
  const overpaid = ok && minor! > payer.outstanding
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      onDone={onDone}
      title={t('payments.recordTitle')}
      confirmLabel={t('payments.record')}
      ready={ok && (!overpaid || keepExtra)}
      send={() =>
        api.invoke('payments/record', {
          keepExtraAsCredit: overpaid && keepExtra,
          customerId: payer.customerId,
          date,
          method,
          amount: minor!,
          currency: payer.currency,
          reference,
          ...(payer.invoiceId
            ? {
                allocations: [
                  { invoiceId: payer.invoiceId, amount: Math.min(minor!, payer.outstanding) }
                ]
              }
            : {})
        })
      }
    >
      <p>
        {t(payer.invoiceId ? 'payments.outstanding' : 'payments.owedOverall')}{' '}
        <Money amount={payer.outstanding} currency={payer.currency} />
      </p>
      <div className="form-grid">
        <TextField
          label={t('payments.amount', { currency: payer.currency })}
          value={amount}
          onChange={setAmount}
          inputMode="decimal"
          hint={ok && minor! > payer.outstanding ? t('payments.overpaid') : undefined}
          error={amount && !ok ? t('invoices.amountInvalid') : undefined}
        />
        <DateField label={t('payments.date')} value={date} onChange={setDate} />
        <SelectField
          label={t('payments.method')}
          value={method}
          onChange={(v) => setMethod(v as (typeof PAYMENT_METHODS)[number])}
          options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`payments.methodName.${m}`) }))}
        />
        <TextField label={t('payments.reference')} value={reference} onChange={setReference} />
      </div>
      {overpaid && (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={keepExtra}
            onChange={(e) => setKeepExtra(e.target.checked)}
          />{' '}
          {t('payments.keepExtra', {
            extra: minorToDecimal(minor! - payer.outstanding, payer.currency),
            currency: payer.currency
          })}
        </label>
      )}
    </ActionDialog>
  )
}

export function SimpleConfirm({
  title,
  text,
  confirmLabel,
  send,
  tone = 'danger',
  ...props
}: Omit<ActionProps, 'invoice'> & {
  title: string
  text: string
  confirmLabel: string
  tone?: 'primary' | 'danger'
  send(): Promise<Result<unknown>>
}) {
  return (
    <ActionDialog {...props} title={title} confirmLabel={confirmLabel} tone={tone} send={send}>
      <p>{text}</p>
    </ActionDialog>
  )
}

/** Reverses a payment recorded by mistake or returned by the bank; nothing is deleted. */
export function ReversePaymentDialog({
  payment,
  ...props
}: {
  payment: { id: number; reference: string; amount: number; currency: string; date: string }
  open: boolean
  onClose(): void
  onDone(): void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [date, setDate] = useState(() => (today() < payment.date ? payment.date : today()))
  const [reason, setReason] = useState('')
  return (
    <ActionDialog
      {...props}
      tone="danger"
      title={t('payments.reverseTitle')}
      confirmLabel={t('payments.reverse')}
      ready={reason.trim() !== ''}
      send={() => api.invoke('payments/reverse', { paymentId: payment.id, date, reason })}
    >
      <p>
        {t('payments.reverseText', { reference: payment.reference })}{' '}
        <Money amount={Math.abs(payment.amount)} currency={payment.currency} />
      </p>
      <DateField label={t('payments.reverseDate')} value={date} onChange={setDate} />
      <TextField label={t('payments.reverseReason')} value={reason} onChange={setReason} required />
    </ActionDialog>
  )
}
