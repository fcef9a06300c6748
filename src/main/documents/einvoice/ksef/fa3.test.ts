import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { InvoiceView } from '@shared/books/invoices'
import { ksefCode } from '../../../books/ksef'
import { saveTaxRate } from '../../../books/catalog'
import { invoiceModel } from '@shared/documents/invoice-model'
import { documentTranslator } from '../../pdf/render'
import { addDraftLine, createDraft, issueInvoice } from '../../../books/invoices'
import { taxRateSchema } from '@shared/billing/inputs'
import { appErrorOf } from '../../../books/test-support'
import type { Books } from '../../../store/sync'
import { einvoiceContext, exportEinvoice } from '../export'
import { einvoiceMatrix, TWO_DECIMAL_CASES, type MatrixCase } from '../test-matrix'
import { exemptionBasis, fa3Xml } from './fa3'
import { base64UrlOfHex } from './kod'
import { resultsDir, sayIfSkipped, validate, VALIDATORS } from '../test-validators'

/**
 * Issue 11's matrix as FA(3), checked with the official schema (../shared/validators, "ksef"),
 * and the fields KSeF reads that the schema cannot check: the sums per rate, the rate codes,
 * the correction, VAT in PLN for an invoice in euros.
 */

sayIfSkipped('FA(3) validator tests')
const OUT = resultsDir('ksef')

const validateFa3 = (files: string[]) => validate('ksef', files)

const FA3_CASES = TWO_DECIMAL_CASES

let books: Books
let documents: Record<MatrixCase, InvoiceView>
const xml: Partial<Record<MatrixCase, string>> = {}
const files: string[] = []

beforeAll(async () => {
  ;({ books, documents } = await einvoiceMatrix())
  mkdirSync(OUT, { recursive: true })
  for (const name of FA3_CASES) {
    const file = join(OUT, `${name}.fa3.xml`)
    const bytes = exportEinvoice(books, documents[name].id, 'ksef').bytes
    writeFileSync(file, bytes)
    xml[name] = new TextDecoder().decode(bytes)
    files.push(file)
  }
}, 60_000)

/** The text of every `<name>` in a file, in order. */
const values = (text: string, name: string) =>
  [...text.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1])

describe.skipIf(!VALIDATORS)('FA(3) passes the official schema', () => {
  it('every case of the matrix validates with no error', () => {
    const { ok, report } = validateFa3(files)
    expect(report).not.toMatch(/\berror\b/)
    expect(ok, report).toBe(true)
    expect(report.match(/^valid /gm)).toHaveLength(FA3_CASES.length)
  }, 60_000)

  it('a broken field fails it: a rate written as "23%"', () => {
    const broken = join(OUT, 'broken-rate.fa3.xml')
    writeFileSync(broken, xml.domestic!.replace('<P_12>23</P_12>', '<P_12>23%</P_12>'))
    const { ok, report } = validateFa3([broken])
    expect(ok).toBe(false)
    expect(report).toMatch(/P_12/)
  }, 60_000)
})

describe('split payment (Annex 15)', () => {
  it('marks Annex 15 lines, and an invoice over PLN 15,000 with them P_18A, passing the schema', () => {
    saveTaxRate(
      books,
      taxRateSchema.parse({
        id: 'mpp23',
        name: 'VAT 23% (zał. 15)',
        category: 'S',
        percent: '23',
        split_payment: true
      })
    )
    const issue = (price: string) => {
      const { id } = createDraft(books, {
        customerId: documents.domestic.customerId,
        currency: 'PLN',
        billDate: books.today(),
        lines: []
      })
      addDraftLine(books, id, {
        description: 'Dostawa elektroniki',
        quantity: '1',
        unitPrice: price,
        taxRateId: 'mpp23'
      })
      addDraftLine(books, id, {
        description: 'Obsługa',
        quantity: '1',
        unitPrice: '100.00',
        taxRateId: 'standard'
      })
      return issueInvoice(books, id)
    }
    const big = issue('15000.00')
    const small = issue('1000.00')
    const text = (d: InvoiceView) =>
      new TextDecoder().decode(exportEinvoice(books, d.id, 'ksef').bytes)
    expect(values(text(big), 'P_18A')).toEqual(['1'])
    expect(values(text(big), 'P_12_Zal_15')).toEqual(['1'])
    expect(ksefCode(books, big)!.splitPayment).toBe(true)
    // and the printout says so, in the act's words
    const model = invoiceModel(big, 'pl', documentTranslator('pl'), { ksef: ksefCode(books, big) })
    expect(model.legalNotes).toContain('mechanizm podzielonej płatności')
    expect(values(text(small), 'P_18A')).toEqual(['2'])
    expect(values(text(small), 'P_12_Zal_15')).toEqual(['1'])
    expect(ksefCode(books, small)!.splitPayment).toBe(false)
    if (VALIDATORS) {
      const file = join(OUT, 'split-payment.fa3.xml')
      writeFileSync(file, text(big))
      const { ok, report } = validateFa3([file])
      expect(ok, report).toBe(true)
    }
  }, 60_000)
})

