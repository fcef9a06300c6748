import { describe, expect, it } from 'vitest'
import {
  crc16Ccitt,
  EPC_MAX_BYTES,
  epcPayload,
  pixPayload,
  type EpcInput,
  type PixInput
} from './payment-codes'

/** Payment codes on invoices: the EPC QR code (SEPA) and the Pix BR Code, checked field by field. */

const bytes = (text: string) => new TextEncoder().encode(text).length

/** The top-level EMV fields of a BR Code as [id, value] pairs (two-digit ID, two-digit length). */
function emvFields(payload: string): [string, string][] {
  const fields: [string, string][] = []
  for (let at = 0; at < payload.length;) {
    const length = Number(payload.slice(at + 2, at + 4))
    fields.push([payload.slice(at, at + 2), payload.slice(at + 4, at + 4 + length)])
    at += 4 + length
  }
  return fields
}
const emvField = (payload: string, id: string) => emvFields(payload).find(([i]) => i === id)?.[1]

describe('crc16Ccitt', () => {
  it.each([
    // The check value of CRC-16/CCITT-FALSE (a.k.a. CRC-16/IBM-3740) in the CRC catalogue.
    ['123456789', '29B1'],
    ['', 'FFFF'],
    ['A', 'B915'],
    // The examples of the Banco Central do Brasil's "Manual de Padrões para Iniciação do Pix":
    // the static code (key 123e4567-…, "Fulano de Tal", BRASILIA, no amount) ...
    [
      '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***6304',
      '1D3D'
    ],
    // ... and the dynamic one (a location URL instead of a key).
    [
      '00020101021226700014br.gov.bcb.pix2548pix.example.com/8b3da2f39a4140d1a91abd93113bd4415204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***6304',
      '64E4'
    ]
  ])('%j → %s', (text, crc) => {
    expect(crc16Ccitt(text)).toBe(crc)
  })
})

const PIX: PixInput = {
  key: '123e4567-e12b-12d1-a456-426655440000',
  merchantName: 'Fulano de Tal',
  merchantCity: 'BRASILIA',
  amountMinor: 10050,
  txid: ''
}

describe('pixPayload', () => {
  it('is the BCB manual example with amount 100.50, field for field and CRC', () => {
    // The manual's static example with an amount (a composite code) up to its field 62; its field
    // 80 (a recurrence URL) left out and the CRC recomputed independently (Python binascii.crc_hqx
    // with init 0xFFFF), as libraries that build static codes print it.
    expect(pixPayload(PIX)).toBe(
      '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865406100.505802BR5913Fulano de Tal6008BRASILIA62070503***6304659E'
    )
  })

  it('lays out the fields in order, the merchant account and additional data as sub-fields', () => {
    const payload = pixPayload({ ...PIX, key: '+5561912345678', txid: 'FAC20260001' })
    expect(emvFields(payload)).toEqual([
      ['00', '01'],
      ['26', '0014br.gov.bcb.pix0114+5561912345678'],
      ['52', '0000'],
      ['53', '986'],
      ['54', '100.50'],
      ['58', 'BR'],
      ['59', 'Fulano de Tal'],
      ['60', 'BRASILIA'],
      ['62', '0511FAC20260001'],
      ['63', crc16Ccitt(payload.slice(0, -4))]
    ])
    expect(payload.slice(-8, -4)).toBe('6304')
    expect(payload.slice(-4)).toMatch(/^[0-9A-F]{4}$/)
  })

  it.each([
    [1, '0.01'],
    [99, '0.99'],
    [100, '1.00'],
    [123456, '1234.56'],
    [999_999_999_999, '9999999999.99']
  ])('amount %i minor units → field 54 %s', (amountMinor, amount) => {
    expect(emvField(pixPayload({ ...PIX, amountMinor }), '54')).toBe(amount)
  })

  it.each([
    ['Padaria Açaí & Maçã', 'Padaria Acai & Maca'],
    ['Comércio de Pães São João Ltda', 'Comercio de Paes Sao Joao'], // cut to 25
    ['  Łódź  Straße\nGmbH ', 'Lodz Strasse GmbH'],
    ['Café ☕ Ñandú', 'Cafe Nandu']
  ])('merchant name %j → %j (ASCII, ≤ 25)', (merchantName, name) => {
    expect(emvField(pixPayload({ ...PIX, merchantName }), '59')).toBe(name)
  })

  it.each([
    ['São Paulo', 'Sao Paulo'],
    ['Florianópolis', 'Florianopolis'],
    ['São José dos Campos', 'Sao Jose dos Ca'], // cut to 15
    ['Brasília ', 'Brasilia']
  ])('merchant city %j → %j (ASCII, ≤ 15)', (merchantCity, city) => {
    expect(emvField(pixPayload({ ...PIX, merchantCity }), '60')).toBe(city)
  })

  it.each([
    ['', '0503***'],
    ['FAC-2026/0001', '0511FAC20260001'],
    ['---', '0503***'],
    ['A'.repeat(30), `0525${'A'.repeat(25)}`],
    ['nº 12 ção', '0506n12cao']
  ])('txid %j → field 62 %j (letters and digits, ≤ 25)', (txid, additional) => {
    expect(emvField(pixPayload({ ...PIX, txid }), '62')).toBe(additional)
  })

  it('carries a CRC that checks for any input', () => {
    const payload = pixPayload({
      key: 'fulano@example.com',
      merchantName: 'Clínica São Lucas',
      merchantCity: 'João Pessoa',
      amountMinor: 128450,
      txid: 'NF4813'
    })
    expect(crc16Ccitt(payload.slice(0, -4))).toBe(payload.slice(-4))
    expect(bytes(payload)).toBe(payload.length)
  })

  it.each([
    [{ amountMinor: 0 }, /amount/],
    [{ amountMinor: -100 }, /amount/],
    [{ amountMinor: 10.5 }, /amount/],
    [{ amountMinor: Number.NaN }, /amount/],
    [{ amountMinor: 1_000_000_000_000 }, /amount/],
    [{ key: '  ' }, /Pix key is empty/],
    [{ key: 'joão@example.com' }, /not ASCII/],
    [{ key: 'k'.repeat(78) }, /longer than 77/],
    [{ merchantName: ' ' }, /merchant name is empty/],
    [{ merchantName: '☕' }, /merchant name is empty/],
    [{ merchantCity: '' }, /merchant city is empty/]
  ])('refuses %j', (change, message) => {
    expect(() => pixPayload({ ...PIX, ...change })).toThrow(message)
  })
})

