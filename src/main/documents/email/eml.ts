import MailComposer from 'nodemailer/lib/mail-composer'
import type { InvoiceView } from '@shared/books/invoices'
import { viewInvoice } from '../../books/invoices'
import { problem } from '../../errors'
import { getCompany } from '../../store/repos/company'
import type { Books } from '../../store/sync'
import { invoiceFileName } from '../pdf/render'
import { invoicePdfFor } from '../logo'
import { customerEinvoiceFormat, invoiceAttachments } from '../einvoice/export'
import { billingEmails } from './outbox'
import { invoicePlaceholders, templateFor } from './templates'

/**
 * "Open in my mail app": the invoice as an unsent message (.eml with X-Unsent: 1, which Outlook,
 * Apple Mail and Thunderbird open as a draft to send), addressed to the customer's billing emails,
 * in their language, with the PDF attached. Nothing goes through the outbox: the mail app sends it.
 */
export async function invoiceEml(
  books: Books,
  invoiceId: number
): Promise<{ fileName: string; eml: Buffer }> {
  const invoice: InvoiceView = viewInvoice(books, invoiceId)
  if (invoice.status === 'draft' || !invoice.number)
    throw problem(
      'VALIDATION',
      'email_draft',
      'A draft is not sent: issue the invoice first, then email it.'
    )
  const company = getCompany(books)
  const language = invoice.language
  const kind = invoice.kind === 'credit_note' ? 'credit_note' : 'invoice'
  const message = templateFor(
    books,
    kind,
    language,
    invoicePlaceholders(invoice, company, language, kind)
  )
  const pdf = await invoicePdfFor(books, invoice, language)
  const einvoice = customerEinvoiceFormat(books, invoice)
  const composer = new MailComposer({
    to: billingEmails(books, invoice),
    subject: message.subject,
    text: message.body,
    headers: { 'X-Unsent': '1' },
    attachments: await invoiceAttachments(
      books,
      invoice.id,
      {
        filename: invoiceFileName(invoice),
        content: Buffer.from(pdf),
        contentType: 'application/pdf'
      },
      einvoice
    )
  })
  const eml = await new Promise<Buffer>((done, fail) =>
    composer.compile().build((error, bytes) => (error ? fail(error) : done(bytes)))
  )
  return { fileName: invoiceFileName(invoice).replace(/\.pdf$/, '.eml'), eml }
}
