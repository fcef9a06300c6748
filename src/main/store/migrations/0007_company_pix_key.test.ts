import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { MIGRATIONS } from './index'
import { down, up } from './0007_company_pix_key'

describe('migration 0007_company_pix_key', () => {
  it('gives an existing company an empty Pix key, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      if (name === '0007_company_pix_key') break
      await migration.up(db)
    }
    sqlite
      .prepare(
        `INSERT INTO company (id, legal_name, country, default_currency, default_language, invoice_number_format, created_at, updated_at)
         VALUES (1, 'Contábil Ltda', 'BR', 'BRL', 'pt-BR', 'NF-{seq}', 'x', 'x')`
      )
      .run()
    await up(db)
    expect(sqlite.prepare('SELECT pix_key FROM company').get()).toEqual({ pix_key: '' })
    await down(db)
    const columns = sqlite.prepare('PRAGMA table_info(company)').all() as { name: string }[]
    expect(columns.map((c) => c.name)).not.toContain('pix_key')
    await db.destroy()
  })
})
