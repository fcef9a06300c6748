import type { UsageEvent } from '@shared/billing/inputs'
import { dateProblemMessage, dateTimeProblem } from '@shared/calendar'
import type { Metric } from '@shared/billing/plan'
import type { UsageRecord } from '@shared/books/results'
import { addDays, aggregateUsage, Dec, ZERO, type Aggregate } from '../billing'
import { AppError, problem } from '../errors'
import type { Books } from '../store/sync'
import { audit } from './audit'
import { metricDefinitions } from './catalog'

const MICRO = 1_000_000
const DECIMAL = /^-?\d+(\.\d+)?$/

/**
 * A decimal text as an exact integer of millionths, or null when it has more than 6 decimals
 * or more than 9 integer digits (then sums go through the exact decimal path instead).
 */
export function toMicro(text: string): number | null {
  const negative = text.startsWith('-')
  const [int = '', fraction = ''] = (negative ? text.slice(1) : text).split('.')
  if (fraction.length > 6 || int.replace(/^0+/, '').length > 9) return null
  const micro = Number(int) * MICRO + Number(fraction.padEnd(6, '0'))
  return negative && micro !== 0 ? -micro : micro
}

/**
 * What an event stores for its metric: the property's value as exact text, and as an integer of
 * millionths when that is exact (fast sums in SQL); null for counted metrics.
 */
/** Why an event's value cannot be used: English for logs, a code and its values for the UI. */
export interface ValueProblem {
  message: string
  code: 'value_missing' | 'value_not_number' | 'value_negative'
  params: Record<string, string>
}

export function metricValue(
  metric: Metric,
  properties: Record<string, string | number>
): { value: string | null; micro: number | null } | ValueProblem {
  if (metric.aggregation === 'count') return { value: null, micro: null }
  const property = metric.property!
  const raw = properties[property]
  if (raw === undefined || raw === '')
    return { message: `needs the "${property}" value`, code: 'value_missing', params: { property } }
  const text = String(raw).trim()
  if (metric.aggregation === 'unique_count') return { value: text, micro: null }
  if (!DECIMAL.test(text))
    return {
      message: `"${property}" must be a number, not "${text}"`,
      code: 'value_not_number',
      params: { property, value: text }
    }
  if (text.startsWith('-') && metric.aggregation !== 'weighted_sum')
    return {
      message: `"${property}" cannot be negative`,
      code: 'value_negative',
      params: { property }
    }
  return { value: text, micro: toMicro(text) }
}

/** Checks a local time ("2026-01-05" or "2026-01-05T14:30:00") names a real day; returns a problem or null. */
export function timestampProblem(timestamp: string): string | null {
  const problem = dateTimeProblem(timestamp)
  if (problem === 'date_format')
    return 'must be a local date or date-time without a zone, like 2026-01-05T14:30:00'
  return problem ? `${timestamp} ${dateProblemMessage(problem)}` : null
}

/** The invoice that billed a customer's usage of a metric on a day, if any: usage there can no longer change. */
export function billedPeriod(
  books: Books,
  customerId: number,
  metric: string,
  day: string
): string | null {
  const row = books.first(
    books.q
      .selectFrom('invoice_lines')
      .innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
      .select(['invoices.id', 'invoices.number'])
      .where('invoices.customer_id', '=', customerId)
      .where('invoice_lines.metric', '=', metric)
      .where('invoice_lines.period_start', '<=', day)
      .where('invoice_lines.period_end', '>=', day)
  )
  return row ? (row.number ?? `draft ${row.id}`) : null
}

