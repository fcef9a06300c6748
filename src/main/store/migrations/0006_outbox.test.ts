import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { MIGRATIONS } from './index'
import { down, up } from './0006_outbox'

describe('migration 0006_outbox', () => {
  it('adds the outbox with one row per Message-ID and known statuses, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      if (name === '0006_outbox') break
      await migration.up(db)
    }
    await up(db)
    const insert = (messageId: string, status: string, invoiceId: number | null = null) =>
      sqlite
        .prepare(
          `INSERT INTO outbox (message_id, kind, invoice_id, language, sender, recipients, subject, body, status, created_at, updated_at)
           VALUES (?, 'invoice', ?, 'pl', '{}', '{}', 's', 'b', ?, 'x', 'x')`
        )
        .run(messageId, invoiceId, status)
    insert('<a@x>', 'queued')
    expect(() => insert('<a@x>', 'queued')).toThrow(/UNIQUE/)
    expect(() => insert('<b@x>', 'lost')).toThrow(/CHECK/)
    expect(() => insert('<c@x>', 'queued', 99)).toThrow(/FOREIGN KEY/)
    await down(db)
    expect(
      sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'outbox'").get()
    ).toBeUndefined()
    await db.destroy()
  })
})
