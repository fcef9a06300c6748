import type { z } from 'zod'
import { checkTaxId } from './identifiers'
import { ownValue } from './own'

/** A zod custom issue carrying the field-error code the UI translates. */
export const customIssue = (
  code: string,
  message: string,
  params: Record<string, string | number> = {}
) => ({
  code: 'custom' as const,
  message,
  params: { code, ...params }
})

/** Postal code shapes; `dash` is where the dash goes when only the digits are typed. */
const POSTAL_CODES: Record<string, { pattern: RegExp; example: string; dash?: number }> = {
  PL: { pattern: /^\d{2}-\d{3}$/, example: '90-001', dash: 2 },
  ES: { pattern: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/, example: '28013' },
  BR: { pattern: /^\d{5}-\d{3}$/, example: '01310-100', dash: 5 },
  PT: { pattern: /^\d{4}-\d{3}$/, example: '1100-148', dash: 4 }
}

/**
 * A postal code as it is written in its country: the digits alone ("00624" in Poland, "1100148"
 * in Portugal, "01310100" in Brazil) get their dash ("00-624", "1100-148", "01310-100"); anything
 * else is returned trimmed, for the shape check to judge.
 */
export function formatPostalCode(country: string, postalCode: string): string {
  const code = postalCode.trim()
  const shape = ownValue(POSTAL_CODES, country)
  if (!shape?.dash) return code
  const digits = code.replace(/[\s-]/g, '')
  const length = shape.example.replace('-', '').length
  if (!/^\d+$/.test(digits) || digits.length !== length) return code
  return `${digits.slice(0, shape.dash)}-${digits.slice(shape.dash)}`
}

/**
 * The checks a company and a customer share: the tax id by the rules of the country, and the
 * postal code's shape where it is known. Reads the raw value defensively (it may be partly invalid).
 */
export function checkPartyIds(
  value: { country?: unknown; taxId?: unknown; address?: { postalCode?: unknown } | null },
  ctx: z.core.$RefinementCtx<unknown>
): void {
  const country = typeof value.country === 'string' ? value.country : ''
  if (typeof value.taxId === 'string' && value.taxId !== '' && country) {
    const check = checkTaxId(country, value.taxId)
    if (!check.valid) ctx.addIssue({ ...customIssue(check.code, check.message), path: ['taxId'] })
  }
  const postal = ownValue(POSTAL_CODES, country)
  const postalCode = value.address?.postalCode
  if (
    postal &&
    typeof postalCode === 'string' &&
    postalCode !== '' &&
    !postal.pattern.test(formatPostalCode(country, postalCode))
  ) {
    ctx.addIssue({
      ...customIssue(
        'postal_code_format',
        `A postal code in ${country} looks like ${postal.example}`,
        { example: postal.example }
      ),
      path: ['address', 'postalCode']
    })
  }
}

/** Identifiers as stored: uppercase, without the separators people type. */
export const compactId = (s: string): string => s.toUpperCase().replace(/[\s.\-/]/g, '')