export function addUsage(
  books: Books,
  input: {
    customerId: number
    metric: string
    eventId: string
    timestamp: string
    properties: Record<string, string | number>
    subscriptionId?: number
  }
): { id: number | null; duplicate: boolean } {
  return books.tx(() => {
    const metric = metricDefinitions(books).get(input.metric)
    const field = (path: string, message: string) =>
      new AppError('VALIDATION', message, { [path]: { code: 'invalid', message } })
    if (!metric)
      throw field('metric', `There is no metric "${input.metric}"; a plan defines it first.`)
    const when = timestampProblem(input.timestamp)
    if (when) throw field('timestamp', `The time ${when}.`)
    const value = metricValue(metric, input.properties)
    if ('code' in value)
      throw new AppError('VALIDATION', `The event ${value.message}.`, {
        [`properties.${metric.property}`]: {
          code: value.code,
          message: `The event ${value.message}`,
          params: value.params
        }
      })
    const billedOn = billedPeriod(
      books,
      input.customerId,
      input.metric,
      input.timestamp.slice(0, 10)
    )
    if (billedOn)
      throw problem(
        'CONFLICT',
        'usage_billed',
        `Usage of ${input.metric} on ${input.timestamp.slice(0, 10)} was billed on ${billedOn}; it can no longer change.`,
        { metric: input.metric, date: input.timestamp.slice(0, 10), billedOn }
      )
    const result = books.run(
      books.q
        .insertInto('usage_events')
        .values({
          customer_id: input.customerId,
          subscription_id: input.subscriptionId ?? null,
          metric: input.metric,
          event_id: input.eventId,
          timestamp: input.timestamp,
          value: value.value,
          value_micro: value.micro,
          properties: JSON.stringify(input.properties),
          created_at: books.stamp()
        })
        .onConflict((oc) => oc.doNothing())
    )
    if (result.changes === 0) return { id: null, duplicate: true }
    const id = Number(result.lastInsertRowid)
    audit(books, 'usage', id, 'add', {
      event: [null, { metric: input.metric, eventId: input.eventId, timestamp: input.timestamp }]
    })
    return { id, duplicate: false }
  })
}

function usageRow(books: Books, id: number) {
  const row = books.first(books.q.selectFrom('usage_events').selectAll().where('id', '=', id))
  if (!row)
    throw problem('NOT_FOUND', 'usage_event_not_found', `There is no usage event ${id}.`, { id })
  if (billedPeriod(books, row.customer_id, row.metric, row.timestamp.slice(0, 10))) {
    throw problem(
      'CONFLICT',
      'usage_event_billed',
      `Usage event ${row.event_id} has been billed; it can no longer change.`,
      { event: row.event_id }
    )
  }
  return row
}

/** Corrects an event's time or values, until it is billed. */
export function correctUsage(
  books: Books,
  input: { id: number; timestamp?: string; properties?: Record<string, string | number> }
): UsageRecord {
  return books.tx(() => {
    const row = usageRow(books, input.id)
    const metric = metricDefinitions(books).get(row.metric)!
    const timestamp = input.timestamp ?? row.timestamp
    const when = timestampProblem(timestamp)
    if (when)
      throw new AppError('VALIDATION', `The time ${when}.`, {
        timestamp: { code: 'invalid', message: when }
      })
    const billedOn = billedPeriod(books, row.customer_id, row.metric, timestamp.slice(0, 10))
    if (billedOn)
      throw new AppError(
        'CONFLICT',
        `Usage of ${row.metric} on ${timestamp.slice(0, 10)} was billed on ${billedOn}; an event cannot be moved there.`,
        { timestamp: { code: 'invalid', message: `${timestamp.slice(0, 10)} is billed` } }
      )
    const properties =
      input.properties ?? (JSON.parse(row.properties) as Record<string, string | number>)
    const value = metricValue(metric, properties)
    if ('code' in value)
      throw new AppError('VALIDATION', `The event ${value.message}.`, {
        properties: { code: value.code, message: value.message, params: value.params }
      })
    books.run(
      books.q
        .updateTable('usage_events')
        .set({
          timestamp,
          properties: JSON.stringify(properties),
          value: value.value,
          value_micro: value.micro
        })
        .where('id', '=', input.id)
    )
    audit(books, 'usage', input.id, 'correct', {
      timestamp: [row.timestamp, timestamp],
      properties: [JSON.parse(row.properties), properties]
    })
    return listUsage(books, { customerId: row.customer_id, ids: [input.id] })[0]!
  })
}

export function deleteUsage(books: Books, id: number): void {
  books.tx(() => {
    const row = usageRow(books, id)
    books.run(books.q.deleteFrom('usage_events').where('id', '=', id))
    audit(books, 'usage', id, 'delete', {
      event: [{ metric: row.metric, eventId: row.event_id, timestamp: row.timestamp }, null]
    })
  })
}

