import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../test-support'
import { MIGRATIONS } from './index'
import { down, up } from './0011_document_images'

describe('migration 0011_document_images', () => {
  it('keeps each image once by its SHA-256, PNG or JPEG only, and goes back', async () => {
    const sqlite = new Sqlite(join(tempDir(), 'm.sqlite'))
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) })
    for (const [name, migration] of Object.entries(MIGRATIONS)) {
      if (name === '0011_document_images') break
      await migration.up(db)
    }
    await up(db)
    const image = (sha: string, mime: string) =>
      sqlite
        .prepare(
          "INSERT INTO document_images (sha256, mime_type, data, created_at) VALUES (?, ?, x'89504e47', 'x')"
        )
        .run(sha, mime)
    image('a'.repeat(64), 'image/png')
    expect(() => image('a'.repeat(64), 'image/png')).toThrow(/UNIQUE/)
    expect(() => image('b'.repeat(64), 'image/gif')).toThrow(/CHECK/)
    expect(() => image('short', 'image/png')).toThrow(/CHECK/)
    await down(db)
    expect(
      sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'document_images'").all()
    ).toEqual([])
    await db.destroy()
  })
})
