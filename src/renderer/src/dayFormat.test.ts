import { describe, expect, it } from 'vitest'
import { addDays, dayFormat, dayPattern, parseDay, showDay } from './dayFormat'

const letters = { day: 'dd', month: 'mm', year: 'yyyy' }

describe('dayFormat', () => {
  it.each([
    ['pl-PL', 'dd.mm.yyyy', '31.01.2026'],
    ['es-ES', 'dd/mm/yyyy', '31/01/2026'],
    ['pt-BR', 'dd/mm/yyyy', '31/01/2026'],
    ['en-GB', 'dd/mm/yyyy', '31/01/2026'],
    ['en-US', 'mm/dd/yyyy', '01/31/2026']
  ])('%s types days as %s', (locale, pattern, shown) => {
    const format = dayFormat(locale)
    expect(dayPattern(format, letters)).toBe(pattern)
    expect(showDay('2026-01-31', format)).toBe(shown)
    expect(parseDay(shown, format)).toEqual({ kind: 'day', iso: '2026-01-31' })
  })

  const pl = dayFormat('pl-PL')
  const us = dayFormat('en-US')
  it.each([
    ['', pl, { kind: 'empty' }],
    ['  ', pl, { kind: 'empty' }],
    ['1.2.2026', pl, { kind: 'day', iso: '2026-02-01' }],
    ['01022026', pl, { kind: 'day', iso: '2026-02-01' }],
    ['02012026', us, { kind: 'day', iso: '2026-02-01' }],
    ['2026-02-01', pl, { kind: 'day', iso: '2026-02-01' }],
    ['29.02.2028', pl, { kind: 'day', iso: '2028-02-29' }],
    ['29.02.2026', pl, { kind: 'impossible' }],
    ['31.04.2026', pl, { kind: 'impossible' }],
    ['00.01.2026', pl, { kind: 'impossible' }],
    ['01.13.2026', pl, { kind: 'impossible' }],
    ['31.01', pl, { kind: 'incomplete' }],
    ['31.01.26', pl, { kind: 'incomplete' }],
    ['31.01.2026x', pl, { kind: 'incomplete' }]
  ])('reads %j', (text, format, parsed) => {
    expect(parseDay(text, format)).toEqual(parsed)
  })

  it('steps over month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })
})
