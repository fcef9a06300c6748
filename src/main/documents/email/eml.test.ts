import { simpleParser } from 'mailparser'
import { describe, expect, it } from 'vitest'
import { issueInvoice, viewInvoice } from '../../books/invoices'
import { invoicePdfFor } from '../logo'
import { issuedInvoice } from '../test-invoice'
import { invoiceEml } from './eml'

describe('an invoice as an unsent message for the mail app', () => {
  it('is addressed to the billing emails, in their language, marked unsent, the PDF attached', async () => {
    const { books, draft } = await issuedInvoice('Señora Muñoz', 'es', 'ES', ['pagos@munoz.es'])
    await expect(invoiceEml(books, draft)).rejects.toMatchObject({
      problem: { key: 'email_draft' }
    })
    const invoice = issueInvoice(books, draft)
    const { fileName, eml } = await invoiceEml(books, invoice.id)
    expect(fileName).toBe(`${invoice.number!.replace(/\//g, '-')}.eml`)
    const mail = await simpleParser(eml)
    expect(mail.headers.get('x-unsent')).toBe('1')
    expect(mail.to).toMatchObject({ value: [{ address: 'pagos@munoz.es' }] })
    expect(mail.subject).toBe(`Factura ${invoice.number} de Zakład Usług Księgowych Łódź`)
    expect(mail.text).toContain('Estimado/a Señora Muñoz')
    const pdf = await invoicePdfFor(books, viewInvoice(books, invoice.id), 'es')
    expect(mail.attachments[0]!.content.equals(Buffer.from(pdf))).toBe(true)
  })
})
