import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportEinvoice } from '../documents/einvoice/export'
import { brazilianBooks } from '../documents/einvoice/nfse/test-books'
import { returnedNfse } from '../documents/einvoice/nfse/test-nfse'
import { resultsDir } from '../documents/einvoice/test-validators'
import { invoicePdfFor } from '../documents/logo'
import { viewInvoice, voidInvoice } from './invoices'
import { importNfse, nfseList, nfseSettings, nfseStatus, setNfseSettings } from './nfse'
import { dpsXml } from '../documents/einvoice/nfse/dps'
import { appErrorOf } from './test-support'
import type { Books } from '../store/sync'

/**
 * The NFS-e the tax system returns, read back: each one finds its invoice by the DPS it was made
 * from (or, for a DPS keyed in by hand, by series, number and provider), records its number and
 * access key, shows on the PDF, and leaves the list of invoices still without one; a file that
 * matches nothing is reported and nothing is changed.
 */

const POPPLER = spawnSync('pdftotext', ['-v']).error === undefined
if (!POPPLER) console.info('NFS-e PDF text test skipped: poppler-utils is not installed')

const dpsOf = (books: Books, invoiceId: number) =>
  new TextDecoder().decode(exportEinvoice(books, invoiceId, 'dps').bytes)

/** Everything the import may write, to see that a refused or unmatched one wrote nothing. */
const snapshot = (books: Books) => ({
  nfse: books.all(books.q.selectFrom('nfse_documents').selectAll().orderBy('invoice_id')),
  audit: books.all(books.q.selectFrom('audit_log').select('id')).length
})

