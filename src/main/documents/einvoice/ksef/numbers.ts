/**
 * The identifiers KSeF works with, checked before Facturo writes or accepts them: the Polish NIP
 * (ten digits, mod-11 check digit) and the KSeF number KSeF gives an accepted invoice
 * (`NIP-YYYYMMDD-XXXXXXXXXXXX-CC`, CC the CRC-8 of the first 32 characters). Pure.
 */

const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7]

/** A NIP as FA(3) writes it: ten digits, without the PL prefix, dashes or spaces; null when it is not one. */
export function nipOf(taxId: string | undefined): string | null {
  const digits = (taxId ?? '')
    .toUpperCase()
    .replace(/^PL/, '')
    .replace(/[\s.\-/]/g, '')
  if (!/^\d{10}$/.test(digits)) return null
  const sum = NIP_WEIGHTS.reduce((s, w, i) => s + w * Number(digits[i]), 0)
  const check = sum % 11
  return check !== 10 && check === Number(digits[9]) ? digits : null
}

/** CRC-8 with polynomial 0x07, initial value 0, no reflection and no final XOR, as two uppercase hex digits. */
export function crc8(text: string): string {
  let crc = 0
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x80 ? ((crc << 1) ^ 0x07) & 0xff : (crc << 1) & 0xff
  }
  return crc.toString(16).toUpperCase().padStart(2, '0')
}

export const KSEF_NUMBER_PATTERN = /^(\d{10})-(\d{4})(\d{2})(\d{2})-([0-9A-F]{12})-([0-9A-F]{2})$/

export type KsefNumberCheck =
  | { ok: true; nip: string; date: string }
  | { ok: false; reason: 'format' | 'checksum' | 'nip' | 'date'; message: string }

/**
 * Whether `number` is the KSeF number of an invoice of seller `nip` issued on `issueDate`: the
 * format, the checksum, the seller's NIP, and a date KSeF could have given it (not before the
 * invoice was issued, not after `today`).
 */
export function checkKsefNumber(
  number: string,
  expected: { nip: string; issueDate: string; today: string }
): KsefNumberCheck {
  const m = KSEF_NUMBER_PATTERN.exec(number)
  if (!m)
    return {
      ok: false,
      reason: 'format',
      message: `"${number}" is not a KSeF number: it has the form NIP-YYYYMMDD-XXXXXXXXXXXX-CC (35 characters, hexadecimal in capitals)`
    }
  const expectedCrc = crc8(number.slice(0, 32))
  if (m[6] !== expectedCrc)
    return {
      ok: false,
      reason: 'checksum',
      message: `${number} has the checksum ${m[6]}, but its first 32 characters give ${expectedCrc}: a character was mistyped`
    }
  if (m[1] !== expected.nip)
    return {
      ok: false,
      reason: 'nip',
      message: `${number} belongs to the seller with NIP ${m[1]}, not ${expected.nip}`
    }
  const date = `${m[2]}-${m[3]}-${m[4]}`
  const real = new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(real.getTime()) || real.toISOString().slice(0, 10) !== date)
    return {
      ok: false,
      reason: 'date',
      message: `${number} carries the date ${date}, which does not exist`
    }
  if (date < expected.issueDate || date > expected.today)
    return {
      ok: false,
      reason: 'date',
      message: `${number} was given on ${date}, but the invoice was issued on ${expected.issueDate}: KSeF numbers an invoice on or after its issue day and not later than today (${expected.today})`
    }
  return { ok: true, nip: m[1]!, date }
}
