import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { MIGRATIONS } from './index'
import { down, up } from './0012_einvoices'

describe('migration 0012_einvoices', () => {
  it('adds the Peppol address and format to customers, keeps each export once and for good, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      if (name === '0012_einvoices') break
      await migration.up(db)
    }
    sqlite.pragma('foreign_keys = OFF')
    await up(db)
    const columns = () =>
      (sqlite.prepare('PRAGMA table_info(customers)').all() as { name: string }[]).map(
        (c) => c.name
      )
    expect(columns()).toEqual(expect.arrayContaining(['peppol_id', 'einvoice_format']))
    const record = (invoice: number, format: string, sha = 'a'.repeat(64)) =>
      sqlite
        .prepare(
          "INSERT INTO einvoice_exports (invoice_id, format, version, sha256, created_at) VALUES (?, ?, 'v1', ?, 'x')"
        )
        .run(invoice, format, sha)
    record(1, 'ubl')
    record(1, 'cii')
    expect(() => record(1, 'ubl')).toThrow(/UNIQUE|PRIMARY/)
    expect(() => record(2, 'ubl', 'short')).toThrow(/CHECK/)
    expect(() => sqlite.prepare("UPDATE einvoice_exports SET sha256 = 'b'").run()).toThrow(
      /cannot be changed/
    )
    expect(() => sqlite.prepare('DELETE FROM einvoice_exports').run()).toThrow(/cannot be deleted/)
    await down(db)
    expect(columns()).not.toContain('peppol_id')
    expect(
      sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'einvoice_exports'").all()
    ).toEqual([])
    await db.destroy()
  })
})
