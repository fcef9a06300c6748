import type { Selectable } from 'kysely'
import type { CompanyProfile, LogoMimeType, NewCompany } from '@shared/company'
import { NEW_COMPANY_DEFAULTS } from '@shared/company'
import type { Language } from '@shared/languages'
import { problem } from '../../errors'
import type { CompanyTable } from '../schema'
import type { Books } from '../sync'

type ProfileFields = Omit<CompanyProfile, 'updatedAt'>

export function companyFromRow(row: Selectable<CompanyTable>): CompanyProfile {
  return {
    legalName: row.legal_name,
    address: {
      line1: row.address_line1,
      line2: row.address_line2,
      postalCode: row.postal_code,
      city: row.city,
      region: row.region
    },
    country: row.country,
    taxId: row.tax_id,
    email: row.email,
    phone: row.phone,
    iban: row.iban,
    bic: row.bic,
    pixKey: row.pix_key,
    defaultCurrency: row.default_currency,
    defaultLanguage: row.default_language as Language,
    invoiceNumberFormat: row.invoice_number_format,
    logo:
      row.logo && row.logo_mime_type
        ? { mimeType: row.logo_mime_type as LogoMimeType, dataBase64: row.logo.toString('base64') }
        : null,
    updatedAt: row.updated_at
  }
}

function companyToRow(profile: ProfileFields, now: string) {
  return {
    legal_name: profile.legalName,
    address_line1: profile.address.line1,
    address_line2: profile.address.line2,
    postal_code: profile.address.postalCode,
    city: profile.address.city,
    region: profile.address.region,
    country: profile.country,
    tax_id: profile.taxId,
    email: profile.email,
    phone: profile.phone,
    iban: profile.iban,
    bic: profile.bic,
    pix_key: profile.pixKey,
    default_currency: profile.defaultCurrency,
    default_language: profile.defaultLanguage,
    invoice_number_format: profile.invoiceNumberFormat,
    logo: profile.logo ? Buffer.from(profile.logo.dataBase64, 'base64') : null,
    logo_mime_type: profile.logo?.mimeType ?? null,
    updated_at: now
  }
}

export function getCompany(books: Books): CompanyProfile {
  const row = books.first(books.q.selectFrom('company').selectAll().where('id', '=', 1))
  if (!row)
    throw problem(
      'NOT_FOUND',
      'no_company_profile',
      'This company file has no company profile yet.'
    )
  return companyFromRow(row)
}

/** Writes the first profile of a new company file; the rest of the fields start empty. */
export function insertCompany(books: Books, company: NewCompany): void {
  const stamp = books.stamp()
  books.run(
    books.q.insertInto('company').values({
      id: 1,
      legal_name: company.legalName,
      country: company.country,
      default_currency: company.defaultCurrency,
      default_language: company.defaultLanguage,
      invoice_number_format: NEW_COMPANY_DEFAULTS.invoiceNumberFormat,
      address_line1: '',
      address_line2: '',
      postal_code: '',
      city: '',
      region: '',
      tax_id: '',
      email: '',
      phone: '',
      iban: '',
      bic: '',
      pix_key: '',
      logo: null,
      logo_mime_type: null,
      created_at: stamp,
      updated_at: stamp
    })
  )
}

export function updateCompany(books: Books, profile: ProfileFields): CompanyProfile {
  return books.tx(() => {
    const result = books.run(
      books.q.updateTable('company').set(companyToRow(profile, books.stamp())).where('id', '=', 1)
    )
    if (result.changes === 0)
      throw problem(
        'NOT_FOUND',
        'no_company_profile',
        'This company file has no company profile yet.'
      )
    // the invoice series numbers with the profile's format from now on
    books.run(
      books.q
        .updateTable('number_series')
        .set({ format: profile.invoiceNumberFormat })
        .where('id', '=', 'INV')
    )
    return getCompany(books)
  })
}
