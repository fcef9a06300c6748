import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isLanguage, type Language } from '@shared/languages'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Card } from '../../components/Card'
import { SelectField } from '../../components/Field'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { errorMessage } from '../../errors'
import { LANGUAGE_NAMES, languageOptions } from '../../format'
import { changeLanguage, systemLanguage } from '../../i18n'

const SYSTEM = 'system'

/** Settings › Preferences: the UI language (per machine, not per company file). */
export function PreferencesPage() {
  const { t } = useTranslation()
  const api = useApi()
  const [settings, reload] = useChannel('settings/get', {})
  const [error, setError] = useState<AppErrorInfo | null>(null)
  if (settings.status === 'loading') return <Loading />
  if (settings.status === 'error')
    return <Alert tone="error">{errorMessage(t, settings.error)}</Alert>

  const choose = async (value: string) => {
    const language: Language | null = isLanguage(value) ? value : null
    const result = await api.invoke('settings/update', { language })
    if (!result.ok) {
      setError(result.error)
      return
    }
    setError(null)
    await changeLanguage(language ?? systemLanguage())
    reload()
  }

  const options = [
    {
      value: SYSTEM,
      label: t('preferences.followSystem', { language: LANGUAGE_NAMES[systemLanguage()] })
    },
    ...languageOptions()
  ]
  return (
    <>
      <PageHeader title={t('preferences.title')} description={t('preferences.description')} />
      {error && <Alert tone="error">{errorMessage(t, error)}</Alert>}
      <Card title={t('preferences.languageTitle')}>
        <SelectField
          name="language"
          label={t('preferences.language')}
          hint={t('preferences.languageHint')}
          value={settings.value.language ?? SYSTEM}
          options={options}
          onChange={(v) => void choose(v)}
        />
      </Card>
    </>
  )
}
