import { EINVOICE_FORMATS, PEPPOL_ID_PATTERN } from '../einvoice'
import { z } from 'zod'
import { line, paragraph, requiredLine } from '../text'
import { COUNTRY_CODES, EU_COUNTRY_CODES } from '../countries'
import { currencyCode } from '../currencies'
import { LANGUAGES, type Language } from '../languages'
import { checkPartyIds, compactId, formatPostalCode } from '../party'

const text = line
const required = requiredLine

export const TAX_TREATMENTS = ['standard', 'reverse_charge', 'exempt', 'export'] as const
export type TaxTreatment = (typeof TAX_TREATMENTS)[number]

/**
 * An invoice in the EU names the customer's full address (VAT Directive art. 226), and Poland's
 * KSeF will not take a business buyer without one: a customer with a tax id in an EU country
 * needs the street, postal code and city.
 */
function requireBusinessAddress(
  value: { country?: unknown; taxId?: unknown; address?: Record<string, unknown> | null },
  ctx: z.core.$RefinementCtx<unknown>
): void {
  const country = typeof value.country === 'string' ? value.country : ''
  const taxId = typeof value.taxId === 'string' ? value.taxId.trim() : ''
  if (!taxId || !EU_COUNTRY_CODES.includes(country)) return
  for (const field of ['line1', 'postalCode', 'city'] as const) {
    const given = value.address?.[field]
    if (typeof given === 'string' && given.trim() !== '') continue
    ctx.addIssue({
      code: 'custom',
      path: ['address', field],
      message: 'A business customer in the EU needs a full address on its invoices',
      params: { code: 'business_address' }
    })
  }
}

/** What a customer form or a customers CSV row gives; identifiers come back compacted. */
export const customerInput = z
  .strictObject({
    /** The customer's number in the books; made up (C00001…) when not given. */
    code: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9_.\-/]{0,39}$/,
        'must be 1–40 letters, digits, "_", ".", "-" or "/"'
      )
      .optional(),
    name: required(200),
    taxId: text(40).default(''),
    emails: z.array(z.email().max(254)).max(10).default([]),
    address: z
      .strictObject({
        line1: text(200).default(''),
        line2: text(200).default(''),
        postalCode: text(20).default(''),
        city: text(100).default(''),
        region: text(100).default('')
      })
      .default({ line1: '', line2: '', postalCode: '', city: '', region: '' }),
    country: z.enum(COUNTRY_CODES as [string, ...string[]]),
    language: z.enum(LANGUAGES),
    currency: currencyCode,
    paymentTermsDays: z.number().int().min(0).max(365).default(14),
    taxTreatment: z.enum(TAX_TREATMENTS).default('standard'),
    exemptionReason: text(300).default(''),
    /** Where Peppol delivers its invoices, "0088:5790000435975"; else its VAT number is used. */
    peppolId: z
      .string()
      .trim()
      .regex(PEPPOL_ID_PATTERN, 'must be a Peppol id like 0088:5790000435975')
      .or(z.literal(''))
      .default(''),
    /** The e-invoice the customer wants with each invoice (attached to its emails). */
    einvoiceFormat: z.enum(EINVOICE_FORMATS).nullable().default(null),
    segment: text(60).default(''),
    tags: z.array(required(40)).max(20).default([]),
    notes: paragraph(2000).default('')
  })
  .check(
    z.superRefine(
      (value, ctx) => {
        if (typeof value !== 'object' || value === null) return
        checkPartyIds(value, ctx)
        requireBusinessAddress(value, ctx)
        if (value.taxTreatment === 'exempt' && !value.exemptionReason) {
          ctx.addIssue({
            code: 'custom',
            path: ['exemptionReason'],
            message: 'An exempt customer needs the legal ground of the exemption',
            params: { code: 'required' }
          })
        }
      },
      { when: () => true }
    )
  )
  .transform((v) => ({
    ...v,
    taxId: compactId(v.taxId),
    // typed "00624", stored as Poland writes it: "00-624" (likewise PT and BR)
    address: { ...v.address, postalCode: formatPostalCode(v.country, v.address.postalCode) },
    tags: [...new Set(v.tags)]
  }))
export type CustomerInput = z.input<typeof customerInput>
export type CustomerFields = z.output<typeof customerInput>

export interface Customer extends Omit<CustomerFields, 'code'> {
  id: number
  code: string
  language: Language
  archived: boolean
  createdAt: string
  updatedAt: string
}

export const customerSearchInput = z.strictObject({
  /** Matches name, code, email or tax id (any part, any case). */
  query: z.string().trim().max(200).default(''),
  includeArchived: z.boolean().default(false),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0)
})

export const CUSTOMER_SORTS = ['name', 'code', 'country', 'created', 'receivable'] as const
export type CustomerSort = (typeof CUSTOMER_SORTS)[number]

/** The customers screen: search, filters and sorting over every customer, a window at a time. */
export const customerListInput = z.strictObject({
  query: z.string().trim().max(200).default(''),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  segment: line(60).optional(),
  tag: line(40).optional(),
  country: z.enum(COUNTRY_CODES as [string, ...string[]]).optional(),
  /** Only customers who owe something on issued invoices. */
  balanceDue: z.boolean().default(false),
  sort: z.enum(CUSTOMER_SORTS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0)
})
export type CustomerListInput = z.input<typeof customerListInput>

/** One row of the customers list: what the list shows, no more. */
export interface CustomerListRow {
  id: number
  code: string
  name: string
  email: string
  taxId: string
  country: string
  currency: string
  segment: string
  tags: string[]
  archived: boolean
  /** Owed on issued invoices in the customer's currency, minor units. */
  receivable: number
}

/** The values in use, for the list's filter menus. */
export interface CustomerFacets {
  segments: string[]
  tags: string[]
  countries: string[]
}

const customerId = z.number().int().positive()
export const customerIdInput = z.strictObject({ customerId })
export const customerUpdateInput = z.strictObject({ customerId, fields: customerInput })
export const customerArchiveInput = z.strictObject({ customerId, archived: z.boolean() })