describe('FA(3) content', () => {
  it('a domestic invoice: the sums of 23% from the VAT breakdown, P_15 the gross total', () => {
    const d = documents.domestic
    const text = xml.domestic!
    expect(text).toContain('<Faktura xmlns="http://crd.gov.pl/wzor/2025/06/25/13775/">')
    expect(text).toContain(
      '<KodFormularza kodSystemowy="FA (3)" wersjaSchemy="1-0E">FA</KodFormularza>'
    )
    expect(values(text, 'P_13_1')).toEqual([(d.taxes[0]!.taxableAmount / 100).toFixed(2)])
    expect(values(text, 'P_14_1')).toEqual([(d.taxes[0]!.taxAmount / 100).toFixed(2)])
    expect(values(text, 'P_15')).toEqual([(d.subtotals.total / 100).toFixed(2)])
    expect(values(text, 'RodzajFaktury')).toEqual(['VAT'])
    expect(values(text, 'NIP')).toEqual(['1234563218', '5260250274'])
    expect(values(text, 'P_19N')).toEqual(['1'])
    expect(text).not.toContain('<P_14_1W>')
  })

  it('several rates: one pair of sums per rate, lines marked 23, 8 and 5', () => {
    const text = xml.several_rates!
    expect(values(text, 'P_12')).toEqual(['23', '8', '5'])
    for (const field of ['P_13_1', 'P_14_1', 'P_13_2', 'P_14_2', 'P_13_3', 'P_14_3'])
      expect(values(text, field)).toHaveLength(1)
    const net = ['P_13_1', 'P_13_2', 'P_13_3'].map((f) => Number(values(text, f)[0]))
    const tax = ['P_14_1', 'P_14_2', 'P_14_3'].map((f) => Number(values(text, f)[0]))
    expect(Math.round((net.reduce((a, b) => a + b) + tax.reduce((a, b) => a + b)) * 100)).toBe(
      documents.several_rates.subtotals.total
    )
  })

  it('a coupon: the line keeps its price, the discount in P_10 and the net in P_11', () => {
    const text = xml.coupon!
    expect(values(text, 'P_9A')).toEqual(['100.00'])
    expect(values(text, 'P_10')).toEqual(['20.00'])
    expect(values(text, 'P_11')).toEqual(['80.00'])
  })

  it('reverse charge to an EU business: np II, P_13_9 without VAT, P_18 = 1, the VAT number without its prefix', () => {
    const text = xml.reverse_charge!
    expect(values(text, 'P_12')).toEqual(['np II'])
    expect(values(text, 'P_13_9')).toHaveLength(1)
    expect(text).not.toMatch(/<P_14_/)
    expect(values(text, 'P_18')).toEqual(['1'])
    expect(values(text, 'KodUE')).toEqual(['DE'])
    expect(values(text, 'NrVatUE')).toEqual(['136695976'])
    expect(values(text, 'PrefiksPodatnika')).toEqual(['PL'])
  })

  it('an exempt supply: zw, P_13_7 and the legal basis under P_19A', () => {
    const text = xml.exempt!
    expect(values(text, 'P_12')).toEqual(['zw'])
    expect(values(text, 'P_13_7')).toHaveLength(1)
    expect(values(text, 'P_19')).toEqual(['1'])
    expect(values(text, 'P_19A')).toEqual(['Zwolnienie: art. 43 ust. 1 pkt 18 ustawy o VAT'])
  })

  it('an export of services and a zero-decimal currency: np I, the buyer by country and id', () => {
    expect(values(xml.export!, 'P_12')).toEqual(['np I'])
    expect(values(xml.export!, 'P_13_8')).toHaveLength(1)
    expect(values(xml.zero_decimals!, 'KodWaluty')).toEqual(['JPY'])
    expect(values(xml.zero_decimals!, 'P_15')).toEqual(['12000'])
    expect(values(xml.export!, 'BrakID')).toEqual(['1'])
  })

  it('a credit note is a KOR of the difference: negative sums, the corrected invoice and the reason', () => {
    const text = xml.partial_credit_note!
    const credit = documents.partial_credit_note
    expect(values(text, 'RodzajFaktury')).toEqual(['KOR'])
    expect(values(text, 'P_15')).toEqual([`-${(credit.subtotals.total / 100).toFixed(2)}`])
    expect(values(text, 'P_11')).toEqual(['-33.33'])
    expect(values(text, 'NrFaKorygowanej')).toEqual([documents.several_rates.number])
    expect(values(text, 'DataWystFaKorygowanej')).toEqual([documents.several_rates.issueDate])
    // issued before KSeF was the law (February 2026): the corrected invoice has no KSeF number
    expect(values(text, 'NrKSeFN')).toEqual(['1'])
    expect(values(text, 'PrzyczynaKorekty')).toEqual([credit.correctionReason])
  })

  it('VAT in euros is also stated in PLN at the NBP rate of the last working day before issue', () => {
    const text = xml.foreign_currency_vat!
    const tax = documents.foreign_currency_vat.taxes[0]!.taxAmount
    expect(values(text, 'KodWaluty')).toEqual(['EUR'])
    expect(values(text, 'KursWaluty')).toEqual(['4.2155'])
    expect(values(text, 'P_14_1W')).toEqual([((tax * 4.2155) / 100).toFixed(2)])
  })

  it('refuses what KSeF would reject: a seller without a valid NIP, euros without a rate, three decimals', () => {
    const d = documents.domestic
    const context = einvoiceContext(books, d)
    const badSeller = { ...d, seller: { ...d.seller!, taxId: '1234563219' } }
    expect(appErrorOf(() => fa3Xml(badSeller, context)).problem?.key).toBe('ksef_seller_nip')
    const badBuyer = { ...d, buyer: { ...d.buyer!, taxId: '526-025-02-75' } }
    expect(appErrorOf(() => fa3Xml(badBuyer, context)).message).toMatch(/not a valid NIP/)
    const euros = documents.foreign_currency_vat
    expect(
      appErrorOf(() => fa3Xml(euros, { ...einvoiceContext(books, euros), plnRate: null })).problem
        ?.key
    ).toBe('ksef_rate_missing')
    expect(
      appErrorOf(() => exportEinvoice(books, documents.three_decimals.id, 'ksef')).problem?.key
    ).toBe('einvoice_not_applicable')
  })

  it('names the legal basis of an exemption where the law puts it', () => {
    expect(exemptionBasis('art. 43 ust. 1 pkt 37 ustawy o VAT')).toBe('P_19A')
    expect(exemptionBasis('Art. 132(1)(i) Directive 2006/112/EC')).toBe('P_19B')
    expect(exemptionBasis('Zwolnienie podmiotowe')).toBe('P_19C')
  })

  it('KOD I links the SHA-256 of the exported file, labelled OFFLINE until KSeF numbers it', () => {
    const d = documents.domestic
    const bytes = exportEinvoice(books, d.id, 'ksef').bytes
    const hash = createHash('sha256').update(bytes).digest('hex')
    const code = ksefCode(books, d)!
    expect(code.url).toBe(
      `https://qr.ksef.mf.gov.pl/invoice/1234563218/02-01-2026/${base64UrlOfHex(hash)}`
    )
    expect(code.url.split('/').at(-1)).toHaveLength(43)
    expect(code.label).toBe('OFFLINE')
  })
})
