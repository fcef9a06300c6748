import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { down, up } from './0001_company_profile'

function freshDb() {
  const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
  return { sqlite, db: new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) }) }
}

const row = {
  id: 1,
  legal_name: 'Acme',
  country: 'PL',
  default_currency: 'PLN',
  default_language: 'pl',
  invoice_number_format: '{YYYY}/{seq:6}',
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z'
}

const insert = (sqlite: Sqlite.Database, values: Record<string, unknown>) => {
  const cols = Object.keys(values)
  return () =>
    sqlite
      .prepare(
        `INSERT INTO company (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`
      )
      .run(values)
}

describe('migration 0001_company_profile', () => {
  it('creates a STRICT company table that holds one row', async () => {
    const { sqlite, db } = freshDb()
    await up(db)
    const sql = (
      sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'company'").get() as {
        sql: string
      }
    ).sql
    expect(sql).toMatch(/\)\s*STRICT\s*$/)
    insert(sqlite, row)()
    expect(insert(sqlite, { ...row, id: 2 })).toThrow(/CHECK constraint/)
    await db.destroy()
  })

  it('refuses what the app never writes', async () => {
    const { sqlite, db } = freshDb()
    await up(db)
    expect(insert(sqlite, { ...row, default_language: 'de' })).toThrow(/CHECK/)
    expect(insert(sqlite, { ...row, country: 'POL' })).toThrow(/CHECK/)
    expect(insert(sqlite, { ...row, invoice_number_format: '{YYYY}' })).toThrow(/CHECK/)
    expect(insert(sqlite, { ...row, logo: Buffer.alloc(10) })).toThrow(/CHECK/)
    expect(
      insert(sqlite, { ...row, logo: Buffer.alloc(1024 * 1024 + 1), logo_mime_type: 'image/png' })
    ).toThrow(/CHECK/)
    expect(insert(sqlite, { ...row, id: 'one' })).toThrow(/datatype mismatch/)
    expect(insert(sqlite, { ...row, logo: 'not bytes', logo_mime_type: 'image/png' })).toThrow(
      /cannot store TEXT value in BLOB column/
    )
    await db.destroy()
  })

  it('goes down cleanly', async () => {
    const { sqlite, db } = freshDb()
    await up(db)
    await down(db)
    expect(
      sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'company'").get()
    ).toEqual({ n: 0 })
    await db.destroy()
  })
})
