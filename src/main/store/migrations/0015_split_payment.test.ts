import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { MIGRATIONS } from './index'
import { down, up } from './0015_split_payment'

describe('migration 0015_split_payment', () => {
  it('marks no tax rate for split payment until told, takes only 0 or 1, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      if (name === '0015_split_payment') break
      await migration.up(db)
    }
    sqlite
      .prepare(
        "INSERT INTO tax_rates (id, name, category, percent, created_at) VALUES ('standard', 'VAT 23%', 'S', '23', 'x')"
      )
      .run()
    await up(db)
    expect(sqlite.prepare('SELECT split_payment FROM tax_rates').get()).toEqual({
      split_payment: 0
    })
    expect(() => sqlite.prepare('UPDATE tax_rates SET split_payment = 2').run()).toThrow(/CHECK/)
    await down(db)
    const columns = (
      sqlite.prepare('PRAGMA table_info(tax_rates)').all() as { name: string }[]
    ).map((c) => c.name)
    expect(columns).not.toContain('split_payment')
    await db.destroy()
  })
})
