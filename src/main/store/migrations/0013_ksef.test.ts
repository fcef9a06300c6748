import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { MIGRATIONS } from './index'
import { down, up } from './0013_ksef'

describe('migration 0013_ksef', () => {
  it('keeps KSeF events for good, one acceptance per invoice and one invoice per number, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      if (name === '0013_ksef') break
      await migration.up(db)
    }
    sqlite.pragma('foreign_keys = OFF')
    await up(db)
    const event = (
      invoice: number,
      kind: string,
      number: string | null,
      reason: string | null = null
    ) =>
      sqlite
        .prepare(
          "INSERT INTO ksef_events (invoice_id, kind, ksef_number, reason, source, at) VALUES (?, ?, ?, ?, 'typed', 'x')"
        )
        .run(invoice, kind, number, reason)
    const number = '5265877635-20250916-0200A0D6723E-C2'
    event(1, 'sent', null)
    event(1, 'accepted', number)
    expect(() => event(1, 'accepted', '5265877635-20250916-010040741B3E-46')).toThrow(/UNIQUE/)
    expect(() => event(2, 'accepted', number)).toThrow(/UNIQUE/)
    expect(() => event(2, 'accepted', null)).toThrow(/CHECK/)
    expect(() => event(2, 'rejected', null)).toThrow(/CHECK/)
    expect(() => event(2, 'sent', number)).toThrow(/CHECK/)
    event(2, 'rejected', null, 'Błąd weryfikacji NIP')
    expect(() => sqlite.prepare("UPDATE ksef_events SET source = 'upo'").run()).toThrow(
      /cannot be changed/
    )
    expect(() => sqlite.prepare('DELETE FROM ksef_events').run()).toThrow(/cannot be deleted/)
    sqlite
      .prepare("INSERT INTO exchange_rates VALUES ('EUR', '2026-01-02', '4.2555', 'NBP', 'x')")
      .run()
    expect(() =>
      sqlite
        .prepare("INSERT INTO exchange_rates VALUES ('EUR', '2026-01-02', '4.3', 'NBP', 'x')")
        .run()
    ).toThrow(/UNIQUE|PRIMARY/)
    await down(db)
    expect(
      sqlite
        .prepare("SELECT name FROM sqlite_master WHERE name IN ('ksef_events', 'exchange_rates')")
        .all()
    ).toEqual([])
    await db.destroy()
  })
})
