import { sql, type Kysely } from 'kysely'

// Poland's split payment (issue 11): a tax rate can mark the goods and services of Annex 15 to
// the VAT act, which FA(3) flags per line (P_12_Zal_15) and, over PLN 15,000, on the invoice (P_18A).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE tax_rates ADD COLUMN split_payment INTEGER NOT NULL DEFAULT 0
    CHECK (split_payment IN (0, 1))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE tax_rates DROP COLUMN split_payment`.execute(db)
}
