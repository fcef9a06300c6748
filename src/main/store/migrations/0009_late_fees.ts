import { sql, type Kysely } from 'kysely'

// Late fees: at most one per overdue invoice (UNIQUE invoice_id), with where it was billed —
// a pending charge for the customer's next invoice, or an invoice of its own.
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
  ) STRICT`
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await statement.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS late_fees`.execute(db)
}
