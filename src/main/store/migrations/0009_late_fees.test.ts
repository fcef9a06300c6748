import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { MIGRATIONS } from './index'
import { down, up } from './0009_late_fees'

describe('migration 0009_late_fees', () => {
  it('holds one positive fee per existing invoice, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      if (name === '0009_late_fees') break
      await migration.up(db)
    }
    await up(db)
    const fee = (invoiceId: number, amount: number) =>
      sqlite
        .prepare(
          "INSERT INTO late_fees (invoice_id, amount, currency, as_of, created_at) VALUES (?, ?, 'PLN', '2026-01-30', 'x')"
        )
        .run(invoiceId, amount)
    expect(() => fee(99, 1230)).toThrow(/FOREIGN KEY/)
    const schema = (
      sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'late_fees'").get() as {
        sql: string
      }
    ).sql
    expect(schema).toMatch(/invoice_id INTEGER NOT NULL UNIQUE/)
    expect(schema).toMatch(/CHECK \(amount > 0\)/)
    await down(db)
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'late_fees'").all()).toEqual(
      []
    )
    await db.destroy()
  })
})
