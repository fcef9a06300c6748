import type { MenuItemConstructorOptions } from 'electron'
import type { RecentEntry } from './app-state'

export interface MenuActions {
  newCompanyFile(): void
  openCompanyFile(): void
  openRecent(path: string): void
  about(): void
}

type Translate = (key: string) => string

/**
 * The application menu: File (new, open, open recent, quit), Edit, View, Help (about).
 * Built from plain data so it can be checked without Electron.
 */
export function buildMenuTemplate(
  t: Translate,
  recent: readonly RecentEntry[],
  actions: MenuActions,
  platform: NodeJS.Platform
): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] =
    recent.length > 0
      ? recent.map((r) => ({
          label: `${r.companyName} — ${r.path}`,
          click: () => actions.openRecent(r.path)
        }))
      : [{ label: t('menu.noRecent'), enabled: false }]
  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      {
        label: t('menu.newCompanyFile'),
        accelerator: 'CmdOrCtrl+N',
        click: () => actions.newCompanyFile()
      },
      {
        label: t('menu.openCompanyFile'),
        accelerator: 'CmdOrCtrl+O',
        click: () => actions.openCompanyFile()
      },
      { label: t('menu.openRecent'), submenu: recentItems },
      { type: 'separator' },
      { label: t('menu.quit'), role: 'quit' }
    ]
  }
  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { label: t('menu.undo'), role: 'undo' },
      { label: t('menu.redo'), role: 'redo' },
      { type: 'separator' },
      { label: t('menu.cut'), role: 'cut' },
      { label: t('menu.copy'), role: 'copy' },
      { label: t('menu.paste'), role: 'paste' },
      { label: t('menu.selectAll'), role: 'selectAll' }
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      { label: t('menu.reload'), role: 'reload' },
      { type: 'separator' },
      { label: t('menu.resetZoom'), role: 'resetZoom' },
      { label: t('menu.zoomIn'), role: 'zoomIn' },
      { label: t('menu.zoomOut'), role: 'zoomOut' },
      { type: 'separator' },
      { label: t('menu.fullScreen'), role: 'togglefullscreen' }
    ]
  }
  const help: MenuItemConstructorOptions = {
    label: t('menu.help'),
    submenu: [{ label: t('menu.about'), click: () => actions.about() }]
  }
  const appMenu: MenuItemConstructorOptions[] =
    platform === 'darwin'
      ? [
          {
            label: 'Facturo',
            submenu: [
              { label: t('menu.about'), click: () => actions.about() },
              { type: 'separator' },
              { label: t('menu.quit'), role: 'quit' }
            ]
          }
        ]
      : []
  return [...appMenu, file, edit, view, help]
}
