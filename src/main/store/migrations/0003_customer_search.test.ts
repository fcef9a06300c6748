import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { up as companyUp } from './0001_company_profile'
import { up as booksUp } from './0002_books'
import { down, up } from './0003_customer_search'

const insert = (sqlite: Sqlite.Database, id: number, text: string) =>
  sqlite
    .prepare(
      "INSERT INTO customers (id, code, name, country, language, currency, search_text, created_at, updated_at) VALUES (?, ?, 'x', 'PL', 'pl', 'PLN', ?, 'x', 'x')"
    )
    .run(id, `C${id}`, text)

const found = (sqlite: Sqlite.Database, match: string) =>
  (
    sqlite
      .prepare('SELECT rowid FROM customer_search WHERE customer_search MATCH ? ORDER BY rowid')
      .all(match) as { rowid: number }[]
  ).map((r) => r.rowid)

describe('migration 0003_customer_search', () => {
  it('indexes the customers already there, and follows inserts, updates and deletes', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    await companyUp(db)
    await booksUp(db)
    insert(sqlite, 1, 'piekarnia lodzka c1 biuro@piekarnia.pl 1234563218')
    await up(db)
    // any part of the text, three characters or more
    expect(found(sqlite, '"ekarn"')).toEqual([1])
    expect(found(sqlite, '"456321"')).toEqual([1])
    insert(sqlite, 2, 'kwiaciarnia roza c2')
    expect(found(sqlite, '"arnia"')).toEqual([1, 2])
    sqlite.prepare("UPDATE customers SET search_text = 'kwiaty c2' WHERE id = 2").run()
    expect(found(sqlite, '"arnia"')).toEqual([1])
    expect(found(sqlite, '"kwiaty"')).toEqual([2])
    sqlite.prepare('DELETE FROM customers WHERE id = 1').run()
    expect(found(sqlite, '"arnia"')).toEqual([])
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    await down(db)
    expect(
      sqlite
        .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'customer_search%'")
        .get()
    ).toEqual({ n: 0 })
    await db.destroy()
  })
})
