import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { up as companyUp } from './0001_company_profile'
import { down, up } from './0002_books'

async function migrated(country?: string) {
  const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
  await companyUp(db)
  if (country) {
    sqlite
      .prepare(
        "INSERT INTO company (id, legal_name, country, default_currency, default_language, invoice_number_format, created_at, updated_at) VALUES (1, 'Acme', ?, 'PLN', 'pl', 'FV/{YYYY}/{seq:4}', 'x', 'x')"
      )
      .run(country)
  }
  await up(db)
  return { sqlite, db }
}

const tables = (sqlite: Sqlite.Database) =>
  sqlite
    .prepare(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT IN ('company', 'sqlite_sequence')"
    )
    .all() as { name: string; sql: string }[]

describe('migration 0002_books', () => {
  it('creates STRICT tables for the books', async () => {
    const { sqlite, db } = await migrated()
    const all = tables(sqlite)
    expect(all.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'customers',
        'plan_versions',
        'subscriptions',
        'subscription_items',
        'usage_events',
        'invoices',
        'invoice_lines',
        'ledger_entries',
        'payments',
        'allocations',
        'credit_ledger',
        'audit_log'
      ])
    )
    for (const t of all) expect(t.sql, t.name).toMatch(/\)\s*STRICT\s*$/)
    await db.destroy()
  })

  it('seeds the existing company’s tax rates and invoice series', async () => {
    const { sqlite, db } = await migrated('PL')
    expect(sqlite.prepare('SELECT id, percent FROM tax_rates ORDER BY id').all()).toEqual([
      { id: 'reduced', percent: '8' },
      { id: 'standard', percent: '23' },
      { id: 'super_reduced', percent: '5' },
      { id: 'zero', percent: '0' }
    ])
    expect(sqlite.prepare("SELECT format FROM number_series WHERE id = 'INV'").get()).toEqual({
      format: 'FV/{YYYY}/{seq:4}'
    })
    await db.destroy()
  })

  it('refuses to change or delete an issued invoice, its lines and the ledger', async () => {
    const { sqlite, db } = await migrated('PL')
    sqlite.exec(
      `INSERT INTO customers (id, code, name, country, language, currency, created_at, updated_at) VALUES (1, 'C1', 'Ana', 'PL', 'pl', 'PLN', 'x', 'x')`
    )
    sqlite.exec(
      `INSERT INTO invoices (id, customer_id, currency, bill_date, created_at, updated_at, total) VALUES (1, 1, 'PLN', '2026-01-01', 'x', 'x', 100)`
    )
    sqlite.exec(
      `INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity, amount, net_amount) VALUES (1, 1, 'one_off', 'Work', '1', 100, 100)`
    )
    sqlite.exec(`UPDATE invoices SET total = 200 WHERE id = 1`) // a draft may change
    sqlite.exec(
      `UPDATE invoices SET status = 'issued', series_id = 'INV', seq = 1, number = 'FV/2026/0001', issue_date = '2026-01-02' WHERE id = 1`
    )
    expect(() => sqlite.exec('UPDATE invoices SET total = 1 WHERE id = 1')).toThrow(
      /an issued invoice cannot be changed/
    )
    expect(() => sqlite.exec("UPDATE invoices SET number = 'X' WHERE id = 1")).toThrow(
      /cannot be changed/
    )
    expect(() => sqlite.exec('DELETE FROM invoices WHERE id = 1')).toThrow(/cannot be deleted/)
    expect(() => sqlite.exec('UPDATE invoice_lines SET amount = 1')).toThrow(
      /lines of an issued invoice/
    )
    expect(() => sqlite.exec('DELETE FROM invoice_lines')).toThrow(/lines of an issued invoice/)
    expect(() =>
      sqlite.exec(
        `INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity, amount, net_amount) VALUES (1, 2, 'one_off', 'More', '1', 5, 5)`
      )
    ).toThrow(/cannot be added/)
    expect(() => sqlite.exec("UPDATE invoices SET status = 'draft' WHERE id = 1")).toThrow()
    sqlite.exec("UPDATE invoices SET status = 'void', closed_at = 'y' WHERE id = 1")
    sqlite.exec(
      `INSERT INTO ledger_entries (series_id, invoice_id, kind, recorded_at, previous_hash, hash) VALUES ('INV', 1, 'issue', 'x', '', 'H')`
    )
    expect(() => sqlite.exec("UPDATE ledger_entries SET hash = 'G'")).toThrow(/append-only/)
    expect(() => sqlite.exec('DELETE FROM ledger_entries')).toThrow(/append-only/)
    await db.destroy()
  })

  it('goes down cleanly', async () => {
    const { sqlite, db } = await migrated('ES')
    await down(db)
    expect(tables(sqlite)).toEqual([])
    await db.destroy()
  })
})
