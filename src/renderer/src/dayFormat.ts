/** How a calendar day is typed in a locale: the order of its parts and the separator between them. */
export interface DayFormat {
  order: readonly ('day' | 'month' | 'year')[]
  separator: string
}

const SAMPLE = new Date(Date.UTC(2033, 10, 22))

/** The locale's own numeric order ("22.11.2033" in pl-PL, "11/22/2033" in en-US). */
export function dayFormat(locale: string): DayFormat {
  const parts = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC'
  }).formatToParts(SAMPLE)
  const order = parts
    .map((p) => p.type)
    .filter((type): type is 'day' | 'month' | 'year' => ['day', 'month', 'year'].includes(type))
  const literal = parts.find((p) => p.type === 'literal')?.value.trim() || '/'
  return order.length === 3
    ? { order, separator: literal[0]! }
    : { order: ['day', 'month', 'year'], separator: '/' }
}

/** The pattern shown to the user, from the letters of the UI language ("dd.mm.rrrr"). */
export function dayPattern(
  format: DayFormat,
  letters: { day: string; month: string; year: string }
): string {
  return format.order.map((part) => letters[part]).join(format.separator)
}

/** "2026-01-31" as the locale types it ("31.01.2026"); '' for ''. */
export function showDay(iso: string, format: DayFormat): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return iso
  const parts = { year: match[1]!, month: match[2]!, day: match[3]! }
  return format.order.map((part) => parts[part]).join(format.separator)
}

export type ParsedDay =
  { kind: 'empty' } | { kind: 'day'; iso: string } | { kind: 'incomplete' } | { kind: 'impossible' }

const WIDTH = { day: 2, month: 2, year: 4 } as const

/**
 * What was typed, read in the locale's order: "31.01.2026", "31/1/2026", "31012026" (digits only)
 * and a pasted ISO day "2026-01-31" are all 31 January 2026; "31.02.2026" is no day at all.
 */
export function parseDay(text: string, format: DayFormat): ParsedDay {
  const typed = text.trim()
  if (typed === '') return { kind: 'empty' }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed)
  let numbers: Record<'day' | 'month' | 'year', string>
  if (iso) {
    numbers = { year: iso[1]!, month: iso[2]!, day: iso[3]! }
  } else {
    let pieces = typed.split(/[^\d]+/).filter(Boolean)
    if (pieces.length === 1 && /^\d{8}$/.test(pieces[0]!)) {
      const digits = pieces[0]!
      let at = 0
      pieces = format.order.map((part) => digits.slice(at, (at += WIDTH[part])))
    }
    if (pieces.length !== 3 || /[^\d\s./-]/.test(typed)) return { kind: 'incomplete' }
    numbers = { day: '', month: '', year: '' }
    format.order.forEach((part, i) => (numbers[part] = pieces[i]!))
  }
  if (numbers.year.length !== 4 || numbers.day.length > 2 || numbers.month.length > 2)
    return { kind: 'incomplete' }
  const [year, month, day] = [Number(numbers.year), Number(numbers.month), Number(numbers.day)]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (
    month < 1 ||
    day < 1 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return { kind: 'impossible' }
  return { kind: 'day', iso: date.toISOString().slice(0, 10) }
}

/** The day `days` after an ISO day (before, when negative). */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}
