import { invoiceAttachments } from '../einvoice/export'
import nodemailer from 'nodemailer'
import type { OutboxDelivery, SmtpSettings } from '@shared/books/email'
import { viewInvoice } from '../../books/invoices'
import type { Books } from '../../store/sync'
import { invoiceFileName } from '../pdf/render'
import { invoicePdfFor } from '../logo'
import { logoBytes } from '../../books/document-images'
import { renderStatement, statementFileName } from '../pdf/statement'
import { classifyFailure, nextAttemptAt, type SmtpFailure } from './delivery-rules'
import type { OutboxDocument, Recipients, Sender } from './outbox'
import { smtpPassword, smtpSettings, type PasswordVault } from './smtp-settings'

/**
 * Delivers what the outbox holds. Each attempt is written down (status sending) before the
 * server is reached; what the server said is written after. A message found "sending" when a
 * pass starts was cut off by a crash: the server may or may not have taken it, so it is marked
 * uncertain for the bookkeeper to check, and never sent a second time on its own.
 */

export interface Attachment {
  filename: string
  content: Buffer
  contentType: string
}

export interface OutgoingMessage {
  messageId: string
  from: { name: string; address: string }
  replyTo?: string
  to: string[]
  cc: string[]
  bcc: string[]
  subject: string
  text: string
  attachments: Attachment[]
}

/** What the server accepted; throws an SmtpFailure when it took nothing. */
export interface Mailer {
  send(message: OutgoingMessage): Promise<{ rejected: string[]; rejectedErrors: string[] }>
  close(): void
}

/** A mailer over SMTP with nodemailer, as the company's settings say. */
export function smtpMailer(settings: SmtpSettings, password: string | undefined): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'tls',
    requireTLS: settings.tls === 'starttls',
    ignoreTLS: settings.tls === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: password ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000
  })
  return {
    async send(message) {
      const info = await transport.sendMail({
        ...message,
        replyTo: message.replyTo || undefined
      })
      const rejected = (info.rejected ?? []).map(String)
      const errors = (info as { rejectedErrors?: { response?: string; message: string }[] })
        .rejectedErrors
      return {
        rejected,
        rejectedErrors: (errors ?? []).map((e) => e.response ?? e.message)
      }
    },
    close: () => transport.close()
  }
}

/**
 * What a message attaches: the issued invoice's PDF as it was frozen (and the e-invoice the
 * customer asked for, when it was queued), or the statement as queued.
 */
export async function renderAttachments(
  books: Books,
  document: OutboxDocument
): Promise<Attachment[]> {
  if (document.kind === 'statement')
    return [
      {
        filename: statementFileName(document.input),
        content: Buffer.from(
          await renderStatement(
            document.input,
            document.language,
            logoBytes(books, document.input.seller.logo)
          )
        ),
        contentType: 'application/pdf'
      }
    ]
  const invoice = viewInvoice(books, document.invoiceId)
  const pdf = {
    filename: invoiceFileName(invoice),
    content: Buffer.from(await invoicePdfFor(books, invoice, document.language)),
    contentType: 'application/pdf'
  }
  return invoiceAttachments(books, document.invoiceId, pdf, document.einvoice)
}

/** Messages cut off mid-send by a crash: they may have reached the server. */
export function markInterrupted(books: Books): number {
  return books.run(
    books.q
      .updateTable('outbox')
      .set({
        status: 'uncertain',
        last_error:
          'Sending was interrupted (Facturo stopped). It may have been delivered: check your sent mail, then send it again or mark it as sent.',
        updated_at: books.stamp()
      })
      .where('status', '=', 'sending')
  ).changes
}

function dueIds(books: Books, now: string): number[] {
  return books
    .all(
      books.q
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'queued')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(500)
    )
    .map((r) => r.id)
}

/** Takes a due message for one attempt; null when it is no longer due. */
function claim(books: Books, id: number) {
  return books.tx(() => {
    const row = books.first(
      books.q.selectFrom('outbox').selectAll().where('id', '=', id).where('status', '=', 'queued')
    )
    if (!row) return null
    books.run(
      books.q
        .updateTable('outbox')
        .set({ status: 'sending', attempts: row.attempts + 1, updated_at: books.stamp() })
        .where('id', '=', id)
    )
    return { ...row, attempts: row.attempts + 1 }
  })
}

