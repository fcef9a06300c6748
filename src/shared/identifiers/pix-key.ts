import { checkCnpj, checkCpf } from './br-cnpj-cpf'
import { invalid, valid, type IdCheck } from './check'

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const RANDOM_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * A Pix key as the Banco Central defines its kinds: a CPF (11 digits) or CNPJ (14 digits), an
 * email, a phone number in +55 form, or a random key (a UUID). Returned in the form the BR Code
 * carries: digits only for CPF/CNPJ, lower case for emails and random keys.
 */
export function checkPixKey(input: string): IdCheck {
  const value = input.trim()
  const message =
    'A Pix key is a CPF, a CNPJ, an email, a phone number like +5511987654321 or a random key (8-4-4-4-12)'
  if (value.startsWith('+')) {
    const phone = value.replace(/[\s()-]/g, '')
    return /^\+55\d{10,11}$/.test(phone) ? valid(phone) : invalid('pix_key_format', message)
  }
  if (EMAIL.test(value) && value.length <= 77) return valid(value.toLowerCase())
  if (RANDOM_KEY.test(value.toLowerCase())) return valid(value.toLowerCase())
  const digits = value.replace(/[.\-/\s]/g, '')
  if (/^\d{11}$/.test(digits) && checkCpf(digits).valid) return valid(digits)
  if (/^\d{14}$/.test(digits) && checkCnpj(digits).valid) return valid(digits)
  return invalid('pix_key_format', message)
}
