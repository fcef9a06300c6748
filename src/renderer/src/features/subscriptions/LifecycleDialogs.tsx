import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PlanSummary } from '@shared/books/catalog'
import type { SubscriptionView } from '@shared/books/subscriptions'
import { today } from '../../format'
import { useApi } from '../../api/context'
import { DateField } from '../../components/DateField'
import { SelectField, TextField } from '../../components/Field'
import { ChangeDialog } from './ChangeDialog'

interface DialogProps {
  subscription: SubscriptionView
  open: boolean
  onClose(): void
  onDone(): void
}

const planOf = (s: SubscriptionView) =>
  s.items.find((i) => i.role === 'plan' && !i.endDate) ?? s.items[0]!

/** Change plan or quantity, now (prorated) or from the next period. */
export function ChangeSubscriptionDialog({
  subscription,
  plans,
  ...props
}: DialogProps & { plans: PlanSummary[] }) {
  const { t } = useTranslation()
  const api = useApi()
  const current = planOf(subscription)
  const [planCode, setPlanCode] = useState(current.planCode)
  const [quantity, setQuantity] = useState(current.quantity)
  const [when, setWhen] = useState<'now' | 'period_end'>('now')
  const [date, setDate] = useState(today)
  const input = {
    subscriptionId: subscription.id,
    ...(planCode !== current.planCode ? { planCode } : {}),
    ...(quantity !== current.quantity ? { quantity } : {}),
    when,
    ...(when === 'now' ? { date } : {})
  }
  const same = plans.filter((p) => p.currency === subscription.currency && p.versions.length > 0)
  return (
    <ChangeDialog
      {...props}
      title={t('subscriptions.changeTitle')}
      confirmLabel={t('subscriptions.confirmChange')}
      inputKey={JSON.stringify(input)}
      send={(confirm) => api.invoke('subscriptions/change', { ...input, confirm })}
    >
      <div className="form-grid">
        <SelectField
          label={t('subscriptions.newPlan')}
          value={planCode}
          onChange={setPlanCode}
          options={same.map((p) => ({ value: p.code, label: p.name }))}
        />
        <TextField
          label={t('subscriptions.quantity')}
          value={quantity}
          onChange={setQuantity}
          inputMode="decimal"
        />
        <SelectField
          label={t('subscriptions.when')}
          value={when}
          onChange={(v) => setWhen(v as 'now' | 'period_end')}
          options={[
            { value: 'now', label: t('subscriptions.whenNow') },
            { value: 'period_end', label: t('subscriptions.whenPeriodEnd') }
          ]}
        />
        {when === 'now' && (
          <DateField label={t('subscriptions.changeDate')} value={date} onChange={setDate} />
        )}
      </div>
    </ChangeDialog>
  )
}

/** Pause from a day, until a day or until resumed. */
export function PauseDialog({ subscription, ...props }: DialogProps) {
  const { t } = useTranslation()
  const api = useApi()
  const [from, setFrom] = useState(today)
  const [until, setUntil] = useState('')
  const input = { subscriptionId: subscription.id, from, ...(until ? { until } : {}) }
  return (
    <ChangeDialog
      {...props}
      title={t('subscriptions.pauseTitle')}
      confirmLabel={t('subscriptions.confirmPause')}
      inputKey={JSON.stringify(input)}
      send={(confirm) => api.invoke('subscriptions/pause', { ...input, confirm })}
    >
      <div className="form-grid">
        <DateField label={t('subscriptions.pauseFrom')} value={from} onChange={setFrom} />
        <DateField
          label={t('subscriptions.pauseUntil')}
          value={until}
          onChange={setUntil}
          hint={t('subscriptions.pauseUntilHint')}
        />
      </div>
    </ChangeDialog>
  )
}

/** Resume a paused subscription on a day. */
export function ResumeDialog({ subscription, ...props }: DialogProps) {
  const { t } = useTranslation()
  const api = useApi()
  const [on, setOn] = useState(today)
  const input = { subscriptionId: subscription.id, on }
  return (
    <ChangeDialog
      {...props}
      title={t('subscriptions.resumeTitle')}
      confirmLabel={t('subscriptions.confirmResume')}
      inputKey={JSON.stringify(input)}
      send={(confirm) => api.invoke('subscriptions/resume', { ...input, confirm })}
    >
      <DateField label={t('subscriptions.resumeOn')} value={on} onChange={setOn} />
    </ChangeDialog>
  )
}
