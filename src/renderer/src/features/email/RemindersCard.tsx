import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  LATE_FEE_BILLING,
  LATE_FEE_KINDS,
  type LateFeeSettings,
  type ReminderSettings
} from '@shared/books/reminders'
import type { TaxRate } from '@shared/billing/inputs'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { SelectField, TextField } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { errorMessage, fieldMessage } from '../../errors'

/**
 * Settings › Email › Reminders: payment reminders (on which days around the due date), renewal
 * and trial-ending notices (how many days ahead), and the late fee.
 */
export function RemindersCard() {
  const { t } = useTranslation()
  const [loaded] = useChannel('reminders/settings', {})
  const [rates] = useChannel('taxRates/list', {})
  const failed = loaded.status === 'error' ? loaded : rates.status === 'error' ? rates : null
  if (failed) return <Alert tone="error">{errorMessage(t, failed.error)}</Alert>
  if (loaded.status !== 'ready' || rates.status !== 'ready') return <Loading />
  return <RemindersForm initial={loaded.value} taxRates={rates.value} />
}

function RemindersForm({ initial, taxRates }: { initial: ReminderSettings; taxRates: TaxRate[] }) {
  const { t } = useTranslation()
  const api = useApi()
  const [enabled, setEnabled] = useState(initial.enabled)
  const [schedule, setSchedule] = useState(initial.schedule.join(', '))
  const [fee, setFee] = useState<LateFeeSettings>(() => ({
    ...initial.lateFee,
    // a fee line needs a tax rate: the first of the company's until one is chosen
    taxRateId: initial.lateFee.taxRateId ?? taxRates[0]?.id ?? null
  }))
  const [afterDays, setAfterDays] = useState(String(initial.lateFee.afterDays))
  const [cap, setCap] = useState(initial.lateFee.cap ?? '')
  const [notices, setNotices] = useState(() => ({
    renewal: { ...initial.renewal, daysBefore: String(initial.renewal.daysBefore) },
    trialEnding: { ...initial.trialEnding, daysBefore: String(initial.trialEnding.daysBefore) }
  }))
  const changeNotice = (
    kind: 'renewal' | 'trialEnding',
    change: Partial<{ enabled: boolean; daysBefore: string }>
  ) => {
    setNotices((n) => ({ ...n, [kind]: { ...n[kind], ...change } }))
    setState('idle')
  }
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle')
  /** A field's setter that also marks the form unsaved. */
  const edited = (set: (value: string) => void) => (value: string) => {
    set(value)
    setState('idle')
  }
  const changeFee = (change: Partial<LateFeeSettings>) => {
    setFee((f) => ({ ...f, ...change }))
    setState('idle')
  }
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const save = async () => {
    setState('saving')
    const days = schedule
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((d) => (/^[-+]?\d+$/.test(d) ? Number(d) : d))
    const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : text) as number
    const result = await api.invoke('reminders/saveSettings', {
      enabled,
      schedule: days as number[],
      renewal: { ...notices.renewal, daysBefore: whole(notices.renewal.daysBefore) },
      trialEnding: { ...notices.trialEnding, daysBefore: whole(notices.trialEnding.daysBefore) },
      lateFee: {
        ...fee,
        amount: fee.amount.trim().replace(',', '.'),
        cap: cap.trim() === '' ? null : cap.trim().replace(',', '.'),
        afterDays: whole(afterDays)
      }
    })
    if (result.ok) {
      setSchedule(result.value.schedule.join(', '))
      setFee(result.value.lateFee)
      setCap(result.value.lateFee.cap ?? '')
      setNotices({
        renewal: {
          ...result.value.renewal,
          daysBefore: String(result.value.renewal.daysBefore)
        },
        trialEnding: {
          ...result.value.trialEnding,
          daysBefore: String(result.value.trialEnding.daysBefore)
        }
      })
      setFailure(null)
      setState('saved')
    } else {
      setFailure(result.error)
      setState('idle')
    }
  }
  const scheduleError = Object.entries(failure?.fieldErrors ?? {}).find(([k]) =>
    k.startsWith('schedule')
  )?.[1]
  const feeError = (field: string) => fieldMessage(t, failure?.fieldErrors?.[`lateFee.${field}`])
  return (
    <Card title={t('email.reminders')} description={t('email.remindersHint')}>
      <label className="checkbox">
        <input
          type="checkbox"
          name="remindersEnabled"
          checked={enabled}
          onChange={(e) => {
            setEnabled(e.target.checked)
            setState('idle')
          }}
        />{' '}
        {t('email.remindersEnabled')}
      </label>
      <TextField
        name="schedule"
        label={t('email.schedule')}
        hint={t('email.scheduleHint')}
        value={schedule}
        onChange={edited(setSchedule)}
        error={fieldMessage(t, scheduleError)}
      />
      <fieldset className="form-section">
        <legend>{t('email.notices')}</legend>
        <p className="muted">{t('email.noticesHint')}</p>
        {(['renewal', 'trialEnding'] as const).map((kind) => (
          <div key={kind} className="form-grid">
            <label className="checkbox">
              <input
                type="checkbox"
                name={`${kind}Enabled`}
                checked={notices[kind].enabled}
                onChange={(e) => changeNotice(kind, { enabled: e.target.checked })}
              />{' '}
              {t(`email.${kind}Enabled`)}
            </label>
            <TextField
              name={`${kind}DaysBefore`}
              label={t(`email.${kind}DaysBefore`)}
              inputMode="numeric"
              value={notices[kind].daysBefore}
              onChange={(v) => changeNotice(kind, { daysBefore: v })}
              error={fieldMessage(t, failure?.fieldErrors?.[`${kind}.daysBefore`])}
            />
          </div>
        ))}
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('email.lateFee')}</legend>
        <p className="muted">{t('email.lateFeeHint')}</p>
        <label className="checkbox">
          <input
            type="checkbox"
            name="lateFeeEnabled"
            checked={fee.enabled}
            onChange={(e) => changeFee({ enabled: e.target.checked })}
          />{' '}
          {t('email.lateFeeEnabled')}
        </label>
        <div className="form-grid">
          <SelectField
            name="lateFeeKind"
            label={t('email.lateFeeKind')}
            value={fee.kind}
            onChange={(v) => changeFee({ kind: v as LateFeeSettings['kind'] })}
            options={LATE_FEE_KINDS.map((k) => ({ value: k, label: t(`email.lateFeeKind_${k}`) }))}
          />
          <TextField
            name="lateFeeAmount"
            label={t(fee.kind === 'percent' ? 'email.lateFeePercent' : 'email.lateFeeAmount')}
            inputMode="decimal"
            value={fee.amount}
            onChange={(v) => changeFee({ amount: v })}
            error={feeError('amount')}
          />
          <TextField
            name="lateFeeCap"
            label={t('email.lateFeeCap')}
            hint={t('email.lateFeeCapHint')}
            inputMode="decimal"
            value={cap}
            onChange={edited(setCap)}
            error={feeError('cap')}
          />
          <TextField
            name="lateFeeAfterDays"
            label={t('email.lateFeeAfterDays')}
            inputMode="numeric"
            value={afterDays}
            onChange={edited(setAfterDays)}
            error={feeError('afterDays')}
          />
          <SelectField
            name="lateFeeBilling"
            label={t('email.lateFeeBilling')}
            value={fee.billing}
            onChange={(v) => changeFee({ billing: v as LateFeeSettings['billing'] })}
            options={LATE_FEE_BILLING.map((b) => ({
              value: b,
              label: t(`email.lateFeeBilling_${b}`)
            }))}
          />
          <SelectField
            name="lateFeeTaxRate"
            label={t('email.lateFeeTaxRate')}
            value={fee.taxRateId ?? ''}
            onChange={(v) => changeFee({ taxRateId: v || null })}
            options={taxRates.map((r) => ({ value: r.id, label: r.name ?? r.id }))}
            error={feeError('taxRateId')}
          />
        </div>
      </fieldset>
      {failure && !failure.fieldErrors && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      <div className="save-bar">
        <Button busy={state === 'saving'} onClick={() => void save()}>
          {t('email.saveReminders')}
        </Button>
        {state === 'saved' && (
          <span className="save-status" role="status">
            {t('companyForm.saved')}
          </span>
        )}
      </div>
    </Card>
  )
}
