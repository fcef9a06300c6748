import { sql, type Kysely } from 'kysely'

// A billing run bills every customer it can: the ones it could not are kept with the reason, so
// the run page and the dashboard can show them. A run can also be stopped by the bookkeeper.
const STATEMENTS = [
  sql`ALTER TABLE billing_runs ADD COLUMN customers_failed INTEGER NOT NULL DEFAULT 0`,
  sql`ALTER TABLE billing_runs ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1))`,
  sql`CREATE TABLE billing_run_failures (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES billing_runs (id),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    problem TEXT,
    at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX billing_run_failures_run ON billing_run_failures (run_id)`
]

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of STATEMENTS) await statement.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS billing_run_failures`.execute(db)
  await sql`ALTER TABLE billing_runs DROP COLUMN cancelled`.execute(db)
  await sql`ALTER TABLE billing_runs DROP COLUMN customers_failed`.execute(db)
}
