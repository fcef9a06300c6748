import { minorToDecimal } from '../money'

/**
 * The payment codes printed on invoices, as the text a QR code carries:
 * - the EPC QR code ("GiroCode") for a SEPA credit transfer, EPC069-12 version 002;
 * - Brazil's Pix "copia e cola" static BR Code (EMV QRCPS merchant-presented mode).
 * Pure functions over plain values; the QR symbol itself is drawn in main (documents/pdf/qr.ts).
 */

export interface EpcInput {
  bic: string
  name: string
  iban: string
  amountMinor: number
  remittance: string
}

export interface PixInput {
  key: string
  merchantName: string
  merchantCity: string
  amountMinor: number
  txid: string
}

/** EPC069-12: the whole payload is at most 331 bytes of UTF-8. */
export const EPC_MAX_BYTES = 331
const EPC_MAX_CENTS = 99_999_999_999 // EUR 999999999.99
const PIX_MAX_CENTS = 999_999_999_999 // "9999999999.99": field 54 holds at most 13 characters

const utf8Length = (text: string): number => new TextEncoder().encode(text).length

/** The first `max` characters (code points, so a surrogate pair is never cut in half). */
const clip = (text: string, max: number): string =>
  Array.from(text).slice(0, max).join('').trimEnd()

/** One line: control characters and line breaks become spaces, runs of spaces one space. */
const oneLine = (text: string): string => text.replace(/[\p{Cc}\s]+/gu, ' ').trim()

function checkAmount(amountMinor: number, max: number, code: string): void {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 1 || amountMinor > max) {
    const limit = minorToDecimal(max, 'EUR')
    throw new Error(`${code}: the amount must be 0.01 to ${limit}, got ${amountMinor} minor units`)
  }
}

/** Drops the last character of the longer (in bytes) of `fields[indexes]` until the payload fits. */
function fitEpc(fields: string[], indexes: number[]): string[] {
  const fitted = [...fields]
  while (utf8Length(fitted.join('\n')) > EPC_MAX_BYTES) {
    const bytes = (i: number) => utf8Length(fitted[i] ?? '')
    const longest = indexes.reduce((a, b) => (bytes(b) > bytes(a) ? b : a))
    const chars = Array.from(fitted[longest] ?? '')
    if (chars.length === 0) throw new Error(`EPC QR code: more than ${EPC_MAX_BYTES} bytes`)
    fitted[longest] = chars.slice(0, -1).join('').trimEnd()
  }
  return fitted
}

/**
 * The EPC QR code payload: BCD, version 002, UTF-8, SCT, BIC (optional in 002), name (≤ 70),
 * IBAN, EUR amount, purpose, structured reference, remittance text (≤ 140), one a line.
 * Name and remittance are cut to fit rather than refused; trailing empty fields are left out.
 */
export function epcPayload(input: EpcInput): string {
  const iban = input.iban.replace(/\s+/g, '').toUpperCase()
  if (iban === '') throw new Error('EPC QR code: the IBAN is empty')
  checkAmount(input.amountMinor, EPC_MAX_CENTS, 'EPC QR code')
  const fields = [
    'BCD',
    '002',
    '1', // character set: UTF-8
    'SCT',
    input.bic.replace(/\s+/g, '').toUpperCase(),
    clip(oneLine(input.name), 70),
    iban,
    `EUR${minorToDecimal(input.amountMinor, 'EUR')}`,
    '', // purpose
    '', // structured creditor reference (ISO 11649): the remittance text is used instead
    clip(oneLine(input.remittance), 140)
  ]
  const fitted = fitEpc(fields, [5, 10])
  while (fitted.at(-1) === '') fitted.pop()
  return fitted.join('\n')
}

const FOLDED: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ø: 'o',
  Ø: 'O',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE'
}

/** Printable ASCII only, as Pix asks of name and city: "São João" → "Sao Joao"; other letters dropped. */
const asciiFold = (text: string): string =>
  oneLine(
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/[łŁđĐøØßæÆœŒ]/g, (c) => FOLDED[c] ?? c)
      .replace(/[^\x20-\x7e\s]/g, '')
  )

/** One EMV field: ID, two-digit length, value. */
function emv(id: string, value: string): string {
  if (value.length > 99) throw new Error(`Pix BR Code: field ${id} is longer than 99 characters`)
  return `${id}${String(value.length).padStart(2, '0')}${value}`
}

/** A required text field of the BR Code, folded to ASCII and cut to `max` characters. */
function pixText(text: string, max: number, what: string): string {
  const value = clip(asciiFold(text), max)
  if (value === '') throw new Error(`Pix BR Code: the ${what} is empty`)
  return value
}

function pixKey(key: string): string {
  const value = key.trim()
  if (value === '') throw new Error('Pix BR Code: the Pix key is empty')
  if (!/^[\x21-\x7e]+$/.test(value))
    throw new Error(`Pix BR Code: the Pix key "${value}" is not ASCII`)
  if (value.length > 77) throw new Error('Pix BR Code: the Pix key is longer than 77 characters')
  return value
}

/**
 * The Pix static BR Code ("copia e cola"): payload format 01, merchant account (GUI
 * br.gov.bcb.pix + key), MCC 0000, BRL (986), amount, BR, name (≤ 25), city (≤ 15), txid
 * (≤ 25 letters and digits, "***" for none), then the CRC over everything up to and including "6304".
 */
export function pixPayload(input: PixInput): string {
  checkAmount(input.amountMinor, PIX_MAX_CENTS, 'Pix BR Code')
  const txid =
    asciiFold(input.txid)
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 25) || '***'
  const body = [
    emv('00', '01'),
    emv('26', emv('00', 'br.gov.bcb.pix') + emv('01', pixKey(input.key))),
    emv('52', '0000'),
    emv('53', '986'),
    emv('54', minorToDecimal(input.amountMinor, 'BRL')),
    emv('58', 'BR'),
    emv('59', pixText(input.merchantName, 25, 'merchant name')),
    emv('60', pixText(input.merchantCity, 15, 'merchant city')),
    emv('62', emv('05', txid)),
    '6304'
  ].join('')
  return body + crc16Ccitt(body)
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) of the UTF-8 bytes. */
export function crc16Ccitt(text: string): string {
  let crc = 0xffff
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0')
}
