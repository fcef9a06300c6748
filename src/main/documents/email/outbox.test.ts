import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { issueInvoice, viewInvoice } from '../../books/invoices'
import { appErrorOf } from '../../books/test-support'
import { exportEinvoice } from '../einvoice/export'
import { invoicePdfFor } from '../logo'
import { issuedInvoice } from '../test-invoice'
import {
  cancelMessage,
  listOutbox,
  markMessageSent,
  outboxEntry,
  queueInvoiceEmail,
  retryMessage
} from './outbox'
import { deliverDue } from './sender'
import { NO_VAULT, saveSmtpSettings, smtpPassword, type PasswordVault } from './smtp-settings'
import { saveLoopbackSmtp, startTestSmtp, type TestSmtp } from './test-smtp'

/** Email through the outbox to a real SMTP server on loopback (smtp-server), parsed with mailparser. */

const servers: TestSmtp[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
  delete process.env.FACTURO_SMTP_PASSWORD
})

async function smtp(options: Parameters<typeof startTestSmtp>[0] = {}) {
  const server = await startTestSmtp(options)
  servers.push(server)
  return server
}

/** A port nothing listens on (taken and let go). */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done))
  const port = (probe.address() as { port: number }).port
  await new Promise((done) => probe.close(done))
  return port
}

async function companyWithInvoice(port: number, emails = ['ksiegowosc@gesla-jazn.pl']) {
  const fixture = await issuedInvoice('Gęślą Jaźń Łukasz Ćwikła Sp. z o.o.', 'pl', 'PL', emails)
  const invoice = issueInvoice(fixture.books, fixture.draft)
  saveLoopbackSmtp(fixture.books, port, {
    user: 'biuro',
    fromName: 'Biuro Rachunkowe Łódź',
    fromAddress: 'faktury@biuro-lodz.pl',
    replyTo: 'ksiegowa@biuro-lodz.pl'
  })
  process.env.FACTURO_SMTP_PASSWORD = 'tajne-hasło'
  return { ...fixture, invoice }
}

