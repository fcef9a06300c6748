import { createHash } from 'node:crypto'
import { zipSync, type Zippable } from 'fflate'
import { sql } from 'kysely'
import {
  KSEF_STATES,
  type KsefInvoiceStatus,
  type KsefQueue,
  type KsefQueueRow,
  type KsefState
} from '@shared/ksef'
import { AppError, problem } from '../errors'
import { acceptedKsefNumber, exportEinvoice, einvoiceContext } from '../documents/einvoice/export'
import { fa3Xml, KSEF_MANDATORY_FROM, splitPaymentApplies } from '../documents/einvoice/ksef/fa3'
import { kodILabel, kodIUrl } from '../documents/einvoice/ksef/kod'
import { checkKsefNumber, nipOf } from '../documents/einvoice/ksef/numbers'
import {
  ksefDeadline,
  ksefLate,
  ksefStatus,
  type KsefEvent
} from '../documents/einvoice/ksef/queue'
import { EINVOICE_REGISTRY } from '../documents/einvoice/registry'
import type { InvoiceView } from '@shared/books/invoices'
import type { Books } from '../store/sync'
import { audit } from './audit'
import { viewInvoice } from './invoices'

/**
 * The KSeF queue of a Polish seller's issued documents (load → decide → write): which are still
 * to send and by when, the ZIP of their FA(3) files for the Aplikacja Podatnika, and the KSeF
 * numbers recorded back, typed or from UPO receipts. The rules are pure (documents/einvoice/ksef);
 * here they meet the file. A sender of KSeF's API would add the same events with source "api".
 */

export interface QueueInvoice {
  id: number
  kind: 'invoice' | 'credit_note'
  number: string
  customer_name: string
  issue_date: string
  currency: string
  total: number
  corrects_invoice_id: number | null
  corrected_issue_date: string | null
  corrected_number: string | null
  seller_tax_id: string
}

const START_KEY = 'ksef.start'

/**
 * The day from which the company issues through KSeF (1 February 2026 for the largest, 1 April
 * 2026 for the others, 2027 for the smallest): documents issued before it are not in the queue.
 */
export function ksefStart(books: Books): string {
  const row = books.first(
    books.q.selectFrom('settings').select('value').where('key', '=', START_KEY)
  )
  return row ? (JSON.parse(row.value) as string) : KSEF_MANDATORY_FROM
}

export function setKsefStart(books: Books, day: string): string {
  books.tx(() => {
    const before = ksefStart(books)
    books.run(
      books.q
        .insertInto('settings')
        .values({ key: START_KEY, value: JSON.stringify(day) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(day) }))
    )
    audit(books, 'settings', START_KEY, 'update', { start: [before, day] })
  })
  return day
}

/**
 * Issued documents of a seller in Poland from the KSeF start on: what KSeF must receive. A
 * document voided before anything was sent never reaches KSeF.
 */
export function queueInvoices(books: Books, invoiceId?: number): QueueInvoice[] {
  let query = books.q
    .selectFrom('invoices as i')
    .leftJoin('invoices as c', 'c.id', 'i.corrects_invoice_id')
    .select([
      'i.id',
      'i.kind',
      'i.number',
      sql<string>`coalesce(json_extract(i.buyer, '$.name'), '')`.as('customer_name'),
      'i.issue_date',
      'i.currency',
      'i.total',
      'i.corrects_invoice_id',
      'c.issue_date as corrected_issue_date',
      'c.number as corrected_number',
      sql<string>`coalesce(json_extract(i.seller, '$.taxId'), '')`.as('seller_tax_id')
    ])
    .where('i.number', 'is not', null)
    .where('i.issue_date', '>=', ksefStart(books))
    .where(sql<boolean>`json_extract(i.seller, '$.country') = 'PL'`)
    .where((eb) =>
      eb.or([
        eb('i.status', '!=', 'void'),
        eb.exists(
          eb.selectFrom('ksef_events as e').select('e.id').whereRef('e.invoice_id', '=', 'i.id')
        )
      ])
    )
  if (invoiceId !== undefined) query = query.where('i.id', '=', invoiceId)
  return books.all(query.orderBy('i.issue_date', 'desc').orderBy('i.id', 'desc')) as QueueInvoice[]
}

/** The events of these invoices (all of them when `ids` is undefined), in order, by invoice. */
function eventsByInvoice(books: Books, ids?: number[]): Map<number, KsefEvent[]> {
  let query = books.q
    .selectFrom('ksef_events')
    .select(['invoice_id', 'kind', 'at', 'ksef_number', 'reason'])
  if (ids) query = query.where('invoice_id', 'in', ids.length ? ids : [-1])
  const rows = books.all(query.orderBy('id'))
  const events = new Map<number, KsefEvent[]>()
  for (const r of rows) {
    const list = events.get(r.invoice_id) ?? []
    list.push({ kind: r.kind, at: r.at, ksefNumber: r.ksef_number, reason: r.reason })
    events.set(r.invoice_id, list)
  }
  return events
}

