import {
  addDays,
  addMonthsClamped,
  daysInclusive,
  isoWeekday,
  maxDate,
  minDate,
  parseDate,
  toDayNumber,
  type CalendarDate
} from './dates'
import { BillingError } from './errors'

export type IntervalUnit = 'day' | 'week' | 'month' | 'quarter' | 'year'
export interface Interval {
  unit: IntervalUnit
  count: number
}
/** Anniversary: periods start on the subscription's start date. Calendar: on the 1st (Monday, Jan 1…). */
export type Alignment = 'anniversary' | 'calendar'

/**
 * A billing period. `start`–`end` (both inclusive) is the part billed; `fullStart`–`fullEnd` is
 * the whole interval it belongs to. They differ for a first calendar period that starts mid-month,
 * or a period cut short by a cancellation or a pause.
 */
export interface BillingPeriod {
  start: CalendarDate
  end: CalendarDate
  fullStart: CalendarDate
  fullEnd: CalendarDate
}

const MONTHS: Partial<Record<IntervalUnit, number>> = { month: 1, quarter: 3, year: 12 }

/** The k-th boundary after an anchor: anchor + k intervals, month ends clamped from the anchor's day. */
export function boundary(anchor: CalendarDate, interval: Interval, k: number): CalendarDate {
  const steps = k * interval.count
  const months = MONTHS[interval.unit]
  if (months !== undefined) return addMonthsClamped(anchor, steps * months)
  return addDays(anchor, interval.unit === 'week' ? steps * 7 : steps)
}

/** The first calendar boundary on or after a date: the 1st of a month, quarter or year, or a Monday. */
export function calendarBoundaryFrom(date: CalendarDate, interval: Interval): CalendarDate {
  const { y, m, d } = parseDate(date)
  const pad = (n: number) => String(n).padStart(2, '0')
  switch (interval.unit) {
    case 'day':
      return date
    case 'week':
      return addDays(date, (8 - isoWeekday(date)) % 7)
    case 'month':
      return d === 1 ? date : addMonthsClamped(`${y}-${pad(m)}-01`, 1)
    case 'quarter': {
      const quarterStart = `${y}-${pad(m - ((m - 1) % 3))}-01`
      return quarterStart === date ? date : addMonthsClamped(quarterStart, 3)
    }
    case 'year':
      return m === 1 && d === 1 ? date : `${y + 1}-01-01`
  }
}

/** Billing periods from a first billing day onward, in order (an endless sequence: take what you need). */
export function* billingPeriods(
  firstDay: CalendarDate,
  interval: Interval,
  alignment: Alignment
): Generator<BillingPeriod> {
  if (!Number.isInteger(interval.count) || interval.count < 1) {
    throw new BillingError('INVALID_INPUT', 'an interval counts at least 1 unit')
  }
  let anchor = firstDay
  if (alignment === 'calendar') {
    anchor = calendarBoundaryFrom(firstDay, interval)
    if (anchor !== firstDay) {
      yield {
        start: firstDay,
        end: addDays(anchor, -1),
        fullStart: boundary(anchor, interval, -1),
        fullEnd: addDays(anchor, -1)
      }
    }
  }
  for (let k = 0; ; k++) {
    const start = boundary(anchor, interval, k)
    const end = addDays(boundary(anchor, interval, k + 1), -1)
    yield { start, end, fullStart: start, fullEnd: end }
  }
}

/** When a subscription is billable: after its trial, before its end, outside its pauses. */
export interface ServiceTimeline {
  /** First day of service (the trial, if any, starts here). */
  start: CalendarDate
  /** Last day of the free trial, if there is one. */
  trialEnd?: CalendarDate
  /** Last day of service, once cancelled. */
  end?: CalendarDate
  /** Paused stretches, both ends inclusive; an open pause has no end yet. */
  pauses?: { start: CalendarDate; end?: CalendarDate }[]
  /** After a pause: keep the old period boundaries, or start a new period on the resume day. */
  resume?: 'continue' | 'new_period'
  /**
   * Where the period schedule starts, when it is not the first billing day: the subscription's
   * first billing day, for an item that joined later (a plan change).
   */
  anchor?: CalendarDate
}

