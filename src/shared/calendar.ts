import { z } from 'zod'

/**
 * Calendar dates as the books write them: 'YYYY-MM-DD', proleptic Gregorian, no time zone.
 * One definition for every schema and for the engine: a date must exist on the calendar
 * (no 2026-02-30) and lie in the years the books can hold (no 9999-12-31, whose periods would
 * run past any date the engine can reach).
 */
export const EARLIEST_YEAR = 1970
export const LATEST_YEAR = 2199

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?$/

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0
}

export type DateProblem = 'date_format' | 'date_not_on_calendar' | 'date_range'

/** Why a text is not a date the books accept, or null when it is one. */
export function dateProblem(text: string): DateProblem | null {
  const match = DATE.exec(text)
  if (!match) return 'date_format'
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return 'date_not_on_calendar'
  if (y < EARLIEST_YEAR || y > LATEST_YEAR) return 'date_range'
  return null
}

/** Why a local wall-clock time ("2026-01-05" or "2026-01-05T14:30:00") is not one, or null. */
export function dateTimeProblem(text: string): DateProblem | null {
  const match = DATE_TIME.exec(text)
  if (!match) return 'date_format'
  const day = dateProblem(match[1]!)
  if (day) return day
  const [h, min, s] = [match[2], match[3], match[4]].map((part) => Number(part ?? 0))
  return h! > 23 || min! > 59 || s! > 59 ? 'date_not_on_calendar' : null
}

const MESSAGES: Record<DateProblem, string> = {
  date_format: 'must be a date like 2026-01-31',
  date_not_on_calendar: 'is not a calendar date',
  date_range: `must be a date from ${EARLIEST_YEAR} to ${LATEST_YEAR}`
}
const DATE_TIME_FORMAT =
  'must be a local date or date-time without a zone, like "2026-01-05T14:30:00"'

/** An English sentence for a date problem, as "VALUE …" or "FIELD …" would continue it. */
export const dateProblemMessage = (problem: DateProblem): string => MESSAGES[problem]

/** "--from must be a date like 2026-01-31, not "1 Feb"" and the like, for a named input. */
export function describeDateProblem(name: string, value: string, problem: DateProblem): string {
  return problem === 'date_not_on_calendar'
    ? `${name}: "${value}" is not a calendar date`
    : `${name} ${MESSAGES[problem]}, not "${value}"`
}

function dateSchema(check: (text: string) => DateProblem | null, formatMessage: string) {
  return z.string().superRefine((text, ctx) => {
    const problem = check(text)
    if (problem) {
      ctx.addIssue({
        code: 'custom',
        message: problem === 'date_format' ? formatMessage : MESSAGES[problem],
        params: { code: problem, from: EARLIEST_YEAR, to: LATEST_YEAR }
      })
    }
  })
}

/** A calendar date 'YYYY-MM-DD' that exists, from 1970 to 2199. */
export const calendarDate = dateSchema(dateProblem, MESSAGES.date_format)

/** A local date or date-time without a zone ("2026-01-05T14:30:00"), on the calendar. */
export const localDateTime = dateSchema(dateTimeProblem, DATE_TIME_FORMAT)
