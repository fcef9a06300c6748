import type { EinvoiceFormat } from '@shared/einvoice'
import { customerEinvoiceFormat } from '../einvoice/export'
import { randomUUID } from 'node:crypto'
import type { Selectable } from 'kysely'
import type { EmailKind, OutboxEntry, OutboxStatus } from '@shared/books/email'
import type { InvoiceView } from '@shared/books/invoices'
import type { Language } from '@shared/languages'
import { audit } from '../../books/audit'
import { viewInvoice } from '../../books/invoices'
import { problem } from '../../errors'
import { getCompany } from '../../store/repos/company'
import type { OutboxTable } from '../../store/schema'
import type { Books } from '../../store/sync'
import { INVOICE_TEMPLATE } from '@shared/documents/invoice-model'
import type { StatementInput } from '@shared/documents/statement-model'
import { invoiceFileName } from '../pdf/render'
import { statementFileName } from '../pdf/statement'
import { smtpSettings } from './smtp-settings'
import { invoicePlaceholders, templateFor } from './templates'

/**
 * The outbox: every message is a row written in the same transaction as the request, then
 * delivered by the sender (sender.ts). Statuses: queued → sending → sent; a temporary failure
 * goes back to queued with a later attempt, a permanent one to failed; a message whose sending
 * was cut off (the app killed mid-send) becomes uncertain, never sent again on its own.
 */

/**
 * What a message attaches: an issued invoice, rendered from its frozen data when it is sent; or
 * a statement, kept as it said when it was queued (a payment recorded meanwhile does not change
 * what the customer was sent).
 */
export type OutboxDocument =
  | {
      kind: 'invoice'
      invoiceId: number
      language: Language
      template: string
      /** The e-invoice the customer asked for, attached beside the PDF. */
      einvoice?: EinvoiceFormat
    }
  | { kind: 'statement'; input: StatementInput; language: Language; template: string }

export interface Recipients {
  to: string[]
  cc: string[]
  bcc: string[]
}

export interface Sender {
  name: string
  address: string
  replyTo: string
}

type Row = Selectable<OutboxTable>

/** A Message-ID in the sender's domain; the same one on every attempt, so receipts can be matched. */
function messageId(fromAddress: string): string {
  const domain = fromAddress.split('@')[1] ?? 'facturo.invalid'
  return `<facturo.${randomUUID()}@${domain}>`
}

export function requireSettings(books: Books) {
  const settings = smtpSettings(books)
  if (!settings)
    throw problem(
      'VALIDATION',
      'smtp_not_set',
      'No email server is set up: fill in Settings › Email (or run settings smtp) first.'
    )
  return settings
}

/** The customer's billing emails, as the customer record has them now. */
export function billingEmails(books: Books, invoice: InvoiceView): string[] {
  const row = invoice.customerId
    ? books.first(
        books.q.selectFrom('customers').select('emails').where('id', '=', invoice.customerId)
      )
    : undefined
  return row ? (JSON.parse(row.emails) as string[]) : (invoice.buyer?.emails ?? [])
}

/** Queues an issued invoice or credit note, its PDF attached, to the customer's billing emails. */
export function queueInvoiceEmail(
  books: Books,
  input: { invoiceId: number; to?: string[]; cc: string[]; bcc: string[] }
): OutboxEntry {
  return books.tx(() => {
    requireSettings(books)
    const invoice = viewInvoice(books, input.invoiceId)
    if (invoice.status === 'draft' || !invoice.number)
      throw problem(
        'VALIDATION',
        'email_draft',
        'A draft is not sent: issue the invoice first, then email it.'
      )
    const to = input.to ?? billingEmails(books, invoice)
    if (to.length === 0)
      throw problem(
        'VALIDATION',
        'email_no_recipient',
        `${invoice.customerName ?? 'The customer'} has no billing email: add one to the customer, or give an address to send to.`
      )
    const kind: EmailKind = invoice.kind === 'credit_note' ? 'credit_note' : 'invoice'
    const id = queueInvoiceMessage(books, invoice, kind, { to, cc: input.cc, bcc: input.bcc })
    return outboxEntry(books, id)
  })
}

/**
 * Queues a message about an issued invoice (the invoice itself, or a reminder of it) in the
 * customer's language, the invoice's PDF attached; returns the outbox id. Inside the caller's
 * transaction.
 */
export function queueInvoiceMessage(
  books: Books,
  invoice: InvoiceView,
  kind: EmailKind,
  recipients: Recipients
): number {
  const settings = requireSettings(books)
  const company = getCompany(books)
  const language = invoice.language
  const message = templateFor(
    books,
    kind,
    language,
    invoicePlaceholders(invoice, company, language, kind)
  )
  // the invoice itself (not a reminder of it) carries the e-invoice the customer wants
  const einvoice =
    kind === 'invoice' || kind === 'credit_note'
      ? customerEinvoiceFormat(books, invoice)
      : undefined
  return insertMessage(books, {
    kind,
    invoiceId: invoice.id,
    customerId: invoice.customerId,
    document: {
      kind: 'invoice',
      invoiceId: invoice.id,
      language,
      template: INVOICE_TEMPLATE,
      ...(einvoice ? { einvoice } : {})
    },
    language,
    sender: senderOf(settings, company),
    recipients,
    ...message
  })
}

/** Who a message is from: the SMTP settings' name and address, else the company's name. */
export const senderOf = (
  settings: ReturnType<typeof requireSettings>,
  company: { legalName: string }
): Sender => ({
  name: settings.fromName || company.legalName,
  address: settings.fromAddress,
  replyTo: settings.replyTo
})

