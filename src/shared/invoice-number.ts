/**
 * Invoice number formats such as "{YYYY}/{seq:6}" → "2026/000123".
 * Tokens: {YYYY} year, {YY} two-digit year, {MM} month, {seq} or {seq:N} the sequence padded to N digits.
 * Everything outside braces is printed as written (letters, digits, space and / - _ . #).
 */
export type NumberFormatProblem =
  | { code: 'number_format_seq'; message: string }
  | { code: 'number_format_token'; message: string; params: { token: string } }
  | { code: 'number_format_chars'; message: string; params: { chars: string } }

type Part = { kind: 'text'; text: string } | { kind: 'token'; name: string; width?: number }

const TOKEN = /\{([^{}]*)\}/g
const LITERAL = /^[\p{L}\p{N} /\-_.#]*$/u

function parse(format: string): Part[] | NumberFormatProblem {
  const parts: Part[] = []
  let last = 0
  for (const match of format.matchAll(TOKEN)) {
    parts.push({ kind: 'text', text: format.slice(last, match.index) })
    const token = match[1]!
    const seq = /^seq(?::(\d{1,2}))?$/.exec(token)
    if (seq) {
      const width = seq[1] === undefined ? undefined : Number(seq[1])
      if (width !== undefined && (width < 1 || width > 12)) {
        return unknownToken(token)
      }
      parts.push({ kind: 'token', name: 'seq', width })
    } else if (token === 'YYYY' || token === 'YY' || token === 'MM') {
      parts.push({ kind: 'token', name: token })
    } else {
      return unknownToken(token)
    }
    last = match.index + match[0].length
  }
  parts.push({ kind: 'text', text: format.slice(last) })
  return parts
}

function unknownToken(token: string): NumberFormatProblem {
  return {
    code: 'number_format_token',
    message: `{${token}} is not a known part; use {YYYY}, {YY}, {MM} and {seq} or {seq:N} (N from 1 to 12)`,
    params: { token: `{${token}}` }
  }
}

/** Returns what is wrong with a number format, or null when it can number invoices. */
export function checkNumberFormat(format: string): NumberFormatProblem | null {
  const parts = parse(format)
  if (!Array.isArray(parts)) return parts
  const text = parts.flatMap((p) => (p.kind === 'text' ? [p.text] : [])).join('')
  if (!LITERAL.test(text)) {
    const chars = [...new Set(text.replace(/[\p{L}\p{N} /\-_.#]/gu, ''))].join(' ')
    return {
      code: 'number_format_chars',
      message: `These characters cannot be part of an invoice number: ${chars}`,
      params: { chars }
    }
  }
  const seqCount = parts.filter((p) => p.kind === 'token' && p.name === 'seq').length
  if (seqCount !== 1) {
    return {
      code: 'number_format_seq',
      message: 'The format needs exactly one sequence number: {seq} or {seq:N}'
    }
  }
  return null
}

/** Builds an invoice number from a valid format, an issue date (YYYY-MM-DD) and a sequence number. */
export function formatInvoiceNumber(format: string, issueDate: string, seq: number): string {
  const parts = parse(format)
  if (!Array.isArray(parts)) throw new Error(parts.message)
  const [year, month] = issueDate.split('-')
  return parts
    .map((p) => {
      if (p.kind === 'text') return p.text
      if (p.name === 'YYYY') return year
      if (p.name === 'YY') return year!.slice(2)
      if (p.name === 'MM') return month
      return String(seq).padStart(p.width ?? 1, '0')
    })
    .join('')
}

export const DEFAULT_NUMBER_FORMAT = '{YYYY}/{seq:6}'
