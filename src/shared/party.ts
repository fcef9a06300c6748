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

const POSTAL_CODES: Record<string, { pattern: RegExp; example: string }> = {
  PL: { pattern: /^\d{2}-\d{3}$/, example: '90-001' },
  ES: { pattern: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/, example: '28013' },
  BR: { pattern: /^\d{5}-?\d{3}$/, example: '01310-100' },
  PT: { pattern: /^\d{4}-\d{3}$/, example: '1100-148' }
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
    !postal.pattern.test(postalCode)
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
