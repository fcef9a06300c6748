import { sql, type Kysely } from 'kysely'

// Images documents print (the company's logo), kept by the SHA-256 of their bytes: an issued
// invoice names the logo it was issued with, so changing the logo later leaves old invoices
// re-rendering with theirs. Each image is stored once however many documents name it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS document_images (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    mime_type TEXT NOT NULL CHECK (mime_type IN ('image/png', 'image/jpeg')),
    data BLOB NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS document_images`.execute(db)
}
