import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { createSubscriptionInput } from '@shared/books/subscriptions'
import type { AppErrorInfo, FieldError } from '@shared/result'
import { toFieldErrors } from '@shared/validation'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { CustomerPicker } from '../../components/CustomerPicker'
import { DateField } from '../../components/DateField'
import { SelectField, TextField } from '../../components/Field'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage, fieldMessage } from '../../errors'
import { today } from '../../format'
import { navigate } from '../../router'
import { intervalText } from '../plans/PlansPage'

/** Subscribes a customer to a plan from a day, with a quantity, an optional trial and coupon. */
export function NewSubscriptionPage({ customerId }: { customerId?: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const [plans] = useChannel('plans/list', {})
  const [coupons] = useChannel('coupons/list', {})
  const [customer, setCustomer] = useState<number | null>(customerId ?? null)
  const [planCode, setPlanCode] = useState('')
  const [startDate, setStartDate] = useState(today)
  const [quantity, setQuantity] = useState('1')
  const [trialDays, setTrialDays] = useState('')
  const [couponCode, setCouponCode] = useState('')
  const [errors, setErrors] = useState<Record<string, FieldError>>({})
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const [saving, setSaving] = useState(false)
  const livePlans = plans.status === 'ready' ? plans.value.filter((p) => p.versions.length > 0) : []
  const chosenPlan = livePlans.find((p) => p.code === planCode)
  const [chosenCustomer] = useChannel('customers/get', { customerId: customer ?? 0 }, !customer)
  // a plan in another currency than the customer's is allowed (its invoices are in the plan's),
  // but never without a word
  const otherCurrency =
    chosenPlan && customer && chosenCustomer.status === 'ready'
      ? chosenCustomer.value.currency !== chosenPlan.currency
        ? { customer: chosenCustomer.value.currency, plan: chosenPlan.currency }
        : null
      : null

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setFailure(null)
    const input = {
      customerId: customer ?? 0,
      planCode,
      startDate,
      quantity: quantity.trim(),
      ...(trialDays.trim()
        ? {
            trialDays: /^\d+$/.test(trialDays.trim())
              ? Number(trialDays)
              : (trialDays as unknown as number)
          }
        : {}),
      ...(couponCode ? { couponCode } : {})
    }
    const parsed = createSubscriptionInput.safeParse(input)
    if (!parsed.success) return setErrors(toFieldErrors(parsed.error.issues, input))
    setErrors({})
    setSaving(true)
    const result = await api.invoke('subscriptions/create', input)
    setSaving(false)
    if (result.ok) navigate(`/subscriptions/${result.value.id}`)
    else {
      setFailure(result.error)
      setErrors(result.error.fieldErrors ?? {})
    }
  }
  const err = (path: string) => fieldMessage(t, errors[path])
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <PageHeader
        title={t('subscriptions.newTitle')}
        description={t('subscriptions.newDescription')}
      />
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      <Card>
        <div className="form-grid">
          <CustomerPicker value={customer} onChange={setCustomer} error={err('customerId')} />
          <div>
            <SelectField
              label={t('subscriptions.plan')}
              name="planCode"
              value={planCode}
              onChange={setPlanCode}
              error={err('planCode')}
              options={[
                { value: '', label: t('subscriptions.choosePlan') },
                ...livePlans.map((p) => ({
                  value: p.code,
                  label: `${p.name} · ${p.current ? intervalText(t, p.current) : ''} · ${p.currency}`
                }))
              ]}
              hint={livePlans.length === 0 ? t('subscriptions.noPlans') : undefined}
            />
            {otherCurrency && (
              <Alert tone="warning">{t('subscriptions.otherCurrency', otherCurrency)}</Alert>
            )}
            <DateField
              label={t('subscriptions.startDate')}
              name="startDate"
              value={startDate}
              onChange={setStartDate}
              error={err('startDate')}
              hint={t('subscriptions.startDateHint')}
            />
            <TextField
              label={t('subscriptions.quantity')}
              name="quantity"
              value={quantity}
              onChange={setQuantity}
              error={err('quantity')}
              inputMode="decimal"
              hint={t('subscriptions.quantityHint')}
            />
            <TextField
              label={t('subscriptions.trialDays')}
              name="trialDays"
              value={trialDays}
              onChange={setTrialDays}
              error={err('trialDays')}
              inputMode="numeric"
              hint={t('subscriptions.trialDaysHint', {
                days: chosenPlan?.current?.trial_days ?? 0
              })}
            />
            <SelectField
              label={t('subscriptions.coupon')}
              name="couponCode"
              value={couponCode}
              onChange={setCouponCode}
              error={err('couponCode')}
              options={[
                { value: '', label: t('subscriptions.noCoupon') },
                ...(coupons.status === 'ready'
                  ? coupons.value.map((c) => ({ value: c.id, label: `${c.id} — ${c.name}` }))
                  : [])
              ]}
            />
          </div>
        </div>
      </Card>
      <div className="save-bar">
        <Button variant="primary" type="submit" busy={saving}>
          {t('subscriptions.create')}
        </Button>
        <a
          className="btn btn-secondary"
          href={customerId ? `#/customers/${customerId}` : '#/subscriptions'}
        >
          {t('common.cancel')}
        </a>
      </div>
    </form>
  )
}
