import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { MIGRATIONS } from './index'
import { down, up } from './0010_subscription_notices'

const NAME = '0010_subscription_notices'

describe(`migration ${NAME}`, () => {
  it('lets the outbox hold renewal and trial notices, keeps every message and reference, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      if (name === NAME) break
      await migration.up(db)
    }
    const message = (messageId: string, kind: string) =>
      sqlite
        .prepare(
          `INSERT INTO outbox (message_id, kind, language, sender, recipients, subject, body, status, created_at, updated_at)
           VALUES (?, ?, 'pl', '{}', '{}', 's', 'b', 'queued', 'x', 'x')`
        )
        .run(messageId, kind).lastInsertRowid
    const invoice = Number(message('<a@x>', 'invoice'))
    expect(() => message('<b@x>', 'renewal')).toThrow(/CHECK/)
    await up(db)
    const renewal = Number(message('<c@x>', 'renewal'))
    expect(() => message('<d@x>', 'newsletter')).toThrow(/CHECK/)
    const rows = () =>
      sqlite.prepare('SELECT id, message_id, kind FROM outbox ORDER BY id').all() as unknown[]
    expect(rows()).toEqual([
      { id: invoice, message_id: '<a@x>', kind: 'invoice' },
      { id: renewal, message_id: '<c@x>', kind: 'renewal' }
    ])
    // the tables that point at the outbox still do, to the new table
    expect(
      (
        sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'reminders'").get() as {
          sql: string
        }
      ).sql
    ).toMatch(/REFERENCES outbox/)
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    const indexes = sqlite
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' AND sql IS NOT NULL ORDER BY name"
      )
      .all()
    expect(indexes).toEqual([{ name: 'outbox_due' }, { name: 'outbox_invoice' }])
    // a notice is decided once per subscription, kind and date
    const notice = () =>
      sqlite
        .prepare(
          "INSERT INTO subscription_notices (subscription_id, kind, date, status, as_of, created_at) VALUES (1, 'renewal', '2027-01-01', 'queued', '2026-12-02', 'x')"
        )
        .run()
    expect(notice).toThrow(/FOREIGN KEY/)
    // running it again (a crash before it was recorded) changes nothing
    await up(db)
    expect(rows()).toHaveLength(2)
    await down(db)
    expect(rows()).toEqual([{ id: invoice, message_id: '<a@x>', kind: 'invoice' }])
    expect(() => message('<e@x>', 'renewal')).toThrow(/CHECK/)
    expect(
      sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'subscription_notices'").all()
    ).toEqual([])
    await db.destroy()
  })
})
