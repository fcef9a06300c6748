import { sql, type Kysely } from 'kysely'

// Payment reminders: one row per invoice and stage (days from the due date), written when the
// stage is decided — queued (with its outbox message), passed over, or due with no email to
// send to — so a stage is never decided twice. Pauses per customer or per invoice.
const STATEMENTS = [
  sql`CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    stage INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'skipped', 'no_email')),
    outbox_id INTEGER REFERENCES outbox (id),
    as_of TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (invoice_id, stage)
  ) STRICT`,
  sql`CREATE TABLE reminder_pauses (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER UNIQUE REFERENCES customers (id),
    invoice_id INTEGER UNIQUE REFERENCES invoices (id),
    created_at TEXT NOT NULL,
    CHECK ((customer_id IS NULL) <> (invoice_id IS NULL))
  ) STRICT`
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await statement.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS reminder_pauses`.execute(db)
  await sql`DROP TABLE IF EXISTS reminders`.execute(db)
}
