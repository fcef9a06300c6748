import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BillingPreferences } from '@shared/books/settings'
import type { SubscriptionView } from '@shared/books/subscriptions'
import type { AppErrorInfo } from '@shared/result'
import { today } from '../../format'
import { useApi } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { DateField } from '../../components/DateField'
import { SelectField, TextField } from '../../components/Field'
import { errorMessage } from '../../errors'
import { ChangeDialog } from './ChangeDialog'

interface CancelDialogProps {
  subscription: SubscriptionView
  preferences: BillingPreferences
  open: boolean
  onClose(): void
  onDone(): void
}

type Offer = 'discount' | 'cheaper_plan'

/**
 * Cancelling: first the retention offers the company has set up (a discount, a cheaper plan);
 * if the customer takes one it is applied, otherwise the cancellation is recorded with the
 * reason and what was offered.
 */
export function CancelDialog({
  subscription,
  preferences,
  open,
  onClose,
  onDone
}: CancelDialogProps) {
  const { t } = useTranslation()
  const api = useApi()
  const offers: Offer[] = [
    ...(preferences.retentionCoupon ? (['discount'] as const) : []),
    ...(preferences.retentionPlan && preferences.retentionPlan !== subscription.items[0]?.planCode
      ? (['cheaper_plan'] as const)
      : [])
  ]
  const [step, setStep] = useState<'offer' | 'cancel'>(offers.length ? 'offer' : 'cancel')
  const [reason, setReason] = useState('')
  const [when, setWhen] = useState<'now' | 'period_end'>('period_end')
  const [date, setDate] = useState(today)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const accept = async (offer: Offer) => {
    const result = await api.invoke('subscriptions/acceptOffer', {
      subscriptionId: subscription.id,
      offer,
      reason: reason.trim() || t('subscriptions.retentionReason'),
      ...(offer === 'discount'
        ? { couponCode: preferences.retentionCoupon }
        : { planCode: preferences.retentionPlan })
    })
    if (result.ok) onDone()
    else setFailure(result.error)
  }
  const input = {
    subscriptionId: subscription.id,
    when,
    ...(when === 'now' ? { date } : {}),
    reason,
    ...(offers.length
      ? {
          retention: {
            offered: offers,
            accepted: null,
            ...(preferences.retentionCoupon ? { couponCode: preferences.retentionCoupon } : {}),
            ...(preferences.retentionPlan ? { planCode: preferences.retentionPlan } : {})
          }
        }
      : {})
  }
  const reasonField = (
    <TextField
      label={t('subscriptions.reason')}
      value={reason}
      onChange={setReason}
      required
      hint={t('subscriptions.reasonHint')}
    />
  )
  if (step === 'offer') {
    return (
      <Dialog
        title={t('subscriptions.cancelTitle')}
        open={open}
        onClose={onClose}
        wide
        footer={<Button onClick={onClose}>{t('common.cancel')}</Button>}
      >
        <Alert tone="info" title={t('subscriptions.retentionTitle')}>
          <p>{t('subscriptions.retentionText')}</p>
        </Alert>
        {reasonField}
        {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
        <div className="button-row">
          {offers.includes('discount') && (
            <Button variant="primary" onClick={() => void accept('discount')}>
              {t('subscriptions.acceptDiscount', { coupon: preferences.retentionCoupon })}
            </Button>
          )}
          {offers.includes('cheaper_plan') && (
            <Button variant="primary" onClick={() => void accept('cheaper_plan')}>
              {t('subscriptions.acceptPlan', { plan: preferences.retentionPlan })}
            </Button>
          )}
          <Button onClick={() => setStep('cancel')}>{t('subscriptions.declined')}</Button>
        </div>
      </Dialog>
    )
  }
  return (
    <ChangeDialog
      title={t('subscriptions.cancelTitle')}
      open={open}
      onClose={onClose}
      onDone={onDone}
      inputKey={JSON.stringify(input)}
      confirmLabel={t('subscriptions.confirmCancel')}
      send={(confirm) => api.invoke('subscriptions/cancel', { ...input, confirm })}
    >
      {offers.length > 0 && <p className="muted">{t('subscriptions.offersDeclined')}</p>}
      <div className="form-grid">
        {reasonField}
        <SelectField
          label={t('subscriptions.when')}
          value={when}
          onChange={(v) => setWhen(v as 'now' | 'period_end')}
          options={[
            { value: 'period_end', label: t('subscriptions.cancelAtPeriodEnd') },
            { value: 'now', label: t('subscriptions.cancelNow') }
          ]}
          hint={when === 'period_end' ? t('subscriptions.cancelAtPeriodEndHint') : undefined}
        />
        {when === 'now' && (
          <DateField label={t('subscriptions.lastDay')} value={date} onChange={setDate} />
        )}
      </div>
    </ChangeDialog>
  )
}
