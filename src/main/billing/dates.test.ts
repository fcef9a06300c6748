import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addMonthsClamped,
  daysInclusive,
  fromDayNumber,
  isCalendarDate,
  isoWeekday,
  parseDate,
  toDayNumber
} from './dates'

describe('calendar dates', () => {
  it('count days from 1970-01-01 like the proleptic Gregorian calendar', () => {
    expect(toDayNumber('1970-01-01')).toBe(0)
    expect(toDayNumber('2000-03-01')).toBe(11017)
    expect(toDayNumber('1969-12-31')).toBe(-1)
    expect(fromDayNumber(20413)).toBe('2025-11-21')
  })

  it('round-trip every day from 0001-01-01 to 9999-12-31', () => {
    expect(toDayNumber('0001-01-01')).toBe(-719162)
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: toDayNumber('9999-12-30') }), (n) => {
        const date = fromDayNumber(n)
        expect(isCalendarDate(date)).toBe(true)
        expect(toDayNumber(date)).toBe(n)
        expect(toDayNumber(fromDayNumber(n + 1)) - toDayNumber(date)).toBe(1)
      })
    )
  })

  it('know leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2025-02-29')).toBe(false)
    expect(isCalendarDate('2000-02-29')).toBe(true)
    expect(isCalendarDate('1900-02-29')).toBe(false)
    expect(() => parseDate('2026-13-01')).toThrow(/not a calendar date/)
    expect(() => parseDate('2026-1-1')).toThrow(/not a calendar date/)
  })

  it('clamp month-end anchors and come back to them', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonthsClamped('2026-01-31', 2)).toBe('2026-03-31')
    expect(addMonthsClamped('2026-01-31', 3)).toBe('2026-04-30')
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonthsClamped('2024-02-29', 48)).toBe('2028-02-29')
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28')
    expect(addMonthsClamped('2026-12-15', 1)).toBe('2027-01-15')
  })

  it('are not timestamps: months that change clocks have their calendar length', () => {
    // EU summer time starts 2026-03-29 and ends 2026-10-25; US 2026-03-08 and 2026-11-01
    expect(daysInclusive('2026-03-01', '2026-03-31')).toBe(31)
    expect(daysInclusive('2026-10-01', '2026-10-31')).toBe(31)
    expect(daysInclusive('2026-03-08', '2026-03-08')).toBe(1)
    expect(isoWeekday('2026-11-21')).toBe(6)
    expect(isoWeekday('2026-03-30')).toBe(1)
  })
})
