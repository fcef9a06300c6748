import { customerInput } from '@shared/books/customers'
import { toFieldErrors } from '@shared/validation'
import type { ImportProblem, ImportReport } from '@shared/books/results'
import { dateProblemMessage, dateTimeProblem, EARLIEST_YEAR, LATEST_YEAR } from '@shared/calendar'
import { problem } from '../errors'
import { getCompany } from '../store/repos/company'
import type { Books } from '../store/sync'
import { audit } from './audit'
import { metricDefinitions } from './catalog'
import { parseCsv, CsvError, type CsvTable } from './csv'
import { createCustomer } from './customers'
import { metricValue } from './usage'

const MAX_LISTED = 1000

class Problems {
  readonly list: ImportProblem[] = []
  count = 0
  /** `code` names the UI's text for it (importProblem.*, validation.*), `params` its values. */
  add(
    line: number,
    column: string | null,
    reason: string,
    code: string,
    params: Record<string, string | number> = {}
  ): void {
    this.count++
    if (this.list.length < MAX_LISTED) this.list.push({ line, column, reason, code, params })
  }
}

function readTable(
  bytes: Uint8Array,
  required: string[],
  known: string[] | null,
  problems: Problems
): CsvTable | null {
  let table: CsvTable
  try {
    table = parseCsv(bytes)
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    problems.add(
      error.line,
      error.column === null ? null : `column ${error.column}`,
      error.message,
      `importProblem.${error.code}`,
      error.params
    )
    return null
  }
  const missing = required.filter((c) => !table.header.includes(c))
  if (missing.length)
    problems.add(
      1,
      null,
      `the header lacks ${missing.join(', ')} (it has ${table.header.join(', ')})`,
      'importProblem.header_lacks',
      { missing: missing.join(', '), has: table.header.join(', ') }
    )
  const unknown = known ? table.header.filter((c) => !known.includes(c)) : []
  if (unknown.length)
    problems.add(
      1,
      null,
      `unknown columns ${unknown.join(', ')} (known: ${known!.join(', ')})`,
      'importProblem.unknown_columns',
      { unknown: unknown.join(', '), known: known!.join(', ') }
    )
  if (missing.length || unknown.length) return null
  if (table.records.length === 0)
    problems.add(2, null, 'the file has a header but no rows', 'importProblem.no_rows')
  return table
}

/** A row as column → value, or null (reported) when it has the wrong number of cells. */
function rowOf(
  table: CsvTable,
  record: CsvTable['records'][number],
  problems: Problems
): Record<string, string> | null {
  if (record.cells.length !== table.header.length) {
    problems.add(
      record.line,
      null,
      `this row has ${record.cells.length} values, the header has ${table.header.length}`,
      'importProblem.cell_count',
      { cells: record.cells.length, expected: table.header.length }
    )
    return null
  }
  const row: Record<string, string> = {}
  table.header.forEach((h, i) => (row[h] = record.cells[i]!.trim()))
  return row
}

const report = (
  dryRun: boolean,
  rows: number,
  valid: number,
  problems: Problems,
  extra: Partial<ImportReport> = {}
): ImportReport => ({
  dryRun,
  rows,
  valid: problems.count ? 0 : valid,
  imported: 0,
  duplicates: 0,
  alreadyImported: 0,
  problems: problems.list,
  moreProblems: problems.count - problems.list.length,
  ...extra
})

const USAGE_REQUIRED = ['customer', 'metric', 'event_id', 'timestamp']

export interface ImportOptions {
  dryRun: boolean
  /** Rows done of all: every row is checked, then written (so done runs to twice the rows). */
  onProgress?: (done: number, total: number) => void
  /** Asked every so many rows: true stops the import, and nothing of it is kept. */
  shouldStop?: () => boolean
}

