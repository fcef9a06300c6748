import { app, BrowserWindow, dialog, Menu, screen, session, shell } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { COMPANY_FILE_EXTENSION } from '@shared/files'
import { matchLanguage, type Language } from '@shared/languages'
import { startBackend, type Backend } from './backend'
import { createMainI18n } from './i18n'
import { registerIpcHandlers } from './ipc/electron'
import { log } from './log'
import { buildMenuTemplate } from './menu'
import { resolveDataDir } from './paths'
import { CSP_HEADER, decideNavigation, isSafeExternalUrl, secureWebPreferences } from './security'
import { LATEST_SCHEMA_VERSION } from './store/migrations'
import { APP_NAME, APP_VERSION } from './version'
import { restoreBounds, MIN_SIZE } from './window-state'

// The thin Electron shell: window, menu, dialogs, IPC. Everything it calls runs under plain Node too.

const rendererFile = join(import.meta.dirname, '../renderer/index.html')
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const appUrl = (): string => devServerUrl ?? pathToFileURL(rendererFile).href

let mainWindow: BrowserWindow | null = null
let backend: Backend | null = null

function uiLanguage(): Language {
  return backend?.appState.get().language ?? matchLanguage(app.getPreferredSystemLanguages())
}

function showPage(hash = '/'): void {
  if (!mainWindow) return
  if (devServerUrl) void mainWindow.loadURL(`${devServerUrl}#${hash}`)
  else void mainWindow.loadFile(rendererFile, { hash })
}

async function openFromMenu(path: string): Promise<void> {
  try {
    await backend!.workspace.open(path)
    showPage('/')
  } catch (error) {
    dialog.showErrorBox(APP_NAME, error instanceof Error ? error.message : String(error))
  }
  await refreshMenu()
}

async function chooseFile(mode: 'open' | 'create', suggestedName?: string): Promise<string | null> {
  const t = (await createMainI18n(uiLanguage())).t
  const filters = [{ name: t('files.dialogFilter'), extensions: [COMPANY_FILE_EXTENSION.slice(1)] }]
  if (mode === 'open') {
    const result = await dialog.showOpenDialog(mainWindow!, { properties: ['openFile'], filters })
    return result.canceled ? null : (result.filePaths[0] ?? null)
  }
  const result = await dialog.showSaveDialog(mainWindow!, {
    defaultPath: join(
      backend!.workspace.companiesDir,
      `${suggestedName ?? 'Company'}${COMPANY_FILE_EXTENSION}`
    ),
    filters
  })
  return result.canceled || !result.filePath ? null : result.filePath
}

async function refreshMenu(): Promise<void> {
  const i18n = await createMainI18n(uiLanguage())
  const template = buildMenuTemplate(
    (key) => i18n.t(key),
    backend?.appState.get().recentFiles ?? [],
    {
      newCompanyFile: () => showPage('/start/new'),
      openCompanyFile: () => {
        void chooseFile('open').then((path) => (path ? openFromMenu(path) : undefined))
      },
      openRecent: (path) => void openFromMenu(path),
      about: () =>
        void dialog.showMessageBox(mainWindow!, {
          type: 'info',
          title: i18n.t('menu.about'),
          message: APP_NAME,
          detail: i18n.t('about.detail', {
            version: APP_VERSION,
            schemaVersion: LATEST_SCHEMA_VERSION
          })
        })
    },
    process.platform
  )
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

function hardenSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP_HEADER] }
    })
  })
}

function guardNavigation(win: BrowserWindow): void {
  const contents = win.webContents
  const handle = (event: { preventDefault(): void }, url: string) => {
    const decision = decideNavigation(url, appUrl(), 'navigate')
    if (decision === 'allow') return
    event.preventDefault()
    if (decision === 'open-externally' && isSafeExternalUrl(url)) void shell.openExternal(url)
  }
  contents.on('will-navigate', handle)
  contents.on('will-redirect', handle)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url, appUrl(), 'new-window') === 'open-externally')
      void shell.openExternal(url)
    return { action: 'deny' }
  })
}

function rememberBounds(win: BrowserWindow): void {
  let timer: NodeJS.Timeout | undefined
  const save = () => {
    const b = win.getNormalBounds()
    backend?.appState.update({ window: { ...b, maximized: win.isMaximized() } })
  }
  const later = () => {
    clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  win.on('resize', later)
  win.on('move', later)
  win.on('close', () => {
    clearTimeout(timer)
    save()
  })
}

function createWindow(): void {
  const areas = screen.getAllDisplays().map((d) => d.workArea)
  const primary = screen.getPrimaryDisplay().workArea
  const { bounds, maximized } = restoreBounds(backend!.appState.get().window, [primary, ...areas])
  mainWindow = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: APP_NAME,
    icon: join(import.meta.dirname, '../../resources/icon.png'),
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs'))
  })
  guardNavigation(mainWindow)
  rememberBounds(mainWindow)
  mainWindow.once('ready-to-show', () => {
    if (maximized) mainWindow?.maximize()
    mainWindow?.show()
  })
  mainWindow.on('closed', () => (mainWindow = null))
  showPage('/')
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
  backend = await startBackend({
    dataDir,
    app: { name: APP_NAME, version: APP_VERSION },
    platform: {
      nativeDialogs: true,
      browse: (mode, suggestedName) => chooseFile(mode, suggestedName),
      languageChanged: () => void refreshMenu(),
      filesChanged: () => void refreshMenu()
    }
  })
  hardenSession()
  registerIpcHandlers(backend.handlers, appUrl)
  await refreshMenu()
  createWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
  app.on('window-all-closed', () => app.quit())
  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting || !backend) return
    event.preventDefault()
    quitting = true
    void backend
      .shutdown()
      .catch((error: unknown) => log.error('Closing the company file failed', error))
      .finally(() => app.quit())
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.error('Facturo could not start', error)
      dialog.showErrorBox(APP_NAME, error instanceof Error ? error.message : String(error))
      app.quit()
    })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && backend) createWindow()
  })
}
