import { sql, type Kysely } from 'kysely'

// E-invoices (issue 11). A customer may give its Peppol address ("0088:5790000435975") and the
// format it wants its invoices in. Each e-invoice file made of an issued document is recorded
// with the format's version and the SHA-256 of its bytes, once: a later export must produce the
// same bytes, and the record itself never changes.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE customers ADD COLUMN peppol_id TEXT NOT NULL DEFAULT ''`.execute(db)
  await sql`ALTER TABLE customers ADD COLUMN einvoice_format TEXT`.execute(db)
  await sql`CREATE TABLE IF NOT EXISTS einvoice_exports (
    invoice_id INTEGER NOT NULL REFERENCES invoices(id),
    format TEXT NOT NULL,
    version TEXT NOT NULL,
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    created_at TEXT NOT NULL,
    PRIMARY KEY (invoice_id, format)
  ) STRICT`.execute(db)
  await sql`CREATE TRIGGER einvoice_exports_kept_update BEFORE UPDATE ON einvoice_exports
    BEGIN SELECT RAISE(ABORT, 'an e-invoice record cannot be changed'); END`.execute(db)
  await sql`CREATE TRIGGER einvoice_exports_kept_delete BEFORE DELETE ON einvoice_exports
    BEGIN SELECT RAISE(ABORT, 'an e-invoice record cannot be deleted'); END`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS einvoice_exports`.execute(db)
  await sql`ALTER TABLE customers DROP COLUMN einvoice_format`.execute(db)
  await sql`ALTER TABLE customers DROP COLUMN peppol_id`.execute(db)
}
