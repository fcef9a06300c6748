import { sql, type Kysely } from 'kysely'

// KSeF (issue 11). Each step of an invoice towards KSeF is an event: sent (the FA(3) left in a
// ZIP, later through the API), accepted with the KSeF number, rejected with KSeF's reason.
// Events are never changed or removed; an invoice is accepted once, and a KSeF number names one
// invoice. Exchange rates (NBP, PLN per unit) let FA(3) state VAT in PLN for other currencies.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE IF NOT EXISTS ksef_events (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices(id),
    kind TEXT NOT NULL CHECK (kind IN ('sent', 'accepted', 'rejected')),
    ksef_number TEXT CHECK (ksef_number IS NULL OR length(ksef_number) BETWEEN 20 AND 40),
    reason TEXT,
    source TEXT NOT NULL,
    detail TEXT,
    at TEXT NOT NULL,
    CHECK ((kind = 'accepted') = (ksef_number IS NOT NULL)),
    CHECK (kind <> 'rejected' OR reason IS NOT NULL)
  ) STRICT`.execute(db)
  await sql`CREATE INDEX IF NOT EXISTS ksef_events_invoice ON ksef_events (invoice_id, id)`.execute(
    db
  )
  await sql`CREATE UNIQUE INDEX IF NOT EXISTS ksef_events_accepted ON ksef_events (invoice_id)
    WHERE kind = 'accepted'`.execute(db)
  await sql`CREATE UNIQUE INDEX IF NOT EXISTS ksef_events_number ON ksef_events (ksef_number)
    WHERE ksef_number IS NOT NULL`.execute(db)
  await sql`CREATE TRIGGER ksef_events_kept_update BEFORE UPDATE ON ksef_events
    BEGIN SELECT RAISE(ABORT, 'a KSeF event cannot be changed'); END`.execute(db)
  await sql`CREATE TRIGGER ksef_events_kept_delete BEFORE DELETE ON ksef_events
    BEGIN SELECT RAISE(ABORT, 'a KSeF event cannot be deleted'); END`.execute(db)
  await sql`CREATE TABLE IF NOT EXISTS exchange_rates (
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    day TEXT NOT NULL,
    rate TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (currency, day)
  ) STRICT`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS exchange_rates`.execute(db)
  await sql`DROP TABLE IF EXISTS ksef_events`.execute(db)
}
