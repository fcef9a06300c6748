import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReminderSettings } from '@shared/books/reminders'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { TextField } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { errorMessage, fieldMessage } from '../../errors'

/** Settings › Email › Payment reminders: on or off, and on which days around the due date. */
export function RemindersCard() {
  const { t } = useTranslation()
  const [loaded] = useChannel('reminders/settings', {})
  if (loaded.status === 'error') return <Alert tone="error">{errorMessage(t, loaded.error)}</Alert>
  if (loaded.status === 'loading') return <Loading />
  return <RemindersForm initial={loaded.value} />
}

function RemindersForm({ initial }: { initial: ReminderSettings }) {
  const { t } = useTranslation()
  const api = useApi()
  const [enabled, setEnabled] = useState(initial.enabled)
  const [schedule, setSchedule] = useState(initial.schedule.join(', '))
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle')
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const save = async () => {
    setState('saving')
    const days = schedule
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((d) => (/^[-+]?\d+$/.test(d) ? Number(d) : d))
    const result = await api.invoke('reminders/saveSettings', {
      enabled,
      schedule: days as number[]
    })
    if (result.ok) {
      setSchedule(result.value.schedule.join(', '))
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
        onChange={(v) => {
          setSchedule(v)
          setState('idle')
        }}
        error={fieldMessage(t, scheduleError)}
      />
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
