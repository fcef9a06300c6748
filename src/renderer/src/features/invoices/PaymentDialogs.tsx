import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { paymentInput } from '@shared/books/invoices'
import { decimalToMinor, minorToDecimal } from '@shared/money'
import { useApi } from '../../api/context'
import { DateField } from '../../components/DateField'
import { SelectField, TextField } from '../../components/Field'
import { Money } from '../../components/Money'
import { today } from '../../format'
import { ActionDialog, type DialogProps } from './ActionDialog'

/** The payment methods main accepts, from its schema. */
const PAYMENT_METHODS = paymentInput.shape.method.options

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

/** Reverses a payment recorded by mistake or returned by the bank; nothing is deleted. */
export function ReversePaymentDialog({
  payment,
  ...props
}: {
  payment: { id: number; reference: string; amount: number; currency: string; date: string }
} & DialogProps) {
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
