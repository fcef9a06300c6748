import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { MIGRATIONS } from './index'
import { down, up } from './0008_reminders'

describe('migration 0008_reminders', () => {
  it('decides a stage of an invoice once, pauses one thing at a time, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      if (name === '0008_reminders') break
      await migration.up(db)
    }
    await up(db)
    const remind = (invoiceId: number, stage: number, status = 'queued') =>
      sqlite
        .prepare(
          "INSERT INTO reminders (invoice_id, stage, status, as_of, created_at) VALUES (?, ?, ?, '2026-01-01', 'x')"
        )
        .run(invoiceId, stage, status)
    expect(() => remind(99, 7)).toThrow(/FOREIGN KEY/)
    const pause = (customer: number | null, invoice: number | null) =>
      sqlite
        .prepare(
          "INSERT INTO reminder_pauses (customer_id, invoice_id, created_at) VALUES (?, ?, 'x')"
        )
        .run(customer, invoice)
    expect(() => pause(null, null)).toThrow(/CHECK/)
    const schema = (
      sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'reminders'").get() as {
        sql: string
      }
    ).sql
    expect(schema).toMatch(/UNIQUE \(invoice_id, stage\)/)
    expect(schema).toMatch(/status IN \('queued', 'skipped', 'no_email'\)/)
    await down(db)
    expect(
      sqlite.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'reminder%'").all()
    ).toEqual([])
    await db.destroy()
  })
})