/** Reports progress and honours a stop every 500 rows (phase: checking 0…n, writing n…2n). */
function stepper(options: ImportOptions) {
  return (done: number, rows: number) => {
    if (done % 500 !== 0) return
    options.onProgress?.(done, rows * 2)
    if (options.shouldStop?.())
      throw problem(
        'CANCELLED',
        'import_stopped',
        'The import was stopped; nothing of it was imported.'
      )
  }
}

/**
 * Imports usage from CSV: customer (number), metric, event_id, timestamp (local time), then
 * the metric's value (a column named after its property, or "value") and any other properties.
 * The whole file is checked first; any problem and nothing is imported, with every bad row
 * listed by line, column and reason. The same event twice counts once.
 */
export function importUsageCsv(
  books: Books,
  bytes: Uint8Array,
  options: ImportOptions
): ImportReport {
  const step = stepper(options)
  const problems = new Problems()
  const table = readTable(bytes, USAGE_REQUIRED, null, problems)
  if (!table) return report(options.dryRun, 0, 0, problems)
  const customers = new Map(
    (books.prepare('SELECT code, id FROM customers').all() as { code: string; id: number }[]).map(
      (c) => [c.code, c.id]
    )
  )
  const metrics = metricDefinitions(books)
  const billed = new Map<string, { start: string; end: string; number: string }[]>()
  const billedPeriods = (customerId: number, metric: string) => {
    const key = `${customerId}|${metric}`
    let periods = billed.get(key)
    if (!periods) {
      periods = books
        .prepare(
          'SELECT l.period_start AS start, l.period_end AS end, COALESCE(i.number, i.id) AS number FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.customer_id = ? AND l.metric = ?'
        )
        .all(customerId, metric) as { start: string; end: string; number: string }[]
      billed.set(key, periods)
    }
    return periods
  }
  const existing = books.prepare(
    'SELECT 1 FROM usage_events WHERE customer_id = ? AND metric = ? AND event_id = ?'
  )
  const seen = new Set<string>()
  const rows: unknown[][] = []
  let duplicates = 0
  const col = (name: string) => table.header.indexOf(name)
  const [cCustomer, cMetric, cEvent, cTime, cSubscription, cValue] = [
    'customer',
    'metric',
    'event_id',
    'timestamp',
    'subscription',
    'value'
  ].map(col) as number[]
  const propertyColumns = table.header.flatMap((h, i) =>
    ['customer', 'metric', 'event_id', 'timestamp', 'subscription', 'value'].includes(h)
      ? []
      : [[h, i] as const]
  )
  const width = table.header.length
  for (const [i, record] of table.records.entries()) {
    step(i, table.records.length)
    const cells = record.cells
    if (cells.length !== width) {
      problems.add(
        record.line,
        null,
        `this row has ${cells.length} values, the header has ${width}`,
        'importProblem.cell_count',
        { cells: cells.length, expected: width }
      )
      continue
    }
    const at = (
      column: string,
      reason: string,
      code: string,
      params: Record<string, string | number> = {}
    ) => problems.add(record.line, column, reason, `importProblem.${code}`, params)
    const code = cells[cCustomer!]!.trim()
    const metricCode = cells[cMetric!]!.trim()
    const eventId = cells[cEvent!]!.trim()
    const ts = cells[cTime!]!.trim()
    const customerId = customers.get(code)
    if (customerId === undefined)
      at(
        'customer',
        code ? `no customer has the number "${code}"` : 'the customer number is missing',
        code ? 'no_customer' : 'customer_missing',
        { code }
      )
    const metric = metrics.get(metricCode)
    if (!metric)
      at(
        'metric',
        metricCode
          ? `there is no metric "${metricCode}" (known: ${[...metrics.keys()].join(', ') || 'none yet'})`
          : 'the metric is missing',
        metricCode ? 'no_metric' : 'metric_missing',
        { metric: metricCode, known: [...metrics.keys()].join(', ') || '—' }
      )
    if (!eventId) at('event_id', 'the event id is missing', 'event_id_missing')
    else if (eventId.length > 200)
      at('event_id', 'the event id is longer than 200 characters', 'event_id_long')
    const day = ts.slice(0, 10)
    const problem = dateTimeProblem(ts)
    const shaped = problem !== 'date_format'
    if (!shaped)
      at(
        'timestamp',
        `"${ts}" is not a local date or date-time like 2026-01-05T14:30:00`,
        'timestamp_format',
        { value: ts }
      )
    else if (problem === 'date_range')
      at('timestamp', `${day} ${dateProblemMessage(problem)}`, 'date_out_of_range', {
        day,
        from: EARLIEST_YEAR,
        to: LATEST_YEAR
      })
    else if (problem) at('timestamp', `${ts} is not a calendar date`, 'not_a_date', { day: ts })
    if (!metric || customerId === undefined || !eventId || !shaped) continue
    // column names are the file's: a null-prototype object keeps "constructor" a plain name
    const properties = Object.create(null) as Record<string, string>
    for (const [name, i] of propertyColumns) {
      const v = cells[i]!.trim()
      if (v !== '') properties[name] = v
    }
    const generic = cValue! >= 0 ? cells[cValue!]!.trim() : ''
    if (metric.property && properties[metric.property] === undefined && generic !== '')
      properties[metric.property] = generic
    const value = metricValue(metric, properties)
    if ('code' in value) {
      problems.add(
        record.line,
        metric.property && table.header.includes(metric.property) ? metric.property : 'value',
        `the event ${value.message}`,
        `validation.${value.code}`,
        value.params
      )
      continue
    }
    const period = billedPeriods(customerId, metric.code).find(
      (p) => p.start <= day && p.end >= day
    )
    // an event imported before is fine (it is skipped); a new one cannot join a billed period
    if (period && !existing.get(customerId, metric.code, eventId)) {
      at(
        'timestamp',
        `usage of ${metric.code} on ${day} has been billed (invoice ${period.number}); it can no longer change`,
        'usage_billed',
        { metric: metric.code, day, number: period.number ?? '' }
      )
      continue
    }
    const identity = `${customerId}|${metric.code}|${eventId}`
    if (seen.has(identity)) {
      duplicates++
      continue
    }
    seen.add(identity)
    const subscriptionText = cSubscription! >= 0 ? cells[cSubscription!]!.trim() : ''
    const subscription = subscriptionText ? Number(subscriptionText) : null
    if (subscriptionText && !Number.isInteger(subscription)) {
      at(
        'subscription',
        `"${subscriptionText}" is not a subscription number`,
        'subscription_number',
        {
          value: subscriptionText
        }
      )
      continue
    }
    rows.push([
      customerId,
      subscription,
      metric.code,
      eventId,
      ts,
      value.value,
      value.micro,
      JSON.stringify(properties)
    ])
  }
  if (problems.count > 0) return report(options.dryRun, table.records.length, rows.length, problems)
  const insert = books.prepare(
    'INSERT INTO usage_events (customer_id, subscription_id, metric, event_id, timestamp, value, value_micro, properties, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING'
  )
  const exists = books.prepare(
    'SELECT 1 FROM usage_events WHERE customer_id = ? AND metric = ? AND event_id = ?'
  )
  const stamp = books.stamp()
  let imported = 0
  if (options.dryRun) {
    for (const r of rows) if (!exists.get(r[0], r[2], r[3])) imported++
  } else {
    books.tx(() => {
      for (const [i, r] of rows.entries()) {
        step(rows.length + i, rows.length)
        imported += insert.run(...r, stamp).changes
      }
      audit(books, 'usage', 'import', 'import_csv', {
        rows: [null, table.records.length],
        imported: [null, imported]
      })
    })
  }
  return report(options.dryRun, table.records.length, rows.length, problems, {
    imported: options.dryRun ? 0 : imported,
    duplicates,
    alreadyImported: rows.length - imported
  })
}

