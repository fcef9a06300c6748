import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BillingPreferences } from '@shared/books/settings'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { SelectField } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage, fieldMessage } from '../../errors'

/** Settings › Billing: drafts or issued, tax and rounding rules, cancellation refunds, retention offers. */
export function BillingSettingsPage() {
  const { t } = useTranslation()
  const [loaded] = useChannel('billingSettings/get', {})
  const [coupons] = useChannel('coupons/list', {})
  const [plans] = useChannel('plans/list', {})
  if (loaded.status === 'error') return <Alert tone="error">{errorMessage(t, loaded.error)}</Alert>
  if (loaded.status === 'loading' || coupons.status === 'loading' || plans.status === 'loading')
    return <Loading />
  return (
    <BillingSettingsForm
      initial={loaded.value}
      coupons={
        coupons.status === 'ready'
          ? coupons.value.map((c) => ({ value: c.id, label: `${c.id} — ${c.name}` }))
          : []
      }
      plans={
        plans.status === 'ready' ? plans.value.map((p) => ({ value: p.code, label: p.name })) : []
      }
    />
  )
}

type Option = { value: string; label: string }

/** Catalog keys are camelCase: a key ending in _zero would read as a plural form. */
const camel = (value: string) => value.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())

function BillingSettingsForm({
  initial,
  coupons,
  plans
}: {
  initial: BillingPreferences
  coupons: Option[]
  plans: Option[]
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [form, setForm] = useState(initial)
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle')
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const set =
    <K extends keyof BillingPreferences>(key: K) =>
    (value: string) => {
      setForm((f) => ({ ...f, [key]: value }))
      setState('idle')
    }
  const choice = <K extends keyof BillingPreferences>(key: K, values: readonly string[]) => (
    <SelectField
      label={t(`billingSettings.${key}`)}
      name={key}
      value={String(form[key])}
      onChange={set(key)}
      hint={t(`billingSettings.${key}Hint`)}
      options={values.map((v) => ({ value: v, label: t(`billingSettings.${key}_${camel(v)}`) }))}
    />
  )
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setState('saving')
    const result = await api.invoke('billingSettings/update', form)
    if (result.ok) {
      setForm(result.value)
      setFailure(null)
      setState('saved')
    } else {
      setFailure(result.error)
      setState('idle')
    }
  }
  const fieldError = (key: string) => fieldMessage(t, failure?.fieldErrors?.[key])
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <PageHeader
        title={t('billingSettings.title')}
        description={t('billingSettings.description')}
      />
      {failure && !failure.fieldErrors && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      <div className="card-grid">
        <Card title={t('billingSettings.runs')}>
          {choice('runCreates', ['drafts', 'issued'])}
          {choice('taxCalculation', ['per_category', 'per_line'])}
          {choice('rounding', [
            'half_away_from_zero',
            'half_even',
            'half_toward_zero',
            'up',
            'down'
          ])}
        </Card>
        <Card title={t('billingSettings.lifecycle')}>
          {choice('cancelNowRefund', ['credit_line', 'credit_note'])}
          {choice('resumeMode', ['continue', 'new_period'])}
        </Card>
        <Card
          title={t('billingSettings.retention')}
          description={t('billingSettings.retentionHint')}
        >
          <SelectField
            label={t('billingSettings.retentionCoupon')}
            name="retentionCoupon"
            value={form.retentionCoupon}
            onChange={set('retentionCoupon')}
            error={fieldError('retentionCoupon')}
            options={[{ value: '', label: t('billingSettings.noOffer') }, ...coupons]}
          />
          <SelectField
            label={t('billingSettings.retentionPlan')}
            name="retentionPlan"
            value={form.retentionPlan}
            onChange={set('retentionPlan')}
            error={fieldError('retentionPlan')}
            options={[{ value: '', label: t('billingSettings.noOffer') }, ...plans]}
          />
        </Card>
      </div>
      <div className="save-bar">
        <Button variant="primary" type="submit" busy={state === 'saving'}>
          {t('common.save')}
        </Button>
        {state === 'saved' && (
          <span className="save-status" role="status">
            {t('companyForm.saved')}
          </span>
        )}
      </div>
    </form>
  )
}
