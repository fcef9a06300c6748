import { recordVerifactuAlta, recordVerifactuAnulacion } from './verifactu'
import type { Selectable } from 'kysely'
import type { BillingSettings, Customer } from '@shared/billing/inputs'
import type {
  InvoiceEvent,
  InvoiceParty,
  InvoiceSummary,
  InvoiceView
} from '@shared/books/invoices'
import {
  addDays,
  assembleInvoice,
  type ChargeLine,
  type CouponApplication,
  type DraftInvoice
} from '../billing'
import { dec, text } from '../billing/decimal'
import { AppError, problem } from '../errors'
import { LANGUAGES, type Language } from '@shared/languages'
import type { BreakdownStep } from '@shared/billing/breakdown'
import { lineAmountMinor } from '@shared/billing/line-amount'
import { getCompany } from '../store/repos/company'
import type { InvoiceLineTable, InvoiceTable } from '../store/schema'
import type { Books } from '../store/sync'
import { audit } from './audit'
import { invoiceBalance } from './invoice-status'
import { invoiceActions } from '../billing/invoice-actions'
import { taxRates } from './catalog'
import { creditBalance } from './credit'
import { getCustomer } from './customers'
import { keepLogo, logoRef } from './document-images'
import { appendLedger } from './ledger'
import { takeNumber } from './numbering'
import { getBillingPreferences } from './settings'

type InvoiceRow = Selectable<InvoiceTable>
type LineRow = Selectable<InvoiceLineTable>

/** A line to put on a draft, with what keeps it unique and traceable. */
export interface DraftLine extends ChargeLine {
  chargeKey?: string
  itemId?: number
  sourceLineId?: number
  /** The metric a usage line bills. */
  metric?: string
}

export function invoiceRow(books: Books, id: number): InvoiceRow {
  const row = books.first(books.q.selectFrom('invoices').selectAll().where('id', '=', id))
  if (!row) throw problem('NOT_FOUND', 'invoice_not_found', `There is no invoice ${id}.`, { id })
  return row
}

const linesOf = (books: Books, id: number): LineRow[] =>
  books.all(
    books.q.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', id).orderBy('position')
  )

function chargeLineOf(row: LineRow, invoice: InvoiceRow): ChargeLine {
  return {
    kind: row.kind as ChargeLine['kind'],
    description: row.description,
    period: {
      start: row.period_start ?? invoice.bill_date,
      end: row.period_end ?? invoice.bill_date
    },
    quantity: row.quantity,
    amount: row.amount,
    currency: invoice.currency,
    subscriptionId: row.subscription_id === null ? undefined : String(row.subscription_id),
    planId: row.plan_code ?? undefined,
    priceId: row.price_id ?? undefined,
    model: (row.model ?? undefined) as ChargeLine['model'],
    breakdown: JSON.parse(row.breakdown) as ChargeLine['breakdown'],
    proration: row.proration ? (JSON.parse(row.proration) as ChargeLine['proration']) : undefined,
    taxRateId: row.tax_rate_id ?? 'standard',
    taxInclusive: invoice.tax_inclusive === 1,
    discountable: row.discountable === 1
  }
}

/** The engine's view of a customer for a document: its tax treatment (credit is applied at issue). */
export function engineCustomer(books: Books, customerId: number): Customer {
  const c = books
    .prepare('SELECT code, name, tax_treatment, exemption_reason FROM customers WHERE id = ?')
    .get(customerId) as
    | {
        code: string
        name: string
        tax_treatment: Customer['tax_treatment']
        exemption_reason: string
      }
    | undefined
  if (!c)
    throw problem('NOT_FOUND', 'customer_not_found', `There is no customer ${customerId}.`, {
      id: customerId
    })
  // credit is applied when a document is issued, not in drafts
  return {
    id: c.code,
    name: c.name,
    tax_treatment: c.tax_treatment,
    exemption_reason: c.exemption_reason || undefined,
    credit_balance: '0'
  }
}

