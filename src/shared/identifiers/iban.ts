import { compact, invalid, valid, type IdCheck } from './check'

/** IBAN length per country, from the SWIFT IBAN registry. */
// prettier-ignore
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18,
  FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20,
  LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28,
  NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24,
  SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30
}

/** ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end. */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (const ch of rearranged) {
    const n = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : Number(ch)
    remainder = (remainder * (n > 9 ? 100 : 10) + n) % 97
  }
  return remainder
}

/** IBAN: country code, 2 check digits, the national account number; valid when mod 97 = 1. */
export function checkIban(input: string): IdCheck {
  const value = compact(input)
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$/.test(value)) {
    return invalid(
      'iban_format',
      'An IBAN starts with a country code and 2 check digits (e.g. PL61 1090 …)'
    )
  }
  const expected = IBAN_LENGTHS[value.slice(0, 2)]
  if (expected === undefined) {
    return invalid('iban_country', `${value.slice(0, 2)} is not a country that uses IBAN`)
  }
  if (value.length !== expected) {
    return invalid(
      'iban_length',
      `A ${value.slice(0, 2)} IBAN has ${expected} characters, this one has ${value.length}`
    )
  }
  if (ibanMod97(value) !== 1) {
    return invalid('iban_checksum', 'The IBAN check digits do not match: check for a typo')
  }
  return valid(value)
}
