import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { checkSuministro } from '../documents/einvoice/verifactu/check'
import { huella } from '../documents/einvoice/verifactu/huella'
import { altaFields, anulacionFields } from '../documents/einvoice/verifactu/records'
import { exportEinvoice } from '../documents/einvoice/export'
import { invoicePdfFor } from '../documents/logo'
import { verifyChains } from './chains'
import {
  resultsDir,
  sayIfSkipped,
  validate,
  VALIDATORS
} from '../documents/einvoice/test-validators'
import { createCustomer } from './customers'
import {
  addDraftLine,
  createCreditNote,
  createDraft,
  issueInvoice,
  viewInvoice,
  voidInvoice
} from './invoices'
import { appErrorOf, openTestBooks } from './test-support'
import { verifactuExport, verifactuRecords } from './verifactu'
import type { Books } from '../store/sync'

/**
 * A Spanish company's books: every issued invoice and credit note gets its alta and every voided
 * one its anulación, chained; the records as SuministroLR pass the AEAT's schema; the chain is
 * checked with the ledger and `verifactu check` finds a tampered record.
 */

sayIfSkipped('Verifactu validator test')
const OUT = resultsDir('verifactu')
const POPPLER =
  spawnSync('pdftoppm', ['-v']).error === undefined &&
  spawnSync('zbarimg', ['--version']).error === undefined
if (!POPPLER)
  console.info('Verifactu QR render test skipped: poppler-utils or zbar-tools not installed')

async function spanishBooks() {
  const { books, clock } = await openTestBooks('2026-01-05', 'ES', 'EUR')
  books.run(
    books.q.updateTable('company').set({
      legal_name: 'Gestoría Muñoz S.L.',
      tax_id: 'B12345674',
      address_line1: 'Calle Mayor 1',
      postal_code: '28013',
      city: 'Madrid'
    })
  )
  const customer = (name: string, fields: Record<string, unknown>) =>
    createCustomer(
      books,
      customerInput.parse({
        name,
        language: 'es',
        currency: 'EUR',
        emails: ['cliente@example.es'],
        address: { line1: 'Calle Real 2', postalCode: '08001', city: 'Barcelona' },
        ...fields
      })
    ).id
  const ids = {
    business: customer('Cliente Ejemplo S.A.', { country: 'ES', taxId: 'A28000008' }),
    consumer: customer('Lucía Pérez', { country: 'ES' }),
    eu: customer('Müller GmbH', {
      country: 'DE',
      taxId: 'DE136695976',
      taxTreatment: 'reverse_charge'
    }),
    export: customer('Acme Corp', { country: 'US', taxId: '12-3456789', taxTreatment: 'export' })
  }
  const invoice = (customerId: number, lines: [string, string, string][]) => {
    const { id } = createDraft(books, {
      customerId,
      currency: 'EUR',
      billDate: clock.date,
      lines: []
    })
    for (const [description, unitPrice, taxRateId] of lines)
      addDraftLine(books, id, { description, quantity: '1', unitPrice, taxRateId })
    return issueInvoice(books, id)
  }
  return { books, clock, ids, invoice }
}

async function chain() {
  const s = await spanishBooks()
  const { books, clock, ids, invoice } = s
  const f1 = invoice(ids.business, [
    ['Asesoría fiscal, enero 2026', '1000.00', 'standard'],
    ['Libro de registro', '40.00', 'super_reduced']
  ])
  const f2 = invoice(ids.consumer, [['Declaración de la renta', '80.00', 'standard']])
  const eu = invoice(ids.eu, [['Consulting services', '500.00', 'standard']])
  const exported = invoice(ids.export, [['Consulting services', '300.00', 'standard']])
  clock.date = '2026-01-12'
  const r1 = issueInvoice(
    books,
    createCreditNote(books, f1.id, {
      reason: 'Descuento acordado',
      lines: [{ lineId: f1.lines[0]!.id, amount: 10000 }]
    }).id
  )
  const r5 = issueInvoice(
    books,
    createCreditNote(books, f2.id, {
      reason: 'Error en el importe',
      lines: [{ lineId: f2.lines[0]!.id, amount: 2000 }]
    }).id
  )
  const voided = invoice(ids.business, [['Emitida por error', '10.00', 'standard']])
  voidInvoice(books, voided.id, 'Emitida por error')
  return { ...s, docs: { f1, f2, eu, exported, r1, r5, voided } }
}

