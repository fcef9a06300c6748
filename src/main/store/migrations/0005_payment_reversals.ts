import { sql, type Kysely } from 'kysely'

// A payment recorded by mistake, or one that bounced, is reversed, never deleted: the reversal is
// its own row (when, why), and the allocations it undid point to it, so what an invoice was paid
// is what its allocations without a reversal add up to.
const STATEMENTS = [
  sql`CREATE TABLE payment_reversals (
    id INTEGER PRIMARY KEY,
    payment_id INTEGER NOT NULL UNIQUE REFERENCES payments (id),
    date TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (length(reason) > 0),
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`ALTER TABLE allocations ADD COLUMN reversal_id INTEGER REFERENCES payment_reversals (id)`
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await statement.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE allocations DROP COLUMN reversal_id`.execute(db)
  await sql`DROP TABLE IF EXISTS payment_reversals`.execute(db)
}
