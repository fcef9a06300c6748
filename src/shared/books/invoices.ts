import { EINVOICE_FORMATS } from '../einvoice'
import { z } from 'zod'
import { line, requiredLine } from '../text'
import { calendarDate, localDateTime } from '../calendar'
import { currencyCode } from '../currencies'
import { LANGUAGES, type Language } from '../languages'
import { usageProperties } from '../billing/inputs'
import type { BreakdownStep } from '../billing/breakdown'

export const INVOICE_STATUSES = [
  'draft',
  'issued',
  'partially_paid',
  'paid',
  'overdue',
  'void',
  'uncollectible'
] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

export interface InvoiceSummary {
  id: number
  kind: 'invoice' | 'credit_note'
  status: InvoiceStatus
  number: string | null
  customerId: number
  customerName: string
  currency: string
  billDate: string
  issueDate: string | null
  dueDate: string | null
  periodStart: string | null
  periodEnd: string | null
  /** Minor units. */
  total: number
  amountDue: number
  outstanding: number
  correctsInvoiceId: number | null
}

export interface InvoiceLineView {
  id: number
  /** On an issued invoice: what a credit note may still credit on this line (minor units). */
  creditable: number | null
  kind: string
  description: string
  periodStart: string | null
  periodEnd: string | null
  quantity: string
  amount: number
  discount: number
  netAmount: number
  taxCategory: string | null
  taxPercent: string | null
  taxAmount: number | null
  subscriptionId: number | null
  planCode: string | null
  priceId: string | null
  model: string | null
  breakdown: BreakdownStep[]
  proration: { days: number; ofDays: number; fullAmount: string; computation: string } | null
}

/** Who an invoice is from or to, as printed on it. */
export interface InvoiceParty {
  name: string
  taxId: string
  address: { line1: string; line2: string; postalCode: string; city: string; region: string }
  country: string
  code?: string
  email?: string
  emails?: string[]
  phone?: string
  iban?: string
  bic?: string
  pixKey?: string
  /** The buyer's Peppol address, when it gave one ("0088:…"). */
  peppolId?: string
  /** The seller's logo the document prints, by the SHA-256 of its bytes (kept in the file). */
  logo?: { sha256: string; mimeType: 'image/png' | 'image/jpeg' }
}

/** One step in an invoice's life: created, issued, paid (with the amount), credited, voided… */
export interface InvoiceEvent {
  at: string
  kind: string
  /** Minor units, for payments and credits. */
  amount: number | null
  reference: string | null
  /** The payment's own date. */
  date: string | null
}

/** What may be done with an invoice now, decided in main (billing/invoice-actions.ts). */
export interface InvoiceActions {
  issue: boolean
  editLines: boolean
  deleteDraft: boolean
  recordPayment: boolean
  creditNote: boolean
  markUncollectible: boolean
  void: boolean
  email: boolean
  pauseReminders: boolean
}

export interface InvoiceView extends InvoiceSummary {
  actions: InvoiceActions
  taxInclusive: boolean
  subtotals: {
    lines: number
    discounts: number
    net: number
    tax: number
    total: number
    creditsApplied: number
    amountDue: number
  }
  taxes: {
    category: string
    percent: string
    taxableAmount: number
    taxAmount: number
    exemptionReason?: string
  }[]
  discounts: { couponId: string; name: string; amount: number }[]
  legalNotes: string[]
  seller: InvoiceParty | null
  buyer: InvoiceParty | null
  /** The language the document speaks: the customer's, as frozen at issue. */
  language: Language
  correctionReason: string | null
  /** The number of the invoice a credit note corrects. */
  correctsNumber: string | null
  /** Payment reminders are paused for this invoice, or for its customer. */
  remindersPaused: { invoice: boolean; customer: boolean }
  lines: InvoiceLineView[]
}

const id = z.number().int().positive()
const date = calendarDate

export const invoiceListInput = z.strictObject({
  status: z.enum(INVOICE_STATUSES).optional(),
  customerId: id.optional(),
  /** Bill dates from … to (inclusive). */
  from: date.optional(),
  to: date.optional(),
  /** Only invoices still owed and due on or before this day (overdue ones included). */
  dueBy: date.optional(),
  /** With dueBy: only those due on or after this day. */
  dueFrom: date.optional(),
  /** Matches the number or the customer's name. */
  query: z.string().trim().max(200).default(''),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0)
})

/** The filtered invoices' sums, per currency. */
export interface InvoiceTotals {
  currency: string
  count: number
  total: number
  outstanding: number
}