describe('importing returned NFS-e', () => {
  it('records the NFS-e on the invoice its DPS came from, and takes it off the pending list', async () => {
    const { books, docs } = await brazilianBooks()
    expect(nfseList(books).pending.map((r) => r.number)).toEqual(
      Object.values(docs).map((d) => d.number)
    )
    const returned = returnedNfse(dpsOf(books, docs.business.id), { nfseNumber: '17' })
    const result = importNfse(books, [{ name: 'nfse-17.xml', text: returned.xml }])
    expect(result).toEqual({
      recorded: [{ file: 'nfse-17.xml', number: docs.business.number, nfseNumber: '17' }],
      known: [],
      unmatched: []
    })
    expect(nfseStatus(books, docs.business)).toMatchObject({
      nfseNumber: '17',
      accessKey: returned.accessKey,
      processedAt: '2026-03-10T10:00:05-03:00'
    })
    const list = nfseList(books)
    expect(list.pending.map((r) => r.number)).not.toContain(docs.business.number)
    expect(list.recorded.map((r) => [r.number, r.nfseNumber])).toEqual([
      [docs.business.number, '17']
    ])

    // the same file again changes nothing
    const before = snapshot(books)
    expect(importNfse(books, [{ name: 'again.xml', text: returned.xml }]).known).toEqual([
      { file: 'again.xml', number: docs.business.number, nfseNumber: '17' }
    ])
    expect(snapshot(books)).toEqual(before)
  })

  it('matches a DPS keyed into the emitter by hand by its series, number and provider', async () => {
    const { books, docs } = await brazilianBooks()
    // the DPS made elsewhere: the same content, but Facturo never exported it
    const dps = dpsXml(docs.cpf, {
      settings: nfseSettings(books),
      issuedAt: '2026-03-10T15:00:00Z'
    })
    expect(nfseList(books).pending.find((r) => r.number === docs.cpf.number)?.dpsId).toBeNull()
    const result = importNfse(books, [{ name: 'manual.xml', text: returnedNfse(dps).xml }])
    expect(result.recorded.map((r) => r.number)).toEqual([docs.cpf.number])
  })

  it('reports a file that matches nothing, or contradicts what is recorded, and changes nothing', async () => {
    const { books, docs } = await brazilianBooks()
    const dps = dpsOf(books, docs.consumer.id)
    importNfse(books, [{ name: 'first.xml', text: returnedNfse(dps, { nfseNumber: '5' }).xml }])
    const before = snapshot(books)
    const elsewhere = dps
      .replace(/Id="DPS(\d{7})(\d)(\d{14})/, 'Id="DPS$1$2' + '99888777000166')
      .replace('<CNPJ>16727230000197</CNPJ>', '<CNPJ>99888777000166</CNPJ>')
    const result = importNfse(books, [
      { name: 'other-provider.xml', text: returnedNfse(elsewhere).xml },
      { name: 'second-nfse.xml', text: returnedNfse(dps, { nfseNumber: '6' }).xml }
    ])
    expect(result.recorded).toEqual([])
    expect(result.unmatched.map((u) => [u.file, u.reason])).toEqual([
      [
        'other-provider.xml',
        expect.stringMatching(/no invoice of this file has DPS .*provider 99888777000166/)
      ],
      [
        'second-nfse.xml',
        expect.stringMatching(new RegExp(`${docs.consumer.number} already has NFS-e 5`))
      ]
    ])
    expect(snapshot(books)).toEqual(before)
  })

  it('refuses a file that is no NFS-e, and records nothing of the others', async () => {
    const { books, docs } = await brazilianBooks()
    const good = returnedNfse(dpsOf(books, docs.business.id)).xml
    const before = snapshot(books)
    for (const [text, reason] of [
      ['<NFSe', /not well-formed XML/],
      ['<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>', /not an NFS-e/],
      [good.replace('http://www.sped.fazenda.gov.br/nfse', 'urn:municipio'), /namespace/],
      [good.replace(/<nNFSe>\d+<\/nNFSe>/, ''), /without nNFSe/]
    ] as const) {
      const error = appErrorOf(() =>
        importNfse(books, [
          { name: 'good.xml', text: good },
          { name: 'bad.xml', text }
        ])
      )
      expect(error.message).toMatch(/^bad\.xml /)
      expect(error.message).toMatch(reason)
    }
    expect(snapshot(books)).toEqual(before)
  })

  it('reads every NFS-e of a file that holds several', async () => {
    const { books, docs } = await brazilianBooks()
    const strip = (xml: string) => xml.replace(/^<\?xml[^>]*>\s*/, '')
    const batch = `<?xml version="1.0"?><lote>${strip(returnedNfse(dpsOf(books, docs.cpf.id), { nfseNumber: '8' }).xml)}${strip(returnedNfse(dpsOf(books, docs.foreign.id), { nfseNumber: '9' }).xml)}</lote>`
    const result = importNfse(books, [{ name: 'lote.xml', text: batch }])
    expect(result.recorded.map((r) => [r.number, r.nfseNumber])).toEqual([
      [docs.cpf.number, '8'],
      [docs.foreign.number, '9']
    ])
  })

  it('reports an NFS-e of the test environment and records nothing', async () => {
    const { books, docs } = await brazilianBooks()
    setNfseSettings(books, { ...nfseSettings(books)!, environment: 'test' })
    const dps = dpsOf(books, docs.cpf.id)
    expect(dps).toContain('<tpAmb>2</tpAmb>')
    const before = snapshot(books)
    const result = importNfse(books, [{ name: 'trial.xml', text: returnedNfse(dps).xml }])
    expect(result.recorded).toEqual([])
    expect(result.unmatched.map((u) => u.reason)).toEqual([
      expect.stringMatching(/from the test environment \(produção restrita, tpAmb 2\)/)
    ])
    expect(snapshot(books)).toEqual(before)
  })

  it('matches a hand-keyed DPS only when its date and value are the invoice’s too', async () => {
    const { books, docs } = await brazilianBooks()
    const dps = dpsXml(docs.cpf, {
      settings: nfseSettings(books),
      issuedAt: '2026-03-10T15:00:00Z'
    })
    const otherValue = dps.replace('<vServ>350.00</vServ>', '<vServ>351.00</vServ>')
    const otherDay = dps.replace('<dCompet>2026-03-10</dCompet>', '<dCompet>2026-03-09</dCompet>')
    const result = importNfse(books, [
      { name: 'value.xml', text: returnedNfse(otherValue, { nfseNumber: '3' }).xml },
      { name: 'day.xml', text: returnedNfse(otherDay, { nfseNumber: '4' }).xml }
    ])
    expect(result.recorded).toEqual([])
    expect(result.unmatched.map((u) => u.file)).toEqual(['value.xml', 'day.xml'])
  })

  it('leaves a void invoice off the pending list', async () => {
    const { books, docs } = await brazilianBooks()
    voidInvoice(books, docs.consumer.id, 'Emitida em duplicidade')
    expect(nfseList(books).pending.map((r) => r.number)).not.toContain(docs.consumer.number)
    expect(appErrorOf(() => exportEinvoice(books, docs.consumer.id, 'dps')).message).toMatch(
      /is void/
    )
  })

  it.runIf(POPPLER)('prints the NFS-e number and access key on the invoice', async () => {
    const { books, docs } = await brazilianBooks()
    const returned = returnedNfse(dpsOf(books, docs.business.id), { nfseNumber: '17' })
    importNfse(books, [{ name: 'nfse.xml', text: returned.xml }])
    const pdf = await invoicePdfFor(books, viewInvoice(books, docs.business.id), 'pt-BR')
    const dir = resultsDir('nfse')
    mkdirSync(dir, { recursive: true })
    const file = join(dir, 'invoice-with-nfse.pdf')
    writeFileSync(file, pdf)
    const words = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(words).toMatch(/NFS-e\s+17/)
    expect(words.replace(/\s+/g, '')).toContain(returned.accessKey)
  })
})