describe('Verifactu records', () => {
  it('an alta for every issued document and an anulación for a voided one, chained in order', async () => {
    const { books, docs } = await chain()
    const records = verifactuRecords(books)
    expect(records.map((r) => [r.numSerie, r.kind, r.tipoFactura])).toEqual([
      [docs.f1.number, 'alta', 'F1'],
      [docs.f2.number, 'alta', 'F2'],
      [docs.eu.number, 'alta', 'F1'],
      [docs.exported.number, 'alta', 'F1'],
      [docs.r1.number, 'alta', 'R1'],
      [docs.r5.number, 'alta', 'R5'],
      [docs.voided.number, 'alta', 'F1'],
      [docs.voided.number, 'anulacion', null]
    ])
    // credit notes in their own series, as Spanish law requires
    expect(docs.r1.number).not.toBe(docs.f1.number)
    expect(docs.r1.number!.split('/')[0]).not.toBe(docs.f1.number!.split('/')[0])
    expect(records[0]).toMatchObject({
      previousHuella: '',
      previousId: null,
      cuotaTotal: '211.60',
      importeTotal: '1251.60'
    })
    expect(records[4]).toMatchObject({ cuotaTotal: '-21.00', importeTotal: '-121.00' })
    records.forEach((r, i) => {
      expect(r.previousHuella).toBe(i ? records[i - 1]!.huella : '')
      expect(r.huella).toBe(huella(r.kind === 'alta' ? altaFields(r) : anulacionFields(r)))
      expect(r.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/)
    })
    expect(verifyChains(books)).toMatchObject({ ok: true, broken: null })
  })

  it.skipIf(!VALIDATORS)(
    'exports SuministroLR files that pass the AEAT schema, and one per invoice',
    async () => {
      const { books, docs } = await chain()
      mkdirSync(OUT, { recursive: true })
      const [xml] = verifactuExport(books, (id) => viewInvoice(books, id))
      const file = join(OUT, 'records.xml')
      writeFileSync(file, xml!)
      const one = join(OUT, 'r1.verifactu.xml')
      writeFileSync(one, exportEinvoice(books, docs.r1.id, 'verifactu').bytes)
      const { ok, report } = validate('verifactu', [file, one])
      expect(report).not.toMatch(/\berror\b/)
      expect(ok, report).toBe(true)
      expect(xml).toContain('<sum1:TipoRectificativa>I</sum1:TipoRectificativa>')
      expect(xml).toContain('<sum1:CalificacionOperacion>N2</sum1:CalificacionOperacion>')
      expect(xml).toContain('<sum1:RegistroAnulacion>')
      expect(checkSuministro(xml!)).toEqual({ records: 8, broken: null })
    },
    60_000
  )

  it('verifactu check finds the first tampered record; the ledger check a changed chain', async () => {
    const { books } = await chain()
    const [xml] = verifactuExport(books, (id) => viewInvoice(books, id))
    const tampered = xml!.replace(
      '<sum1:ImporteTotal>-121.00</sum1:ImporteTotal>',
      '<sum1:ImporteTotal>-12.10</sum1:ImporteTotal>'
    )
    expect(checkSuministro(tampered).broken).toMatchObject({
      position: 5,
      kind: 'alta',
      reason: expect.stringMatching(/its fields give/)
    })
    // a record dropped from the file breaks the link of the one after it
    const records = xml!.split('<sum:RegistroFactura>')
    const dropped = [...records.slice(0, 3), ...records.slice(4)].join('<sum:RegistroFactura>')
    expect(checkSuministro(dropped).broken).toMatchObject({
      position: 3,
      reason: expect.stringMatching(/chains to/)
    })
    books.sqlite.exec('DROP TRIGGER verifactu_records_kept_update')
    books.sqlite.exec("UPDATE verifactu_records SET importe_total = '1.00' WHERE id = 2")
    expect(verifyChains(books).broken).toMatchObject({
      series: 'VERIFACTU',
      entry: 2,
      reason: expect.stringMatching(/huella does not match/)
    })
  })

  it.skipIf(!POPPLER)(
    'prints the AEAT QR at the head of the PDF, between its words',
    async () => {
      const { books, docs } = await chain()
      mkdirSync(OUT, { recursive: true })
      const pdf = join(OUT, 'f1.pdf')
      writeFileSync(pdf, await invoicePdfFor(books, viewInvoice(books, docs.f1.id), 'es'))
      execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', pdf, join(OUT, 'f1')])
      const codes = execFileSync('zbarimg', ['--quiet', '--raw', join(OUT, 'f1-1.png')], {
        encoding: 'utf8'
      })
      const url = `https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR?nif=B12345674&numserie=${encodeURIComponent(docs.f1.number!)}&fecha=05-01-2026&importe=1251.60`
      expect(codes.trim().split('\n')).toContain(url)
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      const [head] = text.split('Factura')
      expect(head).toContain('QR tributario:')
      expect(head).toContain('VERI*FACTU')
    },
    60_000
  )

  it('refuses to issue without a valid NIF of the company, or in another currency, issuing nothing', async () => {
    const { books, ids, invoice } = await spanishBooks()
    books.run(books.q.updateTable('company').set({ tax_id: 'B12345675' }))
    expect(appErrorOf(() => invoice(ids.business, [['x', '1.00', 'standard']])).problem?.key).toBe(
      'verifactu_seller_nif'
    )
    books.run(books.q.updateTable('company').set({ tax_id: 'B12345674' }))
    const { id } = createDraft(books, {
      customerId: ids.business,
      currency: 'USD',
      billDate: '2026-01-05',
      lines: []
    })
    addDraftLine(books, id, {
      description: 'x',
      quantity: '1',
      unitPrice: '1.00',
      taxRateId: 'standard'
    })
    expect(appErrorOf(() => issueInvoice(books, id)).problem?.key).toBe('verifactu_currency')
    expect(viewInvoice(books, id).status).toBe('draft')
    expect(verifactuRecords(books)).toEqual([])
  })
})

export type { Books }
