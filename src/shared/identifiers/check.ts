/** Outcome of checking one identifier: its canonical form, or why it is wrong. */
export type IdCheck =
  { valid: true; normalized: string } | { valid: false; code: IdErrorCode; message: string }

export type IdErrorCode =
  | 'nip_format'
  | 'nip_checksum'
  | 'nif_format'
  | 'nif_checksum'
  | 'cnpj_format'
  | 'cnpj_checksum'
  | 'cpf_format'
  | 'cpf_checksum'
  | 'br_tax_id_length'
  | 'tax_id_format'
  | 'iban_format'
  | 'iban_country'
  | 'iban_length'
  | 'iban_checksum'
  | 'bic_format'
  | 'pix_key_format'

export const valid = (normalized: string): IdCheck => ({ valid: true, normalized })
export const invalid = (code: IdErrorCode, message: string): IdCheck => ({
  valid: false,
  code,
  message
})

/** Uppercases and removes the separators people type inside identifiers. */
export function compact(value: string): string {
  return value.toUpperCase().replace(/[\s.\-/]/g, '')
}

/** Removes a two-letter VAT country prefix (e.g. "PL", "ES") when present. */
export function withoutPrefix(value: string, prefix: string): string {
  return value.startsWith(prefix) ? value.slice(prefix.length) : value
}
