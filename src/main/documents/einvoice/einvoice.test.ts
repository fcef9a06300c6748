import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { InvoiceView } from '@shared/books/invoices'
import { createCreditNote, issueInvoice } from '../../books/invoices'
import { appErrorOf } from '../../books/test-support'
import type { Books } from '../../store/sync'
import { tempDir } from '../../test-support'
import { exportEinvoice, einvoiceRecords } from './export'
import { einvoiceFormat, formatsFor } from './registry'
import { einvoiceMatrix, TWO_DECIMAL_CASES, type MatrixCase } from './test-matrix'
import { resultsDir, sayIfSkipped, validate, VALIDATORS } from './test-validators'

/**
 * Issue 11's matrix, exported as UBL (Peppol BIS 3.0) and CII and checked with the official
 * artefacts in ../shared/validators: the XSDs and the EN 16931 and Peppol schematron rules.
 */

sayIfSkipped('e-invoice validator tests')
const OUT = resultsDir()

const EN16931_CASES = TWO_DECIMAL_CASES

let books: Books
let documents: Record<MatrixCase, InvoiceView>
const files: Record<string, string[]> = { ubl: [], cii: [] }

beforeAll(async () => {
  ;({ books, documents } = await einvoiceMatrix())
  mkdirSync(OUT, { recursive: true })
  for (const name of EN16931_CASES)
    for (const format of ['ubl', 'cii'] as const) {
      const file = join(OUT, `${name}.${format}.xml`)
      writeFileSync(file, exportEinvoice(books, documents[name].id, format).bytes)
      files[format]!.push(file)
    }
}, 60_000)

describe.skipIf(!VALIDATORS)('EN 16931 files pass the official validators', () => {
  it('UBL: every case passes the UBL 2.1 schema, EN 16931 and Peppol BIS 3.0 with no error', () => {
    const { ok, report } = validate('peppol-ubl', files.ubl!)
    expect(report).not.toMatch(/\berror\b/)
    expect(ok, report).toBe(true)
    expect(report.match(/^valid /gm)).toHaveLength(EN16931_CASES.length)
  }, 60_000)

  it('CII: every case passes the CII D16B schema and EN 16931 with no error', () => {
    const { ok, report } = validate('cii', files.cii!)
    expect(report).not.toMatch(/\berror\b/)
    expect(ok, report).toBe(true)
    expect(report.match(/^valid /gm)).toHaveLength(EN16931_CASES.length)
  }, 60_000)

  it('sees a wrong VAT sum, in either syntax', () => {
    const dir = tempDir()
    const ubl = exportEinvoice(books, documents.domestic.id, 'ubl').bytes
    const brokenUbl = Buffer.from(ubl)
      .toString('utf8')
      .replace(
        '<cbc:TaxAmount currencyID="PLN">23.00</cbc:TaxAmount>',
        '<cbc:TaxAmount currencyID="PLN">32.00</cbc:TaxAmount>'
      )
    expect(brokenUbl).not.toBe(Buffer.from(ubl).toString('utf8'))
    writeFileSync(join(dir, 'broken.ubl.xml'), brokenUbl)
    const u = validate('ubl', [join(dir, 'broken.ubl.xml')])
    expect(u.ok).toBe(false)
    expect(u.report).toMatch(/BR-CO-14/)

    const cii = Buffer.from(exportEinvoice(books, documents.domestic.id, 'cii').bytes).toString()
    const brokenCii = cii.replace(
      '<ram:GrandTotalAmount>123.00</ram:GrandTotalAmount>',
      '<ram:GrandTotalAmount>132.00</ram:GrandTotalAmount>'
    )
    expect(brokenCii).not.toBe(cii)
    writeFileSync(join(dir, 'broken.cii.xml'), brokenCii)
    const c = validate('cii', [join(dir, 'broken.cii.xml')])
    expect(c.ok).toBe(false)
    expect(c.report).toMatch(/BR-CO-15/)
  }, 60_000)
})

