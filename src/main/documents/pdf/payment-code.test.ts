import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { epcPayload, pixPayload } from '@shared/documents/payment-codes'
import { printedTaxId } from '@shared/documents/invoice-model'
import { issueInvoice } from '../../books/invoices'
import { tempDir } from '../../test-support'
import { issuedInvoice } from '../test-invoice'
import { invoicePdf } from './render'

/**
 * The payment instructions of a PDF: the EPC QR code of a EUR invoice and the Pix code of a BRL
 * one, decoded with zbarimg from a pdftoppm render; the Polish account number of a PLN one.
 */

const TOOLS =
  spawnSync('pdftoppm', ['-v']).status === 0 && spawnSync('zbarimg', ['--version']).status === 0
if (!TOOLS) console.info('payment code tests skipped: poppler-utils or zbar-tools is not installed')
const RENDERS = resolve(import.meta.dirname, '../../../../test-results/documents')

/** The text of every QR code on page 1, as zbarimg reads it from a 150 dpi render. */
function decodedCodes(pdf: Uint8Array, name: string): string[] {
  mkdirSync(RENDERS, { recursive: true })
  const file = join(RENDERS, `${name}.pdf`)
  writeFileSync(file, pdf)
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', file, join(RENDERS, name)])
  const png = join(RENDERS, `${name}-1.png`)
  const out = execFileSync('zbarimg', ['--raw', '-q', '-Sbinary', png], {
    stdio: ['ignore', 'pipe', 'ignore']
  })
  return [out.toString('utf8').replace(/\n$/, '')]
}

const pdfText = (pdf: Uint8Array): string => {
  const file = join(tempDir(), 'doc.pdf')
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
}

async function companyInvoice(country: string, currency: string, set: Record<string, string>) {
  const { books, draft } = await issuedInvoice(
    'Cliente Ação Muñoz',
    country === 'BR' ? 'pt-BR' : 'es',
    country,
    [],
    {
      country,
      currency
    }
  )
  books.run(books.q.updateTable('company').set(set))
  return issueInvoice(books, draft)
}

describe.runIf(TOOLS)('payment codes on the invoice', () => {
  it('a EUR invoice carries the EPC QR code for a SEPA transfer of what is due', async () => {
    const invoice = await companyInvoice('ES', 'EUR', {
      legal_name: 'Ibérica Asesores S.L.',
      // a Spanish company issues with its NIF (its Verifactu record needs one)
      tax_id: 'B12345674',
      iban: 'ES9121000418450200051332',
      bic: 'CAIXESBBXXX'
    })
    const pdf = await invoicePdf(invoice, 'es')
    const expected = epcPayload({
      bic: 'CAIXESBBXXX',
      name: 'Ibérica Asesores S.L.',
      iban: 'ES9121000418450200051332',
      amountMinor: invoice.subtotals.amountDue,
      remittance: invoice.number!
    })
    expect(expected.split('\n').slice(0, 8)).toEqual([
      'BCD',
      '002',
      '1',
      'SCT',
      'CAIXESBBXXX',
      'Ibérica Asesores S.L.',
      'ES9121000418450200051332',
      `EUR${(invoice.subtotals.amountDue / 100).toFixed(2)}`
    ])
    expect(decodedCodes(pdf, 'invoice-es-epc')).toEqual([expected])
    const text = pdfText(pdf)
    expect(text).toContain('IBAN: ES91 2100 0418 4502 0005 1332')
    expect(text.replace(/\s+/g, ' ')).toContain('Escanee para pagar en la app de su banco')
  })

  it('a BRL invoice carries the Pix code and its copy-and-paste text', async () => {
    const invoice = await companyInvoice('BR', 'BRL', {
      legal_name: 'Soluções Contábeis São João Ltda',
      city: 'São Paulo',
      iban: '',
      pix_key: 'financeiro@saojoao.com.br'
    })
    const pdf = await invoicePdf(invoice, 'pt-BR')
    const expected = pixPayload({
      key: 'financeiro@saojoao.com.br',
      merchantName: 'Soluções Contábeis São João Ltda',
      merchantCity: 'São Paulo',
      amountMinor: invoice.subtotals.amountDue,
      txid: invoice.number!
    })
    expect(expected).toMatch(/^000201.*br\.gov\.bcb\.pix.*5303986.*5802BR.*6304[0-9A-F]{4}$/)
    expect(decodedCodes(pdf, 'invoice-br-pix')).toEqual([expected])
    const text = pdfText(pdf).replace(/\s+/g, '')
    expect(text).toContain(`Pixcopiaecola:${expected.replace(/\s+/g, '')}`)
  })

  it('a PLN invoice prints the Polish account number, and a draft no code', async () => {
    const { books, draft } = await issuedInvoice('Łukasz Ćwikła', 'pl', 'PL')
    books.run(books.q.updateTable('company').set({ iban: 'PL61109010140000071219812874' }))
    const invoice = issueInvoice(books, draft)
    const text = pdfText(await invoicePdf(invoice, 'pl'))
    expect(text).toContain('Numer rachunku: 61 1090 1014 0000 0712 1981 2874')
    expect(text).toContain('IBAN: PL61 1090 1014 0000 0712 1981 2874')
  })
})

describe('VAT numbers', () => {
  const party = (country: string, taxId: string) => ({
    name: 'x',
    taxId,
    country,
    address: { line1: '', line2: '', postalCode: '', city: '', region: '' }
  })
  it.each([
    ['PL', '5260250274', 'DE', 'PL5260250274'],
    ['GR', '094014201', 'PL', 'EL094014201'],
    ['PL', 'PL5260250274', 'DE', 'PL5260250274'],
    ['PL', '5260250274', 'PL', '5260250274'],
    ['PL', '5260250274', 'GB', '5260250274'],
    ['BR', '11222333000181', 'PL', '11222333000181']
  ])('%s %s to a buyer in %s prints %s', (country, taxId, other, printed) => {
    expect(printedTaxId(party(country, taxId), party(other, ''))).toBe(printed)
  })
})
