import { compact, invalid, valid, withoutPrefix, type IdCheck } from './check'

const WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7]

/**
 * Polish NIP: 10 digits, the last one a mod-11 check digit over weights 6,5,7,2,3,4,5,6,7.
 * A remainder of 10 never appears in an issued NIP, so it is invalid. The EU VAT form "PL…" is accepted.
 */
export function checkNip(input: string): IdCheck {
  const value = compact(input)
  const digits = withoutPrefix(value, 'PL')
  if (!/^\d{10}$/.test(digits)) {
    return invalid('nip_format', 'A Polish NIP has 10 digits (e.g. 123-456-32-18)')
  }
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(digits[i]), 0)
  const check = sum % 11
  if (check === 10 || check !== Number(digits[9])) {
    return invalid('nip_checksum', 'The NIP check digit does not match: check for a typo')
  }
  return valid(value)
}
