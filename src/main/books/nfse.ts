import { sql } from 'kysely'
import type { InvoiceView } from '@shared/books/invoices'
import {
  nfseSettingsSchema,
  type NfseImportResult,
  type NfseList,
  type NfseRow,
  type NfseSettings
} from '@shared/nfse'
import { brazilianId, dpsNumber } from '../documents/einvoice/nfse/dps'
import { NfseReadError, parseNfse, type ReturnedNfse } from '../documents/einvoice/nfse/returned'
import { problem } from '../errors'
import type { Books } from '../store/sync'
import { audit, diff } from './audit'

/**
 * Brazil's NFS-e in the books: the company's settings for the DPS, the DPS Id fixed at an
 * invoice's first DPS export, and the NFS-e the tax system returned, matched back to the invoices
 * (load, match, write). What was recorded is never changed (migration 0016's triggers).
 */

const SETTINGS_KEY = 'nfse'

export function nfseSettings(books: Books): NfseSettings | null {
  const row = books.first(
    books.q.selectFrom('settings').select('value').where('key', '=', SETTINGS_KEY)
  )
  return row ? nfseSettingsSchema.parse(JSON.parse(row.value)) : null
}

export function setNfseSettings(books: Books, settings: NfseSettings): NfseSettings {
  return books.tx(() => {
    const before = nfseSettings(books)
    const value = JSON.stringify(settings)
    books.run(
      books.q
        .insertInto('settings')
        .values({ key: SETTINGS_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    )
    audit(books, 'settings', SETTINGS_KEY, 'update', diff(before ?? {}, settings))
    return settings
  })
}

/** What the books hold about an invoice's NFS-e; none before a DPS or NFS-e is recorded. */
export function nfseDocument(books: Books, invoiceId: number) {
  return (
    books.first(
      books.q.selectFrom('nfse_documents').selectAll().where('invoice_id', '=', invoiceId)
    ) ?? null
  )
}

/** What the invoice page shows of a Brazilian seller's invoice: its DPS Id and NFS-e. */
export function nfseStatus(
  books: Books,
  invoice: Pick<InvoiceView, 'id' | 'number' | 'kind' | 'seller'>
) {
  if (invoice.seller?.country !== 'BR' || !invoice.number || invoice.kind !== 'invoice') return null
  const row = nfseDocument(books, invoice.id)
  return {
    dpsId: row?.dps_id ?? null,
    nfseNumber: row?.nfse_number ?? null,
    accessKey: row?.access_key ?? null,
    processedAt: row?.processed_at ?? null
  }
}

/** What the printed invoice says of its NFS-e, once the tax system issued one. */
export function nfseCode(
  books: Books,
  invoice: Pick<InvoiceView, 'id' | 'number' | 'kind' | 'seller'>
): { number: string; accessKey: string } | null {
  const status = nfseStatus(books, invoice)
  return status?.nfseNumber && status.accessKey
    ? { number: status.nfseNumber, accessKey: status.accessKey }
    : null
}

/**
 * Fixes the DPS Id of an invoice at its first export (a later export carries the same Id). A
 * row, once there, already has one: an exported DPS or a recorded NFS-e gave it.
 */
export function recordDps(books: Books, invoiceId: number, dpsId: string): void {
  if (books.sqlite.readonly || nfseDocument(books, invoiceId)) return
  books.run(
    books.q
      .insertInto('nfse_documents')
      .values({ invoice_id: invoiceId, dps_id: dpsId, dps_exported_at: books.stamp() })
  )
}

/** A Brazilian seller's issued invoice, with what is recorded of its DPS and NFS-e. */
interface NfseInvoice {
  id: number
  number: string
  status: string
  customer_name: string
  issue_date: string
  currency: string
  total: number
  discount_total: number
  seller_tax_id: string
  dps_id: string | null
  nfse_number: string | null
  access_key: string | null
  processed_at: string | null
}

function brazilianInvoices(books: Books): NfseInvoice[] {
  return books.all(
    books.q
      .selectFrom('invoices as i')
      .leftJoin('nfse_documents as n', 'n.invoice_id', 'i.id')
      .select([
        'i.id',
        'i.number',
        'i.status',
        sql<string>`coalesce(json_extract(i.buyer, '$.name'), '')`.as('customer_name'),
        'i.issue_date',
        'i.currency',
        'i.total',
        'i.discount_total',
        sql<string>`coalesce(json_extract(i.seller, '$.taxId'), '')`.as('seller_tax_id'),
        'n.dps_id',
        'n.nfse_number',
        'n.access_key',
        'n.processed_at'
      ])
      .where('i.number', 'is not', null)
      .where('i.kind', '=', 'invoice')
      // a DPS is in reais: an invoice in another currency never gets one
      .where('i.currency', '=', 'BRL')
      .where(sql<boolean>`json_extract(i.seller, '$.country') = 'BR'`)
      .orderBy('i.issue_date')
      .orderBy('i.id')
  ) as NfseInvoice[]
}

const rowOf = (i: NfseInvoice): NfseRow => ({
  invoiceId: i.id,
  number: i.number,
  customerName: i.customer_name,
  issueDate: i.issue_date,
  currency: i.currency,
  total: i.total,
  dpsId: i.dps_id,
  nfseNumber: i.nfse_number,
  accessKey: i.access_key,
  processedAt: i.processed_at
})

/** Issued invoices still without an NFS-e (void ones need none), and those that have one. */
export function nfseList(books: Books, limit = 500): NfseList {
  const settings = nfseSettings(books)
  const invoices = brazilianInvoices(books)
  const country = books.first(books.q.selectFrom('company').select('country'))?.country
  return {
    applies: country === 'BR' || invoices.length > 0,
    configured: settings !== null,
    settings,
    pending: invoices
      .filter((i) => !i.access_key && i.status !== 'void')
      .slice(0, limit)
      .map(rowOf),
    recorded: invoices
      .filter((i) => i.access_key)
      .reverse()
      .slice(0, limit)
      .map(rowOf)
  }
}

/** vServ as the DPS writes it: the invoice's total before its coupons, in centavos. */
const centavos = (value: string) => Math.round(Number(value) * 100)

/**
 * The invoice a returned NFS-e is: the one whose exported DPS has its Id; else, for a DPS keyed
 * into the emitter by hand, the invoice still without an NFS-e with the same series, DPS number
 * and provider whose issue date and value the DPS repeats (anything less could put an NFS-e,
 * which is kept for good, on the wrong invoice).
 */
function matchNfse(invoices: NfseInvoice[], series: string, doc: ReturnedNfse) {
  const byId = invoices.find((i) => i.dps_id === doc.dpsId)
  if (byId) return byId
  if (Number(doc.serie) !== Number(series)) return undefined
  return invoices.find(
    (i) =>
      !i.access_key &&
      dpsNumber(i.number) === doc.nDps &&
      brazilianId(i.seller_tax_id)?.digits === doc.provider &&
      i.issue_date === doc.competence &&
      i.total + i.discount_total === centavos(doc.value)
  )
}

function unreadable(name: string, error: unknown): never {
  if (error instanceof NfseReadError)
    throw problem('VALIDATION', 'nfse_unreadable', `${name} ${error.message}`, {
      file: name,
      reason: error.message
    })
  throw error
}

/**
 * Reads the NFS-e files the tax system returned and records each NFS-e on its invoice. A file
 * that is no NFS-e refuses the whole import (nothing is recorded); an NFS-e that matches no
 * invoice of this file, or contradicts what is recorded, is listed and nothing is changed for it.
 */
export function importNfse(
  books: Books,
  files: { name: string; text: string }[]
): NfseImportResult {
  const parsed = files.map((f) => {
    try {
      return { name: f.name, documents: parseNfse(f.text) }
    } catch (error) {
      return unreadable(f.name, error)
    }
  })
  return books.tx(() => {
    const result: NfseImportResult = { recorded: [], known: [], unmatched: [] }
    const invoices = brazilianInvoices(books)
    const series = nfseSettings(books)?.series ?? '1'
    for (const file of parsed) {
      for (const doc of file.documents) {
        const entry = { file: file.name, nfseNumber: doc.nfseNumber }
        // an NFS-e of the test environment is a trial: it is never the invoice's
        if (doc.environment !== '1') {
          result.unmatched.push({
            ...entry,
            reason: `NFS-e ${doc.nfseNumber} is from the test environment (produção restrita, tpAmb 2): only production NFS-e are recorded`
          })
          continue
        }
        const invoice = matchNfse(invoices, series, doc)
        if (!invoice) {
          result.unmatched.push({
            ...entry,
            reason: `no invoice of this file has DPS ${doc.dpsId} (series ${doc.serie}, number ${doc.nDps}, provider ${doc.provider}, ${doc.competence}, R$ ${doc.value})`
          })
          continue
        }
        if (invoice.access_key) {
          if (invoice.access_key === doc.accessKey)
            result.known.push({ ...entry, number: invoice.number })
          else
            result.unmatched.push({
              ...entry,
              reason: `${invoice.number} already has NFS-e ${invoice.nfse_number} (access key ${invoice.access_key})`
            })
          continue
        }
        const owner = invoices.find((i) => i.access_key === doc.accessKey)
        if (owner) {
          result.unmatched.push({
            ...entry,
            reason: `access key ${doc.accessKey} is already recorded on ${owner.number}`
          })
          continue
        }
        record(books, invoice, doc, file.name)
        Object.assign(invoice, {
          nfse_number: doc.nfseNumber,
          access_key: doc.accessKey,
          processed_at: doc.processedAt,
          dps_id: invoice.dps_id ?? doc.dpsId
        })
        result.recorded.push({ ...entry, number: invoice.number })
      }
    }
    return result
  })
}

function record(books: Books, invoice: NfseInvoice, doc: ReturnedNfse, file: string): void {
  const values = {
    nfse_number: doc.nfseNumber,
    access_key: doc.accessKey,
    status_code: doc.status,
    processed_at: doc.processedAt,
    source_file: file,
    recorded_at: books.stamp()
  }
  // a row exists once a DPS was exported or an NFS-e recorded, and either gives it its DPS Id
  if (invoice.dps_id !== null)
    books.run(
      books.q.updateTable('nfse_documents').set(values).where('invoice_id', '=', invoice.id)
    )
  else
    books.run(
      books.q.insertInto('nfse_documents').values({
        invoice_id: invoice.id,
        // keyed in by hand: the NFS-e names the DPS it was made from
        dps_id: doc.dpsId,
        dps_exported_at: null,
        ...values
      })
    )
  audit(books, 'invoice', invoice.id, 'nfse', {
    nfse: [null, `${doc.nfseNumber} (${doc.accessKey})`]
  })
}
