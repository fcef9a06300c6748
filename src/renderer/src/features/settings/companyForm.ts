import type { CompanyProfile, CompanyProfileInput, Logo } from '@shared/company'
import { MAX_LOGO_BYTES } from '@shared/company'
import type { FieldError } from '@shared/result'

export type CompanyForm = Omit<CompanyProfileInput, 'logo'> & { logo: Logo | null }

export function formFromProfile(profile: CompanyProfile): CompanyForm {
  const { updatedAt: _updatedAt, ...fields } = profile
  return { ...fields, address: { ...fields.address } }
}

/** The form's fields in screen order, with the catalog key of each label (for the error summary). */
export const FIELD_LABELS: readonly [path: string, labelKey: string][] = [
  ['legalName', 'company.legalName'],
  ['country', 'company.country'],
  ['taxId', 'company.taxId'],
  ['address.line1', 'company.line1'],
  ['address.line2', 'company.line2'],
  ['address.postalCode', 'company.postalCode'],
  ['address.city', 'company.city'],
  ['address.region', 'company.region'],
  ['email', 'company.email'],
  ['phone', 'company.phone'],
  ['iban', 'company.iban'],
  ['bic', 'company.bic'],
  ['pixKey', 'company.pixKey'],
  ['defaultCurrency', 'company.defaultCurrency'],
  ['defaultLanguage', 'company.defaultLanguage'],
  ['invoiceNumberFormat', 'company.invoiceNumberFormat'],
  ['logo', 'company.logo']
]

/** Reads a chosen image for the logo, refusing what main would refuse before sending it. */
export async function readLogo(file: File): Promise<{ logo: Logo } | { error: FieldError }> {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
    return { error: { code: 'logo_type', message: 'The logo must be a PNG or JPEG image' } }
  }
  if (file.size > MAX_LOGO_BYTES) {
    return {
      error: {
        code: 'logo_too_large',
        message: 'The logo must be 1 MB or smaller',
        params: { maximum: MAX_LOGO_BYTES }
      }
    }
  }
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return { logo: { mimeType: file.type, dataBase64: btoa(binary) } }
}