describe('the outbox, delivered to a real SMTP server', () => {
  it('sends an invoice with its PDF attached, byte for byte, in the customer language', async () => {
    const server = await smtp({ user: 'biuro', password: 'tajne-hasło' })
    const { books, invoice } = await companyWithInvoice(server.port)
    const queued = queueInvoiceEmail(books, {
      invoiceId: invoice.id,
      cc: [],
      bcc: ['archiwum@biuro-lodz.pl']
    })
    expect(queued).toMatchObject({ status: 'queued', to: ['ksiegowosc@gesla-jazn.pl'] })
    expect(queued.subject).toBe(`Faktura ${invoice.number} od Zakład Usług Księgowych Łódź`)

    const result = await deliverDue(books, { vault: NO_VAULT })
    expect(result).toEqual({ sent: 1, retrying: 0, failed: 0, waiting: 0 })
    expect(server.logins).toEqual(['biuro'])
    expect(server.received).toHaveLength(1)
    const mail = server.received[0]!
    expect(mail.messageId).toBe(queued.messageId)
    expect(mail.subject).toBe(queued.subject)
    expect(mail.from?.value[0]).toEqual({
      name: 'Biuro Rachunkowe Łódź',
      address: 'faktury@biuro-lodz.pl'
    })
    expect(mail.replyTo?.value[0]?.address).toBe('ksiegowa@biuro-lodz.pl')
    expect(mail.text).toContain('Gęślą Jaźń Łukasz Ćwikła Sp. z o.o.')
    expect(mail.text).toMatch(/na kwotę 246,00\szł, płatną do 16 sty 2026\./)
    // the BCC is delivered to but never written into the message
    expect(mail.headers.has('bcc')).toBe(false)
    expect(mail.attachments).toHaveLength(1)
    const attachment = mail.attachments[0]!
    expect(attachment.filename).toBe(`${invoice.number!.replace(/\//g, '-')}.pdf`)
    expect(attachment.contentType).toBe('application/pdf')
    const expected = await invoicePdfFor(books, viewInvoice(books, invoice.id), 'pl')
    expect(Buffer.compare(attachment.content, Buffer.from(expected))).toBe(0)

    const sent = outboxEntry(books, queued.id)
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, canRetry: false })
    // a second pass has nothing to send
    expect(await deliverDue(books, { vault: NO_VAULT })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
      waiting: 0
    })
    expect(server.received).toHaveLength(1)
  })

  it('attaches the e-invoice the customer asked for beside the PDF, the same bytes as its export', async () => {
    const server = await smtp({ user: 'biuro', password: 'tajne-hasło' })
    const { books, invoice } = await companyWithInvoice(server.port)
    books.run(
      books.q
        .updateTable('customers')
        .set({ einvoice_format: 'ubl' })
        .where('id', '=', invoice.customerId)
    )
    queueInvoiceEmail(books, { invoiceId: invoice.id, cc: [], bcc: [] })
    expect(await deliverDue(books, { vault: NO_VAULT })).toMatchObject({ sent: 1 })
    const mail = server.received[0]!
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      [`${invoice.number!.replace(/\//g, '-')}.pdf`, 'application/pdf'],
      [`${invoice.number!.replace(/\//g, '-')}.ubl.xml`, 'application/xml']
    ])
    const ubl = exportEinvoice(books, invoice.id, 'ubl')
    expect(Buffer.compare(mail.attachments[1]!.content, Buffer.from(ubl.bytes))).toBe(0)
    // the queued message names the format: changing the customer later does not change it
    expect(
      JSON.parse(
        books.first(
          books.q.selectFrom('outbox').select('document').where('invoice_id', '=', invoice.id)
        )!.document!
      )
    ).toMatchObject({ einvoice: 'ubl' })
  })

  it('waits while the server is down and delivers exactly once when it is back', async () => {
    const port = await freePort()
    const { books, clock, invoice } = await companyWithInvoice(port)
    const first = queueInvoiceEmail(books, { invoiceId: invoice.id, cc: [], bcc: [] })
    const second = queueInvoiceEmail(books, {
      invoiceId: invoice.id,
      to: ['druga@gesla-jazn.pl'],
      cc: [],
      bcc: []
    })
    const offline = await deliverDue(books, { vault: NO_VAULT })
    // the first attempt finds no server; the second message waits without an attempt of its own
    expect(offline).toEqual({ sent: 0, retrying: 1, failed: 0, waiting: 2 })
    const waiting = outboxEntry(books, first.id)
    expect(waiting.status).toBe('queued')
    expect(waiting.attempts).toBe(1)
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i)
    expect(Date.parse(waiting.nextAttemptAt!) - clock.now().getTime()).toBe(60_000)
    // not due yet: the first one is left alone, the second one (still due) fails to connect too
    expect((await deliverDue(books, { vault: NO_VAULT })).sent).toBe(0)

    const server = await smtp({ port, user: 'biuro', password: 'tajne-hasło' })
    clock.date = '2026-01-03'
    expect(await deliverDue(books, { vault: NO_VAULT })).toMatchObject({ sent: 2, waiting: 0 })
    expect(await deliverDue(books, { vault: NO_VAULT })).toMatchObject({ sent: 0 })
    const ids = server.received.map((m) => m.messageId).sort()
    expect(ids).toEqual([first.messageId, second.messageId].sort())
  })

  it('marks a refused address failed with the server words, and retries a temporary refusal', async () => {
    const server = await smtp({ user: 'biuro', password: 'tajne-hasło' })
    server.refuse.set('nie-ma@gesla-jazn.pl', { code: 550, message: 'No such mailbox here' })
    server.refuse.set('pelna@gesla-jazn.pl', { code: 452, message: 'Mailbox full, try later' })
    const { books, invoice } = await companyWithInvoice(server.port)
    const bad = queueInvoiceEmail(books, {
      invoiceId: invoice.id,
      to: ['nie-ma@gesla-jazn.pl'],
      cc: [],
      bcc: []
    })
    const full = queueInvoiceEmail(books, {
      invoiceId: invoice.id,
      to: ['pelna@gesla-jazn.pl'],
      cc: [],
      bcc: []
    })
    const result = await deliverDue(books, { vault: NO_VAULT })
    expect(result).toMatchObject({ sent: 0, failed: 1, retrying: 1 })
    expect(outboxEntry(books, bad.id)).toMatchObject({
      status: 'failed',
      canRetry: true,
      canCancel: true
    })
    expect(outboxEntry(books, bad.id).lastError).toContain('No such mailbox here')
    expect(outboxEntry(books, full.id)).toMatchObject({ status: 'queued', attempts: 1 })
    expect(outboxEntry(books, full.id).lastError).toContain('Mailbox full')
    // one refused recipient among several: sent to the others, the refusal kept
    const mixed = queueInvoiceEmail(books, {
      invoiceId: invoice.id,
      to: ['ksiegowosc@gesla-jazn.pl', 'nie-ma@gesla-jazn.pl'],
      cc: [],
      bcc: []
    })
    await deliverDue(books, { vault: NO_VAULT })
    expect(outboxEntry(books, mixed.id).status).toBe('sent')
    expect(outboxEntry(books, mixed.id).lastError).toContain('nie-ma@gesla-jazn.pl')
    expect(server.received).toHaveLength(1)
  })

  it('a wrong password fails with the server reason instead of retrying for ever', async () => {
    const server = await smtp({ user: 'biuro', password: 'inne' })
    const { books, invoice } = await companyWithInvoice(server.port)
    const queued = queueInvoiceEmail(books, { invoiceId: invoice.id, cc: [], bcc: [] })
    expect(await deliverDue(books, { vault: NO_VAULT })).toMatchObject({ failed: 1 })
    expect(outboxEntry(books, queued.id).lastError).toMatch(/535|Invalid username or password/)
  })
})

