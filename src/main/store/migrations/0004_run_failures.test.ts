import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { up as companyUp } from './0001_company_profile'
import { up as booksUp } from './0002_books'
import { up as searchUp } from './0003_customer_search'
import { down, up } from './0004_run_failures'

describe('migration 0004_run_failures', () => {
  it('keeps the runs there, adds failure counts and the failures table, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    await companyUp(db)
    await booksUp(db)
    await searchUp(db)
    sqlite
      .prepare(
        "INSERT INTO billing_runs (as_of, status, started_at) VALUES ('2026-01-31', 'finished', 'x')"
      )
      .run()
    await up(db)
    expect(sqlite.prepare('SELECT customers_failed, cancelled FROM billing_runs').get()).toEqual({
      customers_failed: 0,
      cancelled: 0
    })
    expect(() => sqlite.prepare('UPDATE billing_runs SET cancelled = 2').run()).toThrow(/CHECK/)
    // a failure names a run and a customer that exist
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO billing_run_failures (run_id, customer_id, code, message, at) VALUES (1, 99, 'VALIDATION', 'x', 'x')"
        )
        .run()
    ).toThrow(/FOREIGN KEY/)
    await down(db)
    const columns = (
      sqlite.prepare('PRAGMA table_info(billing_runs)').all() as { name: string }[]
    ).map((c) => c.name)
    expect(columns).not.toContain('cancelled')
    expect(
      sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'billing_run_failures'").get()
    ).toBeUndefined()
    await db.destroy()
  })
})
