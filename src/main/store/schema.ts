import type { Generated } from 'kysely'

/** Table types as SQLite stores them; domain types live in src/shared and meet these in repos/. */
export interface CompanyTable {
  id: Generated<number>
  legal_name: string
  address_line1: string
  address_line2: string
  postal_code: string
  city: string
  region: string
  country: string
  tax_id: string
  email: string
  phone: string
  iban: string
  bic: string
  default_currency: string
  default_language: string
  invoice_number_format: string
  logo: Buffer | null
  logo_mime_type: string | null
  created_at: string
  updated_at: string
}

export interface Database {
  company: CompanyTable
}
