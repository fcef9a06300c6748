import type { z } from 'zod'
import type { FieldError } from './result'

/** Codes of the field problems the UI translates (validation.<code> in the catalogs). */
export const FIELD_ERROR_CODES = [
  'required',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'invalid_type',
  'invalid_choice',
  'invalid_email',
  'invalid_format',
  'digits',
  'digits_up_to',
  'digits_or_empty',
  'percent_rate',
  'municipal_registration',
  'unknown_field',
  'invalid',
  'nip_format',
  'nip_checksum',
  'nif_format',
  'nif_checksum',
  'cnpj_format',
  'cnpj_checksum',
  'cpf_format',
  'cpf_checksum',
  'br_tax_id_length',
  'tax_id_format',
  'iban_format',
  'iban_country',
  'iban_length',
  'iban_checksum',
  'bic_format',
  'postal_code_format',
  'phone_format',
  'logo_type',
  'logo_too_large',
  'logo_corrupt',
  'number_format_seq',
  'number_format_token',
  'number_format_chars',
  'file_name',
  'quantity',
  'decimal',
  'code_format',
  'greater_than',
  'tier_open_not_last',
  'tier_last_open',
  'usage_in_arrears',
  'percentage_metric',
  'price_id_taken',
  'segment_price_unknown',
  'segment_price_metric',
  'value_missing',
  'value_not_number',
  'value_negative',
  'date_format',
  'date_not_on_calendar',
  'date_range',
  'control_characters',
  'absolute_path',
  'amount_too_large',
  'name_too_long',
  'placeholder',
  'pix_key_format'
] as const
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number]

const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join('.')

/** The value at a path of an input, or undefined when any step is missing. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    if (!Object.hasOwn(node, key)) return undefined
    node = (node as Record<PropertyKey, unknown>)[key]
  }
  return node
}

function toFieldError(issue: z.core.$ZodIssue, raw: unknown): FieldError {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) {
        return { code: 'required', message: 'This field is required' }
      }
      return issue.origin === 'string'
        ? { code: 'too_short', message: issue.message, params: { minimum: Number(issue.minimum) } }
        : { code: 'too_small', message: issue.message, params: { minimum: Number(issue.minimum) } }
    case 'too_big':
      return issue.origin === 'string'
        ? {
            code: 'too_long',
            message: `At most ${issue.maximum} characters`,
            params: { maximum: Number(issue.maximum) }
          }
        : { code: 'too_big', message: issue.message, params: { maximum: Number(issue.maximum) } }
    case 'invalid_type':
      return valueAt(raw, issue.path) === undefined
        ? { code: 'required', message: 'This field is required' }
        : { code: 'invalid_type', message: issue.message, params: { expected: issue.expected } }
    case 'invalid_value':
      return { code: 'invalid_choice', message: 'Choose one of the offered values' }
    case 'invalid_format':
      return issue.format === 'email'
        ? { code: 'invalid_email', message: 'This is not a valid email address' }
        : { code: 'invalid_format', message: issue.message }
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, string | number>
      const { code = 'invalid', ...rest } = params
      const error: FieldError = { code: String(code), message: issue.message }
      return Object.keys(rest).length ? { ...error, params: rest } : error
    }
    case 'invalid_union':
      return valueAt(raw, issue.path) === undefined
        ? { code: 'required', message: 'This field is required' }
        : { code: 'invalid', message: issue.message }
    default:
      return { code: 'invalid', message: issue.message }
  }
}

/** More field errors than a form can show are not collected (a hostile input can have millions). */
export const MAX_FIELD_ERRORS = 200

/**
 * Turns zod issues into field errors keyed by dotted path (first problem per field wins, at most
 * MAX_FIELD_ERRORS fields). Unknown keys are reported on the key itself, so
 * "company/update {foo: 1}" names "foo".
 */
export function toFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  raw: unknown
): Record<string, FieldError> {
  // a Map: field names come from the input, and may be "constructor" or "__proto__"
  const errors = new Map<string, FieldError>()
  const add = (path: readonly PropertyKey[], error: FieldError) => {
    const key = pathKey(path)
    if (!errors.has(key) && errors.size < MAX_FIELD_ERRORS) errors.set(key, error)
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        add([...issue.path, key], { code: 'unknown_field', message: `Unknown field "${key}"` })
      }
    } else {
      add(issue.path, toFieldError(issue, raw))
    }
  }
  return Object.fromEntries(errors)
}

/** A one-line English summary of the fields that failed, for logs and the error envelope. */
export function summarizeFieldErrors(errors: Record<string, FieldError>): string {
  const fields = Object.keys(errors).map((k) => (k || '(input)').slice(0, 100))
  const shown = fields.slice(0, 10).join(', ')
  return fields.length > 10
    ? `Invalid input: ${shown} and ${fields.length - 10} more`
    : `Invalid input: ${shown}`
}
