import { daysInMonth, isLeapYear } from '@shared/calendar'
import { BillingError } from './errors'

/**
 * Calendar dates as 'YYYY-MM-DD' and their day numbers (days since 1970-01-01, proleptic
 * Gregorian). Billing works on calendar dates, never on timestamps, so time zones and DST
 * changes cannot shift a period.
 */
export type CalendarDate = string

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export { daysInMonth, isLeapYear }

export function parseDate(date: CalendarDate, path?: string): { y: number; m: number; d: number } {
  const match = DATE.exec(date)
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0]
  if (!match || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new BillingError('INVALID_INPUT', `"${date}" is not a calendar date (YYYY-MM-DD)`, path)
  }
  return { y, m, d }
}

export const isCalendarDate = (date: string): boolean => {
  try {
    parseDate(date)
    return true
  } catch {
    return false
  }
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
// Billing asks for the same few dates again and again: remember their day numbers.
const dayNumbers = new Map<string, number>()

export function toDayNumber(date: CalendarDate): number {
  const known = dayNumbers.get(date)
  if (known !== undefined) return known
  const { y: year, m, d } = parseDate(date)
  const y = m <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  const days = era * 146097 + doe - 719468
  if (dayNumbers.size > 50_000) dayNumbers.clear()
  dayNumbers.set(date, days)
  return days
}

export function fromDayNumber(days: number): CalendarDate {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  )
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export const addDays = (date: CalendarDate, days: number): CalendarDate =>
  fromDayNumber(toDayNumber(date) + days)

/** Days from a to b counting both (Jan 1 – Jan 31 → 31). */
export const daysInclusive = (a: CalendarDate, b: CalendarDate): number =>
  toDayNumber(b) - toDayNumber(a) + 1

/**
 * The date `months` months after an anchor, on the anchor's day of month or the last day of a
 * shorter month: Jan 31 + 1 → Feb 28/29, + 2 → Mar 31 (always counted from the anchor).
 */
export function addMonthsClamped(anchor: CalendarDate, months: number): CalendarDate {
  const { y, m, d } = parseDate(anchor)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = index - year * 12 + 1
  const day = Math.min(d, daysInMonth(year, month))
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** ISO day of week: Monday 1 … Sunday 7. */
export const isoWeekday = (date: CalendarDate): number =>
  ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1

export const minDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a <= b ? a : b)
export const maxDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a >= b ? a : b)