/** What a draft is computed with: the company's tax settings and the customer's treatment. */
export interface DraftContext {
  settings: BillingSettings
  customer: Customer
}

/** The engine settings from the books (tax rates, per-category or per-line, rounding). */
export function engineSettings(books: Books): BillingSettings {
  const prefs = getBillingPreferences(books)
  return {
    tax_rates: taxRates(books),
    tax_calculation: prefs.taxCalculation,
    rounding: prefs.rounding
  }
}

/** Recomputes a draft from its lines: coupons, taxes and subtotals, with today's rates and settings. */
export function recomputeDraft(books: Books, id: number): DraftInvoice {
  const invoice = invoiceRow(books, id)
  if (invoice.status !== 'draft')
    throw problem('CONFLICT', 'invoice_issued', `${invoice.number} is issued; it cannot change.`, {
      number: invoice.number ?? ''
    })
  const rows = linesOf(books, id)
  const lines = rows.map((r) => chargeLineOf(r, invoice))
  const draft = computeDraft(
    books,
    invoice.customer_id,
    invoice.currency,
    lines,
    JSON.parse(invoice.coupon_inputs) as CouponApplication[]
  )
  draft.lines.forEach((line, i) => {
    books.run(
      books.q
        .updateTable('invoice_lines')
        .set({
          discount: line.discount,
          net_amount: line.netAmount,
          tax_category: line.tax?.category ?? null,
          tax_percent: line.tax?.percent ?? null,
          tax_amount: line.taxAmount
        })
        .where('id', '=', rows[i]!.id)
    )
  })
  books.run(
    books.q
      .updateTable('invoices')
      .set({ ...totalsColumns(draft, lines), updated_at: books.stamp() })
      .where('id', '=', id)
  )
  return draft
}

