import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useChannel } from './api/context'
import { Alert } from './components/Alert'
import { AppShell } from './components/AppShell'
import { Loading } from './components/Loading'
import { errorMessage } from './errors'
import { HomePage } from './features/home/HomePage'
import { SettingsPage } from './features/settings/SettingsPage'
import { StartPage } from './features/start/StartPage'
import { useRoute } from './router'
import { WorkspaceProvider } from './workspace'

function Page({ route }: { route: string }) {
  if (route === '/settings' || route.startsWith('/settings/')) return <SettingsPage route={route} />
  return <HomePage />
}

/** With no company file open, the start screen; otherwise the shell around the page of the route. */
export function App() {
  const { t } = useTranslation()
  const route = useRoute()
  const [file, refresh] = useChannel('files/current', {})
  const workspace = useMemo(
    () => (file.status === 'ready' && file.value ? { file: file.value, refresh } : null),
    [file, refresh]
  )
  if (file.status === 'loading') return <Loading />
  if (file.status === 'error') {
    return (
      <main className="start">
        <Alert tone="error" title={t('errors.title')}>
          {errorMessage(t, file.error)}
        </Alert>
      </main>
    )
  }
  if (!workspace || route === '/start/new') {
    return <StartPage onOpened={refresh} canCancel={workspace !== null} />
  }
  return (
    <WorkspaceProvider value={workspace}>
      <AppShell route={route}>
        <Page key={route} route={route} />
      </AppShell>
    </WorkspaceProvider>
  )
}
