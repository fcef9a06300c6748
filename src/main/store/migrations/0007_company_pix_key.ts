import { sql, type Kysely } from 'kysely'

// A Brazilian company's Pix key: BRL invoices print a Pix QR code and its "copia e cola" text.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE company ADD COLUMN pix_key TEXT NOT NULL DEFAULT ''`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE company DROP COLUMN pix_key`.execute(db)
}
