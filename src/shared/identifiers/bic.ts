import { COUNTRY_CODES } from '../countries'
import { compact, invalid, valid, type IdCheck } from './check'

/** BIC (ISO 9362): 4-character party prefix, 2-letter country, 2-character location, optional 3-character branch. */
export function checkBic(input: string): IdCheck {
  const value = compact(input)
  const match = /^[A-Z0-9]{4}([A-Z]{2})[A-Z0-9]{2}([A-Z0-9]{3})?$/.exec(value)
  if (!match || !COUNTRY_CODES.includes(match[1]!)) {
    return invalid('bic_format', 'A BIC has 8 or 11 characters, e.g. BPKOPLPW or BPKOPLPWXXX')
  }
  return valid(value)
}
