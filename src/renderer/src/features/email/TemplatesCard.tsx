import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  EMAIL_KINDS,
  KIND_PLACEHOLDERS,
  type EmailKind,
  type EmailTemplateView
} from '@shared/books/email'
import { fillTemplate } from '@shared/documents/email-template'
import { LANGUAGES, type Language } from '@shared/languages'
import { formatMoney, minorUnits } from '@shared/money'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { Field, SelectField, TextField } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { errorMessage, fieldMessage } from '../../errors'
import { LANGUAGE_NAMES } from '../../format'

/** Sample values the preview fills the placeholders with. */
const SAMPLE = (company: string, language: Language) => ({
  customer: 'Anna Kowalska',
  number: 'FV/2026/000123',
  total: formatMoney(minorUnits(123456), 'EUR', language === 'en' ? 'en-GB' : language),
  due_date: new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    dateStyle: 'medium'
  }).format(new Date(2026, 2, 15)),
  plan: 'Pro',
  date: new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    dateStyle: 'medium'
  }).format(new Date(2027, 0, 1)),
  company
})

/** Settings › Email › Wording: each kind of message in each language, with a filled-in preview. */
export function TemplatesCard() {
  const { t } = useTranslation()
  const [templates, reload] = useChannel('email/templates', {})
  const [company] = useChannel('company/get', {})
  if (templates.status === 'error')
    return <Alert tone="error">{errorMessage(t, templates.error)}</Alert>
  if (templates.status === 'loading') return <Loading />
  return (
    <TemplateEditor
      templates={templates.value}
      company={company.status === 'ready' ? company.value.legalName : ''}
      onSaved={reload}
    />
  )
}

function TemplateEditor({
  templates,
  company,
  onSaved
}: {
  templates: EmailTemplateView[]
  company: string
  onSaved(): void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [kind, setKind] = useState<EmailKind>('invoice')
  const [language, setLanguage] = useState<Language>('pl')
  const current = templates.find((v) => v.kind === kind && v.language === language)!
  const [subject, setSubject] = useState(current.template.subject)
  const [body, setBody] = useState(current.template.body)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const [saved, setSaved] = useState(false)
  const choose = (k: EmailKind, l: Language) => {
    const next = templates.find((v) => v.kind === k && v.language === l)!
    setKind(k)
    setLanguage(l)
    setSubject(next.template.subject)
    setBody(next.template.body)
    setFailure(null)
    setSaved(false)
  }
  const save = async (template: { subject: string; body: string } | null) => {
    const result = await api.invoke('email/saveTemplate', { kind, language, template })
    if (!result.ok) return setFailure(result.error)
    const next = result.value.find((v) => v.kind === kind && v.language === language)!
    setSubject(next.template.subject)
    setBody(next.template.body)
    setFailure(null)
    setSaved(true)
    onSaved()
  }
  const preview = fillTemplate({ subject, body }, SAMPLE(company, language))
  return (
    <Card
      title={t('email.wording')}
      description={t('email.wordingHint', {
        placeholders: KIND_PLACEHOLDERS[kind].map((p) => `{${p}}`).join(' ')
      })}
    >
      <div className="form-grid">
        <SelectField
          name="templateKind"
          label={t('email.templateKind')}
          value={kind}
          onChange={(v) => choose(v as EmailKind, language)}
          options={EMAIL_KINDS.map((k) => ({ value: k, label: t(`email.kinds.${k}`) }))}
        />
        <SelectField
          name="templateLanguage"
          label={t('email.templateLanguage')}
          value={language}
          onChange={(v) => choose(kind, v as Language)}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        />
      </div>
      <TextField
        name="templateSubject"
        label={t('email.subject')}
        value={subject}
        onChange={setSubject}
        error={fieldMessage(t, failure?.fieldErrors?.['template.subject'])}
      />
      <Field
        label={t('email.body')}
        error={fieldMessage(t, failure?.fieldErrors?.['template.body'])}
      >
        {({ id, describedBy }) => (
          <textarea
            id={id}
            lang={language}
            translate="no"
            name="templateBody"
            className="input textarea"
            rows={8}
            value={body}
            aria-describedby={describedBy}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      <section
        className="email-preview"
        aria-label={t('email.preview')}
        lang={language}
        translate="no"
      >
        <strong>{preview.subject}</strong>
        <pre>{preview.body}</pre>
      </section>
      {failure && !failure.fieldErrors && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      <div className="save-bar">
        {current.custom && (
          <Button variant="ghost" onClick={() => void save(null)}>
            {t('email.useDefaultWording')}
          </Button>
        )}
        <Button onClick={() => void save({ subject, body })}>{t('email.saveWording')}</Button>
        {saved && (
          <span className="save-status" role="status">
            {t('companyForm.saved')}
          </span>
        )}
      </div>
    </Card>
  )
}
