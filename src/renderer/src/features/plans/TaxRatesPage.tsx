import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TAX_CATEGORIES, taxRateSchema, type TaxRate } from '@shared/billing/inputs'
import type { AppErrorInfo, FieldError } from '@shared/result'
import { toFieldErrors } from '@shared/validation'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { SelectField, TextField } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { SubNav } from '../../components/SubNav'
import { errorMessage, fieldMessage } from '../../errors'
import { CATALOG_TABS } from './PlansPage'

interface RateForm {
  id: string
  name: string
  category: TaxRate['category']
  percent: string
  exemption_reason: string
  exemption_code: string
  split_payment: boolean
}

const EMPTY: RateForm = {
  id: '',
  name: '',
  category: 'S',
  percent: '',
  exemption_reason: '',
  exemption_code: '',
  split_payment: false
}

const formOf = (r: TaxRate): RateForm => ({
  id: r.id,
  name: r.name ?? '',
  category: r.category,
  percent: r.percent,
  exemption_reason: r.exemption_reason ?? '',
  exemption_code: r.exemption_code ?? '',
  split_payment: r.split_payment ?? false
})

function rateInput(f: RateForm): Record<string, unknown> {
  return {
    id: f.id.trim(),
    ...(f.name.trim() ? { name: f.name.trim() } : {}),
    category: f.category,
    percent: f.percent.trim(),
    ...(f.exemption_reason.trim() ? { exemption_reason: f.exemption_reason.trim() } : {}),
    ...(f.exemption_code.trim() ? { exemption_code: f.exemption_code.trim() } : {}),
    ...(f.split_payment ? { split_payment: true } : {})
  }
}

/** Tax rates: the VAT categories and percentages prices refer to. */
export function TaxRatesPage({ inSettings = false }: { inSettings?: boolean }) {
  const { t } = useTranslation()
  const [rates, reload] = useChannel('taxRates/list', {})
  const [editing, setEditing] = useState<RateForm>(EMPTY)
  return (
    <>
      <PageHeader
        title={inSettings ? t('plans.tabTaxes') : t('nav.plans')}
        description={t('plans.taxesDescription')}
      />
      {/* the same rates are reached from Plans and prices and from Settings */}
      {!inSettings && <SubNav label={t('nav.plans')} tabs={CATALOG_TABS} active="/plans/taxes" />}
      <Card title={t('plans.tabTaxes')}>
        {rates.status === 'error' && <Alert tone="error">{errorMessage(t, rates.error)}</Alert>}
        {rates.status === 'loading' && <Loading />}
        {rates.status === 'ready' && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('plans.code')}</th>
                <th scope="col">{t('plans.name')}</th>
                <th scope="col">{t('plans.category')}</th>
                <th scope="col" className="num">
                  {t('plans.percent')}
                </th>
                <th scope="col">{t('plans.exemptionReason')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('plans.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rates.value.map((r) => (
                <tr key={r.id}>
                  <td>{r.id}</td>
                  <td>{r.name}</td>
                  <td>{t(`plans.category_${r.category}`)}</td>
                  <td className="num">{r.percent} %</td>
                  <td>{r.exemption_reason}</td>
                  <td>
                    <Button variant="ghost" onClick={() => setEditing(formOf(r))}>
                      {t('plans.editRate', { id: r.id })}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <RateEditor
        key={editing.id || 'new'}
        initial={editing}
        onSaved={() => {
          setEditing(EMPTY)
          reload()
        }}
      />
    </>
  )
}

function RateEditor({ initial, onSaved }: { initial: RateForm; onSaved(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [form, setForm] = useState(initial)
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const set = (field: keyof RateForm) => (value: string) =>
    setForm((f) => ({ ...f, [field]: value }))
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const input = rateInput(form)
    const parsed = taxRateSchema.safeParse(input)
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues, input))
    const result = await api.invoke('taxRates/save', { rate: input as TaxRate })
    if (!result.ok) return setFailure(result.error)
    onSaved()
  }
  const err = (path: string) => fieldMessage(t, errors[path])
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Card title={initial.id ? t('plans.editRate', { id: initial.id }) : t('plans.newRate')}>
        {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
        <div className="form-grid form-grid-3">
          <TextField
            label={t('plans.code')}
            name="id"
            value={form.id}
            onChange={set('id')}
            error={err('id')}
            readOnly={Boolean(initial.id)}
            required
          />
          <TextField
            label={t('plans.name')}
            name="name"
            value={form.name}
            onChange={set('name')}
            error={err('name')}
          />
          <SelectField
            label={t('plans.category')}
            value={form.category}
            onChange={set('category')}
            options={TAX_CATEGORIES.map((c) => ({ value: c, label: t(`plans.category_${c}`) }))}
          />
          <TextField
            label={t('plans.percent')}
            name="percent"
            value={form.percent}
            onChange={set('percent')}
            error={err('percent')}
            inputMode="decimal"
          />
          <TextField
            label={t('plans.exemptionReason')}
            name="exemption_reason"
            value={form.exemption_reason}
            onChange={set('exemption_reason')}
            error={err('exemption_reason')}
          />
          <TextField
            label={t('plans.exemptionCode')}
            name="exemption_code"
            value={form.exemption_code}
            onChange={set('exemption_code')}
            error={err('exemption_code')}
            hint={t('plans.exemptionCodeHint')}
          />
          <label className="form-check">
            <input
              type="checkbox"
              name="split_payment"
              checked={form.split_payment}
              onChange={(e) => setForm((f) => ({ ...f, split_payment: e.target.checked }))}
            />
            {t('plans.splitPayment')}
            <span className="field-hint">{t('plans.splitPaymentHint')}</span>
          </label>
        </div>
        <Button variant="primary" type="submit">
          {t('plans.saveRate')}
        </Button>
      </Card>
    </form>
  )
}
