import { sql, type Kysely } from 'kysely'

// Migrations never import app code: the values below are written out as they were on the day.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE company (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      legal_name TEXT NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 200),
      address_line1 TEXT NOT NULL DEFAULT '',
      address_line2 TEXT NOT NULL DEFAULT '',
      postal_code TEXT NOT NULL DEFAULT '',
      city TEXT NOT NULL DEFAULT '',
      region TEXT NOT NULL DEFAULT '',
      country TEXT NOT NULL CHECK (length(country) = 2),
      tax_id TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      iban TEXT NOT NULL DEFAULT '',
      bic TEXT NOT NULL DEFAULT '',
      default_currency TEXT NOT NULL CHECK (length(default_currency) = 3),
      default_language TEXT NOT NULL CHECK (default_language IN ('en', 'pt-BR', 'es', 'pl')),
      invoice_number_format TEXT NOT NULL CHECK (instr(invoice_number_format, '{seq') > 0),
      logo BLOB CHECK (logo IS NULL OR length(logo) <= 1048576),
      logo_mime_type TEXT CHECK (logo_mime_type IN ('image/png', 'image/jpeg')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((logo IS NULL) = (logo_mime_type IS NULL))
    ) STRICT
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE company`.execute(db)
}
