import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { snapshotFile, tempDir } from '../test-support'
import { FACTURO_APPLICATION_ID, openCompanyStore, PRAGMAS } from './db'
import { LATEST_SCHEMA_VERSION } from './migrations'

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('opening a company file', () => {
  it('creates a file with the Facturo application id, the latest schema and the pragmas', async () => {
    const path = join(tempDir(), 'Acme.facturo')
    const store = await openCompanyStore(path, { create: true })
    const pragma = (name: string) => store.sqlite.pragma(name, { simple: true })
    expect(pragma('journal_mode')).toBe(PRAGMAS.journal_mode)
    expect(pragma('synchronous')).toBe(2) // FULL
    expect(pragma('foreign_keys')).toBe(1)
    expect(pragma('busy_timeout')).toBe(PRAGMAS.busy_timeout)
    expect(pragma('application_id')).toBe(FACTURO_APPLICATION_ID)
    expect(pragma('user_version')).toBe(LATEST_SCHEMA_VERSION)
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    await store.close()
  })

  it('sets the pragmas again on every open (they are per connection)', async () => {
    const path = join(tempDir(), 'Acme.facturo')
    await (await openCompanyStore(path, { create: true })).close()
    const store = await openCompanyStore(path, { create: false })
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    await store.close()
  })

  it('refuses to create over an existing file, and to open a missing one', async () => {
    const dir = tempDir()
    const path = join(dir, 'Acme.facturo')
    await (await openCompanyStore(path, { create: true })).close()
    expect((await refusal(openCompanyStore(path, { create: true }))).code).toBe('CONFLICT')
    expect(
      (await refusal(openCompanyStore(join(dir, 'none.facturo'), { create: false }))).code
    ).toBe('NOT_FOUND')
  })

  it('refuses a file that is not SQLite, leaving it as it was', async () => {
    const path = join(tempDir(), 'notes.facturo')
    writeFileSync(path, 'Dear bookkeeper, this is a letter, not a database.\n'.repeat(200))
    const before = readFileSync(path)
    const error = await refusal(openCompanyStore(path, { create: false }))
    expect(error.code).toBe('NOT_A_COMPANY_FILE')
    expect(error.message).toContain('not an SQLite database')
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('refuses an SQLite file that another program made, leaving it as it was', async () => {
    const path = join(tempDir(), 'other.sqlite')
    const other = new Sqlite(path)
    other.exec('CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)')
    other.close()
    const before = readFileSync(path)
    expect((await refusal(openCompanyStore(path, { create: false }))).code).toBe(
      'NOT_A_COMPANY_FILE'
    )
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('refuses a file from a newer Facturo with a clear message, changing nothing', async () => {
    const path = join(tempDir(), 'Future.facturo')
    await (await openCompanyStore(path, { create: true })).close()
    const future = new Sqlite(path)
    future
      .prepare(
        "INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01T00:00:00.000Z')"
      )
      .run()
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    future.close()
    const before = snapshotFile(path)
    const error = await refusal(openCompanyStore(path, { create: false }))
    expect(error.code).toBe('FILE_TOO_NEW')
    expect(error.message).toMatch(/newer version of Facturo/)
    expect(error.message).toContain(`this version reads up to ${LATEST_SCHEMA_VERSION}`)
    expect(snapshotFile(path)).toBe(before)
  })

  it('checkpoints the WAL on close so the file alone holds everything', async () => {
    const path = join(tempDir(), 'Acme.facturo')
    const store = await openCompanyStore(path, { create: true })
    await store.close()
    expect(existsSync(`${path}-wal`)).toBe(false)
    const alone = join(tempDir(), 'copy.facturo')
    copyFileSync(path, alone)
    const copy = new Sqlite(alone, { readonly: true })
    expect(
      copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'company'").get()
    ).toEqual({ n: 1 })
    copy.close()
  })
})
