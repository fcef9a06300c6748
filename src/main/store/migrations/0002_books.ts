import { sql, type Kysely } from 'kysely'

// The books: customers, catalog, subscriptions, usage, invoices, payments, ledger, audit log.
// Migrations never import app code: every value below is written out as it was on the day.

const TABLES = [
  sql`CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value))
  ) STRICT`,

  sql`CREATE TABLE tax_rates (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL CHECK (category IN ('S', 'Z', 'E', 'AE', 'K', 'G', 'O')),
    percent TEXT NOT NULL,
    exemption_reason TEXT,
    exemption_code TEXT,
    archived_at TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    tax_id TEXT NOT NULL DEFAULT '',
    emails TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(emails)),
    address_line1 TEXT NOT NULL DEFAULT '',
    address_line2 TEXT NOT NULL DEFAULT '',
    postal_code TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL CHECK (length(country) = 2),
    language TEXT NOT NULL CHECK (language IN ('en', 'pt-BR', 'es', 'pl')),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    payment_terms_days INTEGER NOT NULL DEFAULT 14 CHECK (payment_terms_days BETWEEN 0 AND 365),
    tax_treatment TEXT NOT NULL DEFAULT 'standard' CHECK (tax_treatment IN ('standard', 'reverse_charge', 'exempt', 'export')),
    exemption_reason TEXT NOT NULL DEFAULT '',
    segment TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    notes TEXT NOT NULL DEFAULT '',
    search_text TEXT NOT NULL DEFAULT '',
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX customers_name ON customers (name COLLATE NOCASE)`,
  sql`CREATE INDEX customers_tax_id ON customers (tax_id)`,

  sql`CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit_price TEXT NOT NULL,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    tax_rate_id TEXT NOT NULL REFERENCES tax_rates (id),
    archived_at TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE metrics (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    aggregation TEXT NOT NULL CHECK (aggregation IN ('count', 'sum', 'max', 'unique_count', 'latest', 'weighted_sum')),
    property TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    archived_at TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE plan_versions (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    effective_from TEXT NOT NULL,
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    created_at TEXT NOT NULL,
    UNIQUE (plan_id, version),
    UNIQUE (plan_id, effective_from)
  ) STRICT`,

  sql`CREATE TABLE coupons (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    archived_at TEXT,
    created_at TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    start_date TEXT NOT NULL,
    trial_end TEXT,
    cancel_at TEXT,
    cancel_requested_at TEXT,
    cancel_reason TEXT,
    retention_offer TEXT CHECK (retention_offer IS NULL OR json_valid(retention_offer)),
    resume_mode TEXT NOT NULL DEFAULT 'continue' CHECK (resume_mode IN ('continue', 'new_period')),
    previous_subscription_id INTEGER REFERENCES subscriptions (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (trial_end IS NULL OR trial_end >= start_date),
    CHECK (cancel_at IS NULL OR cancel_at >= start_date)
  ) STRICT`,
  sql`CREATE INDEX subscriptions_customer ON subscriptions (customer_id)`,
  sql`CREATE TABLE subscription_items (
    id INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
    plan_version_id INTEGER NOT NULL REFERENCES plan_versions (id),
    quantity TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('start', 'change', 'scheduled')),
    -- the plan (one at a time, changing over time) or an add-on running beside it
    role TEXT NOT NULL DEFAULT 'plan' CHECK (role IN ('plan', 'addon')),
    created_at TEXT NOT NULL,
    CHECK (end_date IS NULL OR end_date >= date(start_date, '-1 day'))
  ) STRICT`,
  sql`CREATE INDEX subscription_items_subscription ON subscription_items (subscription_id)`,
  sql`CREATE TABLE subscription_pauses (
    id INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
    start_date TEXT NOT NULL,
    end_date TEXT,
    CHECK (end_date IS NULL OR end_date >= start_date)
  ) STRICT`,
  sql`CREATE INDEX subscription_pauses_subscription ON subscription_pauses (subscription_id)`,
  sql`CREATE TABLE subscription_coupons (
    id INTEGER PRIMARY KEY,
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
    coupon_id INTEGER NOT NULL REFERENCES coupons (id),
    -- the first day it discounts: the first billing day, or the day it was added later
    applies_from TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX subscription_coupons_subscription ON subscription_coupons (subscription_id)`,

  sql`CREATE TABLE usage_events (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    subscription_id INTEGER REFERENCES subscriptions (id),
    metric TEXT NOT NULL,
    event_id TEXT NOT NULL,
    timestamp TEXT NOT NULL,
    value TEXT,
    value_micro INTEGER,
    properties TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(properties)),
    created_at TEXT NOT NULL,
    UNIQUE (customer_id, metric, event_id)
  ) STRICT`,
  sql`CREATE INDEX usage_events_period ON usage_events (customer_id, metric, timestamp)`,

  sql`CREATE TABLE number_series (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    format TEXT NOT NULL CHECK (instr(format, '{seq') > 0),
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE number_counters (
    series_id TEXT NOT NULL REFERENCES number_series (id),
    period_key TEXT NOT NULL,
    last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
    PRIMARY KEY (series_id, period_key)
  ) STRICT`,

  sql`CREATE TABLE invoices (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'credit_note')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'void', 'uncollectible')),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    series_id TEXT REFERENCES number_series (id),
    seq INTEGER,
    number TEXT,
    issue_date TEXT,
    due_date TEXT,
    bill_date TEXT NOT NULL,
    period_start TEXT,
    period_end TEXT,
    tax_inclusive INTEGER NOT NULL DEFAULT 0 CHECK (tax_inclusive IN (0, 1)),
    lines_total INTEGER NOT NULL DEFAULT 0,
    discount_total INTEGER NOT NULL DEFAULT 0,
    net_total INTEGER NOT NULL DEFAULT 0,
    tax_total INTEGER NOT NULL DEFAULT 0,
    total INTEGER NOT NULL DEFAULT 0,
    credits_applied INTEGER NOT NULL DEFAULT 0,
    amount_due INTEGER NOT NULL DEFAULT 0,
    taxes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(taxes)),
    discounts TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(discounts)),
    legal_notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(legal_notes)),
    coupon_inputs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(coupon_inputs)),
    seller TEXT CHECK (seller IS NULL OR json_valid(seller)),
    buyer TEXT CHECK (buyer IS NULL OR json_valid(buyer)),
    corrects_invoice_id INTEGER REFERENCES invoices (id),
    correction_reason TEXT,
    billing_run_id INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    issued_at TEXT,
    closed_at TEXT,
    CHECK ((status = 'draft') = (number IS NULL)),
    CHECK (kind = 'invoice' OR corrects_invoice_id IS NOT NULL)
  ) STRICT`,
  sql`CREATE INDEX invoices_customer ON invoices (customer_id, status)`,
  // numbers are unique within a series; drafts have none and stay out of the index
  sql`CREATE UNIQUE INDEX invoices_number ON invoices (series_id, number) WHERE number IS NOT NULL`,
  sql`CREATE TABLE invoice_lines (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    description TEXT NOT NULL,
    period_start TEXT,
    period_end TEXT,
    quantity TEXT NOT NULL,
    amount INTEGER NOT NULL,
    discount INTEGER NOT NULL DEFAULT 0,
    net_amount INTEGER NOT NULL,
    tax_rate_id TEXT,
    tax_category TEXT,
    tax_percent TEXT,
    tax_amount INTEGER,
    subscription_id INTEGER REFERENCES subscriptions (id),
    item_id INTEGER REFERENCES subscription_items (id),
    plan_code TEXT,
    price_id TEXT,
    model TEXT,
    metric TEXT,
    charge_key TEXT UNIQUE,
    discountable INTEGER NOT NULL DEFAULT 1 CHECK (discountable IN (0, 1)),
    breakdown TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(breakdown)),
    proration TEXT CHECK (proration IS NULL OR json_valid(proration)),
    source_line_id INTEGER REFERENCES invoice_lines (id)
  ) STRICT`,
  sql`CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id)`,

  sql`CREATE TABLE pending_charges (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    subscription_id INTEGER REFERENCES subscriptions (id),
    bill_date TEXT NOT NULL,
    line TEXT NOT NULL CHECK (json_valid(line)),
    charge_key TEXT NOT NULL UNIQUE,
    invoice_id INTEGER REFERENCES invoices (id),
    created_at TEXT NOT NULL
  ) STRICT`,

  sql`CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY,
    series_id TEXT NOT NULL REFERENCES number_series (id),
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    kind TEXT NOT NULL CHECK (kind IN ('issue', 'void')),
    recorded_at TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
  ) STRICT`,

  sql`CREATE TABLE payments (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    kind TEXT NOT NULL DEFAULT 'payment' CHECK (kind IN ('payment', 'refund')),
    date TEXT NOT NULL,
    method TEXT NOT NULL,
    amount INTEGER NOT NULL CHECK (amount > 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    reference TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE TABLE allocations (
    id INTEGER PRIMARY KEY,
    invoice_id INTEGER NOT NULL REFERENCES invoices (id),
    payment_id INTEGER REFERENCES payments (id),
    credit_note_id INTEGER REFERENCES invoices (id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    created_at TEXT NOT NULL,
    CHECK ((payment_id IS NULL) != (credit_note_id IS NULL))
  ) STRICT`,
  sql`CREATE INDEX allocations_invoice ON allocations (invoice_id)`,
  sql`CREATE TABLE credit_ledger (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    amount INTEGER NOT NULL CHECK (amount != 0),
    reason TEXT NOT NULL CHECK (reason IN ('overpayment', 'credit_note', 'applied', 'refund', 'adjustment')),
    payment_id INTEGER REFERENCES payments (id),
    invoice_id INTEGER REFERENCES invoices (id),
    created_at TEXT NOT NULL
  ) STRICT`,
  sql`CREATE INDEX credit_ledger_customer ON credit_ledger (customer_id, currency)`,

  sql`CREATE TABLE billing_runs (
    id INTEGER PRIMARY KEY,
    as_of TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
    customers_total INTEGER NOT NULL DEFAULT 0,
    customers_done INTEGER NOT NULL DEFAULT 0,
    invoices_created INTEGER NOT NULL DEFAULT 0,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    error TEXT
  ) STRICT`,

  sql`CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    changes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(changes))
  ) STRICT`,
  sql`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`
]

