import { sql, type Kysely } from 'kysely'

// Late fees: at most one per overdue invoice (UNIQUE invoice_id), with where it was billed —
// a pending charge for the customer's next invoice, or an invoice of its own.
// Subscription notices: renewal and trial-ending reminders, one per subscription, kind and the
// day they announce (UNIQUE), so a notice is never queued twice, even after the app was closed.
const STATEMENTS = [
  sql`CREATE TABLE late_fees (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL UNIQUE REFERENCES invoices (id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL,
    pending_charge_id INTEGER REFERENCES pending_charges (id) ON DELETE SET NULL,
    fee_invoice_id INTEGER REFERENCES invoices (id) ON DELETE SET NULL,
    as_of TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE subscription_notices (
    id INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
    kind TEXT NOT NULL CHECK (kind IN ('renewal', 'trial_end')),
    for_date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'no_email')),
    outbox_id INTEGER REFERENCES outbox (id),
    as_of TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (subscription_id, kind, for_date)
  ) STRICT`
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await statement.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS subscription_notices`.execute(db)
  await sql`DROP TABLE IF EXISTS late_fees`.execute(db)
}