export const invoiceIdInput = z.strictObject({ invoiceId: id })
export const issueInput = z.strictObject({ invoiceId: id, issueDate: date.optional() })
export const addLineInput = z
  .strictObject({
    invoiceId: id,
    description: requiredLine(300),
    quantity: z.string().regex(/^\d{1,12}(\.\d{1,6})?$/, 'must be a number like 1 or 2.5'),
    /**
     * The price of one, in major units as exact decimal text ("75.00", "0.0125"; negative for a
     * discount line): the line is quantity × unit price, rounded once.
     */
    unitPrice: z
      .string()
      .refine((v) => /^-?\d{1,11}(\.\d{1,12})?$/.test(v), {
        message: 'must be a price like 75.00 or -10 (at most 12 decimals)',
        params: { code: 'decimal' }
      })
      .optional(),
    /** Or the line's amount in minor units, when there is no price of one. */
    amount: z.number().int().min(-1e13).max(1e13).optional(),
    taxRateId: z.string().min(1).max(64),
    periodStart: date.optional(),
    periodEnd: date.optional()
  })
  .superRefine((line, ctx) => {
    if ((line.unitPrice === undefined) === (line.amount === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['unitPrice'],
        message: 'give either the unit price or the line amount',
        params: { code: 'required' }
      })
  })
export const removeLineInput = z.strictObject({ invoiceId: id, lineId: id })
/** More lines than any invoice of Facturo's has (a bound for what a caller may list). */
export const MAX_INVOICE_LINES = 10_000

export const voidInput = z.strictObject({
  invoiceId: id,
  reason: requiredLine(500)
})
export const creditNoteInput = z.strictObject({
  invoiceId: id,
  reason: requiredLine(500),
  lines: z
    .array(z.strictObject({ lineId: id, amount: z.number().int().positive().optional() }))
    .min(1)
    .max(MAX_INVOICE_LINES)
    .optional()
})

export const paymentInput = z.strictObject({
  customerId: id,
  date,
  method: z.enum(['bank_transfer', 'card', 'cash', 'direct_debit', 'pix', 'other']),
  /** Minor units. */
  amount: z.number().int().positive().max(1e13),
  currency: currencyCode,
  reference: line(200).default(''),
  /** Where it goes; without it, the oldest open invoices first. What is left becomes customer credit. */
  allocations: z
    .array(z.strictObject({ invoiceId: id, amount: z.number().int().positive().max(1e13) }))
    .max(1000)
    .optional(),
  /** Paid more than owed: keep the extra as credit (otherwise the payment is refused, CONFLICT). */
  keepExtraAsCredit: z.boolean().default(false)
})
export const refundInput = z.strictObject({
  customerId: id,
  date,
  method: z.enum(['bank_transfer', 'card', 'cash', 'direct_debit', 'pix', 'other']),
  amount: z.number().int().positive().max(1e13),
  currency: currencyCode,
  reference: line(200).default('')
})

/** A payment recorded by mistake or returned by the bank: reversed, never deleted. */
export const paymentReverseInput = z.strictObject({
  paymentId: id,
  /** The day the money went back (or the mistake was found); not before the payment. */
  date,
  reason: requiredLine(500)
})

/** A logo a document names (its seller snapshot's `logo.sha256`), for the in-app view. */
export const documentLogoInput = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 in lowercase hex')
})
export interface DocumentLogo {
  mimeType: 'image/png' | 'image/jpeg'
  dataBase64: string
}

/** An issued document as an e-invoice file of one format. */
export const invoiceExportInput = z.strictObject({
  invoiceId: id,
  format: z.enum(EINVOICE_FORMATS)
})

/** An invoice as a PDF: in the customer's invoice language unless another is asked for. */
export const invoicePdfInput = z.strictObject({
  invoiceId: id,
  language: z.enum(LANGUAGES).optional()
})
export interface InvoicePdf {
  fileName: string
  language: string
  /** The PDF's bytes, base64 (the contract carries JSON). */
  pdfBase64: string
}

export const runInput = z.strictObject({ asOf: date, dryRun: z.boolean() })
export const usageAddInput = z.strictObject({
  customerId: id,
  subscriptionId: id.optional(),
  metric: z.string().min(1).max(64),
  eventId: requiredLine(200),
  timestamp: localDateTime,
  properties: usageProperties.default({})
})
export const usageCorrectInput = z.strictObject({
  id,
  timestamp: localDateTime.optional(),
  properties: usageProperties.optional()
})
export const usageIdInput = z.strictObject({ id })
export const usageListInput = z.strictObject({
  customerId: id,
  metric: z.string().max(64).optional(),
  from: date.optional(),
  to: date.optional(),
  /** The latest events first (a customer's page shows a few). */
  latest: z.boolean().default(false),
  limit: z.number().int().min(1).max(1000).default(1000)
})
export const importInput = z.strictObject({
  kind: z.enum(['customers', 'usage']),
  /** The CSV file's bytes, base64 (its encoding is checked in main). */
  dataBase64: z.base64().max(20_000_000),
  dryRun: z.boolean()
})