export function listUsage(
  books: Books,
  filter: {
    customerId: number
    metric?: string
    from?: string
    to?: string
    ids?: number[]
    limit?: number
    latest?: boolean
  }
): UsageRecord[] {
  let query = books.q
    .selectFrom('usage_events')
    .selectAll()
    .where('customer_id', '=', filter.customerId)
  if (filter.metric) query = query.where('metric', '=', filter.metric)
  if (filter.from) query = query.where('timestamp', '>=', filter.from)
  if (filter.to) query = query.where('timestamp', '<', addDays(filter.to, 1))
  if (filter.ids) query = query.where('id', 'in', filter.ids)
  const billed = new Map<string, boolean>()
  const isBilled = (metric: string, day: string) => {
    const key = `${metric}|${day}`
    if (!billed.has(key))
      billed.set(key, billedPeriod(books, filter.customerId, metric, day) !== null)
    return billed.get(key)!
  }
  const order = filter.latest ? 'desc' : 'asc'
  return books.all(query.orderBy('timestamp', order).limit(filter.limit ?? 1000)).map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    subscriptionId: r.subscription_id,
    metric: r.metric,
    eventId: r.event_id,
    timestamp: r.timestamp,
    properties: JSON.parse(r.properties) as Record<string, string | number>,
    billed: isBilled(r.metric, r.timestamp.slice(0, 10))
  }))
}

const RANGE = `customer_id = ? AND metric = ? AND timestamp >= ? AND timestamp < ? AND (subscription_id IS NULL OR subscription_id = ?)`

/** The one query each aggregation needs (COUNT(DISTINCT) only where distinct values are counted). */
export const AGGREGATE_QUERIES: Record<Metric['aggregation'], string | null> = {
  count: `SELECT COUNT(*) AS n, COUNT(*) AS exact, COUNT(*) AS result FROM usage_events WHERE ${RANGE}`,
  sum: `SELECT COUNT(*) AS n, COUNT(value_micro) AS exact, SUM(value_micro) AS result FROM usage_events WHERE ${RANGE}`,
  max: `SELECT COUNT(*) AS n, COUNT(value_micro) AS exact, MAX(value_micro) AS result FROM usage_events WHERE ${RANGE}`,
  unique_count: `SELECT COUNT(*) AS n, COUNT(*) AS exact, COUNT(DISTINCT value) AS result FROM usage_events WHERE ${RANGE}`,
  latest: null,
  weighted_sum: null
}

/**
 * A metric's aggregate for a subscription's period, computed by SQLite where that is exact
 * (counts, sums and maxima of values with at most 6 decimals) and by the engine otherwise.
 */
export function aggregateStored(
  books: Books,
  metric: Metric,
  scope: { customerId: number; subscriptionId: number },
  start: string,
  end: string,
  withValues: boolean
): Aggregate {
  const args = [scope.customerId, metric.code, start, addDays(end, 1), scope.subscriptionId]
  const query = withValues ? null : AGGREGATE_QUERIES[metric.aggregation]
  if (query) {
    const stats = books.prepare(query).get(...args) as {
      n: number
      exact: number
      result: number | null
    }
    if (stats.exact === stats.n) {
      const scaled = metric.aggregation === 'sum' || metric.aggregation === 'max'
      const quantity =
        stats.n === 0
          ? ZERO
          : scaled
            ? new Dec(stats.result ?? 0).div(MICRO)
            : new Dec(stats.result ?? 0)
      return { quantity, events: stats.n, values: [] }
    }
  }
  const rows = books
    .prepare(
      `SELECT event_id, timestamp, value FROM usage_events WHERE ${RANGE} ORDER BY timestamp, id`
    )
    .all(...args) as {
    event_id: string
    timestamp: string
    value: string | null
  }[]
  const property = metric.property ?? 'value'
  const events: UsageEvent[] = rows.map((r) => ({
    id: r.event_id,
    metric: metric.code,
    timestamp: r.timestamp,
    properties: r.value === null ? {} : { [property]: r.value }
  }))
  let initial = ZERO
  if (metric.aggregation === 'weighted_sum') {
    const before = books
      .prepare(
        'SELECT value FROM usage_events WHERE customer_id = ? AND metric = ? AND timestamp < ? AND (subscription_id IS NULL OR subscription_id = ?)'
      )
      .all(scope.customerId, metric.code, start, scope.subscriptionId) as { value: string }[]
    initial = before.reduce((level, r) => level.plus(new Dec(r.value)), ZERO)
  }
  return aggregateUsage(metric, events, start, end, initial)
}
