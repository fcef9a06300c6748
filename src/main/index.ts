import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell
} from 'electron'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { COMPANY_FILE_EXTENSION } from '@shared/files'
import { matchLanguage, type Language } from '@shared/languages'
import { APP_PAGE_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponse } from './app-protocol'
import { startBackend, type Backend } from './backend'
import { externalLinkPrompt, OPEN_BUTTON } from './external-link'
import { companyFileFromArgv, isCompanyFilePath } from './file-association'
import { createMainI18n } from './i18n'
import { registerIpcHandlers } from './ipc/electron'
import { log } from './log'
import { buildMenuTemplate } from './menu'
import { resolveDataDir } from './paths'
import { printPdf, type PrintWindow } from './print'
import {
  decideNavigation,
  denyPermissionCheck,
  denyPermissionRequest,
  externalUrl,
  printWindowPreferences,
  secureWebPreferences,
  withCspHeader
} from './security'
import { LATEST_SCHEMA_VERSION } from './store/migrations'
import { APP_NAME, APP_VERSION } from './version'
import { restoreBounds, MIN_SIZE } from './window-state'

// The thin Electron shell: window, menu, dialogs, IPC. Everything it calls runs under plain Node too.

const rendererDir = join(import.meta.dirname, '../renderer')
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const appUrl = (): string => devServerUrl ?? APP_PAGE_URL

let mainWindow: BrowserWindow | null = null
let backend: Backend | null = null
/** A company file the OS asked to open before there was a window to show it in. */
let queuedCompanyFile: string | null = companyFileFromArgv(
  process.argv,
  process.cwd(),
  process.defaultApp
)

function uiLanguage(): Language {
  return backend?.appState.get().language ?? matchLanguage(app.getPreferredSystemLanguages())
}

function showPage(hash = '/'): void {
  if (!mainWindow) return
  void mainWindow.loadURL(`${appUrl()}#${hash}`)
}

/** Opens a company file (menu, recent list, the OS): the page starts over and the menu follows. */
async function openCompanyFile(path: string): Promise<void> {
  try {
    await backend!.workspace.open(path)
    showPage('/')
  } catch (error) {
    dialog.showErrorBox(APP_NAME, error instanceof Error ? error.message : String(error))
  }
  // What platform.filesChanged does after the files handlers open a file.
  await refreshMenu()
}

function bringToFront(): void {
  if (mainWindow?.isMinimized()) mainWindow.restore()
  mainWindow?.focus()
}

/** A .facturo file from the OS (double-click, Open With, a second launch): now, or once ready. */
function openFromOs(path: string): void {
  if (!isCompanyFilePath(path)) return
  if (!backend || !mainWindow) {
    queuedCompanyFile = path
    return
  }
  bringToFront()
  void openCompanyFile(path)
}

async function openQueuedFile(): Promise<void> {
  const path = queuedCompanyFile
  queuedCompanyFile = null
  if (path) await openCompanyFile(path)
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
        void chooseFile('open').then((path) => (path ? openCompanyFile(path) : undefined))
      },
      openRecent: (path) => void openCompanyFile(path),
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
  ses.setPermissionRequestHandler(denyPermissionRequest)
  ses.setPermissionCheckHandler(denyPermissionCheck)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) })
  })
  // No spellchecker: Chromium's downloads its dictionaries, and Facturo makes no calls of its own.
  ses.setSpellCheckerEnabled(false)
  if (process.platform !== 'darwin') ses.setSpellCheckerLanguages([])
}

/** The renderer folder on app://facturo/, with the CSP and security headers on every answer. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request, rendererDir))
}

/** Opens a link outside the app only once the user has confirmed the exact URL. */
async function openExternallyIfConfirmed(url: string): Promise<void> {
  const href = externalUrl(url)
  if (!href || !mainWindow) return
  const t = (await createMainI18n(uiLanguage())).t
  const { response } = await dialog.showMessageBox(
    mainWindow,
    externalLinkPrompt(href, (key) => t(key))
  )
  if (response === OPEN_BUTTON) await shell.openExternal(href)
}

function openExternally(url: string): void {
  openExternallyIfConfirmed(url).catch((error: unknown) =>
    log.error(`Could not open ${url} outside Facturo`, error)
  )
}

function guardNavigation(win: BrowserWindow): void {
  const contents = win.webContents
  const handle = (event: { preventDefault(): void }, url: string) => {
    const decision = decideNavigation(url, appUrl(), 'navigate')
    if (decision === 'allow') return
    event.preventDefault()
    if (decision === 'open-externally') openExternally(url)
  }
  contents.on('will-navigate', handle)
  contents.on('will-redirect', handle)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url, appUrl(), 'new-window') === 'open-externally') openExternally(url)
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

/** In memory, apart from the app's session: the PDF viewer gets no CSP of the app's and no permission. */
const PRINT_PARTITION = 'facturo-print'

/** A window of Chromium's PDF viewer over one file, which opens the OS print dialog (print.ts). */
function openPrintWindow(title: string): PrintWindow {
  const ses = session.fromPartition(PRINT_PARTITION)
  ses.setPermissionRequestHandler(denyPermissionRequest)
  ses.setPermissionCheckHandler(denyPermissionCheck)
  const win = new BrowserWindow({
    parent: mainWindow ?? undefined,
    width: 900,
    height: 1000,
    title,
    autoHideMenuBar: true,
    webPreferences: { ...printWindowPreferences(), partition: PRINT_PARTITION }
  })
  win.removeMenu()
  win.webContents.on('will-navigate', (event) => event.preventDefault())
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  return {
    load: (url) => win.loadURL(url),
    print: () =>
      new Promise((resolve) => {
        // closing the window instead of the dialog is a cancel too
        win.once('closed', () => resolve({ success: false, failureReason: 'cancelled' }))
        win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) =>
          resolve({ success, failureReason })
        )
      }),
    close: () => {
      if (!win.isDestroyed()) win.close()
    }
  }
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
      filesChanged: () => void refreshMenu(),
      // the SMTP password, sealed by the OS keychain (DPAPI, Keychain, libsecret/kwallet)
      openWithDefaultApp: async (fileName, bytes) => {
        const dir = join(app.getPath('temp'), 'facturo-mail')
        await mkdir(dir, { recursive: true })
        const file = join(dir, fileName)
        await writeFile(file, bytes)
        const failure = await shell.openPath(file)
        if (failure) throw new Error(failure)
      },
      printPdf: (fileName, bytes) =>
        printPdf(
          { dir: join(app.getPath('temp'), 'facturo-print'), openWindow: openPrintWindow },
          fileName,
          bytes
        ),
      vault: {
        get canSeal() {
          return safeStorage.isEncryptionAvailable()
        },
        seal: (secret) => safeStorage.encryptString(secret).toString('base64'),
        open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64'))
      }
    }
  })
  hardenSession()
  serveRenderer()
  registerIpcHandlers(backend.handlers, appUrl)
  await openQueuedFile()
  await refreshMenu()
  createWindow()
  // A file the OS handed over while the window was being made.
  await openQueuedFile()
}

// Before ready, and only once: app:// is a standard, secure origin (see app-protocol.ts).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  // macOS hands a double-clicked .facturo file over in open-file, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openFromOs(path)
  })
  // Windows and Linux start a second Facturo with the file in its argv; it quits and we get it.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    bringToFront()
    const path = companyFileFromArgv(argv, workingDirectory, process.defaultApp)
    if (path) openFromOs(path)
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
