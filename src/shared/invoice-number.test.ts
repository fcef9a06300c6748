import { describe, expect, it } from 'vitest'
import { checkNumberFormat, formatInvoiceNumber } from './invoice-number'

describe('invoice number formats', () => {
  it.each([
    ['{YYYY}/{seq:6}', '2026-03-09', 123, '2026/000123'],
    ['FV/{YY}/{MM}/{seq}', '2026-03-09', 7, 'FV/26/03/7'],
    ['{seq:4}-{YYYY}', '2027-12-31', 12345, '12345-2027'],
    ['Faktura nr {seq:3} #{YYYY}', '2026-01-01', 5, 'Faktura nr 005 #2026']
  ])('%s on %s, number %i → %s', (format, date, seq, expected) => {
    expect(checkNumberFormat(format)).toBeNull()
    expect(formatInvoiceNumber(format, date, seq)).toBe(expected)
  })

  it.each([
    ['{YYYY}/', 'number_format_seq'],
    ['{seq}/{seq}', 'number_format_seq'],
    ['{YYYY}/{seq:0}', 'number_format_token'],
    ['{YYYY}/{seq:13}', 'number_format_token'],
    ['{DD}/{seq}', 'number_format_token'],
    ['{yyyy}/{seq}', 'number_format_token'],
    ['{YYYY}\\{seq}', 'number_format_chars'],
    ['{YYYY}/{seq}?', 'number_format_chars']
  ])('refuses %s (%s)', (format, code) => {
    expect(checkNumberFormat(format)?.code).toBe(code)
  })

  it('names the unknown part', () => {
    const problem = checkNumberFormat('{DD}/{seq}')
    expect(problem && 'params' in problem ? problem.params : null).toEqual({ token: '{DD}' })
  })
})
