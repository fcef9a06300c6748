import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompanyProfile } from '@shared/company'
import type { AppErrorInfo, FieldError } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Loading } from '../../components/Loading'
import { errorMessage } from '../../errors'
import { useWorkspace } from '../../workspace'
import { formFromProfile, type CompanyForm } from './companyForm'
import { CompanyProfileView } from './CompanyProfileView'

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'failed'; error: AppErrorInfo }

/** Settings › Company: loads the profile, then hands it to the form. */
export function CompanyProfilePage() {
  const { t } = useTranslation()
  const [loaded] = useChannel('company/get', {})
  if (loaded.status === 'error') return <Alert tone="error">{errorMessage(t, loaded.error)}</Alert>
  if (loaded.status === 'loading') return <Loading />
  return <CompanyProfileForm initial={loaded.value} />
}

/** Saves the profile through company/update and shows main's field errors beside the fields. */
function CompanyProfileForm({ initial }: { initial: CompanyProfile }) {
  const api = useApi()
  const workspace = useWorkspace()
  const [form, setForm] = useState<CompanyForm>(() => formFromProfile(initial))
  const [save, setSave] = useState<SaveState>({ kind: 'idle' })
  const [localErrors, setLocalErrors] = useState<Record<string, FieldError>>({})

  const submit = async () => {
    setSave({ kind: 'saving' })
    const result = await api.invoke('company/update', form)
    if (result.ok) {
      setForm(formFromProfile(result.value))
      setSave({ kind: 'saved' })
      workspace.refresh()
    } else {
      setSave({ kind: 'failed', error: result.error })
    }
  }

  const serverErrors = save.kind === 'failed' ? (save.error.fieldErrors ?? {}) : {}
  return (
    <CompanyProfileView
      form={form}
      onChange={(next, changedPath) => {
        setForm(next)
        if (save.kind !== 'saving') setSave({ kind: 'idle' })
        if (changedPath && localErrors[changedPath]) {
          const { [changedPath]: _cleared, ...rest } = localErrors
          setLocalErrors(rest)
        }
      }}
      onLocalError={(path, error) => setLocalErrors({ ...localErrors, [path]: error })}
      onSubmit={() => void submit()}
      fieldErrors={{ ...serverErrors, ...localErrors }}
      failure={save.kind === 'failed' && !save.error.fieldErrors ? save.error : null}
      saving={save.kind === 'saving'}
      saved={save.kind === 'saved'}
    />
  )
}