/** The first billable day: the day after the trial, or the start, whichever is later. */
export function billingStart(t: ServiceTimeline): CalendarDate {
  const afterTrial = t.trialEnd ? addDays(t.trialEnd, 1) : t.start
  return afterTrial > t.start ? afterTrial : t.start
}

/** Days of a stretch during which the subscription is billable (not paused, within service). */
export function activeDays(t: ServiceTimeline, from: CalendarDate, to: CalendarDate): number {
  const first = maxDate(from, billingStart(t))
  const last = t.end ? minDate(to, t.end) : to
  if (first > last) return 0
  let days = daysInclusive(first, last)
  for (const pause of t.pauses ?? []) {
    const ps = maxDate(pause.start, first)
    const pe = pause.end ? minDate(pause.end, last) : last
    if (ps <= pe) days -= daysInclusive(ps, pe)
  }
  return days
}

interface Segment {
  /** Where its period schedule starts. */
  anchor: CalendarDate
  from: CalendarDate
  to?: CalendarDate
}

/** Stretches with their own period boundaries: one, or one per pause when resuming starts a new period. */
function segments(t: ServiceTimeline): Segment[] {
  const from = billingStart(t)
  const first: Segment = { anchor: t.anchor && t.anchor < from ? t.anchor : from, from, to: t.end }
  if (t.resume !== 'new_period' || !t.pauses?.length) return [first]
  const out: Segment[] = []
  let current: Segment | undefined = first
  for (const pause of [...t.pauses].sort((a, b) => (a.start < b.start ? -1 : 1))) {
    if (current && pause.start > current.from)
      out.push({ ...current, to: addDays(pause.start, -1) })
    current = pause.end ? { anchor: addDays(pause.end, 1), from: addDays(pause.end, 1) } : undefined
  }
  if (current) out.push({ ...current, to: t.end })
  return out
    .filter((s) => !s.to || s.from <= s.to)
    .map((s) => (t.end && (!s.to || s.to > t.end) ? { ...s, to: t.end } : s))
}

export interface DuePeriod extends BillingPeriod {
  /** Billable days in start–end, and days of the whole interval: the proration fraction of recurring charges. */
  activeDays: number
  fullDays: number
  /**
   * Where the period begins on the subscription's schedule, before any cut for a late start:
   * the period's identity in charge keys.
   */
  scheduleStart: CalendarDate
}

/**
 * Every period of a subscription that is due as of a date (the end of that day), in order:
 * in advance, a period is due once it has begun; in arrears, once it has ended. A run that
 * was not done for months catches up with all of them.
 */
export function duePeriods(
  t: ServiceTimeline,
  interval: Interval,
  alignment: Alignment,
  asOf: CalendarDate,
  timing: 'advance' | 'arrears'
): DuePeriod[] {
  const due: DuePeriod[] = []
  for (const segment of segments(t)) {
    for (const period of billingPeriods(segment.anchor, interval, alignment)) {
      if (period.end < segment.from) continue
      const start = maxDate(period.start, segment.from)
      if (start > asOf || (segment.to && start > segment.to)) break
      const end = segment.to && segment.to < period.end ? segment.to : period.end
      if (timing === 'arrears' && end > asOf) break
      const active = activeDays(t, start, end)
      if (active > 0) {
        due.push({
          fullStart: period.fullStart,
          fullEnd: period.fullEnd,
          start,
          end,
          activeDays: active,
          fullDays: daysInclusive(period.fullStart, period.fullEnd),
          scheduleStart: period.start
        })
      }
    }
  }
  return due
}

/** The periods that together cover a stretch (for a quote from one date to another). */
export function periodsCovering(
  from: CalendarDate,
  to: CalendarDate,
  interval: Interval,
  alignment: Alignment
): BillingPeriod[] {
  if (toDayNumber(to) < toDayNumber(from)) {
    throw new BillingError('INVALID_INPUT', `the period ends (${to}) before it starts (${from})`)
  }
  const out: BillingPeriod[] = []
  for (const period of billingPeriods(from, interval, alignment)) {
    if (period.start > to) break
    out.push(period.end > to ? { ...period, end: to } : period)
  }
  return out
}
