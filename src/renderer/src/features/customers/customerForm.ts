import {
  customerInput,
  TAX_TREATMENTS,
  type Customer,
  type CustomerInput
} from '@shared/books/customers'
import type { EinvoiceFormat } from '@shared/einvoice'
import { formatPostalCode } from '@shared/party'
import type { Language } from '@shared/languages'
import type { FieldError } from '@shared/result'
import { toFieldErrors } from '@shared/validation'

/** The customer form as typed: lists and numbers are text until they are sent. */
export interface CustomerForm {
  code: string
  name: string
  taxId: string
  emails: string
  line1: string
  line2: string
  postalCode: string
  city: string
  region: string
  country: string
  language: Language
  currency: string
  paymentTermsDays: string
  taxTreatment: (typeof TAX_TREATMENTS)[number]
  exemptionReason: string
  peppolId: string
  /** '' for none. */
  einvoiceFormat: '' | EinvoiceFormat
  segment: string
  tags: string
  notes: string
}

export function emptyCustomerForm(defaults: {
  country: string
  currency: string
  language: Language
}): CustomerForm {
  return {
    code: '',
    name: '',
    taxId: '',
    emails: '',
    line1: '',
    line2: '',
    postalCode: '',
    city: '',
    region: '',
    country: defaults.country,
    language: defaults.language,
    currency: defaults.currency,
    paymentTermsDays: '14',
    taxTreatment: 'standard',
    exemptionReason: '',
    peppolId: '',
    einvoiceFormat: '',
    segment: '',
    tags: '',
    notes: ''
  }
}

export function formFromCustomer(c: Customer): CustomerForm {
  return {
    code: c.code,
    name: c.name,
    taxId: c.taxId,
    emails: c.emails.join(', '),
    line1: c.address.line1,
    line2: c.address.line2,
    postalCode: c.address.postalCode,
    city: c.address.city,
    region: c.address.region,
    country: c.country,
    language: c.language,
    currency: c.currency,
    paymentTermsDays: String(c.paymentTermsDays),
    taxTreatment: c.taxTreatment,
    exemptionReason: c.exemptionReason,
    peppolId: c.peppolId,
    einvoiceFormat: c.einvoiceFormat ?? '',
    segment: c.segment,
    tags: c.tags.join(', '),
    notes: c.notes
  }
}

const list = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)

/** What the form sends: the shape of customerInput. */
export function inputFromForm(form: CustomerForm): CustomerInput {
  const days = form.paymentTermsDays.trim()
  return {
    code: form.code.trim() || undefined,
    name: form.name,
    taxId: form.taxId,
    emails: list(form.emails),
    address: {
      line1: form.line1,
      line2: form.line2,
      postalCode: formatPostalCode(form.country, form.postalCode),
      city: form.city,
      region: form.region
    },
    country: form.country,
    language: form.language,
    currency: form.currency,
    paymentTermsDays: /^\d+$/.test(days) ? Number(days) : (days as unknown as number),
    taxTreatment: form.taxTreatment,
    exemptionReason: form.exemptionReason,
    peppolId: form.peppolId,
    einvoiceFormat: form.einvoiceFormat || null,
    segment: form.segment,
    tags: list(form.tags),
    notes: form.notes
  }
}

/** Where each error path of customerInput shows on the form (emails.2 → emails). */
const FORM_FIELD: Record<string, keyof CustomerForm> = {
  'address.line1': 'line1',
  'address.line2': 'line2',
  'address.postalCode': 'postalCode',
  'address.city': 'city',
  'address.region': 'region'
}

export function formErrors(
  errors: Record<string, FieldError>
): Partial<Record<keyof CustomerForm, FieldError>> {
  const out: Partial<Record<keyof CustomerForm, FieldError>> = {}
  for (const [path, error] of Object.entries(errors)) {
    const field = (FORM_FIELD[path] ?? path.split('.')[0]) as keyof CustomerForm
    if (!out[field]) out[field] = error
  }
  return out
}

/** The same checks main makes (the shared schema: tax id checksums by country, emails…), before sending. */
export function checkCustomerForm(
  form: CustomerForm
): Partial<Record<keyof CustomerForm, FieldError>> {
  const input = inputFromForm(form)
  const parsed = customerInput.safeParse(input)
  return parsed.success ? {} : formErrors(toFieldErrors(parsed.error.issues, input))
}

/** The fields in screen order with their label keys, for the error summary. */
export const CUSTOMER_FIELDS: readonly [keyof CustomerForm, string][] = [
  ['name', 'customers.name'],
  ['code', 'customers.code'],
  ['country', 'customers.country'],
  ['taxId', 'customers.taxId'],
  ['emails', 'customers.emails'],
  ['line1', 'company.line1'],
  ['line2', 'company.line2'],
  ['postalCode', 'company.postalCode'],
  ['city', 'company.city'],
  ['region', 'company.region'],
  ['language', 'customers.language'],
  ['currency', 'customers.currency'],
  ['paymentTermsDays', 'customers.paymentTerms'],
  ['peppolId', 'customers.peppolId'],
  ['einvoiceFormat', 'customers.einvoiceFormat'],
  ['taxTreatment', 'customers.taxTreatment'],
  ['exemptionReason', 'customers.exemptionReason'],
  ['segment', 'customers.segment'],
  ['tags', 'customers.tags'],
  ['notes', 'customers.notes']
]