const CUSTOMER_COLUMNS = [
  'code',
  'name',
  'tax_id',
  'emails',
  'country',
  'language',
  'currency',
  'payment_terms_days',
  'address_line1',
  'address_line2',
  'postal_code',
  'city',
  'region',
  'tax_treatment',
  'exemption_reason',
  'segment',
  'tags',
  'notes'
]
const FIELD_COLUMN: Record<string, string> = {
  taxId: 'tax_id',
  paymentTermsDays: 'payment_terms_days',
  taxTreatment: 'tax_treatment',
  exemptionReason: 'exemption_reason',
  'address.line1': 'address_line1',
  'address.line2': 'address_line2',
  'address.postalCode': 'postal_code',
  'address.city': 'city',
  'address.region': 'region'
}
const list = (cell: string | undefined, separator: RegExp) =>
  cell
    ? cell
        .split(separator)
        .map((s) => s.trim())
        .filter(Boolean)
    : []

/**
 * Imports customers from CSV (columns: name and country required; code, tax_id, emails, …).
 * Each row is checked like the customer form (tax id checksums by country and all); any
 * problem and nothing is imported.
 */
export function importCustomersCsv(
  books: Books,
  bytes: Uint8Array,
  options: ImportOptions
): ImportReport {
  const step = stepper(options)
  const problems = new Problems()
  const table = readTable(bytes, ['name', 'country'], CUSTOMER_COLUMNS, problems)
  if (!table) return report(options.dryRun, 0, 0, problems)
  const company = getCompany(books)
  const taken = new Set(
    (books.prepare('SELECT code FROM customers').all() as { code: string }[]).map((c) => c.code)
  )
  const valid: ReturnType<typeof customerInput.parse>[] = []
  for (const [i, record] of table.records.entries()) {
    step(i, table.records.length)
    const row = rowOf(table, record, problems)
    if (!row) continue
    const terms = row.payment_terms_days ? Number(row.payment_terms_days) : undefined
    const candidate = {
      ...(row.code ? { code: row.code } : {}),
      name: row.name ?? '',
      taxId: row.tax_id ?? '',
      emails: list(row.emails, /[\s;,]+/),
      address: {
        line1: row.address_line1 ?? '',
        line2: row.address_line2 ?? '',
        postalCode: row.postal_code ?? '',
        city: row.city ?? '',
        region: row.region ?? ''
      },
      country: (row.country ?? '').toUpperCase(),
      language: row.language || company.defaultLanguage,
      currency: (row.currency || company.defaultCurrency).toUpperCase(),
      ...(terms === undefined ? {} : { paymentTermsDays: terms }),
      ...(row.tax_treatment ? { taxTreatment: row.tax_treatment } : {}),
      exemptionReason: row.exemption_reason ?? '',
      segment: row.segment ?? '',
      tags: list(row.tags, /\s*\|\s*/),
      notes: row.notes ?? ''
    }
    const result = customerInput.safeParse(candidate)
    if (!result.success) {
      // each field's problem as the customer form shows it (validation.<code>)
      for (const [path, error] of Object.entries(toFieldErrors(result.error.issues, candidate))) {
        const column = FIELD_COLUMN[path] ?? path.split('.')[0] ?? null
        problems.add(record.line, column, error.message, `validation.${error.code}`, error.params)
      }
      continue
    }
    if (result.data.code) {
      if (taken.has(result.data.code)) {
        problems.add(
          record.line,
          'code',
          `customer number ${result.data.code} is already used`,
          'importProblem.code_taken',
          { code: result.data.code }
        )
        continue
      }
      taken.add(result.data.code)
    }
    valid.push(result.data)
  }
  if (problems.count > 0 || options.dryRun)
    return report(options.dryRun, table.records.length, valid.length, problems)
  books.tx(() => {
    for (const [i, fields] of valid.entries()) {
      step(valid.length + i, valid.length)
      createCustomer(books, fields)
    }
  })
  return report(false, table.records.length, valid.length, problems, { imported: valid.length })
}
