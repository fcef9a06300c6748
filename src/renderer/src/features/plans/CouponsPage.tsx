import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { couponSchema, type Coupon } from '@shared/billing/inputs'
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
import { currencyOptions } from '../../format'
import { intlLocale } from '../../i18n'
import { CATALOG_TABS } from './PlansPage'

interface CouponForm {
  id: string
  name: string
  type: 'percent' | 'fixed'
  percent: string
  amount: string
  currency: string
  duration: 'once' | 'repeating' | 'forever'
  periods: string
  plans: string
}

const EMPTY: CouponForm = {
  id: '',
  name: '',
  type: 'percent',
  percent: '',
  amount: '',
  currency: 'EUR',
  duration: 'once',
  periods: '',
  plans: ''
}

function couponInput(f: CouponForm): unknown {
  const plans = f.plans
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return {
    id: f.id.trim(),
    name: f.name,
    type: f.type,
    ...(f.type === 'percent'
      ? { percent: f.percent.trim() }
      : { amount: f.amount.trim(), currency: f.currency }),
    duration: f.duration,
    ...(f.duration === 'repeating'
      ? { periods: /^\d+$/.test(f.periods) ? Number(f.periods) : f.periods }
      : {}),
    ...(plans.length ? { applies_to: { plans } } : {})
  }
}

/** Coupons: percentage or fixed discounts, once, for some periods or forever. */
export function CouponsPage() {
  const { t } = useTranslation()
  const [coupons, reload] = useChannel('coupons/list', {})
  return (
    <>
      <PageHeader title={t('nav.plans')} description={t('plans.couponsDescription')} />
      <SubNav label={t('nav.plans')} tabs={CATALOG_TABS} active="/plans/coupons" />
      <Card title={t('plans.tabCoupons')}>
        {coupons.status === 'error' && <Alert tone="error">{errorMessage(t, coupons.error)}</Alert>}
        {coupons.status === 'loading' && <Loading />}
        {coupons.status === 'ready' && <CouponTable coupons={coupons.value} />}
      </Card>
      <NewCoupon onSaved={reload} />
    </>
  )
}

function CouponTable({ coupons }: { coupons: Coupon[] }) {
  const { t } = useTranslation()
  if (coupons.length === 0) return <p className="muted">{t('plans.noCoupons')}</p>
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{t('plans.code')}</th>
          <th scope="col">{t('plans.name')}</th>
          <th scope="col">{t('plans.discount')}</th>
          <th scope="col">{t('plans.duration')}</th>
          <th scope="col">{t('plans.appliesTo')}</th>
        </tr>
      </thead>
      <tbody>
        {coupons.map((c) => (
          <tr key={c.id}>
            <td>{c.id}</td>
            <td>{c.name}</td>
            <td>{c.type === 'percent' ? `${c.percent} %` : `${c.amount} ${c.currency}`}</td>
            <td>{t(`plans.duration_${c.duration}`, { count: c.periods ?? 0 })}</td>
            <td>{c.applies_to?.plans?.join(', ') || t('plans.wholeInvoice')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function NewCoupon({ onSaved }: { onSaved(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [form, setForm] = useState(EMPTY)
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const [saved, setSaved] = useState(false)
  const set = (field: keyof CouponForm) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }))
    setSaved(false)
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const input = couponInput(form)
    const parsed = couponSchema.safeParse(input)
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues, input))
    setErrors({})
    const result = await api.invoke('coupons/create', { coupon: input as Coupon })
    if (!result.ok) {
      setFailure(result.error)
      setErrors(
        Object.fromEntries(
          Object.entries(result.error.fieldErrors ?? {}).map(([k, v]) => [
            k.replace(/^coupon\./, ''),
            v
          ])
        )
      )
      return
    }
    setFailure(null)
    setForm(EMPTY)
    setSaved(true)
    onSaved()
  }
  const err = (path: string) => fieldMessage(t, errors[path])
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Card title={t('plans.newCoupon')}>
        {failure && !failure.fieldErrors && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
        {saved && <Alert tone="success">{t('plans.couponSaved')}</Alert>}
        <div className="form-grid form-grid-3">
          <TextField
            label={t('plans.code')}
            name="id"
            value={form.id}
            onChange={set('id')}
            error={err('id')}
            required
          />
          <TextField
            label={t('plans.name')}
            name="name"
            value={form.name}
            onChange={set('name')}
            error={err('name')}
            required
          />
          <SelectField
            label={t('plans.discountType')}
            value={form.type}
            onChange={set('type')}
            options={[
              { value: 'percent', label: t('plans.percentOff') },
              { value: 'fixed', label: t('plans.amountOff') }
            ]}
          />
          {form.type === 'percent' ? (
            <TextField
              label={t('plans.percent')}
              name="percent"
              value={form.percent}
              onChange={set('percent')}
              error={err('percent')}
              inputMode="decimal"
            />
          ) : (
            <>
              <TextField
                label={t('plans.amount')}
                name="amount"
                value={form.amount}
                onChange={set('amount')}
                error={err('amount')}
                inputMode="decimal"
              />
              <SelectField
                label={t('customers.currency')}
                value={form.currency}
                onChange={set('currency')}
                options={currencyOptions(intlLocale())}
                error={err('currency')}
              />
            </>
          )}
          <SelectField
            label={t('plans.duration')}
            value={form.duration}
            onChange={set('duration')}
            options={(['once', 'repeating', 'forever'] as const).map((d) => ({
              value: d,
              label: t(`plans.durationChoice_${d}`)
            }))}
          />
          {form.duration === 'repeating' && (
            <TextField
              label={t('plans.periods')}
              name="periods"
              value={form.periods}
              onChange={set('periods')}
              error={err('periods')}
              inputMode="numeric"
            />
          )}
          <TextField
            label={t('plans.appliesTo')}
            name="applies_to"
            value={form.plans}
            onChange={set('plans')}
            hint={t('plans.appliesToHint')}
            error={err('applies_to')}
          />
        </div>
        <Button variant="primary" type="submit">
          {t('plans.createCoupon')}
        </Button>
      </Card>
    </form>
  )
}
