import { chmodSync, closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { stringify } from 'csv-stringify/sync'
import { zipSync, strToU8 } from 'fflate'
import { problem } from '../errors'
import type { Books } from '../store/sync'
import { PRIVATE_FILE_MODE } from '../store/company-path'

/**
 * Everything in a company file as CSV files in a ZIP: one file per table of the books, with the
 * column names of the file as header, plus the credit notes on their own. UTF-8 with a BOM
 * (spreadsheets then read ł, ç and € right), RFC 4180 quoting by csv-stringify, compressed by
 * fflate. Nothing is left out or rounded: money in minor units, decimals as written.
 */

/** The tables exported, in the order a reader meets them; logos and search indexes are left out. */
const TABLES = [
  'company',
  'settings',
  'tax_rates',
  'customers',
  'metrics',
  'products',
  'plans',
  'plan_versions',
  'coupons',
  'subscriptions',
  'subscription_items',
  'subscription_pauses',
  'subscription_coupons',
  'usage_events',
  'number_series',
  'number_counters',
  'invoices',
  'invoice_lines',
  'pending_charges',
  'payments',
  'payment_reversals',
  'allocations',
  'credit_ledger',
  'ledger_entries',
  'billing_runs',
  'billing_run_failures',
  'audit_log'
] as const

/** Columns that hold pictures or index text, not books. */
const LEFT_OUT = new Set(['logo', 'logo_data', 'search_text'])

function tableCsv(books: Books, sql: string): string {
  const statement = books.sqlite.prepare(sql)
  const columns = statement
    .columns()
    .map((c) => c.name)
    .filter((c) => !LEFT_OUT.has(c))
  const rows = (statement.all() as Record<string, unknown>[]).map((row) =>
    columns.map((c) => {
      const v = row[c]
      return Buffer.isBuffer(v) ? v.toString('base64') : v
    })
  )
  return `\ufeff${stringify([columns, ...rows], { cast: { bigint: String } })}`
}

/** The ZIP's files: name → CSV text. */
export function booksAsCsv(books: Books): Map<string, string> {
  const files = new Map<string, string>()
  const existing = new Set(
    (
      books.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
        name: string
      }[]
    ).map((t) => t.name)
  )
  for (const table of TABLES) {
    if (existing.has(table))
      files.set(`${table}.csv`, tableCsv(books, `SELECT * FROM "${table}" ORDER BY rowid`))
  }
  files.set(
    'credit_notes.csv',
    tableCsv(books, "SELECT * FROM invoices WHERE kind = 'credit_note' ORDER BY id")
  )
  return files
}

/** Writes the books as a ZIP of CSV files to `dest` (a new file, owner-only); returns its size. */
export function exportBooks(books: Books, dest: string): number {
  const entries: Record<string, Uint8Array> = {}
  for (const [name, csv] of booksAsCsv(books)) entries[name] = strToU8(csv)
  const zip = zipSync(entries, { level: 6 })
  const tmp = `${dest}.partial-${process.pid}`
  const fd = openSync(tmp, 'wx', PRIVATE_FILE_MODE)
  try {
    writeSync(fd, zip)
  } finally {
    closeSync(fd)
  }
  try {
    chmodSync(tmp, PRIVATE_FILE_MODE)
    // never over an existing file: the name is taken exclusively, then the content moved in
    closeSync(openSync(dest, 'wx', PRIVATE_FILE_MODE))
    renameSync(tmp, dest)
  } catch (error) {
    rmSync(tmp, { force: true })
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw problem('CONFLICT', 'file_exists', `A file already exists at ${dest}.`, { path: dest })
    throw error
  }
  return zip.length
}