function finish(
  books: Books,
  id: number,
  fields: {
    status: 'sent' | 'queued' | 'failed'
    last_error: string | null
    next_attempt_at?: string | null
  }
): void {
  books.tx(() => {
    const stamp = books.stamp()
    books.run(
      books.q
        .updateTable('outbox')
        .set({
          ...fields,
          updated_at: stamp,
          ...(fields.status === 'sent' ? { sent_at: stamp } : {})
        })
        .where('id', '=', id)
    )
  })
}

type Row = NonNullable<ReturnType<typeof claim>>

function outgoing(row: Row, attachments: Attachment[]): OutgoingMessage {
  const sender = JSON.parse(row.sender) as Sender
  const recipients = JSON.parse(row.recipients) as Recipients
  return {
    messageId: row.message_id,
    from: { name: sender.name, address: sender.address },
    replyTo: sender.replyTo,
    ...recipients,
    subject: row.subject,
    text: row.body,
    attachments
  }
}

/** One attempt at one message: render, claim, send, write what happened. */
async function attempt(
  books: Books,
  id: number,
  mailer: Mailer
): Promise<keyof OutboxDelivery | 'offline'> {
  const queued = books.first(books.q.selectFrom('outbox').select('document').where('id', '=', id))
  let attachments: Attachment[] = []
  try {
    if (queued?.document)
      attachments = await renderAttachments(books, JSON.parse(queued.document) as OutboxDocument)
  } catch (error) {
    finish(books, id, {
      status: 'failed',
      last_error: `The attachment could not be made: ${error instanceof Error ? error.message : String(error)}`
    })
    return 'failed'
  }
  const row = claim(books, id)
  if (!row) return 'waiting'
  try {
    const { rejected, rejectedErrors } = await mailer.send(outgoing(row, attachments))
    finish(books, id, {
      status: 'sent',
      last_error: rejected.length
        ? `Not accepted for ${rejected.join(', ')}: ${rejectedErrors.join('; ')}`
        : null
    })
    return 'sent'
  } catch (error) {
    const outcome = classifyFailure(error as SmtpFailure, row.attempts)
    if (outcome.retry) {
      finish(books, id, {
        status: 'queued',
        last_error: outcome.reason,
        next_attempt_at: nextAttemptAt(row.attempts, books.now()).toISOString()
      })
      // no server to talk to: the others wait too, without an attempt each
      return (error as SmtpFailure).responseCode === undefined ? 'offline' : 'retrying'
    }
    finish(books, id, { status: 'failed', last_error: outcome.reason })
    return 'failed'
  }
}

/** Passes under way, per open file: two never overlap, so "sending" at the start means a crash. */
const passes = new WeakMap<Books, Promise<OutboxDelivery>>()

/**
 * Delivers every message that is due now and returns what happened. Offline, each waits for its
 * next attempt; the next pass (the app's timer, or `outbox send`) picks it up.
 */
export function deliverDue(
  books: Books,
  options: { vault: PasswordVault; mailer?: (settings: SmtpSettings, password?: string) => Mailer }
): Promise<OutboxDelivery> {
  const running = passes.get(books)
  if (running) return running
  const pass = (async () => {
    markInterrupted(books)
    const result: OutboxDelivery = { sent: 0, retrying: 0, failed: 0, waiting: 0 }
    const ids = dueIds(books, books.stamp())
    const settings = smtpSettings(books)
    if (ids.length > 0 && settings) {
      const mailer = (options.mailer ?? smtpMailer)(settings, smtpPassword(books, options.vault))
      try {
        for (const id of ids) {
          const outcome = await attempt(books, id, mailer)
          result[outcome === 'offline' ? 'retrying' : outcome]++
          if (outcome === 'offline') break
        }
      } finally {
        mailer.close()
      }
    }
    result.waiting = books.first(
      books.q
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'queued')
    )!.n
    return result
  })().finally(() => passes.delete(books))
  passes.set(books, pass)
  return pass
}
