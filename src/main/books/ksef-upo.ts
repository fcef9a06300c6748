import type { KsefQueueRow, KsefUpoResult } from '@shared/ksef'
import { nipOf } from '../documents/einvoice/ksef/numbers'
import { parseUpo, UpoError, type UpoDocument } from '../documents/einvoice/ksef/upo'
import { AppError, problem } from '../errors'
import type { Books } from '../store/sync'
import { accept, queueInvoices, queueRows } from './ksef'

/** KSeF's UPO receipts read back into the queue: each document matched to its invoice and numbered. */

const hexToBase64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64')

/** The invoice a UPO document is: by the file's SHA-256, else by seller, number and date. */
function matchUpo(rows: KsefQueueRow[], nips: Map<number, string>, doc: UpoDocument) {
  if (doc.sha256) {
    const byHash = rows.find((r) => r.sha256 === doc.sha256)
    if (byHash) return byHash
  }
  return rows.find(
    (r) =>
      r.number === doc.invoiceNumber &&
      r.issueDate === doc.issueDate &&
      nips.get(r.invoiceId) === doc.nip
  )
}

/**
 * Reads KSeF's UPO receipts and records the KSeF number of every invoice they name. A file that
 * is not a UPO refuses the whole import (nothing is recorded); a document that is no invoice of
 * this file, or contradicts what is recorded, is listed and left alone.
 */
export function importUpo(books: Books, files: { name: string; text: string }[]): KsefUpoResult {
  const parsed = files.map((f) => {
    try {
      return { name: f.name, documents: parseUpo(f.text) }
    } catch (error) {
      if (error instanceof UpoError)
        throw problem('VALIDATION', 'ksef_upo_unreadable', `${f.name} ${error.message}`, {
          file: f.name,
          reason: error.message
        })
      throw error
    }
  })
  return books.tx(() => {
    const result: KsefUpoResult = { recorded: [], known: [], unmatched: [] }
    const invoices = queueInvoices(books)
    const nips = new Map(invoices.map((i) => [i.id, nipOf(i.seller_tax_id) ?? '']))
    const rows = queueRows(books, invoices)
    for (const file of parsed) {
      for (const doc of file.documents) {
        const row = matchUpo(rows, nips, doc)
        const entry = { file: file.name, number: doc.invoiceNumber, ksefNumber: doc.ksefNumber }
        if (!row) {
          result.unmatched.push({
            ...entry,
            reason: `no invoice ${doc.invoiceNumber} of ${doc.issueDate} by NIP ${doc.nip} in this file`
          })
          continue
        }
        if (doc.sha256 && row.sha256 && row.sha256 !== doc.sha256) {
          result.unmatched.push({
            ...entry,
            reason: `KSeF received a different file for ${row.number} (SHA-256 ${hexToBase64(doc.sha256)}, Facturo exported ${hexToBase64(row.sha256)})`
          })
          continue
        }
        if (row.state === 'accepted') {
          if (row.ksefNumber === doc.ksefNumber) result.known.push(entry)
          else
            result.unmatched.push({
              ...entry,
              reason: `${row.number} is already recorded as ${row.ksefNumber}`
            })
          continue
        }
        try {
          accept(books, row, doc.ksefNumber, 'upo', file.name)
          Object.assign(row, { state: 'accepted', ksefNumber: doc.ksefNumber })
          result.recorded.push({ ...entry, number: row.number })
        } catch (error) {
          if (!(error instanceof AppError)) throw error
          result.unmatched.push({ ...entry, reason: error.message })
        }
      }
    }
    return result
  })
}
