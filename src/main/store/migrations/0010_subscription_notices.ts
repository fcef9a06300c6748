import { sql, type Kysely } from 'kysely'

// Renewal and trial-ending notices: one row per subscription, kind and date (the renewal day or
// the trial's last day), written when the notice is decided — queued with its outbox message,
// or due with no email to send to — so a notice is never sent twice. The outbox learns the two
// new kinds of message; SQLite cannot change a CHECK in place, so the table is rebuilt the way
// its documentation prescribes (foreign keys off, copy, swap, check, on again), in one
// transaction, and only when its CHECK does not know them yet.
const OUTBOX = (kinds: string) => sql`CREATE TABLE outbox_new (
    id INTEGER PRIMARY KEY,
    message_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN (${sql.raw(kinds)})),
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
  ) STRICT`

const OLD_KINDS = `'invoice', 'credit_note', 'statement', 'reminder'`
const NEW_KINDS = `${OLD_KINDS}, 'renewal', 'trial_ending'`

async function rebuildOutbox(db: Kysely<any>, kinds: string): Promise<void> {
  const { rows } = await sql<{
    sql: string
  }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'`.execute(db)
  if (rows[0]?.sql.includes(`kind IN (${kinds}))`)) return
  await sql`PRAGMA foreign_keys = OFF`.execute(db)
  try {
    await sql`BEGIN IMMEDIATE`.execute(db)
    try {
      await OUTBOX(kinds).execute(db)
      await sql`INSERT INTO outbox_new SELECT * FROM outbox`.execute(db)
      await sql`DROP TABLE outbox`.execute(db)
      await sql`ALTER TABLE outbox_new RENAME TO outbox`.execute(db)
      await sql`CREATE INDEX outbox_due ON outbox (status, next_attempt_at)`.execute(db)
      await sql`CREATE INDEX outbox_invoice ON outbox (invoice_id)`.execute(db)
      const broken = await sql`PRAGMA foreign_key_check`.execute(db)
      if (broken.rows.length) throw new Error('the outbox’s references do not hold after the copy')
      await sql`COMMIT`.execute(db)
    } catch (error) {
      await sql`ROLLBACK`.execute(db)
      throw error
    }
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db)
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await rebuildOutbox(db, NEW_KINDS)
  await sql`CREATE TABLE IF NOT EXISTS subscription_notices (
    id INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
    kind TEXT NOT NULL CHECK (kind IN ('renewal', 'trial_ending')),
    date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'no_email')),
    outbox_id INTEGER REFERENCES outbox (id),
    as_of TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (subscription_id, kind, date)
  ) STRICT`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS subscription_notices`.execute(db)
  await sql`DELETE FROM outbox WHERE kind IN ('renewal', 'trial_ending')`.execute(db)
  await rebuildOutbox(db, OLD_KINDS)
}
