import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiProvider } from './api/context'
import { createApi } from './api/client'
import { App } from './App'
import { initI18n, systemLanguage } from './i18n'
import './styles.css'

async function boot(): Promise<void> {
  const api = createApi()
  const settings = await api.invoke('settings/get', {})
  const root = createRoot(document.getElementById('root')!)
  if (!settings.ok && settings.error.code === 'UNAUTHORIZED') {
    await initI18n(systemLanguage())
    const { UnauthorizedView } = await import('./features/start/UnauthorizedView')
    root.render(<UnauthorizedView />)
    return
  }
  await initI18n((settings.ok && settings.value.language) || systemLanguage())
  root.render(
    <StrictMode>
      <ApiProvider value={api}>
        <App />
      </ApiProvider>
    </StrictMode>
  )
}

void boot()
