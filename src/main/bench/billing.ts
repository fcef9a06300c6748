import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { customerInput } from '@shared/books/customers'
import { planSchema } from '@shared/billing/plan'
import { addDays } from '../billing'
import { billingRun } from '../books/billing-run'
import { savePlanVersion } from '../books/catalog'
import { createCustomer } from '../books/customers'
import { importUsageCsv } from '../books/imports'
import { AGGREGATE_QUERIES } from '../books/usage'
import { seedNewCompany } from '../books/seed'
import { createSubscription } from '../books/subscriptions'
import { openCompanyStore } from '../store/db'
import { insertCompany } from '../store/repos/company'

// npm run bench:billing — a company with 10,000 customers, 12,000 subscriptions and 1,000,000
// usage events over three months. Times the usage CSV import next to a raw prepared insert of the
// same rows, and the billing run as of 1 April next to a raw-SQLite baseline doing the same
// aggregate queries and a bulk insert of the same number of rows, all in one process.

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 10_000)
const EXTRA_SUBSCRIPTIONS = Math.round(CUSTOMERS * 0.2)
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000)
const AS_OF = '2026-04-01'
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB')
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = fn()
  return { ms: performance.now() - start, value }
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await fn()
  return { ms: performance.now() - start, value }
}

/** 1,000,000 events spread over the customers and January–March, as a CSV file. */
function usageCsv(): string {
  const lines = ['customer,metric,event_id,timestamp,n']
  let seed = 7
  for (let i = 0; i < EVENTS; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    const customer = (seed % CUSTOMERS) + 1
    const day = addDays('2026-01-01', seed % 90)
    const hour = String(seed % 24).padStart(2, '0')
    lines.push(
      `K${String(customer).padStart(5, '0')},calls,ev${i},${day}T${hour}:15:00,${1 + (seed % 50)}`
    )
  }
  return `${lines.join('\n')}\n`
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'facturo-bench-'))
  const file = join(dir, 'bench.facturo')
  const store = await openCompanyStore(file, {
    create: true,
    now: () => new Date(`${AS_OF}T09:00:00`)
  })
  const books = store.books
  try {
    console.log(
      `Billing benchmark: ${fmt(CUSTOMERS)} customers, ${fmt(CUSTOMERS + EXTRA_SUBSCRIPTIONS)} subscriptions, ${fmt(EVENTS)} usage events (January–March 2026)`
    )
    const setup = time(() => {
      insertCompany(books, {
        legalName: 'Bench Sp. z o.o.',
        country: 'PL',
        defaultCurrency: 'PLN',
        defaultLanguage: 'pl'
      })
      seedNewCompany(books, 'PL', '{YYYY}/{seq:6}')
      const tiers = [
        { up_to: 1000, unit_price: '0' },
        { up_to: null, unit_price: '0.002' }
      ]
      savePlanVersion(
        books,
        planSchema.parse({
          id: 'metered',
          name: 'Metered',
          currency: 'PLN',
          interval: 'month',
          prices: [
            { id: 'fee', description: 'Platform fee', model: 'flat', amount: '49.00' },
            {
              id: 'calls',
              description: 'API calls',
              model: 'graduated',
              metric: { code: 'calls', aggregation: 'sum', property: 'n' },
              tiers
            }
          ]
        }),
        '2025-12-01'
      )
      savePlanVersion(
        books,
        planSchema.parse({
          id: 'seats',
          name: 'Seats',
          currency: 'PLN',
          interval: 'month',
          prices: [{ id: 'seat', description: 'Seat', model: 'flat', amount: '12.00' }]
        }),
        '2025-12-01'
      )
      books.tx(() => {
        for (let i = 1; i <= CUSTOMERS; i++) {
          const c = createCustomer(
            books,
            customerInput.parse({
              code: `K${String(i).padStart(5, '0')}`,
              name: `Customer ${i}`,
              country: 'PL',
              language: 'pl',
              currency: 'PLN'
            })
          )
          createSubscription(books, {
            customerId: c.id,
            planCode: 'metered',
            startDate: '2026-01-01',
            quantity: '1'
          })
          if (i <= EXTRA_SUBSCRIPTIONS)
            createSubscription(books, {
              customerId: c.id,
              planCode: 'seats',
              startDate: '2026-01-15',
              quantity: '3'
            })
        }
      })
    })
    console.log(`  set-up (customers and subscriptions through the services): ${seconds(setup.ms)}`)

    const csvPath = join(dir, 'usage.csv')
    writeFileSync(csvPath, usageCsv())
    const bytes = readFileSync(csvPath)

    // baseline: split the same rows and insert them with one prepared statement in one transaction
    // the same columns' worth and the same two indexes as usage_events
    books.sqlite.exec(
      'CREATE TABLE raw_usage (customer TEXT, metric TEXT, event_id TEXT, timestamp TEXT, n TEXT, UNIQUE (customer, metric, event_id))'
    )
    books.sqlite.exec('CREATE INDEX raw_usage_period ON raw_usage (customer, metric, timestamp)')
    const rawInsert = books.sqlite.prepare('INSERT INTO raw_usage VALUES (?, ?, ?, ?, ?)')
    const raw = time(() =>
      books.tx(() => {
        const text = bytes.toString('utf8')
        let start = text.indexOf('\n') + 1
        while (start < text.length) {
          const end = text.indexOf('\n', start)
          rawInsert.run(
            ...(text.slice(start, end).split(',') as [string, string, string, string, string])
          )
          start = end + 1
        }
      })
    )
    const imported = time(() => importUsageCsv(books, bytes, { dryRun: false }))
    if (imported.value.problems.length || imported.value.imported !== EVENTS)
      throw new Error(`import went wrong: ${JSON.stringify(imported.value).slice(0, 500)}`)
    const rawRate = EVENTS / (raw.ms / 1000)
    const importRate = EVENTS / (imported.ms / 1000)
    console.log('Usage CSV import')
    console.log(
      `  raw prepared insert of the rows (same indexes as usage_events): ${seconds(raw.ms)}, ${fmt(rawRate)} rows/s`
    )
    console.log(
      `  Facturo import (parse, check every row, insert): ${seconds(imported.ms)}, ${fmt(importRate)} rows/s`
    )
    console.log(`  import rate / raw rate: ${(importRate / rawRate).toFixed(2)} (target ≥ 0.5)`)

    const run = await timeAsync(() =>
      billingRun(books, { asOf: AS_OF, dryRun: false, yieldEvery: 1_000_000 })
    )
    const lineCount = (
      books.sqlite.prepare('SELECT COUNT(*) AS n FROM invoice_lines').get() as { n: number }
    ).n
    const usagePeriods = books.sqlite
      .prepare(
        "SELECT l.subscription_id AS s, i.customer_id AS c, l.period_start AS a, l.period_end AS b FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE l.metric = 'calls'"
      )
      .all() as { s: number; c: number; a: string; b: string }[]

    // baseline: the run's own aggregate query for each usage period, and a bulk insert of as many
    // rows as the run wrote (invoices and lines, of the same width), in one transaction
    const invoiceCount = (
      books.sqlite.prepare('SELECT COUNT(*) AS n FROM invoices').get() as { n: number }
    ).n
    const width = (n: number) => `(${Array.from({ length: n }, (_, k) => `c${k}`).join(', ')})`
    books.sqlite.exec(`CREATE TABLE raw_invoices ${width(23)}`)
    books.sqlite.exec(`CREATE TABLE raw_lines ${width(25)}`)
    const aggregate = books.sqlite.prepare(AGGREGATE_QUERIES.sum!)
    const insertInvoice = books.sqlite.prepare(
      `INSERT INTO raw_invoices VALUES (${Array(23).fill('?').join(', ')})`
    )
    const insertLine = books.sqlite.prepare(
      `INSERT INTO raw_lines VALUES (${Array(25).fill('?').join(', ')})`
    )
    const baseline = time(() =>
      books.tx(() => {
        const totals = usagePeriods.map(
          (p) =>
            (aggregate.get(p.c, 'calls', p.a, addDays(p.b, 1), p.s) as { result: number }).result
        )
        for (let i = 0; i < invoiceCount; i++)
          insertInvoice.run(...Array.from({ length: 23 }, (_, k) => (k % 3 === 0 ? i : `v${k}`)))
        for (let i = 0; i < lineCount; i++)
          insertLine.run(
            ...Array.from({ length: 25 }, (_, k) =>
              k % 3 === 0 ? (totals[i % totals.length] ?? i) : `v${k}`
            )
          )
      })
    )
    console.log('Billing run as of 2026-04-01 (drafts)')
    console.log(
      `  raw SQLite baseline (${fmt(usagePeriods.length)} aggregate queries, ${fmt(invoiceCount + lineCount)} rows inserted): ${seconds(baseline.ms)}`
    )
    console.log(
      `  Facturo billing run (${fmt(run.value.invoicesCreated)} invoices, ${fmt(lineCount)} lines, one transaction per customer): ${seconds(run.ms)}`
    )
    console.log(`  run time / baseline time: ${(run.ms / baseline.ms).toFixed(2)}× (target ≤ 3×)`)
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
