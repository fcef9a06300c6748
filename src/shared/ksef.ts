import { z } from 'zod'
import { calendarDate } from './calendar'
import { currencyCode } from './currencies'
import { requiredLine } from './text'

/**
 * Poland's KSeF: the queue of issued documents on their way there, and what the bookkeeper
 * records about them (the KSeF number, typed or from a UPO receipt; a rejection; NBP rates).
 */

export const KSEF_STATES = ['to_send', 'sent', 'accepted', 'rejected'] as const
export type KsefState = (typeof KSEF_STATES)[number]

export interface KsefQueueRow {
  invoiceId: number
  kind: 'invoice' | 'credit_note'
  number: string
  customerName: string
  issueDate: string
  currency: string
  /** Minor units. */
  total: number
  state: KsefState
  /** The last day to send it: the next Polish working day after issue. */
  deadline: string
  /** Still not in KSeF after its deadline. */
  late: boolean
  ksefNumber: string | null
  /** KSeF's reason, when it rejected the invoice. */
  reason: string | null
  sentAt: string | null
  acceptedAt: string | null
  /** A credit note waits for the KSeF number of the invoice it corrects (that number). */
  waitsFor: string | null
  /** SHA-256 of the FA(3) file, once one was exported. */
  sha256: string | null
}

export interface KsefQueue {
  rows: KsefQueueRow[]
  counts: Record<KsefState, number>
  late: number
}

const id = z.number().int().positive()

export const ksefQueueInput = z.strictObject({
  state: z.enum(KSEF_STATES).optional(),
  limit: z.number().int().min(1).max(10_000).default(500)
})

export const ksefRecordInput = z.strictObject({
  invoiceId: id,
  ksefNumber: z.string().trim().min(1).max(60)
})

export const ksefRejectInput = z.strictObject({ invoiceId: id, reason: requiredLine(500) })

export const ksefUpoInput = z.strictObject({
  files: z
    .array(z.strictObject({ name: requiredLine(255), text: z.string().max(20_000_000) }))
    .min(1)
    .max(200)
})

export const ksefExportInput = z.strictObject({
  fileName: requiredLine(255).optional(),
  /** Also what was sent but never accepted or rejected (a ZIP that did not reach KSeF). */
  includeSent: z.boolean().default(false)
})

export const exchangeRateInput = z.strictObject({
  currency: currencyCode,
  day: calendarDate,
  rate: z.string().regex(/^\d{1,6}(\.\d{1,6})?$/, 'must be a rate like 4.2555 (PLN for one unit)')
})

/** What a UPO import did with each document it holds. */
export interface KsefUpoResult {
  recorded: { file: string; number: string; ksefNumber: string }[]
  /** Already recorded with this very number: nothing to do. */
  known: { file: string; number: string; ksefNumber: string }[]
  /** No invoice of this file is that document, or it contradicts what is recorded. */
  unmatched: { file: string; number: string; ksefNumber: string; reason: string }[]
}

export interface KsefZip {
  fileName: string
  dataBase64: string
  files: string[]
  skipped: { number: string; reason: string }[]
}

/** An NBP rate the bookkeeper recorded: PLN for one unit of the currency on that day. */
export interface ExchangeRate {
  currency: string
  day: string
  rate: string
}

/** An issued document's place in the KSeF queue, with the code its printout carries. */
export type KsefInvoiceStatus = Omit<
  KsefQueueRow,
  'invoiceId' | 'kind' | 'number' | 'customerName' | 'issueDate' | 'currency' | 'total'
> & { code: { url: string; label: string; splitPayment: boolean } | null }

/** A Spanish seller's Verifactu records, newest first, with the chain's check. */
export interface VerifactuRecordsView {
  records: {
    id: number
    invoiceId: number
    kind: 'alta' | 'anulacion'
    tipoFactura: string | null
    numSerie: string
    issueDate: string
    importeTotal: string | null
    generatedAt: string
    huella: string
  }[]
  total: number
  chain: { ok: boolean; broken: { entry: number; number: string | null; reason: string } | null }
}

/** The records as SuministroLR files (at most 1,000 records each). */
export interface VerifactuFiles {
  files: { fileName: string; dataBase64: string }[]
}