describe('what the bookkeeper can do with a message', () => {
  it('cancels, retries and marks an interrupted message as sent, and says what is refused', async () => {
    const server = await smtp({ user: 'biuro', password: 'tajne-hasło' })
    const { books, invoice } = await companyWithInvoice(server.port)
    const queued = queueInvoiceEmail(books, { invoiceId: invoice.id, cc: [], bcc: [] })
    expect(cancelMessage(books, queued.id).status).toBe('cancelled')
    expect(await deliverDue(books, { vault: NO_VAULT })).toMatchObject({ sent: 0 })
    expect(retryMessage(books, queued.id).status).toBe('queued')
    await deliverDue(books, { vault: NO_VAULT })
    expect(outboxEntry(books, queued.id).status).toBe('sent')
    expect(appErrorOf(() => cancelMessage(books, queued.id)).problem?.key).toBe('outbox_status')
    expect(appErrorOf(() => retryMessage(books, queued.id)).code).toBe('CONFLICT')
    // a message left "sending" by a crash is never sent again on its own
    const cut = queueInvoiceEmail(books, { invoiceId: invoice.id, cc: [], bcc: [] })
    books.run(
      books.q.updateTable('outbox').set({ status: 'sending', attempts: 1 }).where('id', '=', cut.id)
    )
    await deliverDue(books, { vault: NO_VAULT })
    expect(outboxEntry(books, cut.id)).toMatchObject({ status: 'uncertain', canMarkSent: true })
    expect(server.received).toHaveLength(1)
    expect(markMessageSent(books, cut.id).status).toBe('sent')
    expect(listOutbox(books, { limit: 10 }).map((e) => e.status)).toEqual(['sent', 'sent'])
  })

  it('refuses drafts, customers without an email, and a company without an email server', async () => {
    const { books, draft } = await issuedInvoice('Bez Adresu Sp. z o.o.', 'pl', 'PL')
    expect(
      appErrorOf(() => queueInvoiceEmail(books, { invoiceId: draft, cc: [], bcc: [] })).problem?.key
    ).toBe('smtp_not_set')
    saveSmtpSettings(
      books,
      {
        host: 'smtp.example.com',
        port: 587,
        tls: 'starttls',
        user: '',
        fromName: '',
        fromAddress: 'a@example.com',
        replyTo: ''
      },
      undefined,
      NO_VAULT
    )
    expect(
      appErrorOf(() => queueInvoiceEmail(books, { invoiceId: draft, cc: [], bcc: [] })).problem?.key
    ).toBe('email_draft')
    const invoice = issueInvoice(books, draft)
    expect(
      appErrorOf(() => queueInvoiceEmail(books, { invoiceId: invoice.id, cc: [], bcc: [] })).problem
        ?.key
    ).toBe('email_no_recipient')
    expect(listOutbox(books, { limit: 10 })).toEqual([])
  })
})

describe('the SMTP password', () => {
  it('is sealed by the vault, never kept in plain text, and falls back to the environment', async () => {
    const { books, store } = await issuedInvoice('Klient', 'pl', 'PL')
    const vault: PasswordVault = {
      canSeal: true,
      seal: (s) => Buffer.from(s).reverse().toString('base64'),
      open: (s) => Buffer.from(s, 'base64').reverse().toString()
    }
    const settings = {
      host: 'smtp.example.com',
      port: 465,
      tls: 'tls' as const,
      user: 'u',
      fromName: '',
      fromAddress: 'a@example.com',
      replyTo: ''
    }
    saveSmtpSettings(books, settings, 'bardzo-tajne-hasło', vault)
    expect(smtpPassword(books, vault)).toBe('bardzo-tajne-hasło')
    const dump = store.sqlite.prepare('SELECT key, value FROM settings').all()
    expect(JSON.stringify(dump)).not.toContain('bardzo-tajne')
    const audit = store.sqlite.prepare('SELECT changes FROM audit_log').all()
    expect(JSON.stringify(audit)).not.toContain('bardzo-tajne')
    saveSmtpSettings(books, settings, '', vault)
    process.env.FACTURO_SMTP_PASSWORD = 'z-otoczenia'
    expect(smtpPassword(books, vault)).toBe('z-otoczenia')
    expect(() => saveSmtpSettings(books, settings, 'x', NO_VAULT)).toThrow(/FACTURO_SMTP_PASSWORD/)
  })
})
