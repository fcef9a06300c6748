import { sql, type Kysely } from 'kysely'

// Every email leaves through the outbox: the row is written in the same transaction as the
// request, and the sender records each attempt before it talks to the server, so a message is
// never sent twice. What it attaches is named (document), not stored: issued documents render
// the same bytes from their frozen data and template.
const STATEMENTS = [
  sql`CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'statement', 'reminder')),
    invoice_id INTEGER REFERENCES invoices (id),
    customer_id INTEGER REFERENCES customers (id),
    document TEXT,
    language TEXT NOT NULL,
    sender TEXT NOT NULL,
    recipients TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled', 'uncertain')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TEXT,
    last_error TEXT,
    sent_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX outbox_due ON outbox (status, next_attempt_at)`,
  sql`CREATE INDEX outbox_invoice ON outbox (invoice_id)`
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await statement.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS outbox`.execute(db)
}
