import { ownValue } from '@shared/own'

/**
 * Party identifiers for e-invoices: the VAT id with its country prefix, and the Peppol
 * electronic address (EAS code list, ISO 6523 ICD plus the Peppol 99xx VAT schemes).
 */

/** The VAT id prefix of each EU member state (Greece writes EL, not GR). */
export const EU_VAT_PREFIX: Record<string, string> = {
  AT: 'AT',
  BE: 'BE',
  BG: 'BG',
  CY: 'CY',
  CZ: 'CZ',
  DE: 'DE',
  DK: 'DK',
  EE: 'EE',
  ES: 'ES',
  FI: 'FI',
  FR: 'FR',
  GR: 'EL',
  HR: 'HR',
  HU: 'HU',
  IE: 'IE',
  IT: 'IT',
  LT: 'LT',
  LU: 'LU',
  LV: 'LV',
  MT: 'MT',
  NL: 'NL',
  PL: 'PL',
  PT: 'PT',
  RO: 'RO',
  SE: 'SE',
  SI: 'SI',
  SK: 'SK'
}

/** Peppol EAS codes for a VAT number, by country (Peppol BIS 3.0 code list "EAS"). */
const EAS_VAT: Record<string, string> = {
  DK: '0198',
  FI: '0213',
  AT: '9914',
  BE: '9925',
  BG: '9926',
  CY: '9928',
  CZ: '9929',
  DE: '9930',
  EE: '9931',
  ES: '9920',
  FR: '9957',
  GR: '9933',
  HR: '9934',
  HU: '9910',
  IE: '9935',
  LT: '9937',
  LU: '9938',
  LV: '9939',
  MT: '9943',
  NL: '9944',
  PL: '9945',
  PT: '9946',
  RO: '9947',
  SI: '9949',
  SK: '9950'
}

/** Italy's scheme is the Partita IVA, the number without its IT prefix. */
const EAS_NATIONAL_NUMBER: Record<string, string> = { IT: '0211' }

export const isEuCountry = (country: string): boolean =>
  ownValue(EU_VAT_PREFIX, country) !== undefined

const compact = (taxId: string): string => taxId.replace(/[\s.\-/]/g, '').toUpperCase()

/**
 * The VAT id as EN 16931 writes it (BT-31, BT-48: the ISO prefix first): "526-025-02-74" of a
 * Polish party is "PL5260250274". None outside the EU, or without a tax number.
 */
export function vatIdOf(taxId: string | undefined, country: string): string | null {
  const prefix = ownValue(EU_VAT_PREFIX, country)
  if (!prefix || !taxId?.trim()) return null
  const id = compact(taxId)
  return id.startsWith(prefix) ? id : `${prefix}${id}`
}

/**
 * The party's Peppol address: the one it gave ("0088:5790000435975"), else its VAT number under
 * its country's EAS scheme; none when it has neither (Peppol then refuses the document).
 */
export function endpointOf(
  taxId: string | undefined,
  country: string,
  peppolId?: string
): { scheme: string; id: string } | null {
  const given = peppolId?.match(/^(\d{4}):(.+)$/)
  if (given) return { scheme: given[1]!, id: given[2]!.trim() }
  const vatId = vatIdOf(taxId, country)
  if (!vatId) return null
  const national = ownValue(EAS_NATIONAL_NUMBER, country)
  if (national) return { scheme: national, id: vatId.slice(2) }
  const scheme = ownValue(EAS_VAT, country)
  return scheme ? { scheme, id: vatId } : null
}
