import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { validPolishProfile } from '@shared/test-fixtures'
import type { Result } from '@shared/result'
import { dispatch } from './ipc/dispatch'
import { log } from './log'
import { tempDir, testBackend } from './test-support'
import { fileNameFor } from './workspace'

const acme = {
  legalName: 'Zakład Usług Księgowych Łódź',
  country: 'PL',
  defaultCurrency: 'PLN',
  defaultLanguage: 'pl'
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

describe('company file names', () => {
  it.each([
    ['Zakład Usług Księgowych Łódź', 'Zakład Usług Księgowych Łódź.facturo'],
    ['Acme S.A. / Oddział: Kraków', 'Acme S.A. - Oddział- Kraków.facturo'],
    ['  ..hidden  ', 'hidden.facturo'],
    ['CON', 'Company CON.facturo'],
    ['???', 'Company.facturo']
  ])('%s → %s', (name, file) => {
    expect(fileNameFor(name)).toBe(file)
  })
})

describe('the workspace through its channels', () => {
  it('creates a company file in the default folder, opens it and remembers it', async () => {
    const dataDir = tempDir()
    const backend = await testBackend(dataDir)
    expect(value(await dispatch(backend.handlers, 'files/current', {}))).toBeNull()
    const opened = value(await dispatch(backend.handlers, 'files/create', acme))
    expect(opened.path).toBe(join(dataDir, 'Companies', 'Zakład Usług Księgowych Łódź.facturo'))
    expect(opened.companyName).toBe(acme.legalName)
    expect(value(await dispatch(backend.handlers, 'files/current', {}))).toEqual(opened)
    const list = value(await dispatch(backend.handlers, 'files/list', {}))
    expect(list.recent.map((r) => r.path)).toEqual([opened.path])
    expect(list.inDefaultFolder.map((f) => f.fileName)).toEqual([opened.fileName])
    await backend.shutdown()
  })

  it('does not overwrite a company with the same name', async () => {
    const backend = await testBackend(tempDir())
    const first = value(await dispatch(backend.handlers, 'files/create', acme))
    const second = value(await dispatch(backend.handlers, 'files/create', acme))
    expect(second.path).not.toBe(first.path)
    expect(second.fileName).toBe('Zakład Usług Księgowych Łódź (2).facturo')
    await backend.shutdown()
  })

  it('saves the profile and reads it back after a restart', async () => {
    const dataDir = tempDir()
    let backend = await testBackend(dataDir)
    value(await dispatch(backend.handlers, 'files/create', acme))
    const saved = value(await dispatch(backend.handlers, 'company/update', validPolishProfile()))
    expect(saved.taxId).toBe('1234563218')
    await backend.shutdown()

    backend = await testBackend(dataDir)
    const reopened = value(await dispatch(backend.handlers, 'company/get', {}))
    expect(reopened).toEqual(saved)
    expect(reopened.address.city).toBe('Łódź')
    await backend.shutdown()
  })

  it('answers NO_COMPANY_FILE when no file is open', async () => {
    const backend = await testBackend(tempDir())
    const result = await dispatch(backend.handlers, 'company/get', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_COMPANY_FILE' } })
    await backend.shutdown()
  })

  it('closes a file and forgets it as the one to reopen', async () => {
    const dataDir = tempDir()
    let backend = await testBackend(dataDir)
    value(await dispatch(backend.handlers, 'files/create', acme))
    value(await dispatch(backend.handlers, 'files/close', {}))
    await backend.shutdown()
    backend = await testBackend(dataDir)
    expect(value(await dispatch(backend.handlers, 'files/current', {}))).toBeNull()
    await backend.shutdown()
  })

  it('says why last time’s file could not be reopened', async () => {
    const dataDir = tempDir()
    let backend = await testBackend(dataDir)
    const opened = value(await dispatch(backend.handlers, 'files/create', acme))
    await backend.shutdown()
    writeFileSync(opened.path, 'damaged')
    const quiet = vi.spyOn(log, 'error').mockImplementation(() => undefined)
    backend = await testBackend(dataDir)
    quiet.mockRestore()
    const list = value(await dispatch(backend.handlers, 'files/list', {}))
    expect(list.reopenProblem).toMatchObject({ path: opened.path, code: 'NOT_A_COMPANY_FILE' })
    await backend.shutdown()
  })

  it('opens a file by path and refuses a file that is not ours', async () => {
    const dataDir = tempDir()
    const backend = await testBackend(dataDir)
    const first = value(await dispatch(backend.handlers, 'files/create', acme))
    value(await dispatch(backend.handlers, 'files/create', { ...acme, legalName: 'Other' }))
    expect(
      value(await dispatch(backend.handlers, 'files/open', { path: first.path })).companyName
    ).toBe(acme.legalName)
    const stray = join(dataDir, 'stray.facturo')
    writeFileSync(stray, 'not a database at all, just some text'.repeat(50))
    const refused = await dispatch(backend.handlers, 'files/open', { path: stray })
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_A_COMPANY_FILE' } })
    // the open file stays open
    expect(value(await dispatch(backend.handlers, 'files/current', {}))?.path).toBe(first.path)
    await backend.shutdown()
  })

  it('creates at a chosen path only with the .facturo extension', async () => {
    const dataDir = tempDir()
    const backend = await testBackend(dataDir)
    const refused = await dispatch(backend.handlers, 'files/create', {
      ...acme,
      path: join(dataDir, 'books.db')
    })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fieldErrors: { path: { code: 'file_name' } } }
    })
    expect(existsSync(join(dataDir, 'books.db'))).toBe(false)
    const made = value(
      await dispatch(backend.handlers, 'files/create', {
        ...acme,
        path: join(dataDir, 'books.facturo')
      })
    )
    expect(made.path).toBe(join(dataDir, 'books.facturo'))
    await backend.shutdown()
  })

  it('keeps the UI language per machine, and says file dialogs are desktop-only in browser mode', async () => {
    const dataDir = tempDir()
    let backend = await testBackend(dataDir)
    expect(value(await dispatch(backend.handlers, 'settings/get', {}))).toEqual({ language: null })
    value(await dispatch(backend.handlers, 'settings/update', { language: 'pl' }))
    await backend.shutdown()
    backend = await testBackend(dataDir)
    expect(value(await dispatch(backend.handlers, 'settings/get', {}))).toEqual({ language: 'pl' })
    expect(await dispatch(backend.handlers, 'files/browse', { mode: 'open' })).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED' }
    })
    await backend.shutdown()
  })

  it('uses the shell’s dialogs and tells it about language and file changes', async () => {
    const events: string[] = []
    const backend = await testBackend(tempDir(), {
      nativeDialogs: true,
      browse: async (mode, name) => `/chosen/${mode}/${name ?? ''}`,
      languageChanged: (l) => events.push(`language:${l}`),
      filesChanged: () => events.push('files')
    })
    expect(
      value(
        await dispatch(backend.handlers, 'files/browse', { mode: 'create', suggestedName: 'Acme' })
      )
    ).toEqual({ path: '/chosen/create/Acme' })
    value(await dispatch(backend.handlers, 'settings/update', { language: 'es' }))
    value(await dispatch(backend.handlers, 'files/create', acme))
    expect(events).toEqual(['language:es', 'files'])
    expect(value(await dispatch(backend.handlers, 'app/info', {})).nativeDialogs).toBe(true)
    await backend.shutdown()
  })
})
