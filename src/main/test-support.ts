import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterEach } from 'vitest'
import { startBackend, type Backend } from './backend'
import type { Platform } from './handlers'

const made: string[] = []
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'facturo-test-'))
  made.push(dir)
  return dir
}

export function testBackend(
  dataDir: string,
  platform: Platform = { nativeDialogs: false }
): Promise<Backend> {
  return startBackend({ dataDir, app: { name: 'Facturo', version: '0.0.0-test' }, platform })
}

/**
 * Everything a company file holds, read through a second connection (which sees committed WAL
 * content too): its schema and every row of every table.
 */
export function snapshotFile(path: string): string {
  const db = new Sqlite(path, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string; sql: string | null }[]
    const content = tables.map((t) => ({
      ...t,
      rows: t.sql?.startsWith('CREATE TABLE')
        ? db
            .prepare(
              `SELECT * FROM "${t.name}" ORDER BY ${/WITHOUT ROWID/i.test(t.sql) ? '1' : 'rowid'}`
            )
            .all()
        : []
    }))
    return JSON.stringify(content, (_key, value: unknown) =>
      Buffer.isBuffer(value) ? value.toString('base64') : value
    )
  } finally {
    db.close()
  }
}
