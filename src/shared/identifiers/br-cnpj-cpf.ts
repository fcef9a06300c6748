import { compact, invalid, valid, type IdCheck } from './check'

/** Value of a CNPJ character in the check-digit sums: its code point minus 48 ('0' → 0, 'A' → 17). */
const charValue = (c: string): number => c.charCodeAt(0) - 48

function mod11Digit(chars: string, weights: number[]): number {
  const sum = weights.reduce((acc, w, i) => acc + w * charValue(chars[i]!), 0)
  const rest = sum % 11
  return rest < 2 ? 0 : 11 - rest
}

const CNPJ_W1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]
const CNPJ_W2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]

/**
 * Brazilian CNPJ: 12 base characters and 2 mod-11 check digits. Since July 2026 the base may hold
 * letters (alphanumeric CNPJ); each character counts as its code point minus 48, so purely numeric
 * CNPJs keep their old check digits.
 */
export function checkCnpj(input: string): IdCheck {
  const value = compact(input)
  if (!/^[0-9A-Z]{12}\d{2}$/.test(value)) {
    return invalid('cnpj_format', 'A CNPJ has 14 characters (e.g. 12.345.678/0001-95)')
  }
  if (/^(\d)\1{13}$/.test(value)) {
    return invalid('cnpj_checksum', 'A CNPJ cannot repeat one digit 14 times')
  }
  const d1 = mod11Digit(value, CNPJ_W1)
  const d2 = mod11Digit(value.slice(0, 12) + String(d1), CNPJ_W2)
  if (value.slice(12) !== `${d1}${d2}`) {
    return invalid('cnpj_checksum', 'The CNPJ check digits do not match: check for a typo')
  }
  return valid(value)
}

/** Brazilian CPF: 9 digits and 2 mod-11 check digits (weights 10…2, then 11…2). */
export function checkCpf(input: string): IdCheck {
  const value = compact(input)
  if (!/^\d{11}$/.test(value)) {
    return invalid('cpf_format', 'A CPF has 11 digits (e.g. 123.456.789-09)')
  }
  if (/^(\d)\1{10}$/.test(value)) {
    return invalid('cpf_checksum', 'A CPF cannot repeat one digit 11 times')
  }
  const d1 = mod11Digit(value, [10, 9, 8, 7, 6, 5, 4, 3, 2])
  const d2 = mod11Digit(value, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2])
  if (value.slice(9) !== `${d1}${d2}`) {
    return invalid('cpf_checksum', 'The CPF check digits do not match: check for a typo')
  }
  return valid(value)
}

/** A Brazilian tax id: a CPF (11 digits, a person) or a CNPJ (14 characters, a company). */
export function checkBrazilTaxId(input: string): IdCheck {
  const value = compact(input)
  if (value.length === 11) return checkCpf(value)
  if (value.length === 14) return checkCnpj(value)
  return invalid(
    'br_tax_id_length',
    'A Brazilian tax id is a CNPJ (14 characters) or a CPF (11 digits)'
  )
}