// An issued document's legal content never changes; only its status may move on
// (issued → void or uncollectible) and its closing time be set. Lines follow their invoice.
const LEGAL_COLUMNS = [
  'kind',
  'customer_id',
  'currency',
  'series_id',
  'seq',
  'number',
  'issue_date',
  'due_date',
  'bill_date',
  'period_start',
  'period_end',
  'tax_inclusive',
  'lines_total',
  'discount_total',
  'net_total',
  'tax_total',
  'total',
  'credits_applied',
  'amount_due',
  'taxes',
  'discounts',
  'legal_notes',
  'seller',
  'buyer',
  'corrects_invoice_id',
  'correction_reason',
  'issued_at'
]
const changed = LEGAL_COLUMNS.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ')

const TRIGGERS = [
  sql.raw(`CREATE TRIGGER invoices_issued_immutable BEFORE UPDATE ON invoices
    WHEN OLD.status != 'draft' AND (${changed})
    BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be changed: issue a credit note'); END`),
  sql.raw(`CREATE TRIGGER invoices_status_forward BEFORE UPDATE OF status ON invoices
    WHEN OLD.status != 'draft' AND NOT (OLD.status = 'issued' AND NEW.status IN ('void', 'uncollectible'))
      AND OLD.status IS NOT NEW.status
    BEGIN SELECT RAISE(ABORT, 'an issued invoice can only become void or uncollectible'); END`),
  sql.raw(`CREATE TRIGGER invoices_issued_kept BEFORE DELETE ON invoices
    WHEN OLD.status != 'draft'
    BEGIN SELECT RAISE(ABORT, 'an issued invoice cannot be deleted'); END`),
  sql.raw(`CREATE TRIGGER invoice_lines_frozen_update BEFORE UPDATE ON invoice_lines
    WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) != 'draft'
    BEGIN SELECT RAISE(ABORT, 'the lines of an issued invoice cannot be changed'); END`),
  sql.raw(`CREATE TRIGGER invoice_lines_frozen_delete BEFORE DELETE ON invoice_lines
    WHEN (SELECT status FROM invoices WHERE id = OLD.invoice_id) != 'draft'
    BEGIN SELECT RAISE(ABORT, 'the lines of an issued invoice cannot be deleted'); END`),
  sql.raw(`CREATE TRIGGER invoice_lines_frozen_insert BEFORE INSERT ON invoice_lines
    WHEN (SELECT status FROM invoices WHERE id = NEW.invoice_id) != 'draft'
    BEGIN SELECT RAISE(ABORT, 'lines cannot be added to an issued invoice'); END`),
  sql.raw(`CREATE TRIGGER ledger_append_only_update BEFORE UPDATE ON ledger_entries
    BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END`),
  sql.raw(`CREATE TRIGGER ledger_append_only_delete BEFORE DELETE ON ledger_entries
    BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END`),
  sql.raw(`CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`),
  sql.raw(`CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`)
]

