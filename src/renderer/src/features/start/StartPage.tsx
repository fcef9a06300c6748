import { useState } from 'react'
import { defaultLanguageFor } from '@shared/company'
import { defaultCurrencyFor } from '@shared/currencies'
import type { AppErrorInfo } from '@shared/result'
import { useApi, useChannel } from '../../api/context'
import { Loading } from '../../components/Loading'
import { intlLocale } from '../../i18n'
import { navigate } from '../../router'
import { StartView, type NewCompanyDraft } from './StartView'

interface StartPageProps {
  /** Called once a company file is open. */
  onOpened(): void
  /** A file is already open (File › New): offer a way back to it. */
  canCancel: boolean
}

function regionOf(locale: string): string {
  return new Intl.Locale(locale).maximize().region ?? 'PL'
}

/** First screen of a new data folder, and File › New: create a company file or open one. */
export function StartPage({ onOpened, canCancel }: StartPageProps) {
  const api = useApi()
  const [files] = useChannel('files/list', {})
  const [info] = useChannel('app/info', {})
  const country = regionOf(intlLocale())
  const [draft, setDraft] = useState<NewCompanyDraft>({
    legalName: '',
    country,
    defaultCurrency: defaultCurrencyFor(country),
    defaultLanguage: defaultLanguageFor(country)
  })
  const [createError, setCreateError] = useState<AppErrorInfo | null>(null)
  const [openError, setOpenError] = useState<AppErrorInfo | null>(null)
  /** A file another Facturo holds: offered to open read-only. */
  const [refusedPath, setRefusedPath] = useState<string | null>(null)
  const [busy, setBusy] = useState<'create' | 'open' | null>(null)

  if (files.status === 'loading' || info.status === 'loading') return <Loading />

  const opened = () => {
    navigate('/')
    onOpened()
  }

  const create = async (path?: string) => {
    setBusy('create')
    const result = await api.invoke('files/create', path ? { ...draft, path } : draft)
    setBusy(null)
    if (result.ok) opened()
    else setCreateError(result.error)
  }

  const createElsewhere = async () => {
    const chosen = await api.invoke('files/browse', {
      mode: 'create',
      suggestedName: draft.legalName.trim() || undefined
    })
    if (!chosen.ok) setCreateError(chosen.error)
    else if (chosen.value.path) await create(chosen.value.path)
  }

  const open = async (path: string, readOnly = false) => {
    setBusy('open')
    const result = await api.invoke('files/open', { path, readOnly })
    setBusy(null)
    if (result.ok) opened()
    else {
      setOpenError(result.error)
      setRefusedPath(result.error.code === 'FILE_IN_USE' ? path : null)
    }
  }

  const nativeDialogs = info.status === 'ready' && info.value.nativeDialogs

  const browse = async () => {
    const result = await api.invoke('files/browse', { mode: 'open' })
    if (!result.ok) setOpenError(result.error)
    else if (result.value.path) await open(result.value.path)
  }

  return (
    <StartView
      draft={draft}
      onDraftChange={(next) => {
        setCreateError(null)
        setDraft(next)
      }}
      onCreate={() => void create()}
      onOpen={(path) => void open(path)}
      onOpenReadOnly={refusedPath ? () => void open(refusedPath, true) : undefined}
      onCreateElsewhere={nativeDialogs ? () => void createElsewhere() : undefined}
      onBrowse={nativeDialogs ? () => void browse() : undefined}
      onCancel={canCancel ? () => navigate('/') : undefined}
      files={files.status === 'ready' ? files.value : null}
      createError={createError}
      openError={openError}
      busy={busy}
    />
  )
}
