import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { MIGRATIONS } from './index'
import { down, up } from './0014_verifactu'

describe('migration 0014_verifactu', () => {
  it('keeps Verifactu records for good, one alta and one anulación per invoice, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      if (name === '0014_verifactu') break
      await migration.up(db)
    }
    sqlite.pragma('foreign_keys = OFF')
    await up(db)
    const record = (invoice: number, kind: string, tipo: string | null, huella = 'A'.repeat(64)) =>
      sqlite
        .prepare(
          `INSERT INTO verifactu_records (invoice_id, kind, tipo_factura, nif, num_serie, issue_date,
            previous_huella, generated_at, huella) VALUES (?, ?, ?, 'B12345674', 'F/1', '2026-01-05', '', 'x', ?)`
        )
        .run(invoice, kind, tipo, huella)
    record(1, 'alta', 'F1')
    record(1, 'anulacion', null)
    expect(() => record(1, 'alta', 'F1')).toThrow(/UNIQUE/)
    expect(() => record(2, 'alta', null)).toThrow(/CHECK/)
    expect(() => record(2, 'anulacion', 'F1')).toThrow(/CHECK/)
    expect(() => record(2, 'alta', 'F1', 'short')).toThrow(/CHECK/)
    expect(() => sqlite.prepare("UPDATE verifactu_records SET huella = 'B'").run()).toThrow(
      /cannot be changed/
    )
    expect(() => sqlite.prepare('DELETE FROM verifactu_records').run()).toThrow(/cannot be deleted/)
    await down(db)
    expect(
      sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'verifactu_records'").all()
    ).toEqual([])
    await db.destroy()
  })
})