describe('what the files say', () => {
  const ubl = (name: MatrixCase) =>
    Buffer.from(exportEinvoice(books, documents[name].id, 'ubl').bytes).toString('utf8')

  it('names the parties by their VAT ids and Peppol addresses', () => {
    const xml = ubl('domestic')
    expect(xml).toContain('<cbc:EndpointID schemeID="9945">PL1234563218</cbc:EndpointID>')
    expect(xml).toContain('<cbc:CompanyID>PL5260250274</cbc:CompanyID>')
    expect(xml).toContain('<cbc:RegistrationName>Łucja Ćwik</cbc:RegistrationName>')
    expect(ubl('export')).toContain(
      '<cbc:EndpointID schemeID="0088">5790000435975</cbc:EndpointID>'
    )
  })

  it('carries a coupon as a document-level allowance in its VAT category', () => {
    const xml = ubl('coupon')
    expect(xml).toMatch(
      /<cac:AllowanceCharge>\s*<cbc:ChargeIndicator>false<\/cbc:ChargeIndicator>\s*<cbc:AllowanceChargeReason>Welcome 20%<\/cbc:AllowanceChargeReason>\s*<cbc:Amount currencyID="PLN">20.00<\/cbc:Amount>/
    )
    expect(xml).toContain(
      '<cbc:AllowanceTotalAmount currencyID="PLN">20.00</cbc:AllowanceTotalAmount>'
    )
  })

  it('writes reverse charge and export with their VATEX codes, and an exemption with its ground', () => {
    expect(ubl('reverse_charge')).toContain(
      '<cbc:TaxExemptionReasonCode>VATEX-EU-AE</cbc:TaxExemptionReasonCode>'
    )
    expect(ubl('export')).toContain(
      '<cbc:TaxExemptionReasonCode>VATEX-EU-G</cbc:TaxExemptionReasonCode>'
    )
    expect(ubl('exempt')).toContain(
      '<cbc:TaxExemptionReason>Zwolnienie: art. 43 ust. 1 pkt 18 ustawy o VAT</cbc:TaxExemptionReason>'
    )
  })

  it('makes a credit note a CreditNote naming the invoice it corrects, with positive amounts', () => {
    const xml = ubl('partial_credit_note')
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<CreditNote /)
    expect(xml).toContain('<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>')
    expect(xml).toContain(
      `<cac:InvoiceDocumentReference>\n      <cbc:ID>${documents.several_rates.number}</cbc:ID>`
    )
    expect(xml).toContain('<cbc:PayableAmount currencyID="PLN">36.00</cbc:PayableAmount>')
  })

  it('writes a yen amount without decimals', () => {
    expect(ubl('zero_decimals')).toContain(
      '<cbc:PayableAmount currencyID="JPY">12000</cbc:PayableAmount>'
    )
  })
})

describe('the registry and the kept record', () => {
  it('refuses a format it does not know, and one that does not apply, saying why', () => {
    expect(() => einvoiceFormat('xrechnung')).toThrow(/no e-invoice format "xrechnung"/)
    const kwd = appErrorOf(() => exportEinvoice(books, documents.three_decimals.id, 'ubl'))
    expect(kwd.problem?.key).toBe('einvoice_not_applicable')
    expect(kwd.message).toMatch(/KWD/)
    expect(formatsFor(documents.three_decimals)).toEqual([])
    // a Polish seller: EN 16931 and FA(3)
    expect(formatsFor(documents.domestic).map((f) => f.format)).toEqual([
      'ubl',
      'cii',
      'facturx',
      'ksef'
    ])
  })

  it('keeps the first file’s SHA-256, and every export after it is the same bytes', () => {
    const id = documents.prorated.id
    const first = exportEinvoice(books, id, 'cii')
    const again = exportEinvoice(books, id, 'cii')
    expect(Buffer.from(again.bytes).equals(Buffer.from(first.bytes))).toBe(true)
    const records = einvoiceRecords(books, id)
    expect(records.filter((r) => r.format === 'cii')).toEqual([
      expect.objectContaining({ version: 'cii-d16b-en16931/1', sha256: first.sha256 })
    ])
  })

  it('writes nothing when the file would differ from the one kept', () => {
    // a document no file has been made of yet: a credit note of the whole domestic invoice
    const id = issueInvoice(
      books,
      createCreditNote(books, documents.domestic.id, { reason: 'Wystawiona omyłkowo' }).id
    ).id
    books.run(
      books.q.insertInto('einvoice_exports').values({
        invoice_id: id,
        format: 'cii',
        version: 'cii-d16b-en16931/1',
        sha256: 'f'.repeat(64),
        created_at: '2026-01-05T10:00:00.000Z'
      })
    )
    const refused = appErrorOf(() => exportEinvoice(books, id, 'cii'))
    expect(refused.problem?.key).toBe('einvoice_would_differ')
    expect(refused.message).toMatch(/2026-01-05/)
  })
})