const EPC: EpcInput = {
  bic: 'BPOTBEB1',
  name: 'Red Cross of Belgium',
  iban: 'BE72000000001616',
  amountMinor: 100,
  remittance: 'Urgency fund'
}

describe('epcPayload', () => {
  it('is the EPC guidelines example (Belgian Red Cross, 1 euro) line for line', () => {
    // As segno's make_epc_qr (version 002, UTF-8) writes it, except that the amount always has
    // two decimals here ("EUR1.00", which the guidelines allow as well as "EUR1").
    expect(epcPayload(EPC)).toBe(
      'BCD\n002\n1\nSCT\nBPOTBEB1\nRed Cross of Belgium\nBE72000000001616\nEUR1.00\n\n\nUrgency fund'
    )
  })

  it('normalises the IBAN and BIC, and takes no BIC', () => {
    const lines = epcPayload({ ...EPC, bic: '', iban: ' de89 3704 0044 0532 0130 00 ' }).split('\n')
    expect(lines.slice(4, 7)).toEqual(['', 'Red Cross of Belgium', 'DE89370400440532013000'])
    expect(epcPayload({ ...EPC, bic: 'cobadeff xxx' }).split('\n')[4]).toBe('COBADEFFXXX')
  })

  it.each([
    [1, 'EUR0.01'],
    [5, 'EUR0.05'],
    [100, 'EUR1.00'],
    [123456, 'EUR1234.56'],
    [123450, 'EUR1234.50'],
    [99_999_999_999, 'EUR999999999.99']
  ])('amount %i minor units → %s', (amountMinor, amount) => {
    expect(epcPayload({ ...EPC, amountMinor }).split('\n')[7]).toBe(amount)
  })

  it('leaves out the trailing empty fields when there is no remittance text', () => {
    expect(epcPayload({ ...EPC, remittance: '  ' })).toBe(
      'BCD\n002\n1\nSCT\nBPOTBEB1\nRed Cross of Belgium\nBE72000000001616\nEUR1.00'
    )
  })

  it.each([
    ['name', 5, 'N'.repeat(80), 'N'.repeat(70)],
    ['remittance', 10, 'R'.repeat(150), 'R'.repeat(140)],
    ['remittance', 10, `Invoice FAC-1\r\nthank you`, 'Invoice FAC-1 thank you'],
    ['name', 5, `${'ü'.repeat(69)} x`, 'ü'.repeat(69)] // cut at 70, the trailing space dropped
  ] as const)('cuts the %s to its line: %j', (field, line, value, expected) => {
    const lines = epcPayload({ ...EPC, [field]: value }).split('\n')
    expect(lines).toHaveLength(11)
    expect(lines[line]).toBe(expected)
  })

  it(`stays within ${EPC_MAX_BYTES} bytes with the longest fields of multi-byte letters`, () => {
    const payload = epcPayload({
      bic: 'COBADEFFXXX',
      name: 'Łódź'.repeat(20),
      iban: 'MT84MALT011000012345MTLCAST001S',
      amountMinor: 99_999_999_999,
      remittance: '€'.repeat(200)
    })
    expect(bytes(payload)).toBeLessThanOrEqual(EPC_MAX_BYTES)
    const lines = payload.split('\n')
    expect(lines[5]?.startsWith('ŁódźŁódź')).toBe(true)
    expect(lines[10]?.startsWith('€€€')).toBe(true)
  })

  it.each([
    [{ amountMinor: 0 }, /amount must be 0.01 to 999999999.99/],
    [{ amountMinor: -1 }, /amount/],
    [{ amountMinor: 1.5 }, /amount/],
    [{ amountMinor: 100_000_000_000 }, /amount/],
    [{ amountMinor: Number.POSITIVE_INFINITY }, /amount/],
    [{ iban: '' }, /IBAN is empty/],
    [{ iban: '   ' }, /IBAN is empty/]
  ])('refuses %j', (change, message) => {
    expect(() => epcPayload({ ...EPC, ...change })).toThrow(message)
  })
})
