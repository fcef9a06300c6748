import { createHash } from 'node:crypto'
import { strFromU8, unzipSync } from 'fflate'
import { beforeEach, describe, expect, it } from 'vitest'
import type { InvoiceView } from '@shared/books/invoices'
import { einvoiceMatrix, type MatrixCase } from '../documents/einvoice/test-matrix'
import { exportEinvoice } from '../documents/einvoice/export'
import { crc8 } from '../documents/einvoice/ksef/numbers'
import type { Books } from '../store/sync'
import { createCreditNote, issueInvoice, voidInvoice } from './invoices'
import { ksefCode, ksefExport, ksefQueue, recordKsefNumber, rejectKsef } from './ksef'
import { importUpo } from './ksef-upo'
import { appErrorOf, type TestClock } from './test-support'

/** A KSeF number KSeF could give the test company's invoice on `day` (YYYYMMDD). */
const ksefNumber = (day: string, tech = '0100004C2D71') => {
  const head = `1234563218-${day}-${tech}`
  return `${head}-${crc8(head)}`
}

const upo = (documents: { number: string; date: string; ksef: string; sha256?: string }[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<Potwierdzenie xmlns="http://upo.schematy.mf.gov.pl/KSeF/v4-3">
  <NazwaPodmiotuPrzyjmujacego>Ministerstwo Finansów</NazwaPodmiotuPrzyjmujacego>
  <NumerReferencyjnySesji>20260105-SE-1234567890-ABCDEF0123-45</NumerReferencyjnySesji>
  ${documents
    .map(
      (d) => `<Dokument>
    <NipSprzedawcy>1234563218</NipSprzedawcy>
    <NumerKSeFDokumentu>${d.ksef}</NumerKSeFDokumentu>
    <NumerFaktury>${d.number}</NumerFaktury>
    <DataWystawieniaFaktury>${d.date}</DataWystawieniaFaktury>
    <DataPrzeslaniaDokumentu>2026-01-05T11:05:40.841+01:00</DataPrzeslaniaDokumentu>
    <DataNadaniaNumeruKSeF>2026-01-05T11:05:41.045+01:00</DataNadaniaNumeruKSeF>
    ${d.sha256 ? `<SkrotDokumentu>${Buffer.from(d.sha256, 'hex').toString('base64')}</SkrotDokumentu>` : ''}
    <TrybWysylki>Offline</TrybWysylki>
  </Dokument>`
    )
    .join('\n')}
</Potwierdzenie>`

let books: Books
let clock: TestClock
let documents: Record<MatrixCase, InvoiceView>

beforeEach(async () => {
  ;({ books, clock, documents } = await einvoiceMatrix())
  clock.date = '2026-02-03'
}, 60_000)

const rowOf = (invoice: InvoiceView) =>
  ksefQueue(books).rows.find((r) => r.invoiceId === invoice.id)!

describe('the KSeF queue', () => {
  it('holds every issued document of the Polish seller, to send by the next working day, late once past it', () => {
    const queue = ksefQueue(books)
    // every document of the matrix, and the invoices it replaced by later ones
    for (const d of Object.values(documents)) expect(rowOf(d)).toBeDefined()
    expect(queue.rows.length).toBeGreaterThanOrEqual(Object.keys(documents).length)
    const domestic = rowOf(documents.domestic)
    // issued Friday 2 January 2026: due Monday the 5th
    expect(domestic).toMatchObject({ state: 'to_send', deadline: '2026-01-05', late: true })
    expect(queue.counts).toMatchObject({ to_send: queue.rows.length, sent: 0, accepted: 0 })
    expect(queue.late).toBe(queue.rows.length)
    expect(ksefQueue(books, { state: 'accepted' }).rows).toEqual([])
  })

  it('exports what is to send as a ZIP of FA(3) files and marks them sent; what cannot be written is listed', () => {
    const { bytes, files, skipped } = ksefExport(books, 'batch.zip')
    const zip = unzipSync(bytes!)
    expect(Object.keys(zip).sort()).toEqual([...files].sort())
    expect(files).toHaveLength(ksefQueue(books).rows.length - 1)
    expect(skipped).toEqual([
      { number: documents.three_decimals.number, reason: expect.stringMatching(/does not apply/) }
    ])
    const name = files.find((f) => f.startsWith(documents.domestic.number!.replace(/\//g, '-')))!
    expect(strFromU8(zip[name]!)).toContain(`<P_2>${documents.domestic.number}</P_2>`)
    // the file in the ZIP is the recorded one, and the one KOD I hashes
    const sha = createHash('sha256').update(zip[name]!).digest('hex')
    expect(rowOf(documents.domestic)).toMatchObject({ state: 'sent', sha256: sha })
    expect(ksefCode(books, documents.domestic)!.url).toContain(
      Buffer.from(sha, 'hex').toString('base64url')
    )
    // nothing is left to send but the file FA(3) cannot carry
    expect(ksefExport(books, 'again.zip')).toMatchObject({ bytes: null, files: [] })
  })

  it('records a KSeF number only when it is that invoice’s, and never changes it', () => {
    const d = documents.domestic
    const wrongCrc = ksefNumber('20260105').replace(/..$/, '00')
    expect(appErrorOf(() => recordKsefNumber(books, d.id, wrongCrc)).message).toMatch(/checksum/)
    const otherSeller = '5265877635-20250916-0200A0D6723E-C2'
    expect(appErrorOf(() => recordKsefNumber(books, d.id, otherSeller)).message).toMatch(
      /NIP 5265877635, not 1234563218/
    )
    expect(appErrorOf(() => recordKsefNumber(books, d.id, ksefNumber('20251231'))).message).toMatch(
      /issued on 2026-01-02/
    )
    const number = ksefNumber('20260105')
    expect(
      recordKsefNumber(books, d.id, number.toLowerCase().replace(/^(\d+)/, '$1'))
    ).toMatchObject({ state: 'accepted', ksefNumber: number, late: false })
    expect(recordKsefNumber(books, d.id, number).ksefNumber).toBe(number)
    expect(
      appErrorOf(() => recordKsefNumber(books, d.id, ksefNumber('20260106'))).problem?.key
    ).toBe('ksef_already_accepted')
    expect(
      appErrorOf(() => recordKsefNumber(books, documents.coupon.id, number)).problem?.key
    ).toBe('ksef_number_taken')
    expect(ksefCode(books, d)!.label).toBe(number)
  })

  it('a ZIP that could not be written marks nothing sent; one that never arrived can be made again', () => {
    expect(() =>
      ksefExport(books, 'batch.zip', {
        deliver: () => {
          throw new Error('ENOSPC: no space left on device')
        }
      })
    ).toThrow(/ENOSPC/)
    expect(rowOf(documents.domestic).state).toBe('to_send')
    const first = ksefExport(books, 'batch.zip')
    expect(ksefExport(books, 'again.zip').files).toEqual([])
    expect(ksefExport(books, 'again.zip', { includeSent: true }).files.sort()).toEqual(
      first.files.sort()
    )
  })

  it('a document voided before it was sent never goes; one sent cannot be voided', () => {
    voidInvoice(books, documents.coupon.id, 'Wystawiona omyłkowo')
    expect(rowOf(documents.coupon)).toBeUndefined()
    ksefExport(books, 'batch.zip')
    expect(appErrorOf(() => voidInvoice(books, documents.domestic.id, 'Omyłka')).problem?.key).toBe(
      'invoice_in_ksef'
    )
  })

  it('a correction in euros converts at the rate of the invoice it corrects', () => {
    const original = documents.foreign_currency_vat
    const credit = issueInvoice(
      books,
      createCreditNote(books, original.id, {
        reason: 'Rabat',
        lines: [{ lineId: original.lines[0]!.id, amount: 1000 }]
      }).id
    )
    const text = new TextDecoder().decode(exportEinvoice(books, credit.id, 'ksef').bytes)
    expect(text).toContain('<KursWaluty>4.2155</KursWaluty>')
  })

  it('a rejection keeps the reason and the invoice out of KSeF', () => {
    const row = rejectKsef(books, documents.coupon.id, 'Błąd weryfikacji NIP nabywcy')
    expect(row).toMatchObject({
      state: 'rejected',
      reason: 'Błąd weryfikacji NIP nabywcy',
      late: true
    })
  })

  it('a correction of a KSeF invoice waits for that invoice’s number, then carries it', () => {
    const credit = (original: InvoiceView) =>
      issueInvoice(
        books,
        createCreditNote(books, original.id, {
          reason: 'Rabat',
          lines: [{ lineId: original.lines[0]!.id, amount: 1000 }]
        }).id
      )
    // issued in January 2026, before KSeF was the law: its correction says it had no KSeF number
    const before = credit(documents.domestic)
    expect(rowOf(before).waitsFor).toBeNull()
    expect(new TextDecoder().decode(exportEinvoice(books, before.id, 'ksef').bytes)).toContain(
      '<NrKSeFN>1</NrKSeFN>'
    )
    // issued on 1 February 2026, under KSeF: the correction waits for its number
    const original = documents.tiered_usage
    const after = credit(original)
    expect(rowOf(after).waitsFor).toBe(original.number)
    expect(appErrorOf(() => exportEinvoice(books, after.id, 'ksef')).problem?.key).toBe(
      'ksef_correction_waits'
    )
    expect(ksefCode(books, after)).toBeNull()
    expect(ksefExport(books, 'batch.zip').skipped).toContainEqual({
      number: after.number,
      reason: `waits for the KSeF number of ${original.number}, which it corrects`
    })
    const number = ksefNumber('20260202')
    recordKsefNumber(books, original.id, number)
    expect(rowOf(after).waitsFor).toBeNull()
    const text = new TextDecoder().decode(exportEinvoice(books, after.id, 'ksef').bytes)
    expect(text).toContain(`<NrKSeFFaKorygowanej>${number}</NrKSeFFaKorygowanej>`)
    expect(ksefCode(books, after)!.label).toBe('OFFLINE')
  })

  it('imports UPO receipts: by the file’s SHA-256, else by number and date; reports what matches nothing', () => {
    ksefExport(books, 'batch.zip')
    const domestic = rowOf(documents.domestic)
    const coupon = rowOf(documents.coupon)
    const result = importUpo(books, [
      {
        name: 'upo-1.xml',
        text: upo([
          {
            number: 'IGNORED',
            date: '2026-01-02',
            ksef: ksefNumber('20260105'),
            sha256: domestic.sha256!
          },
          {
            number: coupon.number,
            date: coupon.issueDate,
            ksef: ksefNumber('20260105', '0100004C2D72')
          },
          { number: 'FV/1999/1', date: '1999-01-01', ksef: ksefNumber('20260105', '0100004C2D73') }
        ])
      }
    ])
    expect(result.recorded.map((r) => r.number)).toEqual([domestic.number, coupon.number])
    expect(result.unmatched).toEqual([
      expect.objectContaining({ number: 'FV/1999/1', reason: expect.stringMatching(/no invoice/) })
    ])
    expect(rowOf(documents.domestic)).toMatchObject({
      state: 'accepted',
      ksefNumber: ksefNumber('20260105')
    })
    // the same receipt again changes nothing
    const again = importUpo(books, [
      {
        name: 'upo-1.xml',
        text: upo([
          {
            number: coupon.number,
            date: coupon.issueDate,
            ksef: ksefNumber('20260105', '0100004C2D72')
          }
        ])
      }
    ])
    expect(again).toMatchObject({
      recorded: [],
      known: [expect.objectContaining({ number: coupon.number })]
    })
  })

  it('refuses a file that is not a UPO, and records nothing from the others', () => {
    const coupon = rowOf(documents.coupon)
    const good = {
      name: 'good.xml',
      text: upo([{ number: coupon.number, date: coupon.issueDate, ksef: ksefNumber('20260105') }])
    }
    const error = appErrorOf(() =>
      importUpo(books, [
        good,
        { name: 'broken.xml', text: '<Potwierdzenie><Dokument></Potwierdzenie>' }
      ])
    )
    expect(error.problem?.key).toBe('ksef_upo_unreadable')
    expect(error.message).toMatch(/^broken\.xml is not well-formed XML/)
    expect(
      appErrorOf(() => importUpo(books, [{ name: 'inv.xml', text: '<Faktura/>' }])).message
    ).toMatch(/not a KSeF UPO/)
    expect(rowOf(documents.coupon).state).toBe('to_send')
  })
})
