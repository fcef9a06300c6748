import type { Migration, MigrationProvider } from 'kysely'
import * as m0001 from './0001_company_profile'
import * as m0002 from './0002_books'
import * as m0003 from './0003_customer_search'
import * as m0004 from './0004_run_failures'
import * as m0005 from './0005_payment_reversals'
import * as m0006 from './0006_outbox'
import * as m0007 from './0007_company_pix_key'
import * as m0008 from './0008_reminders'
import * as m0009 from './0009_late_fees'
import * as m0010 from './0010_subscription_notices'
import * as m0011 from './0011_document_images'
import * as m0012 from './0012_einvoices'
import * as m0013 from './0013_ksef'
import * as m0014 from './0014_verifactu'
import * as m0015 from './0015_split_payment'
import * as m0016 from './0016_nfse'

/**
 * Every migration, in order, listed by hand: the bundle has no folder to scan.
 * The schema version of a company file is the number of migrations applied to it.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_company_profile': m0001,
  '0002_books': m0002,
  '0003_customer_search': m0003,
  '0004_run_failures': m0004,
  '0005_payment_reversals': m0005,
  '0006_outbox': m0006,
  '0007_company_pix_key': m0007,
  '0008_reminders': m0008,
  '0009_late_fees': m0009,
  '0010_subscription_notices': m0010,
  '0011_document_images': m0011,
  '0012_einvoices': m0012,
  '0013_ksef': m0013,
  '0014_verifactu': m0014,
  '0015_split_payment': m0015,
  '0016_nfse': m0016
}

export const LATEST_SCHEMA_VERSION = Object.keys(MIGRATIONS).length

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS })
}
