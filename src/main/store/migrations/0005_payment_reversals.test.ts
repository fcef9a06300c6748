import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { up as companyUp } from './0001_company_profile'
import { up as booksUp } from './0002_books'
import { up as searchUp } from './0003_customer_search'
import { up as failuresUp } from './0004_run_failures'
import { down, up } from './0005_payment_reversals'

describe('migration 0005_payment_reversals', () => {
  it('keeps the allocations there, adds one reversal per payment at most, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    sqlite.pragma('foreign_keys = ON')
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    for (const step of [companyUp, booksUp, searchUp, failuresUp]) await step(db)
    await up(db)
    expect(
      (sqlite.prepare('PRAGMA table_info(allocations)').all() as { name: string }[]).map(
        (c) => c.name
      )
    ).toContain('reversal_id')
    // a reversal names a payment that exists, and a payment is reversed once
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO payment_reversals (payment_id, date, reason, created_at) VALUES (99, '2026-01-01', 'x', 'x')"
        )
        .run()
    ).toThrow(/FOREIGN KEY/)
    expect(
      (
        sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'payment_reversals'").get() as {
          sql: string
        }
      ).sql
    ).toMatch(/payment_id INTEGER NOT NULL UNIQUE/)
    await down(db)
    expect(
      (sqlite.prepare('PRAGMA table_info(allocations)').all() as { name: string }[]).map(
        (c) => c.name
      )
    ).not.toContain('reversal_id')
    expect(
      sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'payment_reversals'").get()
    ).toBeUndefined()
    await db.destroy()
  })
})