function recordedHashes(books: Books, ids?: number[]): Map<number, string> {
  let query = books.q
    .selectFrom('einvoice_exports')
    .select(['invoice_id', 'sha256'])
    .where('format', '=', 'ksef')
  if (ids) query = query.where('invoice_id', 'in', ids.length ? ids : [-1])
  const rows = books.all(query)
  return new Map(rows.map((r) => [r.invoice_id, r.sha256]))
}

/** Pending first (the nearest deadline on top), then sent, then accepted, newest first. */
const STATE_ORDER: Record<KsefState, number> = { rejected: 0, to_send: 1, sent: 2, accepted: 3 }

export function queueRows(books: Books, invoices: QueueInvoice[]): KsefQueueRow[] {
  // one invoice's page reads only its own events (and those of the invoice it corrects)
  const few = invoices.length <= 50
  const ids = few
    ? invoices.flatMap((i) => (i.corrects_invoice_id ? [i.id, i.corrects_invoice_id] : [i.id]))
    : undefined
  const events = eventsByInvoice(books, ids)
  const hashes = recordedHashes(books, ids)
  const today = books.today()
  const rows = invoices.map((inv): KsefQueueRow => {
    const status = ksefStatus(events.get(inv.id) ?? [])
    const deadline = ksefDeadline(inv.issue_date)
    const correctedAccepted = inv.corrects_invoice_id
      ? (events.get(inv.corrects_invoice_id) ?? []).some((e) => e.kind === 'accepted')
      : true
    const waits =
      inv.kind === 'credit_note' &&
      !correctedAccepted &&
      (inv.corrected_issue_date ?? '') >= KSEF_MANDATORY_FROM
    return {
      invoiceId: inv.id,
      kind: inv.kind,
      number: inv.number,
      customerName: inv.customer_name,
      issueDate: inv.issue_date,
      currency: inv.currency,
      total: inv.total,
      ...status,
      deadline,
      late: ksefLate(status.state, deadline, today),
      waitsFor: waits && status.state !== 'accepted' ? inv.corrected_number : null,
      sha256: hashes.get(inv.id) ?? null
    }
  })
  return rows.sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      (a.state === 'to_send' || a.state === 'rejected'
        ? a.deadline.localeCompare(b.deadline)
        : b.issueDate.localeCompare(a.issueDate)) ||
      a.invoiceId - b.invoiceId
  )
}

export function ksefQueue(
  books: Books,
  input: { state?: KsefState; limit?: number } = {}
): KsefQueue {
  const all = queueRows(books, queueInvoices(books))
  const counts = Object.fromEntries(KSEF_STATES.map((s) => [s, 0])) as Record<KsefState, number>
  for (const r of all) counts[r.state]++
  const rows = all.filter((r) => !input.state || r.state === input.state)
  return { rows: rows.slice(0, input.limit ?? 500), counts, late: all.filter((r) => r.late).length }
}

function queueRow(books: Books, invoiceId: number): KsefQueueRow {
  const row = queueRows(books, queueInvoices(books, invoiceId))[0]
  if (!row)
    throw problem(
      'VALIDATION',
      'ksef_not_in_queue',
      `Invoice ${invoiceId} is not an issued document of a seller in Poland, so KSeF has nothing to do with it`,
      { invoice: String(invoiceId) }
    )
  return row
}

const ZIP_DATE = new Date('2000-01-01T00:00:00Z')

/**
 * The FA(3) files of everything still to send, as one ZIP, each marked sent; what cannot be
 * sent yet (a correction waiting for its invoice's number, a file that cannot be written) is
 * listed with the reason and stays to send.
 */
export function ksefExport(
  books: Books,
  fileName: string,
  options: {
    /** Also what was sent and not yet accepted or rejected (a ZIP that never reached KSeF). */
    includeSent?: boolean
    /**
     * Where the ZIP goes, called before the invoices are marked sent: if it fails, nothing is
     * marked, so what was not written is still to send.
     */
    deliver?: (bytes: Uint8Array) => void
  } = {}
): { bytes: Uint8Array | null; files: string[]; skipped: { number: string; reason: string }[] } {
  return books.tx(() => {
    const queue = ksefQueue(books, { limit: 10_000 }).rows
    const pending = queue.filter(
      (r) => r.state === 'to_send' || (options.includeSent && r.state === 'sent')
    )
    const entries: Zippable = {}
    const skipped: { number: string; reason: string }[] = []
    const at = books.stamp()
    for (const row of pending) {
      if (row.waitsFor) {
        skipped.push({
          number: row.number,
          reason: `waits for the KSeF number of ${row.waitsFor}, which it corrects`
        })
        continue
      }
      let file
      try {
        file = exportEinvoice(books, row.invoiceId, 'ksef')
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        skipped.push({ number: row.number, reason: error.message })
        continue
      }
      const name = Object.hasOwn(entries, file.fileName)
        ? file.fileName.replace(/\.fa3\.xml$/, `-${row.invoiceId}.fa3.xml`)
        : file.fileName
      entries[name] = [file.bytes, { level: 6, mtime: ZIP_DATE }]
      books.run(
        books.q.insertInto('ksef_events').values({
          invoice_id: row.invoiceId,
          kind: 'sent',
          ksef_number: null,
          reason: null,
          source: 'zip',
          detail: fileName,
          at
        })
      )
    }
    const files = Object.keys(entries)
    const bytes = files.length ? zipSync(entries) : null
    if (bytes) options.deliver?.(bytes)
    return { bytes, files, skipped }
  })
}

