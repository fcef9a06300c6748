import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { TLS_MODES, type SmtpSettings, type SmtpSettingsView } from '@shared/books/email'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { SelectField, TextField } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage, fieldMessage } from '../../errors'
import { OutboxList } from '../email/OutboxList'
import { RemindersCard } from '../email/RemindersCard'
import { TemplatesCard } from '../email/TemplatesCard'

const EMPTY: SmtpSettings = {
  host: '',
  port: 587,
  tls: 'starttls',
  user: '',
  fromName: '',
  fromAddress: '',
  replyTo: ''
}

/** Settings › Email: the company's SMTP server, and the outbox of every message sent or waiting. */
export function EmailSettingsPage() {
  const { t } = useTranslation()
  const [loaded] = useChannel('email/settings', {})
  if (loaded.status === 'error') return <Alert tone="error">{errorMessage(t, loaded.error)}</Alert>
  if (loaded.status === 'loading') return <Loading />
  return (
    <>
      <SmtpForm initial={loaded.value} />
      <RemindersCard />
      <TemplatesCard />
      <Card title={t('email.outbox')} description={t('email.outboxHint')}>
        <OutboxList />
      </Card>
    </>
  )
}

function SmtpForm({ initial }: { initial: SmtpSettingsView }) {
  const { t } = useTranslation()
  const api = useApi()
  const [view, setView] = useState(initial)
  const [form, setForm] = useState<SmtpSettings>(initial.settings ?? EMPTY)
  const [port, setPort] = useState(String(form.port))
  const [password, setPassword] = useState('')
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle')
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const set = (key: keyof SmtpSettings) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }))
    setState('idle')
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setState('saving')
    const result = await api.invoke('email/saveSettings', {
      ...form,
      port: Number(port),
      ...(password ? { password } : {})
    })
    if (result.ok) {
      setView(result.value)
      setPassword('')
      setFailure(null)
      setState('saved')
    } else {
      setFailure(result.error)
      setState('idle')
    }
  }
  const err = (key: string) => fieldMessage(t, failure?.fieldErrors?.[key])
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <PageHeader title={t('email.title')} description={t('email.description')} />
      {failure && !failure.fieldErrors && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      <div className="card-grid">
        <Card title={t('email.server')}>
          <TextField
            name="host"
            label={t('email.host')}
            value={form.host}
            onChange={set('host')}
            error={err('host')}
            required
            spellCheck={false}
          />
          <TextField
            name="port"
            label={t('email.port')}
            value={port}
            onChange={setPort}
            error={err('port')}
            inputMode="numeric"
            required
          />
          <SelectField
            name="tls"
            label={t('email.tls')}
            value={form.tls}
            onChange={set('tls')}
            hint={t('email.tlsHint')}
            options={TLS_MODES.map((mode) => ({ value: mode, label: t(`email.tls_${mode}`) }))}
          />
          <TextField
            name="user"
            label={t('email.user')}
            value={form.user}
            onChange={set('user')}
            error={err('user')}
            autoComplete="username"
            spellCheck={false}
          />
          <TextField
            name="password"
            type="password"
            label={t('email.password')}
            value={password}
            onChange={setPassword}
            disabled={!view.canSavePassword}
            autoComplete="new-password"
            hint={
              view.canSavePassword
                ? t(
                    view.passwordSource === 'saved' ? 'email.passwordSaved' : 'email.passwordSealed'
                  )
                : t(
                    view.passwordSource === 'environment'
                      ? 'email.passwordFromEnvironment'
                      : 'email.passwordNeedsEnvironment'
                  )
            }
          />
        </Card>
        <Card title={t('email.sender')}>
          <TextField
            name="fromName"
            label={t('email.fromName')}
            value={form.fromName}
            onChange={set('fromName')}
            error={err('fromName')}
          />
          <TextField
            name="fromAddress"
            type="email"
            label={t('email.fromAddress')}
            value={form.fromAddress}
            onChange={set('fromAddress')}
            error={err('fromAddress')}
            required
          />
          <TextField
            name="replyTo"
            type="email"
            label={t('email.replyTo')}
            value={form.replyTo}
            onChange={set('replyTo')}
            error={err('replyTo')}
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
