import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCreditNote, issueInvoice } from '../../../books/invoices'
import { appErrorOf } from '../../../books/test-support'
import { exportEinvoice } from '../export'
import { formatsFor } from '../registry'
import { resultsDir, sayIfSkipped, validate, VALIDATORS } from '../test-validators'
import { dpsDateTime, dpsNumber, municipalityOffset } from './dps'
import { brazilianBooks } from './test-books'
import { returnedNfse } from './test-nfse'
import { importNfse, nfseSettings, setNfseSettings } from '../../../books/nfse'

/**
 * The DPS of the national NFS-e layout v1.01: every case passes the official schema, its Id is
 * made as the layout says, a broken field fails the validator, and what a DPS cannot say is
 * refused with the reason.
 */

sayIfSkipped('NFS-e validator test')
const OUT = resultsDir('nfse')
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('the DPS', () => {
  it.runIf(VALIDATORS)(
    'passes the NFS-e v1.01 schema for every case, and so does the NFS-e that returns',
    async () => {
      const { books, docs } = await brazilianBooks()
      mkdirSync(OUT, { recursive: true })
      const files: string[] = []
      for (const [name, doc] of Object.entries(docs)) {
        const file = join(OUT, `${name}.dps.xml`)
        const dps = text(exportEinvoice(books, doc.id, 'dps').bytes)
        writeFileSync(file, dps)
        files.push(file)
        const returned = join(OUT, `${name}.nfse.xml`)
        writeFileSync(returned, returnedNfse(dps).xml)
        files.push(returned)
      }
      const result = validate('nfse', files)
      expect(result.report).not.toMatch(/^invalid|[1-9]\d* errors/m)
      expect(result.ok).toBe(true)

      // a broken field: the service code is six digits
      const broken = join(OUT, 'broken.dps.xml')
      writeFileSync(
        broken,
        text(exportEinvoice(books, docs.business.id, 'dps').bytes).replace(
          '<cTribNac>170201</cTribNac>',
          '<cTribNac>1702</cTribNac>'
        )
      )
      const failed = validate('nfse', [broken])
      expect(failed.ok).toBe(false)
      expect(failed.report).toMatch(/cTribNac/)
    }
  )

  it('carries the provider, the customer, the value and the IBS/CBS group as the layout says', async () => {
    const { books, docs } = await brazilianBooks()
    const business = text(exportEinvoice(books, docs.business.id, 'dps').bytes)
    // DPS + São Paulo + CNPJ (2) + the CNPJ in 14 + series in 5 + the number's digits in 15
    const nDps = dpsNumber(docs.business.number!)!
    expect(business).toContain(
      `<infDPS Id="DPS3550308216727230000197${'1'.padStart(5, '0')}${nDps.padStart(15, '0')}">`
    )
    expect(business).toContain(`<nDPS>${nDps}</nDPS>`)
    expect(business).toMatch(/<dhEmi>2026-03-10T\d{2}:\d{2}:\d{2}-03:00<\/dhEmi>/)
    expect(business).toContain('<tpAmb>1</tpAmb>')
    expect(business).toContain('<CNPJ>16727230000197</CNPJ>')
    expect(business).toContain('<IM>12345678</IM>')
    expect(business).toMatch(/<opSimpNac>3<\/opSimpNac>\s*<regApTribSN>1<\/regApTribSN>/)
    expect(business).toMatch(
      /<toma>\s*<CNPJ>11222333000181<\/CNPJ>\s*<xNome>Padaria Pão de Açúcar Ltda<\/xNome>/
    )
    // 1,200.00 + 12 × 35.00
    expect(business).toContain('<vServ>1620.00</vServ>')
    expect(business).toContain(
      '<xDescServ>Escrituração contábil, março de 2026: R$ 1200.00; 12 × Folha de pagamento (funcionários): R$ 420.00</xDescServ>'
    )
    expect(business).toMatch(/<CST>000<\/CST>\s*<cClassTrib>000001<\/cClassTrib>/)

    const cpf = text(exportEinvoice(books, docs.cpf.id, 'dps').bytes)
    expect(cpf).toMatch(/<toma>\s*<CPF>52998224725<\/CPF>/)
    const consumer = text(exportEinvoice(books, docs.consumer.id, 'dps').bytes)
    expect(consumer).not.toContain('<toma>')
    const foreign = text(exportEinvoice(books, docs.foreign.id, 'dps').bytes)
    expect(foreign).toMatch(/<toma>\s*<NIF>123456789<\/NIF>/)
    expect(foreign).toMatch(/<tribISSQN>3<\/tribISSQN>\s*<cPaisResult>US<\/cPaisResult>/)
    expect(foreign).toContain('<vServMoeda>2500.00</vServMoeda>')
    // 800.00 less the 10 % coupon: the service's value and the discount, the net is the total
    const coupon = text(exportEinvoice(books, docs.coupon.id, 'dps').bytes)
    expect(coupon).toContain('<vServ>800.00</vServ>')
    expect(coupon).toContain('<vDescIncond>80.00</vDescIncond>')
    expect(docs.coupon.subtotals.total).toBe(72000)
  })

  it('comes out byte for byte the same again, and fixes its Id at the first export', async () => {
    const { books, docs } = await brazilianBooks()
    const first = exportEinvoice(books, docs.cpf.id, 'dps')
    const again = exportEinvoice(books, docs.cpf.id, 'dps')
    expect(again.sha256).toBe(first.sha256)
    expect(first.fileName).toMatch(/\.dps\.xml$/)
    const row = books.first(
      books.q.selectFrom('nfse_documents').selectAll().where('invoice_id', '=', docs.cpf.id)
    )
    expect(row?.dps_id).toMatch(/^DPS3550308\d{35}$/)
    expect(text(first.bytes)).toContain(`Id="${row!.dps_id}"`)
  })

  it('is made again after a settings change until its NFS-e is recorded, and keeps its Id', async () => {
    const { books, docs } = await brazilianBooks()
    const first = exportEinvoice(books, docs.cpf.id, 'dps')
    const settings = nfseSettings(books)!
    setNfseSettings(books, { ...settings, serviceCode: '170101', environment: 'test' })
    // a DPS the tax system has not turned into an NFS-e yet is the emitter's draft
    const corrected = exportEinvoice(books, docs.cpf.id, 'dps')
    expect(corrected.sha256).not.toBe(first.sha256)
    expect(text(corrected.bytes)).toContain('<cTribNac>170101</cTribNac>')
    setNfseSettings(books, { ...settings, serviceCode: '170101' })
    const final = text(exportEinvoice(books, docs.cpf.id, 'dps').bytes)
    importNfse(books, [{ name: 'nfse.xml', text: returnedNfse(final).xml }])
    // once its NFS-e is recorded, the DPS is fixed
    setNfseSettings(books, { ...settings, serviceCode: '170102' })
    expect(appErrorOf(() => exportEinvoice(books, docs.cpf.id, 'dps')).message).toMatch(
      /would write a different file/
    )
    // a DPS keeps its Id: another series would change it
    exportEinvoice(books, docs.consumer.id, 'dps')
    setNfseSettings(books, { ...settings, series: '3' })
    expect(appErrorOf(() => exportEinvoice(books, docs.consumer.id, 'dps')).message).toMatch(
      /was exported as DPS DPS3550308\d{35}; the NFS-e settings now make it/
    )
  })

  it('refuses a DPS Id another invoice already has, keeping nothing', async () => {
    const { books, docs } = await brazilianBooks()
    exportEinvoice(books, docs.cpf.id, 'dps')
    const taken = books.first(
      books.q.selectFrom('nfse_documents').select('dps_id').where('invoice_id', '=', docs.cpf.id)
    )!.dps_id!
    // the consumer's invoice gets a number with the same digits as the CPF customer's
    books.sqlite.prepare('DROP TRIGGER invoices_issued_immutable').run()
    books.sqlite
      .prepare('UPDATE invoices SET number = ? WHERE id = ?')
      .run(docs.cpf.number!.replace('/', '-'), docs.consumer.id)
    const before = books.all(books.q.selectFrom('einvoice_exports').selectAll()).length
    const error = appErrorOf(() => exportEinvoice(books, docs.consumer.id, 'dps'))
    expect(error.message).toMatch(
      new RegExp(`would get DPS ${taken}, which ${docs.cpf.number} already has`)
    )
    expect(books.all(books.q.selectFrom('einvoice_exports').selectAll())).toHaveLength(before)
  })

  it('is offered for a Brazilian seller’s invoice in reais, and refused with the reason otherwise', async () => {
    const { books, docs } = await brazilianBooks()
    expect(formatsFor(docs.business).map((f) => f.format)).toEqual(['dps'])
    const credit = issueInvoice(
      books,
      createCreditNote(books, docs.business.id, {
        reason: 'Desconto concedido',
        lines: [{ lineId: docs.business.lines[0]!.id, amount: 10000 }]
      }).id
    )
    expect(formatsFor(credit).map((f) => f.format)).toEqual([])
    expect(appErrorOf(() => exportEinvoice(books, credit.id, 'dps')).message).toMatch(
      /does not apply/
    )
    const unconfigured = await brazilianBooks({ configured: false })
    const refusal = appErrorOf(() =>
      exportEinvoice(unconfigured.books, unconfigured.docs.business.id, 'dps')
    )
    expect(refusal.message).toMatch(/NFS-e settings/)
    expect(
      unconfigured.books.all(unconfigured.books.q.selectFrom('einvoice_exports').selectAll())
    ).toEqual([])
  })
})

describe('DPS fields', () => {
  it.each([
    ['FV/2026/000042', '2026000042'],
    ['NF-7', '7'],
    ['000', null],
    ['INV', null],
    ['2026/1234567890123', null]
  ])('the DPS number of %s is %s', (number, expected) => {
    expect(dpsNumber(number)).toBe(expected)
  })

  it.each([
    ['3550308', -3], // São Paulo
    ['1302603', -4], // Manaus
    ['1200401', -5], // Rio Branco
    ['5103403', -4], // Cuiabá
    ['2605459', -2], // Fernando de Noronha
    ['4202404', -3] // Blumenau
  ])('municipality %s is at UTC%i', (municipality, offset) => {
    expect(municipalityOffset(municipality)).toBe(offset)
  })

  it.each([
    ['2026-03-10T13:05:09.123Z', -3, '2026-03-10T10:05:09-03:00'],
    ['2026-03-01T02:00:00.000Z', -4, '2026-02-28T22:00:00-04:00'],
    ['2026-12-31T23:59:59.000Z', -2, '2026-12-31T21:59:59-02:00']
  ])('dhEmi of %s at UTC%i is %s', (iso, offset, expected) => {
    expect(dpsDateTime(iso, offset)).toBe(expected)
  })
})