interface NewMessage {
  kind: EmailKind
  invoiceId: number | null
  customerId: number | null
  document: OutboxDocument | null
  language: Language
  sender: Sender
  recipients: Recipients
  subject: string
  body: string
}

export function insertMessage(books: Books, message: NewMessage): number {
  const stamp = books.stamp()
  const id = books.insert(
    books.q.insertInto('outbox').values({
      message_id: messageId(message.sender.address),
      kind: message.kind,
      invoice_id: message.invoiceId,
      customer_id: message.customerId,
      document: message.document ? JSON.stringify(message.document) : null,
      language: message.language,
      sender: JSON.stringify(message.sender),
      recipients: JSON.stringify(message.recipients),
      subject: message.subject,
      body: message.body,
      status: 'queued',
      next_attempt_at: stamp,
      created_at: stamp,
      updated_at: stamp
    })
  )
  audit(books, 'outbox', id, 'queue', {
    to: [null, message.recipients.to],
    subject: [null, message.subject]
  })
  return id
}

export function outboxRow(books: Books, id: number): Row {
  const row = books.first(books.q.selectFrom('outbox').selectAll().where('id', '=', id))
  if (!row)
    throw problem('NOT_FOUND', 'outbox_not_found', `There is no message ${id} in the outbox.`)
  return row
}

function entryFromRow(
  row: Row,
  names: { invoiceNumber: string | null; customerName: string | null }
): OutboxEntry {
  const recipients = JSON.parse(row.recipients) as Recipients
  const status = row.status as OutboxStatus
  const document = row.document ? (JSON.parse(row.document) as OutboxDocument) : null
  return {
    id: row.id,
    messageId: row.message_id,
    kind: row.kind as EmailKind,
    invoiceId: row.invoice_id,
    invoiceNumber: names.invoiceNumber,
    customerId: row.customer_id,
    customerName: names.customerName,
    ...recipients,
    subject: row.subject,
    attachment: !document
      ? null
      : document.kind === 'statement'
        ? statementFileName(document.input)
        : invoiceFileName({ number: names.invoiceNumber, id: document.invoiceId }),
    status,
    attempts: row.attempts,
    nextAttemptAt: status === 'queued' ? row.next_attempt_at : null,
    lastError: row.last_error,
    sentAt: row.sent_at,
    createdAt: row.created_at,
    canRetry: status === 'failed' || status === 'uncertain' || status === 'cancelled',
    canCancel: status === 'queued' || status === 'failed' || status === 'uncertain',
    canMarkSent: status === 'uncertain'
  }
}

function listQuery(books: Books) {
  return books.q
    .selectFrom('outbox')
    .leftJoin('invoices', 'invoices.id', 'outbox.invoice_id')
    .leftJoin('customers', 'customers.id', 'outbox.customer_id')
    .selectAll('outbox')
    .select(['invoices.number as invoiceNumber', 'customers.name as customerName'])
}

export function outboxEntry(books: Books, id: number): OutboxEntry {
  const row = books.first(listQuery(books).where('outbox.id', '=', id))
  if (!row)
    throw problem('NOT_FOUND', 'outbox_not_found', `There is no message ${id} in the outbox.`)
  return entryFromRow(row, row)
}

/** The outbox, newest first. */
export function listOutbox(
  books: Books,
  filter: { status?: OutboxStatus; invoiceId?: number; limit: number }
): OutboxEntry[] {
  let query = listQuery(books)
  if (filter.status) query = query.where('outbox.status', '=', filter.status)
  if (filter.invoiceId) query = query.where('outbox.invoice_id', '=', filter.invoiceId)
  return books
    .all(query.orderBy('outbox.id', 'desc').limit(filter.limit))
    .map((row) => entryFromRow(row, row))
}

function changeStatus(
  books: Books,
  id: number,
  allowed: (entry: OutboxEntry) => boolean,
  to: OutboxStatus,
  action: string,
  refusal: string
): OutboxEntry {
  return books.tx(() => {
    const entry = outboxEntry(books, id)
    if (!allowed(entry))
      throw problem('CONFLICT', 'outbox_status', refusal, { status: entry.status })
    const stamp = books.stamp()
    books.run(
      books.q
        .updateTable('outbox')
        .set({
          status: to,
          updated_at: stamp,
          ...(to === 'queued' ? { next_attempt_at: stamp, attempts: 0 } : {}),
          ...(to === 'sent' ? { sent_at: stamp } : {})
        })
        .where('id', '=', id)
    )
    audit(books, 'outbox', id, action, { status: [entry.status, to] })
    return outboxEntry(books, id)
  })
}

/** Sends a failed, cancelled or interrupted message again (the bookkeeper checked it did not arrive). */
export const retryMessage = (books: Books, id: number) =>
  changeStatus(
    books,
    id,
    (e) => e.canRetry,
    'queued',
    'retry',
    'Only a failed, cancelled or interrupted message can be sent again.'
  )

export const cancelMessage = (books: Books, id: number) =>
  changeStatus(
    books,
    id,
    (e) => e.canCancel,
    'cancelled',
    'cancel',
    'A message that is sent (or being sent) cannot be cancelled.'
  )

/** The bookkeeper found an interrupted message in their sent mail. */
export const markMessageSent = (books: Books, id: number) =>
  changeStatus(
    books,
    id,
    (e) => e.canMarkSent,
    'sent',
    'mark_sent',
    'Only an interrupted message can be marked as sent.'
  )
