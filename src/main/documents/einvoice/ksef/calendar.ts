import { addDays } from '../../../billing/dates'

/**
 * Poland's working days: Monday to Friday except the statutory public holidays (ustawa o dniach
 * wolnych od pracy, with Christmas Eve a holiday from 2025). KSeF's offline invoices are sent
 * by the end of the next working day after issue. Pure; dates as YYYY-MM-DD.
 */

/** Easter Sunday of `year` (Gregorian, the anonymous algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The public holidays of `year` in Poland. */
export function polishHolidays(year: number): string[] {
  const easter = easterSunday(year)
  const fixed = ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26']
  if (year >= 2025) fixed.push('12-24')
  return [
    ...fixed.map((md) => `${year}-${md}`),
    easter,
    addDays(easter, 1), // Easter Monday
    addDays(easter, 49), // Pentecost
    addDays(easter, 60) // Corpus Christi
  ].sort()
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()

export function isPolishWorkingDay(date: string): boolean {
  const day = weekday(date)
  return day !== 0 && day !== 6 && !polishHolidays(Number(date.slice(0, 4))).includes(date)
}

/** The first working day after `date`. */
export function nextWorkingDay(date: string): string {
  let next = addDays(date, 1)
  while (!isPolishWorkingDay(next)) next = addDays(next, 1)
  return next
}

/** The last working day before `date`. */
export function previousWorkingDay(date: string): string {
  let previous = addDays(date, -1)
  while (!isPolishWorkingDay(previous)) previous = addDays(previous, -1)
  return previous
}
