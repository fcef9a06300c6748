import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { MIGRATIONS } from './index'
import { down, up } from './0016_nfse'

describe('migration 0016_nfse', () => {
  it('keeps a DPS Id and a returned NFS-e for good, each once, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      if (name === '0016_nfse') break
      await migration.up(db)
    }
    sqlite.pragma('foreign_keys = OFF')
    await up(db)
    const dps = (invoice: number, id: string | null, at: string | null = 'x') =>
      sqlite
        .prepare(
          'INSERT INTO nfse_documents (invoice_id, dps_id, dps_exported_at) VALUES (?, ?, ?)'
        )
        .run(invoice, id, at)
    const id1 = `DPS${'1'.repeat(42)}`
    dps(1, id1)
    expect(() => dps(2, id1)).toThrow(/UNIQUE/)
    expect(() => dps(2, 'DPS123')).toThrow(/CHECK/)
    expect(() => dps(2, null, 'x')).toThrow(/CHECK/)
    dps(3, null, null)
    const key = '4'.repeat(50)
    const record = sqlite.prepare(
      'UPDATE nfse_documents SET nfse_number = ?, access_key = ? WHERE invoice_id = ?'
    )
    expect(() => record.run('1', null, 1)).toThrow(/CHECK/)
    expect(() => record.run('1', '123', 1)).toThrow(/CHECK/)
    record.run('1', key, 1)
    expect(() => record.run('2', key, 3)).toThrow(/UNIQUE/)
    expect(() => record.run('2', '5'.repeat(50), 1)).toThrow(/cannot be changed/)
    expect(() =>
      sqlite
        .prepare('UPDATE nfse_documents SET dps_id = ? WHERE invoice_id = 1')
        .run(`DPS${'9'.repeat(42)}`)
    ).toThrow(/cannot be changed/)
    expect(() => sqlite.prepare('DELETE FROM nfse_documents').run()).toThrow(/cannot be deleted/)
    await down(db)
    expect(
      sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'nfse_documents'").all()
    ).toEqual([])
    await db.destroy()
  })
})