/** Tax rates as they stood when this migration was written, for the company's country. */
const TAX_RATES: Record<string, [id: string, name: string, category: string, percent: string][]> = {
  PL: [
    ['standard', 'VAT 23%', 'S', '23'],
    ['reduced', 'VAT 8%', 'S', '8'],
    ['super_reduced', 'VAT 5%', 'S', '5'],
    ['zero', 'VAT 0%', 'Z', '0']
  ],
  ES: [
    ['standard', 'IVA 21%', 'S', '21'],
    ['reduced', 'IVA 10%', 'S', '10'],
    ['super_reduced', 'IVA 4%', 'S', '4'],
    ['zero', 'IVA 0%', 'Z', '0']
  ],
  PT: [
    ['standard', 'IVA 23%', 'S', '23'],
    ['intermediate', 'IVA 13%', 'S', '13'],
    ['reduced', 'IVA 6%', 'S', '6']
  ],
  DE: [
    ['standard', 'USt 19%', 'S', '19'],
    ['reduced', 'USt 7%', 'S', '7']
  ],
  FR: [
    ['standard', 'TVA 20%', 'S', '20'],
    ['intermediate', 'TVA 10%', 'S', '10'],
    ['reduced', 'TVA 5,5%', 'S', '5.5']
  ]
}

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of [...TABLES, ...TRIGGERS]) await statement.execute(db)
  const now = new Date().toISOString()
  const company = await sql<{
    country: string
    invoice_number_format: string
  }>`SELECT country, invoice_number_format FROM company WHERE id = 1`.execute(db)
  const row = company.rows[0]
  await sql`INSERT INTO number_series (id, kind, format, created_at) VALUES ('INV', 'invoice', ${row?.invoice_number_format ?? '{YYYY}/{seq:6}'}, ${now}), ('CN', 'credit_note', ${'CN/{YYYY}/{seq:6}'}, ${now})`.execute(
    db
  )
  for (const [id, name, category, percent] of TAX_RATES[row?.country ?? ''] ?? []) {
    await sql`INSERT INTO tax_rates (id, name, category, percent, created_at) VALUES (${id}, ${name}, ${category}, ${percent}, ${now})`.execute(
      db
    )
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'audit_log',
    'billing_runs',
    'credit_ledger',
    'allocations',
    'payments',
    'ledger_entries',
    'pending_charges',
    'invoice_lines',
    'invoices',
    'number_counters',
    'number_series',
    'usage_events',

    'subscription_coupons',
    'subscription_pauses',
    'subscription_items',
    'subscriptions',
    'coupons',
    'plan_versions',
    'plans',
    'metrics',
    'products',
    'customers',
    'tax_rates',
    'settings'
  ]
  for (const table of tables) await sql.raw(`DROP TABLE ${table}`).execute(db)
}
