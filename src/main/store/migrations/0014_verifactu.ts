import { sql, type Kysely } from 'kysely'

// Verifactu (issue 11). A Spanish seller's system keeps one chain of records: an alta for every
// issued invoice or credit note, an anulación for every voided one, each with the fields its
// huella covers and the huella of the record before it. Records are written in the issuing
// transaction and never changed or removed, like issued invoices.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS verifactu_records (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices(id),
    kind TEXT NOT NULL CHECK (kind IN ('alta', 'anulacion')),
    tipo_factura TEXT CHECK ((kind = 'alta') = (tipo_factura IS NOT NULL)),
    nif TEXT NOT NULL,
    num_serie TEXT NOT NULL,
    issue_date TEXT NOT NULL,
    cuota_total TEXT,
    importe_total TEXT,
    previous_id INTEGER REFERENCES verifactu_records(id),
    previous_huella TEXT NOT NULL,
    generated_at TEXT NOT NULL,
    huella TEXT NOT NULL CHECK (length(huella) = 64),
    UNIQUE (invoice_id, kind)
  ) STRICT`.execute(db)
  await sql`CREATE TRIGGER verifactu_records_kept_update BEFORE UPDATE ON verifactu_records
    BEGIN SELECT RAISE(ABORT, 'a Verifactu record cannot be changed'); END`.execute(db)
  await sql`CREATE TRIGGER verifactu_records_kept_delete BEFORE DELETE ON verifactu_records
    BEGIN SELECT RAISE(ABORT, 'a Verifactu record cannot be deleted'); END`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS verifactu_records`.execute(db)
}
