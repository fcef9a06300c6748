import type { UsageEvent } from '@shared/billing/inputs'
import type { Metric, Plan } from '@shared/billing/plan'
import { dec, Dec, ZERO } from './decimal'
import { fromDayNumber, toDayNumber, type CalendarDate } from './dates'
import { BillingError } from './errors'
import { ownValue } from '@shared/own'

export interface Aggregate {
  /** The metric's value for the period: what the charge model rates. */
  quantity: Dec
  /** Distinct events counted (duplicate ids count once). */
  events: number
  /** Each event's property value in time order (the percentage model's transactions). */
  values: Dec[]
}

const SECONDS_PER_DAY = 86400

/** Seconds since 1970-01-01 00:00 of a local date-time; a day is 24 hours (wall-clock time, no DST). */
function localSeconds(timestamp: string): Dec {
  const [date, time = '00:00:00'] = timestamp.split('T')
  const [h = '0', m = '0', s = '0'] = time.split(':')
  return new Dec(toDayNumber(date!))
    .times(SECONDS_PER_DAY)
    .plus(Number(h) * 3600 + Number(m) * 60)
    .plus(dec(s))
}

function numericValue(event: UsageEvent, property: string): Dec {
  const raw = ownValue(event.properties, property)
  if (raw === undefined) {
    throw new BillingError(
      'INVALID_INPUT',
      `usage event "${event.id}" has no "${property}" property`
    )
  }
  const textValue =
    typeof raw === 'number' ? (Number.isFinite(raw) ? String(raw) : 'NaN') : raw.trim()
  if (!/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(textValue)) {
    throw new BillingError(
      'INVALID_INPUT',
      `usage event "${event.id}": "${property}" is not a number (${String(raw)})`
    )
  }
  return new Dec(textValue)
}

/** The events of one metric within a period (by the date of their timestamp), each id once, in time order. */
export function eventsInPeriod(
  events: readonly UsageEvent[],
  metricCode: string,
  start: CalendarDate,
  end: CalendarDate
): UsageEvent[] {
  const seen = new Set<string>()
  const picked: UsageEvent[] = []
  for (const event of events) {
    const day = event.timestamp.slice(0, 10)
    if (event.metric !== metricCode || day < start || day > end || seen.has(event.id)) continue
    seen.add(event.id)
    picked.push(event)
  }
  return picked.sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0))
}

/**
 * Time-weighted sum: events are changes to a level (e.g. +5 GB stored), the level at the start
 * is `initialLevel`; the result is the level integrated over the period divided by its length
 * (5 GB for 15 of 30 days → 2.5).
 */
function weightedSum(
  events: UsageEvent[],
  property: string,
  start: CalendarDate,
  end: CalendarDate,
  initialLevel: Dec
): Dec {
  const from = new Dec(toDayNumber(start)).times(SECONDS_PER_DAY)
  const to = new Dec(toDayNumber(end) + 1).times(SECONDS_PER_DAY)
  let level = initialLevel
  let at = from
  let area = ZERO
  for (const event of events) {
    const t = localSeconds(event.timestamp)
    area = area.plus(level.times(t.minus(at)))
    level = level.plus(numericValue(event, property))
    at = t
  }
  area = area.plus(level.times(to.minus(at)))
  return area.div(to.minus(from))
}

/** Aggregates a metric's events over a period: count, sum, max, unique count, latest, time-weighted sum. */
export function aggregateUsage(
  metric: Metric,
  events: readonly UsageEvent[],
  start: CalendarDate,
  end: CalendarDate,
  initialLevel: Dec = ZERO
): Aggregate {
  const picked = eventsInPeriod(events, metric.code, start, end)
  const property = metric.property ?? ''
  const values =
    metric.aggregation === 'count' || metric.aggregation === 'unique_count'
      ? []
      : picked.map((e) => numericValue(e, property))
  const result = (quantity: Dec): Aggregate => ({ quantity, events: picked.length, values })
  switch (metric.aggregation) {
    case 'count':
      return result(new Dec(picked.length))
    case 'sum':
      return result(values.reduce((a, v) => a.plus(v), ZERO))
    case 'max':
      return result(values.length ? Dec.max(...values) : ZERO)
    case 'latest':
      return result(values.at(-1) ?? ZERO)
    case 'unique_count': {
      const distinct = new Set(
        picked.map((e) => {
          const v = e.properties[property]
          if (v === undefined)
            throw new BillingError(
              'INVALID_INPUT',
              `usage event "${e.id}" has no "${property}" property`
            )
          return String(v)
        })
      )
      return result(new Dec(distinct.size))
    }
    case 'weighted_sum':
      return result(weightedSum(picked, property, start, end, initialLevel))
  }
}

/**
 * The level each time-weighted metric of a plan has reached before a date: the sum of all its
 * changes before it (what the next period starts from).
 */
export function levelsBefore(
  plan: Plan,
  events: readonly UsageEvent[],
  date: CalendarDate
): Map<string, Dec> {
  const levels = new Map<string, Dec>()
  for (const price of plan.prices) {
    const metric = price.metric
    if (metric?.aggregation !== 'weighted_sum' || levels.has(metric.code)) continue
    const before = eventsInPeriod(
      events,
      metric.code,
      '0000-01-01',
      fromDayNumber(toDayNumber(date) - 1)
    )
    levels.set(
      metric.code,
      before.reduce((level, e) => level.plus(numericValue(e, metric.property ?? '')), ZERO)
    )
  }
  return levels
}
