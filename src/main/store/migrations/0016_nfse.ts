import { sql, type Kysely } from 'kysely'

// Brazil's NFS-e (issue 11). For an invoice of a Brazilian seller: the Id of the DPS exported of
// it (fixed at the first export, which is how a returned NFS-e finds its invoice) and, once the
// tax system issued it, the NFS-e's number and access key. What the tax system returned is kept
// for good: it can be recorded once and never changed or removed.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS nfse_documents (
    invoice_id INTEGER PRIMARY KEY REFERENCES invoices(id),
    dps_id TEXT UNIQUE CHECK (dps_id IS NULL OR (length(dps_id) = 45 AND dps_id GLOB 'DPS*')),
    dps_exported_at TEXT,
    nfse_number TEXT,
    access_key TEXT UNIQUE CHECK (access_key IS NULL OR length(access_key) = 50),
    status_code TEXT,
    processed_at TEXT,
    source_file TEXT,
    recorded_at TEXT,
    CHECK ((nfse_number IS NULL) = (access_key IS NULL)),
    CHECK (dps_exported_at IS NULL OR dps_id IS NOT NULL)
  ) STRICT`.execute(db)
  await sql`CREATE TRIGGER nfse_documents_kept BEFORE UPDATE ON nfse_documents
    WHEN OLD.access_key IS NOT NULL
      OR (OLD.dps_id IS NOT NULL AND NEW.dps_id IS NOT OLD.dps_id)
    BEGIN SELECT RAISE(ABORT, 'an NFS-e or DPS recorded on an invoice cannot be changed'); END`.execute(
    db
  )
  await sql`CREATE TRIGGER nfse_documents_kept_delete BEFORE DELETE ON nfse_documents
    BEGIN SELECT RAISE(ABORT, 'an NFS-e or DPS recorded on an invoice cannot be deleted'); END`.execute(
    db
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS nfse_documents`.execute(db)
}
