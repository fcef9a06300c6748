import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { AppStateStore } from './app-state'
import { log } from './log'
import { tempDir } from './test-support'

describe('app state (settings.json)', () => {
  it('starts with defaults and writes what changes', () => {
    const dir = tempDir()
    const store = new AppStateStore(dir)
    expect(store.get()).toEqual({
      version: 1,
      language: null,
      recentFiles: [],
      lastFile: null,
      backupFolder: null,
      window: null
    })
    store.update({ language: 'es' })
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).language).toBe('es')
    // it names the user's company files: readable by them alone
    expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600)
    expect(new AppStateStore(dir).get().language).toBe('es')
  })

  it('keeps ten recent files, most recent first, without duplicates', () => {
    const store = new AppStateStore(tempDir())
    for (let i = 0; i < 12; i++)
      store.rememberOpened(`/books/${i}.facturo`, `Company ${i}`, new Date(2026, 0, i + 1))
    store.rememberOpened('/books/5.facturo', 'Company 5', new Date(2026, 1, 1))
    const recent = store.get().recentFiles.map((r) => r.path)
    expect(recent).toHaveLength(10)
    expect(recent[0]).toBe('/books/5.facturo')
    expect(new Set(recent).size).toBe(10)
    expect(store.get().lastFile).toBe('/books/5.facturo')
  })

  it('sets a damaged file aside and carries on with defaults', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'settings.json'), '{"version": 1, "language": "klingon"')
    const spy = vi.spyOn(log, 'error').mockImplementation(() => undefined)
    const store = new AppStateStore(dir)
    spy.mockRestore()
    expect(store.get().language).toBeNull()
    expect(readdirSync(dir).some((f) => f.startsWith('settings.json.damaged-'))).toBe(true)
    expect(existsSync(join(dir, 'settings.json'))).toBe(false)
  })

  it('leaves no temporary file behind after writing', () => {
    const dir = tempDir()
    new AppStateStore(dir).update({ language: 'pl' })
    expect(readdirSync(dir)).toEqual(['settings.json'])
  })
})
