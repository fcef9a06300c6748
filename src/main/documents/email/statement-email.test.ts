import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { recordPayment } from '../../books/payments'
import { appErrorOf } from '../../books/test-support'
import { issueInvoice } from '../../books/invoices'
import { tempDir } from '../../test-support'
import { issuedInvoice } from '../test-invoice'
import { statementPdf } from '../pdf/statement'
import { listOutbox } from './outbox'
import { deliverDue } from './sender'
import { NO_VAULT } from './smtp-settings'
import { queueStatementEmail } from './statement-email'
import { saveLoopbackSmtp, startTestSmtp, type TestSmtp } from './test-smtp'

/** A statement of account emailed through the outbox to a real SMTP server on loopback. */

const POPPLER = spawnSync('pdftotext', ['-v']).status === 0
if (!POPPLER) console.info('statement email text check skipped: poppler-utils is not installed')

const servers: TestSmtp[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

async function company(port: number, emails = ['ksiegowosc@gesla-jazn.pl']) {
  const fixture = await issuedInvoice('Gęślą Jaźń Sp. z o.o.', 'pl', 'PL', emails)
  const invoice = issueInvoice(fixture.books, fixture.draft)
  saveLoopbackSmtp(fixture.books, port, {
    fromName: 'Biuro Rachunkowe Łódź',
    fromAddress: 'faktury@biuro-lodz.pl'
  })
  return { ...fixture, invoice }
}

describe('statement of account by email', () => {
  it('sends the statement as it was when queued, its PDF attached, in the customer’s language', async () => {
    const server = await startTestSmtp()
    servers.push(server)
    const { books, invoice } = await company(server.port)
    const customerId = invoice.customerId!
    const asQueued = await statementPdf(books, customerId, '2026-01-01', '2026-01-31')
    const queued = queueStatementEmail(books, {
      customerId,
      from: '2026-01-01',
      to: '2026-01-31',
      cc: ['szef@gesla-jazn.pl'],
      bcc: []
    })
    expect(queued).toMatchObject({
      kind: 'statement',
      status: 'queued',
      to: ['ksiegowosc@gesla-jazn.pl'],
      attachment: 'statement-C00001-2026-01-01-2026-01-31.pdf',
      subject: 'Zestawienie rozrachunków od Zakład Usług Księgowych Łódź'
    })
    // a payment recorded before it goes out does not change what was queued
    recordPayment(books, {
      customerId,
      date: '2026-01-20',
      method: 'bank_transfer',
      amount: 1000,
      currency: 'PLN',
      reference: 'PRZELEW'
    })
    expect(await deliverDue(books, { vault: NO_VAULT })).toMatchObject({ sent: 1 })
    const mail = server.received[0]!
    expect(mail.cc).toMatchObject({ value: [{ address: 'szef@gesla-jazn.pl' }] })
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['statement-C00001-2026-01-01-2026-01-31.pdf', 'application/pdf']
    ])
    expect(mail.attachments[0]!.content.equals(Buffer.from(asQueued))).toBe(true)
    expect(mail.text).toContain('Gęślą Jaźń Sp. z o.o.')
    if (POPPLER) {
      const file = join(tempDir(), 's.pdf')
      writeFileSync(file, mail.attachments[0]!.content)
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
      expect(text).toContain(invoice.number!)
      expect(text).not.toContain('PRZELEW')
    }
    expect(listOutbox(books, { limit: 5 })[0]).toMatchObject({ kind: 'statement', status: 'sent' })
  })

  it('refuses a customer with no billing email and a reversed period, saying which', async () => {
    const { books, invoice } = await company(9, [])
    const customerId = invoice.customerId!
    expect(
      appErrorOf(() =>
        queueStatementEmail(books, {
          customerId,
          from: '2026-01-01',
          to: '2026-01-31',
          cc: [],
          bcc: []
        })
      ).problem?.key
    ).toBe('email_no_recipient')
    expect(
      appErrorOf(() =>
        queueStatementEmail(books, {
          customerId,
          from: '2026-02-01',
          to: '2026-01-31',
          recipients: ['a@example.com'],
          cc: [],
          bcc: []
        })
      ).problem?.key
    ).toBe('statement_period_reversed')
    expect(listOutbox(books, { limit: 5 })).toEqual([])
  })
})
