import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InvoiceView } from '@shared/books/invoices'
import type { TaxRate } from '@shared/billing/inputs'
import { lineAmountMinor } from '@shared/billing/line-amount'
import { decimalToMinor, minorToDecimal } from '@shared/money'
import { useApi, useChannel } from '../../api/context'
import { DateField } from '../../components/DateField'
import { SelectField, TextField } from '../../components/Field'
import { Money } from '../../components/Money'
import { today } from '../../format'
import { ActionDialog, type DialogProps } from './ActionDialog'

interface ActionProps extends DialogProps {
  invoice: InvoiceView
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
