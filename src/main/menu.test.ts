import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { createMainI18n } from './i18n'
import { buildMenuTemplate } from './menu'

const actions = () => ({
  newCompanyFile: vi.fn(),
  openCompanyFile: vi.fn(),
  openRecent: vi.fn(),
  about: vi.fn()
})
const sub = (item: MenuItemConstructorOptions | undefined) =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[]

describe('the application menu', () => {
  it('has File, Edit, View and Help, with About on Help', async () => {
    const t = (await createMainI18n('en')).t
    const menu = buildMenuTemplate((k) => t(k), [], actions(), 'linux')
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help'])
    expect(sub(menu[0]).map((i) => i.label ?? i.type)).toEqual([
      'New company file…',
      'Open company file…',
      'Open recent',
      'separator',
      'Quit'
    ])
    expect(sub(menu[3]).map((i) => i.label)).toEqual(['About Facturo'])
  })

  it('lists recent files and opens the one clicked', async () => {
    const t = (await createMainI18n('en')).t
    const a = actions()
    const recent = [
      { path: '/b/Acme.facturo', companyName: 'Acme', openedAt: '2026-11-01T10:00:00Z' }
    ]
    const menu = buildMenuTemplate((k) => t(k), recent, a, 'linux')
    const item = sub(sub(menu[0])[2])[0]!
    expect(item.label).toContain('Acme')
    ;(item.click as () => void)()
    expect(a.openRecent).toHaveBeenCalledWith('/b/Acme.facturo')
  })

  it('speaks Polish when the UI does, with an app menu on macOS', async () => {
    const t = (await createMainI18n('pl')).t
    const menu = buildMenuTemplate((k) => t(k), [], actions(), 'darwin')
    expect(menu.map((m) => m.label)).toEqual(['Facturo', 'Plik', 'Edycja', 'Widok', 'Pomoc'])
    expect(sub(sub(menu[1])[2])[0]).toMatchObject({
      label: 'Brak ostatnich plików',
      enabled: false
    })
  })
})