export function accept(
  books: Books,
  row: KsefQueueRow,
  ksefNumber: string,
  source: string,
  detail: string | null
) {
  const invoice = viewInvoice(books, row.invoiceId)
  const nip = nipOf(invoice.seller?.taxId) ?? ''
  const check = checkKsefNumber(ksefNumber, { nip, issueDate: row.issueDate, today: books.today() })
  if (!check.ok)
    throw problem('VALIDATION', 'ksef_number_invalid', `${row.number}: ${check.message}`, {
      number: row.number,
      ksefNumber
    })
  const other = books.first(
    books.q
      .selectFrom('ksef_events as e')
      .innerJoin('invoices as i', 'i.id', 'e.invoice_id')
      .select(['i.number'])
      .where('e.ksef_number', '=', ksefNumber)
  )
  if (other)
    throw problem(
      'CONFLICT',
      'ksef_number_taken',
      `${ksefNumber} is already the KSeF number of ${other.number}`,
      { ksefNumber, number: other.number ?? '' }
    )
  books.run(
    books.q.insertInto('ksef_events').values({
      invoice_id: row.invoiceId,
      kind: 'accepted',
      ksef_number: ksefNumber,
      reason: null,
      source,
      detail,
      at: books.stamp()
    })
  )
}

/** Records the KSeF number KSeF gave an invoice, after checking it belongs to that invoice. */
export function recordKsefNumber(
  books: Books,
  invoiceId: number,
  ksefNumber: string,
  source = 'typed'
): KsefQueueRow {
  const number = ksefNumber.trim().toUpperCase()
  return books.tx(() => {
    const row = queueRow(books, invoiceId)
    if (row.state === 'accepted') {
      if (row.ksefNumber === number) return row
      throw problem(
        'CONFLICT',
        'ksef_already_accepted',
        `${row.number} was accepted by KSeF as ${row.ksefNumber}; a KSeF number never changes`,
        { number: row.number, ksefNumber: row.ksefNumber! }
      )
    }
    accept(books, row, number, source, null)
    return queueRow(books, invoiceId)
  })
}

/** Records that KSeF rejected an invoice, with its reason (it stays out of KSeF until resent). */
export function rejectKsef(books: Books, invoiceId: number, reason: string): KsefQueueRow {
  return books.tx(() => {
    const row = queueRow(books, invoiceId)
    if (row.state === 'accepted')
      throw problem(
        'CONFLICT',
        'ksef_already_accepted',
        `${row.number} was accepted by KSeF as ${row.ksefNumber}; a KSeF number never changes`,
        { number: row.number, ksefNumber: row.ksefNumber! }
      )
    books.run(
      books.q.insertInto('ksef_events').values({
        invoice_id: invoiceId,
        kind: 'rejected',
        ksef_number: null,
        reason,
        source: 'typed',
        detail: null,
        at: books.stamp()
      })
    )
    return queueRow(books, invoiceId)
  })
}

/**
 * KOD I for the printout of an issued document of a Polish seller: the link with the SHA-256 of
 * its FA(3) file (the one exported, or the one an export would make) and the label, its KSeF
 * number or OFFLINE. None for other sellers, or while no FA(3) can be written (a correction
 * waiting for the KSeF number of its invoice). Reads only.
 */
export function ksefCode(
  books: Books,
  invoice: InvoiceView
): { url: string; label: string; splitPayment: boolean } | null {
  const def = EINVOICE_REGISTRY.ksef
  if (!invoice.number || !invoice.issueDate || !def.appliesTo(invoice)) return null
  const nip = nipOf(invoice.seller?.taxId)
  if (!nip) return null
  const recorded = books.first(
    books.q
      .selectFrom('einvoice_exports')
      .select('sha256')
      .where('invoice_id', '=', invoice.id)
      .where('format', '=', 'ksef')
  )?.sha256
  let sha256 = recorded
  let splitPayment: boolean
  try {
    const context = einvoiceContext(books, invoice)
    splitPayment = splitPaymentApplies(invoice, context)
    sha256 ??= createHash('sha256').update(fa3Xml(invoice, context), 'utf8').digest('hex')
  } catch (error) {
    if (error instanceof AppError) return null
    throw error
  }
  return {
    url: kodIUrl(nip, invoice.issueDate, sha256),
    label: kodILabel(acceptedKsefNumber(books, invoice.id)),
    splitPayment
  }
}

/** Where an issued document stands with KSeF, and its KOD I; none outside the queue. */
export function ksefInvoiceStatus(books: Books, invoice: InvoiceView): KsefInvoiceStatus | null {
  const row = queueRows(books, queueInvoices(books, invoice.id))[0]
  if (!row) return null
  const { invoiceId, kind, number, customerName, issueDate, currency, total, ...status } = row
  void [invoiceId, kind, number, customerName, issueDate, currency, total]
  return { ...status, code: ksefCode(books, invoice) }
}
