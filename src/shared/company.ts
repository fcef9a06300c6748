import { z } from 'zod'
import { line, requiredLine } from './text'
import { COUNTRY_CODES } from './countries'
import { currencyCode } from './currencies'
import { checkBic, checkIban, checkPixKey, type IdCheck } from './identifiers'
import { checkPartyIds, compactId, customIssue as custom, formatPostalCode } from './party'
import { checkNumberFormat, DEFAULT_NUMBER_FORMAT } from './invoice-number'
import { LANGUAGES, type Language } from './languages'
import { ownValue } from './own'

export const MAX_LOGO_BYTES = 1024 * 1024
export const LOGO_MIME_TYPES = ['image/png', 'image/jpeg'] as const
export type LogoMimeType = (typeof LOGO_MIME_TYPES)[number]

export interface Logo {
  mimeType: LogoMimeType
  dataBase64: string
}

export interface Address {
  line1: string
  line2: string
  postalCode: string
  city: string
  region: string
}

/** The issuing company: who the invoices come from. Empty optional fields are empty strings. */
export interface CompanyProfile {
  legalName: string
  address: Address
  country: string
  taxId: string
  email: string
  phone: string
  iban: string
  bic: string
  /** A Pix key (CPF, CNPJ, email, +55 phone or random key): BRL invoices print a Pix QR code. */
  pixKey: string
  defaultCurrency: string
  defaultLanguage: Language
  invoiceNumberFormat: string
  logo: Logo | null
  updatedAt: string
}

const text = line
const required = requiredLine
const countryCode = z.enum(COUNTRY_CODES as [string, ...string[]])

/** Decoded byte length of a base64 string, without decoding it. */
export function base64ByteLength(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0
  return (b64.length / 4) * 3 - padding
}

function detectImageType(b64: string): LogoMimeType | null {
  const head = atob(b64.slice(0, 12))
  const bytes = Array.from(head, (c) => c.charCodeAt(0))
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (png.every((b, i) => bytes[i] === b)) return 'image/png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  return null
}

/** 1 MB of bytes is at most 1,398,104 base64 characters. */
const MAX_LOGO_BASE64_CHARS = Math.ceil(MAX_LOGO_BYTES / 3) * 4
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

export const logoInput = z
  .strictObject({
    mimeType: z.enum(LOGO_MIME_TYPES),
    dataBase64: z.string()
  })
  .superRefine((logo, ctx) => {
    const b64 = logo.dataBase64
    if (b64.length > MAX_LOGO_BASE64_CHARS || base64ByteLength(b64) > MAX_LOGO_BYTES) {
      ctx.addIssue({
        ...custom('logo_too_large', 'The logo must be 1 MB or smaller', {
          maximum: MAX_LOGO_BYTES
        }),
        path: []
      })
      return
    }
    if (!BASE64.test(b64)) {
      ctx.addIssue({ ...custom('logo_corrupt', 'The image data is not valid base64'), path: [] })
      return
    }
    const detected = detectImageType(b64)
    if (detected === null) {
      ctx.addIssue({ ...custom('logo_type', 'The logo must be a PNG or JPEG image'), path: [] })
    } else if (detected !== logo.mimeType) {
      ctx.addIssue({
        ...custom(
          'logo_corrupt',
          `The file is a ${detected} image but was sent as ${logo.mimeType}`
        ),
        path: []
      })
    }
  })

type Refinement = z.core.$RefinementCtx<unknown>

function addIdIssue(ctx: Refinement, path: string[], check: IdCheck): void {
  if (!check.valid) ctx.addIssue({ ...custom(check.code, check.message), path })
}

/** Country-dependent checks: tax id checksum, postal code shape, IBAN and BIC. */
function checkCompanyFields(value: CompanyProfileFields, ctx: Refinement): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return
  checkPartyIds(value, ctx)
  if (typeof value.iban === 'string' && value.iban !== '')
    addIdIssue(ctx, ['iban'], checkIban(value.iban))
  if (typeof value.bic === 'string' && value.bic !== '')
    addIdIssue(ctx, ['bic'], checkBic(value.bic))
  if (typeof value.pixKey === 'string' && value.pixKey !== '')
    addIdIssue(ctx, ['pixKey'], checkPixKey(value.pixKey))
  const format = value.invoiceNumberFormat
  if (typeof format === 'string' && format !== '') {
    const problem = checkNumberFormat(format)
    if (problem) {
      const params = 'params' in problem ? problem.params : {}
      ctx.addIssue({
        ...custom(problem.code, problem.message, params),
        path: ['invoiceNumberFormat']
      })
    }
  }
}

const companyProfileFields = z.strictObject({
  legalName: required(200),
  address: z.strictObject({
    line1: required(200),
    line2: text(200),
    postalCode: required(20),
    city: required(100),
    region: text(100)
  }),
  country: countryCode,
  taxId: text(40),
  email: z.union([z.literal(''), z.email().max(254)]),
  phone: text(30).superRefine((phone, ctx) => {
    if (!/^[+\d\s().\-/]*$/.test(phone)) {
      ctx.addIssue(custom('phone_format', 'A phone number has digits, spaces and + ( ) - / only'))
    }
  }),
  iban: text(42),
  bic: text(14),
  pixKey: text(77).default(''),
  defaultCurrency: currencyCode,
  defaultLanguage: z.enum(LANGUAGES),
  invoiceNumberFormat: required(60),
  logo: logoInput.nullable()
})
type CompanyProfileFields = Partial<z.output<typeof companyProfileFields>>

/** What the company profile form sends; identifiers come back in their compact canonical form. */
export const companyProfileInput = companyProfileFields
  .check(
    z.superRefine((value, ctx) => checkCompanyFields(value as CompanyProfileFields, ctx), {
      when: () => true
    })
  )
  .transform((v) => ({
    ...v,
    address: { ...v.address, postalCode: formatPostalCode(v.country, v.address.postalCode) },
    taxId: compactId(v.taxId),
    iban: compactId(v.iban),
    bic: compactId(v.bic),
    pixKey: v.pixKey
      ? ((checkPixKey(v.pixKey) as { normalized?: string }).normalized ?? v.pixKey)
      : ''
  }))
export type CompanyProfileInput = z.input<typeof companyProfileInput>

const LANGUAGE_OF_COUNTRY: Readonly<Record<string, Language>> = { PL: 'pl', ES: 'es', BR: 'pt-BR' }

/**
 * The invoice language a party in this country most likely reads: its own where Facturo has a
 * catalog for it (Poland, Spain, Brazil), English elsewhere (Portugal too: there is no pt-PT).
 */
export function defaultLanguageFor(country: string): Language {
  return ownValue(LANGUAGE_OF_COUNTRY, country) ?? 'en'
}

/** The first facts of a new company file; the rest is filled in Settings. */
export const newCompanyInput = z.strictObject({
  legalName: required(200),
  country: countryCode,
  defaultCurrency: currencyCode,
  defaultLanguage: z.enum(LANGUAGES)
})
export type NewCompany = z.output<typeof newCompanyInput>

export const NEW_COMPANY_DEFAULTS = { invoiceNumberFormat: DEFAULT_NUMBER_FORMAT }