const INSERT_LINE = `INSERT INTO invoice_lines (invoice_id, position, kind, description, period_start, period_end, quantity, amount,
  discount, net_amount, tax_category, tax_percent, tax_amount, tax_rate_id, subscription_id, item_id, plan_code, price_id, model,
  metric, charge_key, discountable, breakdown, proration, source_line_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

/** Written for every line of every billing run: one prepared statement. */
function insertLine(
  books: Books,
  invoiceId: number,
  position: number,
  line: DraftLine,
  computed?: DraftInvoice['lines'][number]
): number {
  const result = books
    .prepare(INSERT_LINE)
    .run(
      invoiceId,
      position,
      line.kind,
      line.description,
      line.period.start,
      line.period.end,
      line.quantity,
      line.amount,
      computed?.discount ?? 0,
      computed?.netAmount ?? line.amount,
      computed?.tax?.category ?? null,
      computed?.tax?.percent ?? null,
      computed?.taxAmount ?? null,
      line.taxRateId,
      line.subscriptionId ? Number(line.subscriptionId) : null,
      line.itemId ?? null,
      line.planId ?? null,
      line.priceId ?? null,
      line.model ?? null,
      line.metric ?? null,
      line.chargeKey ?? null,
      line.discountable ? 1 : 0,
      JSON.stringify(line.breakdown),
      line.proration ? JSON.stringify(line.proration) : null,
      line.sourceLineId ?? null
    )
  return Number(result.lastInsertRowid)
}

function totalsColumns(draft: DraftInvoice, lines: readonly ChargeLine[]) {
  const s = draft.subtotals
  let first: string | null = null
  let last: string | null = null
  for (const { period } of lines) {
    if (first === null || period.start < first) first = period.start
    if (last === null || period.end > last) last = period.end
  }
  return {
    tax_inclusive: draft.taxInclusive ? 1 : 0,
    lines_total: s.lines,
    discount_total: s.discounts,
    net_total: s.net,
    tax_total: s.tax,
    total: s.total,
    credits_applied: 0,
    amount_due: s.total,
    taxes: JSON.stringify(draft.taxes),
    discounts: JSON.stringify(draft.discounts),
    legal_notes: JSON.stringify(draft.legalNotes),
    period_start: first,
    period_end: last
  }
}

function computeDraft(
  books: Books,
  customerId: number,
  currency: string,
  lines: readonly ChargeLine[],
  coupons: readonly CouponApplication[],
  context?: DraftContext
): DraftInvoice {
  return assembleInvoice({
    currency,
    lines,
    coupons,
    customer: context?.customer ?? engineCustomer(books, customerId),
    settings: context?.settings ?? engineSettings(books)
  })
}

/** Creates a draft from lines, computed before it is written. Returns the draft's id and the id of each line. */
const INSERT_INVOICE = `INSERT INTO invoices (kind, customer_id, currency, bill_date, coupon_inputs, corrects_invoice_id, correction_reason,
  billing_run_id, created_at, updated_at, tax_inclusive, lines_total, discount_total, net_total, tax_total, total, credits_applied, amount_due,
  taxes, discounts, legal_notes, period_start, period_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

export function createDraft(
  books: Books,
  input: {
    customerId: number
    currency: string
    billDate: string
    lines: DraftLine[]
    coupons?: CouponApplication[]
    runId?: number
    kind?: 'invoice' | 'credit_note'
    correctsInvoiceId?: number
    reason?: string
    /** Settings and customer already at hand (a billing run computes them once). */
    context?: DraftContext
  }
): { id: number; lineIds: number[]; draft: DraftInvoice } {
  return books.tx(() => {
    const stamp = books.stamp()
    const draft = computeDraft(
      books,
      input.customerId,
      input.currency,
      input.lines,
      input.coupons ?? [],
      input.context
    )
    const t = totalsColumns(draft, input.lines)
    const id = Number(
      books
        .prepare(INSERT_INVOICE)
        .run(
          input.kind ?? 'invoice',
          input.customerId,
          input.currency,
          input.billDate,
          JSON.stringify(input.coupons ?? []),
          input.correctsInvoiceId ?? null,
          input.reason ?? null,
          input.runId ?? null,
          stamp,
          stamp,
          t.tax_inclusive,
          t.lines_total,
          t.discount_total,
          t.net_total,
          t.tax_total,
          t.total,
          t.credits_applied,
          t.amount_due,
          t.taxes,
          t.discounts,
          t.legal_notes,
          t.period_start,
          t.period_end
        ).lastInsertRowid
    )
    const lineIds = input.lines.map((line, i) => insertLine(books, id, i + 1, line, draft.lines[i]))
    return { id, lineIds, draft }
  })
}

export function addDraftLine(
  books: Books,
  invoiceId: number,
  line: {
    description: string
    quantity: string
    /** The price of one in major units: the line is quantity × unit price, rounded once. */
    unitPrice?: string
    /** Or the line's amount in minor units. */
    amount?: number
    taxRateId: string
    periodStart?: string
    periodEnd?: string
  }
): InvoiceView {
  return books.tx(() => {
    const invoice = invoiceRow(books, invoiceId)
    if (invoice.status !== 'draft')
      throw problem(
        'CONFLICT',
        'invoice_issued_credit_note',
        `${invoice.number} is issued; correct it with a credit note.`,
        { number: invoice.number ?? '' }
      )
    if (!taxRates(books).some((r) => r.id === line.taxRateId))
      throw new AppError('VALIDATION', `There is no tax rate ${line.taxRateId}.`, {
        taxRateId: { code: 'invalid_choice', message: 'Choose one of the company’s tax rates' }
      })
    const rounding = getBillingPreferences(books).rounding
    const amount =
      line.unitPrice === undefined
        ? line.amount
        : lineAmountMinor(line.quantity, line.unitPrice, invoice.currency, rounding)
    if (amount === undefined || amount === null)
      throw new AppError('VALIDATION', 'The line amount is past what an invoice can hold.', {
        unitPrice: { code: 'amount_too_large', message: 'The line amount is too large' }
      })
    const breakdown: BreakdownStep[] =
      line.unitPrice === undefined
        ? []
        : [
            {
              type: 'per_unit',
              units: line.quantity,
              unitPrice: line.unitPrice,
              amount: text(dec(line.quantity).times(dec(line.unitPrice)))
            }
          ]
    const position = linesOf(books, invoiceId).length + 1
    insertLine(books, invoiceId, position, {
      kind: 'one_off',
      description: line.description,
      period: {
        start: line.periodStart ?? invoice.bill_date,
        end: line.periodEnd ?? line.periodStart ?? invoice.bill_date
      },
      quantity: line.quantity,
      amount,
      currency: invoice.currency,
      breakdown,
      taxRateId: line.taxRateId,
      taxInclusive: invoice.tax_inclusive === 1,
      discountable: true
    })
    recomputeDraft(books, invoiceId)
    audit(books, 'invoice', invoiceId, 'add_line', { line: [null, line] })
    return viewInvoice(books, invoiceId)
  })
}

/** Removes a line from a draft; its charge becomes billable again (and its usage open to change). */
export function removeDraftLine(books: Books, invoiceId: number, lineId: number): InvoiceView {
  return books.tx(() => {
    const invoice = invoiceRow(books, invoiceId)
    if (invoice.status !== 'draft')
      throw problem(
        'CONFLICT',
        'invoice_issued_credit_note',
        `${invoice.number} is issued; correct it with a credit note.`,
        { number: invoice.number ?? '' }
      )
    const line = books.first(
      books.q
        .selectFrom('invoice_lines')
        .selectAll()
        .where('id', '=', lineId)
        .where('invoice_id', '=', invoiceId)
    )
    if (!line)
      throw problem(
        'NOT_FOUND',
        'invoice_line_not_found',
        `Invoice ${invoiceId} has no line ${lineId}.`,
        { invoice: invoiceId, line: lineId }
      )
    books.run(
      books.q
        .updateTable('pending_charges')
        .set({ invoice_id: null })
        .where('charge_key', '=', line.charge_key ?? '')
        .where('invoice_id', '=', invoiceId)
    )
    books.run(books.q.deleteFrom('invoice_lines').where('id', '=', lineId))
    recomputeDraft(books, invoiceId)
    audit(books, 'invoice', invoiceId, 'remove_line', {
      line: [{ description: line.description, amount: line.amount }, null]
    })
    return viewInvoice(books, invoiceId)
  })
}

/** Deletes a draft (issued documents are never deleted). Its charges become billable again. */
export function deleteDraft(books: Books, invoiceId: number): void {
  books.tx(() => {
    const invoice = invoiceRow(books, invoiceId)
    if (invoice.status !== 'draft')
      throw problem(
        'CONFLICT',
        'invoice_issued_kept',
        `${invoice.number} is issued and is kept; void it or credit it instead.`,
        { number: invoice.number ?? '' }
      )
    books.run(
      books.q
        .updateTable('pending_charges')
        .set({ invoice_id: null })
        .where('invoice_id', '=', invoiceId)
    )
    books.run(books.q.deleteFrom('invoice_lines').where('invoice_id', '=', invoiceId))
    books.run(books.q.deleteFrom('invoices').where('id', '=', invoiceId))
    audit(books, 'invoice', invoiceId, 'delete_draft')
  })
}

function sellerSnapshot(books: Books) {
  const c = getCompany(books)
  return {
    name: c.legalName,
    taxId: c.taxId,
    address: c.address,
    country: c.country,
    email: c.email,
    phone: c.phone,
    iban: c.iban,
    bic: c.bic,
    pixKey: c.pixKey,
    ...(c.logo ? { logo: logoRef(c) } : {})
  }
}

/** The seller as an issued document freezes it, its logo kept for good. */
function issuedSeller(books: Books) {
  keepLogo(books, getCompany(books))
  return sellerSnapshot(books)
}

function buyerSnapshot(books: Books, customerId: number) {
  const c = getCustomer(books, customerId)
  return {
    code: c.code,
    name: c.name,
    taxId: c.taxId,
    address: c.address,
    country: c.country,
    emails: c.emails,
    language: c.language,
    taxTreatment: c.taxTreatment,
    ...(c.peppolId ? { peppolId: c.peppolId } : {})
  }
}

/**
 * Issues a draft: recomputed, given the next number of its series and a due date, the seller
 * and buyer frozen with it, customer credit applied, and chained into the ledger — all in one
 * transaction, so a number is never taken without an issued document.
 */
export function issueInvoice(
  books: Books,
  invoiceId: number,
  issueDate = books.today()
): InvoiceView {
  return books.tx(() => {
    const invoice = invoiceRow(books, invoiceId)
    if (invoice.status !== 'draft')
      throw problem('CONFLICT', 'invoice_already_issued', `${invoice.number} is already issued.`, {
        number: invoice.number ?? ''
      })
    if (linesOf(books, invoiceId).length === 0)
      throw new AppError('VALIDATION', 'An invoice needs at least one line.', {
        lines: { code: 'required', message: 'Add a line first' }
      })
    const draft = recomputeDraft(books, invoiceId)
    const total = draft.subtotals.total
    if (total < 0 && invoice.kind === 'invoice') {
      throw problem(
        'CONFLICT',
        'draft_total_negative',
        'This draft totals less than zero: credit the customer with a credit note on the invoice that billed the period instead.'
      )
    }
    const customer = getCustomer(books, invoice.customer_id)
    const credit =
      invoice.kind === 'invoice' && total > 0
        ? Math.min(creditBalance(books, invoice.customer_id, invoice.currency), total)
        : 0
    const seriesId = invoice.kind === 'credit_note' ? 'CN' : 'INV'
    const { seq, number } = takeNumber(books, seriesId, issueDate)
    books.run(
      books.q
        .updateTable('invoices')
        .set({
          status: 'issued',
          series_id: seriesId,
          seq,
          number,
          issue_date: issueDate,
          due_date:
            invoice.kind === 'invoice' ? addDays(issueDate, customer.paymentTermsDays) : issueDate,
          credits_applied: credit,
          amount_due: total - credit,
          seller: JSON.stringify(issuedSeller(books)),
          buyer: JSON.stringify(buyerSnapshot(books, invoice.customer_id)),
          issued_at: books.stamp(),
          updated_at: books.stamp()
        })
        .where('id', '=', invoiceId)
    )
    if (credit > 0) {
      books.run(
        books.q.insertInto('credit_ledger').values({
          customer_id: invoice.customer_id,
          currency: invoice.currency,
          amount: -credit,
          reason: 'applied',
          invoice_id: invoiceId,
          created_at: books.stamp()
        })
      )
    }
    if (invoice.kind === 'credit_note') settleCreditNote(books, invoiceId)
    appendLedger(books, seriesId, invoiceId, 'issue')
    audit(books, 'invoice', invoiceId, 'issue', { number: [null, number], total: [null, total] })
    const issued = viewInvoice(books, invoiceId)
    // a Spanish seller's Verifactu alta, chained in the same transaction (or nothing is issued)
    recordVerifactuAlta(books, issued)
    return issued
  })
}

/** What is still owed on an issued invoice: its amount due less payments and credit notes allocated. */
export function outstanding(books: Books, invoiceId: number): number {
  return invoiceBalance(books, invoiceId).outstanding
}

/** A credit note first settles what is still owed on the invoice it corrects; the rest becomes customer credit. */
function settleCreditNote(books: Books, creditNoteId: number): void {
  const note = invoiceRow(books, creditNoteId)
  const target = note.corrects_invoice_id!
  const toInvoice = Math.min(outstanding(books, target), note.total)
  if (toInvoice > 0) {
    books.run(
      books.q.insertInto('allocations').values({
        invoice_id: target,
        credit_note_id: creditNoteId,
        amount: toInvoice,
        created_at: books.stamp()
      })
    )
  }
  if (note.total - toInvoice > 0) {
    books.run(
      books.q.insertInto('credit_ledger').values({
        customer_id: note.customer_id,
        currency: note.currency,
        amount: note.total - toInvoice,
        reason: 'credit_note',
        invoice_id: creditNoteId,
        created_at: books.stamp()
      })
    )
  }
}

/**
 * Drafts a credit note against an issued invoice: all of it, or some lines (each for at most
 * what is left of it after earlier credit notes). Amounts are after the invoice's discounts.
 */
/** How much of each line of an invoice its credit notes (not void) have credited already. */
function creditedByLine(books: Books, invoiceId: number): Map<number, number> {
  return new Map<number, number>(
    books
      .all(
        books.q
          .selectFrom('invoice_lines')
          .innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
          .select([
            'invoice_lines.source_line_id',
            (eb) => eb.fn.sum<number>('invoice_lines.amount').as('sum')
          ])
          .where('invoices.corrects_invoice_id', '=', invoiceId)
          .where('invoices.status', '!=', 'void')
          .groupBy('invoice_lines.source_line_id')
      )
      .map((r) => [r.source_line_id!, Number(r.sum)])
  )
}

export function createCreditNote(
  books: Books,
  invoiceId: number,
  input: { reason: string; lines?: { lineId: number; amount?: number }[] }
): InvoiceView {
  return books.tx(() => {
    const invoice = invoiceRow(books, invoiceId)
    if (invoice.kind !== 'invoice' || invoice.status === 'draft' || invoice.status === 'void') {
      throw problem(
        'CONFLICT',
        'invoice_not_creditable',
        'Only an issued invoice (not void) can be credited.'
      )
    }
    const credited = creditedByLine(books, invoiceId)
    const rows = linesOf(books, invoiceId)
    const wanted: { lineId: number; amount?: number }[] =
      input.lines ?? rows.map((r) => ({ lineId: r.id }))
    const lines: DraftLine[] = wanted.map(({ lineId, amount }) => {
      const row = rows.find((r) => r.id === lineId)
      if (!row)
        throw problem(
          'NOT_FOUND',
          'invoice_line_not_found',
          `Invoice ${invoice.number} has no line ${lineId}.`,
          { invoice: invoice.number ?? invoiceId, line: lineId }
        )
      const left = row.amount - row.discount - (credited.get(lineId) ?? 0)
      const value = amount ?? left
      if (value <= 0 || value > left) {
        throw new AppError(
          'VALIDATION',
          `Line "${row.description}" can be credited for at most ${left} (minor units).`,
          {
            [`lines.${lineId}`]: {
              code: 'too_big',
              message: `At most ${left}`,
              params: { maximum: left }
            }
          }
        )
      }
      return {
        ...chargeLineOf(row, invoice),
        kind: 'one_off',
        amount: value,
        discountable: false,
        sourceLineId: row.id
      }
    })
    const { id } = createDraft(books, {
      customerId: invoice.customer_id,
      currency: invoice.currency,
      billDate: books.today(),
      lines,
      kind: 'credit_note',
      correctsInvoiceId: invoiceId,
      reason: input.reason
    })
    audit(books, 'invoice', invoiceId, 'credit_note_drafted', {
      creditNote: [null, id],
      reason: [null, input.reason]
    })
    return viewInvoice(books, id)
  })
}

/** Voids an issued invoice nobody has paid: it keeps its number, and the void is recorded in the ledger. */
export function voidInvoice(books: Books, invoiceId: number, reason: string): InvoiceView {
  return books.tx(() => {
    const invoice = invoiceRow(books, invoiceId)
    if (invoice.status !== 'issued')
      throw problem('CONFLICT', 'invoice_not_voidable', 'Only an issued invoice can be voided.')
    const allocated = books.first(
      books.q
        .selectFrom('allocations')
        .select('id')
        .where('invoice_id', '=', invoiceId)
        .where('reversal_id', 'is', null)
    )
    // what KSeF has (or may have) received is corrected, never voided
    const inKsef = books.first(
      books.q.selectFrom('ksef_events').select('kind').where('invoice_id', '=', invoiceId)
    )
    if (inKsef)
      throw problem(
        'CONFLICT',
        'invoice_in_ksef',
        `${invoice.number} was sent to KSeF; an invoice in KSeF cannot be voided: issue a credit note instead`,
        { number: invoice.number ?? '' }
      )
    if (allocated)
      throw problem(
        'CONFLICT',
        'invoice_has_payments',
        `${invoice.number} has payments or credit notes against it; credit it instead of voiding.`,
        { number: invoice.number ?? '' }
      )
    books.run(
      books.q
        .updateTable('invoices')
        .set({ status: 'void', closed_at: books.stamp(), updated_at: books.stamp() })
        .where('id', '=', invoiceId)
    )
    if (invoice.credits_applied > 0) {
      books.run(
        books.q.insertInto('credit_ledger').values({
          customer_id: invoice.customer_id,
          currency: invoice.currency,
          amount: invoice.credits_applied,
          reason: 'adjustment',
          invoice_id: invoiceId,
          created_at: books.stamp()
        })
      )
    }
    appendLedger(books, invoice.series_id!, invoiceId, 'void')
    recordVerifactuAnulacion(books, invoiceId)
    audit(books, 'invoice', invoiceId, 'void', {
      status: ['issued', 'void'],
      reason: [null, reason]
    })
    return viewInvoice(books, invoiceId)
  })
}

export function markUncollectible(books: Books, invoiceId: number): InvoiceView {
  return books.tx(() => {
    const invoice = invoiceRow(books, invoiceId)
    if (invoice.status !== 'issued' || invoice.kind !== 'invoice')
      throw problem(
        'CONFLICT',
        'invoice_not_uncollectible',
        'Only an issued invoice can be marked uncollectible.'
      )
    books.run(
      books.q
        .updateTable('invoices')
        .set({ status: 'uncollectible', closed_at: books.stamp(), updated_at: books.stamp() })
        .where('id', '=', invoiceId)
    )
    audit(books, 'invoice', invoiceId, 'uncollectible', { status: ['issued', 'uncollectible'] })
    return viewInvoice(books, invoiceId)
  })
}

function summary(books: Books, row: InvoiceRow, today: string): InvoiceSummary {
  const customer = books.first(
    books.q.selectFrom('customers').select(['name', 'code']).where('id', '=', row.customer_id)
  )!
  const balance = invoiceBalance(books, row.id, today)
  return {
    id: row.id,
    kind: row.kind as InvoiceSummary['kind'],
    status: balance.status,
    number: row.number,
    customerId: row.customer_id,
    customerName: customer.name,
    currency: row.currency,
    billDate: row.bill_date,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    total: row.total,
    amountDue: row.amount_due,
    outstanding: balance.outstanding,
    correctsInvoiceId: row.corrects_invoice_id
  }
}

export function viewInvoice(books: Books, id: number): InvoiceView {
  const row = invoiceRow(books, id)
  // what a credit note may still take from each line (issued invoices only)
  const credited =
    row.kind === 'invoice' && row.status !== 'draft' && row.status !== 'void'
      ? creditedByLine(books, id)
      : null
  const buyer = (
    row.buyer
      ? JSON.parse(row.buyer)
      : row.status === 'draft'
        ? buyerSnapshot(books, row.customer_id)
        : null
  ) as (InvoiceParty & { language?: string }) | null
  const shown = summary(books, row, books.today())
  return {
    ...shown,
    actions: invoiceActions(shown),
    taxInclusive: row.tax_inclusive === 1,
    subtotals: {
      lines: row.lines_total,
      discounts: row.discount_total,
      net: row.net_total,
      tax: row.tax_total,
      total: row.total,
      creditsApplied: row.credits_applied,
      amountDue: row.amount_due
    },
    taxes: JSON.parse(row.taxes),
    discounts: JSON.parse(row.discounts),
    legalNotes: JSON.parse(row.legal_notes),
    // a draft shows who it is from and to as it would be issued now
    seller: row.seller
      ? JSON.parse(row.seller)
      : row.status === 'draft'
        ? sellerSnapshot(books)
        : null,
    buyer,
    language: LANGUAGES.includes(buyer?.language as Language)
      ? (buyer?.language as Language)
      : getCustomer(books, row.customer_id).language,
    correctionReason: row.correction_reason,
    remindersPaused: {
      invoice:
        books.first(
          books.q.selectFrom('reminder_pauses').select('id').where('invoice_id', '=', row.id)
        ) !== undefined,
      customer:
        books.first(
          books.q
            .selectFrom('reminder_pauses')
            .select('id')
            .where('customer_id', '=', row.customer_id)
        ) !== undefined
    },
    correctsNumber: row.corrects_invoice_id
      ? (books.first(
          books.q.selectFrom('invoices').select('number').where('id', '=', row.corrects_invoice_id)
        )?.number ?? null)
      : null,
    lines: linesOf(books, id).map((l) => ({
      id: l.id,
      creditable: credited ? Math.max(l.amount - l.discount - (credited.get(l.id) ?? 0), 0) : null,
      kind: l.kind,
      description: l.description,
      periodStart: l.period_start,
      periodEnd: l.period_end,
      quantity: l.quantity,
      amount: l.amount,
      discount: l.discount,
      netAmount: l.net_amount,
      taxCategory: l.tax_category,
      taxPercent: l.tax_percent,
      taxAmount: l.tax_amount,
      subscriptionId: l.subscription_id,
      planCode: l.plan_code,
      priceId: l.price_id,
      model: l.model,
      breakdown: JSON.parse(l.breakdown),
      proration: l.proration ? JSON.parse(l.proration) : null
    }))
  }
}

/** What happened to an invoice, oldest first: its audit entries and the payments and credits allocated to it. */
export function invoiceHistory(books: Books, invoiceId: number): InvoiceEvent[] {
  invoiceRow(books, invoiceId)
  const audited = books
    .all(
      books.q
        .selectFrom('audit_log')
        .select(['at', 'action', 'changes'])
        .where('entity', '=', 'invoice')
        .where('entity_id', '=', String(invoiceId))
        .orderBy('id')
    )
    .map((r): InvoiceEvent => ({
      at: r.at,
      kind: r.action,
      // a late fee shows what it charged
      amount:
        r.action === 'late_fee'
          ? ((JSON.parse(r.changes) as { amount?: [null, number] }).amount?.[1] ?? null)
          : null,
      reference: null,
      date: null
    }))
  const allocated = books
    .prepare(
      `SELECT a.created_at AS at, a.amount, p.reference, p.method, p.date, n.number AS note,
              r.created_at AS reversedAt, r.date AS reversedOn, r.reason AS reversalReason
       FROM allocations a LEFT JOIN payments p ON p.id = a.payment_id LEFT JOIN invoices n ON n.id = a.credit_note_id
       LEFT JOIN payment_reversals r ON r.id = a.reversal_id
       WHERE a.invoice_id = ? ORDER BY a.id`
    )
    .all(invoiceId) as {
    at: string
    amount: number
    reference: string | null
    method: string | null
    date: string | null
    note: string | null
    reversedAt: string | null
    reversedOn: string | null
    reversalReason: string | null
  }[]
  const money = allocated.flatMap((a): InvoiceEvent[] => [
    {
      at: a.at,
      kind: a.note ? 'credited' : 'paid',
      amount: a.amount,
      reference: a.note ?? (a.reference || a.method),
      date: a.date
    },
    // a reversed payment stays in the history, followed by its reversal
    ...(a.reversedAt === null
      ? []
      : [
          {
            at: a.reversedAt,
            kind: 'payment_reversed',
            amount: a.amount,
            reference: a.reversalReason,
            date: a.reversedOn
          }
        ])
  ])
  return [...audited, ...money].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
}
