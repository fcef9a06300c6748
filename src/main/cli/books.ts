import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { newCompanyInput } from '@shared/company'
import type { InvoiceStatus } from '@shared/books/invoices'
import { INVOICE_STATUSES } from '@shared/books/invoices'
import { minorToDecimal } from '@shared/money'
import { isCalendarDate } from '../billing'
import { billingRun } from '../books/billing-run'
import { customerByCode } from '../books/customers'
import type { ImportReport } from '@shared/books/results'
import { importCustomersCsv, importUsageCsv } from '../books/imports'
import { listInvoices, viewInvoice } from '../books/invoices'
import { verifyLedger } from '../books/ledger'
import { seedNewCompany } from '../books/seed'
import { AppError } from '../errors'
import { openCompanyStore, type CompanyStore } from '../store/db'
import { insertCompany } from '../store/repos/company'
import { NEW_COMPANY_DEFAULTS } from '@shared/company'
import { parseOptions } from './args'
import { CliError } from './errors'

export const BOOKS_USAGE = `npm run cli -- init --file books.facturo --name "Company name" --country PL [--currency PLN] [--language pl]
  npm run cli -- import customers|usage FILE.csv --file books.facturo [--dry-run]
  npm run cli -- run --as-of YYYY-MM-DD --file books.facturo [--dry-run] [--json]
  npm run cli -- invoices list --file books.facturo [--status issued|paid|overdue|…] [--customer CODE] [--json]
  npm run cli -- invoices show NUMBER --file books.facturo [--json]
  npm run cli -- verify-ledger --file books.facturo`

/** Opens the company file named by --file, runs fn, and closes it (WAL folded back) whatever happens. */
async function withBooks<T>(file: string, fn: (store: CompanyStore) => Promise<T> | T): Promise<T> {
  let store: CompanyStore
  try {
    store = await openCompanyStore(resolve(file), { create: false })
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message)
    throw error
  }
  try {
    return await fn(store)
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message)
    throw error
  } finally {
    await store.close()
  }
}

export async function runInit(argv: readonly string[]): Promise<string> {
  const o = parseOptions('init', argv, {
    file: { value: true, required: true },
    name: { value: true, required: true },
    country: { value: true, required: true },
    currency: { value: true },
    language: { value: true }
  })
  const country = o.country![0]!.toUpperCase()
  const input = newCompanyInput.safeParse({
    legalName: o.name![0],
    country,
    defaultCurrency: (
      o.currency?.[0] ?? (country === 'PL' ? 'PLN' : country === 'BR' ? 'BRL' : 'EUR')
    ).toUpperCase(),
    defaultLanguage:
      o.language?.[0] ??
      (country === 'PL' ? 'pl' : country === 'ES' ? 'es' : country === 'BR' ? 'pt-BR' : 'en')
  })
  if (!input.success)
    throw new CliError(
      `init: ${input.error.issues.map((i) => `--${String(i.path[0])} ${i.message}`).join('; ')}`
    )
  let store: CompanyStore
  try {
    store = await openCompanyStore(resolve(o.file![0]!), { create: true })
  } catch (error) {
    if (error instanceof AppError) throw new CliError(`init: ${error.message}`)
    throw error
  }
  try {
    insertCompany(store.books, input.data)
    seedNewCompany(store.books, input.data.country, NEW_COMPANY_DEFAULTS.invoiceNumberFormat)
  } finally {
    await store.close()
  }
  return `Created ${o.file![0]} for ${input.data.legalName}.\n`
}

function describeImport(kind: string, r: ImportReport): string {
  if (r.problems.length) {
    const lines = r.problems.map(
      (p) => `line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.reason}`
    )
    const more = r.moreProblems ? [`… and ${r.moreProblems} more problems`] : []
    throw new CliError(
      [
        `Nothing was imported: ${r.problems.length + r.moreProblems} problem(s) in the file.`,
        ...lines,
        ...more
      ].join('\n')
    )
  }
  const verb = r.dryRun ? 'Would import' : 'Imported'
  const extra = [
    r.duplicates ? `${r.duplicates} repeated in the file (counted once)` : '',
    r.alreadyImported ? `${r.alreadyImported} already in the books` : ''
  ].filter(Boolean)
  return `${verb} ${r.dryRun ? r.valid - r.alreadyImported : r.imported} ${kind} of ${r.rows} rows${extra.length ? ` (${extra.join(', ')})` : ''}.\n`
}

export async function runImport(argv: readonly string[]): Promise<string> {
  const [what, csv, ...rest] = argv
  if (what !== 'customers' && what !== 'usage')
    throw new CliError('import: say what to import: customers or usage')
  if (!csv || csv.startsWith('--')) throw new CliError(`import ${what}: name the CSV file`)
  const o = parseOptions(`import ${what}`, rest, {
    file: { value: true, required: true },
    'dry-run': { value: false }
  })
  let bytes: Uint8Array
  try {
    bytes = readFileSync(csv)
  } catch {
    throw new CliError(`${csv}: no such file`)
  }
  return withBooks(o.file![0]!, ({ books }) => {
    const report = (what === 'usage' ? importUsageCsv : importCustomersCsv)(books, bytes, {
      dryRun: Boolean(o['dry-run'])
    })
    return describeImport(what === 'usage' ? 'usage events' : 'customers', report)
  })
}

export async function runBilling(
  argv: readonly string[],
  progress: (text: string) => void = () => undefined
): Promise<string> {
  const o = parseOptions('run', argv, {
    file: { value: true, required: true },
    'as-of': { value: true, required: true },
    'dry-run': { value: false },
    json: { value: false }
  })
  const asOf = o['as-of']![0]!
  if (!isCalendarDate(asOf))
    throw new CliError(`run: --as-of must be a date like 2026-01-31, not "${asOf}"`)
  return withBooks(o.file![0]!, async ({ books }) => {
    const summary = await billingRun(books, {
      asOf,
      dryRun: Boolean(o['dry-run']),
      onProgress: (done, total) => {
        if (done === total || done % 100 === 0) progress(`${done}/${total} customers\n`)
      }
    })
    if (o.json) return `${JSON.stringify(summary, null, 2)}\n`
    const totals = Object.entries(summary.totals).map(
      ([currency, minor]) => `${minorToDecimal(minor, currency)} ${currency}`
    )
    const attention = summary.customers.flatMap((c) =>
      c.invoices.filter((i) => i.needsAttention).map(() => c.name)
    )
    return (
      `${summary.dryRun ? 'Would create' : 'Created'} ${summary.invoicesCreated} invoice(s) for ${summary.customers.length} customer(s) as of ${asOf}` +
      `${totals.length ? `: ${totals.join(', ')}` : ''}.\n` +
      (attention.length
        ? `Left as drafts (less than zero, to credit instead): ${attention.join(', ')}\n`
        : '')
    )
  })
}

export async function runInvoices(argv: readonly string[]): Promise<string> {
  const [what, ...rest] = argv
  if (what === 'show') {
    const [ref, ...opts] = rest
    if (!ref || ref.startsWith('--'))
      throw new CliError('invoices show: name the invoice (its number or id)')
    const o = parseOptions('invoices show', opts, {
      file: { value: true, required: true },
      json: { value: false }
    })
    return withBooks(o.file![0]!, ({ books }) => {
      const row = books.first(
        books.q
          .selectFrom('invoices')
          .select('id')
          .where((eb) => eb.or([eb('number', '=', ref), eb('id', '=', Number(ref) || -1)]))
      )
      if (!row) throw new CliError(`invoices show: there is no invoice ${ref}`)
      const invoice = viewInvoice(books, row.id)
      if (o.json) return `${JSON.stringify(invoice, null, 2)}\n`
      const m = (n: number) => minorToDecimal(n, invoice.currency)
      const lines = invoice.lines.map(
        (l) =>
          `  ${l.description} (${l.periodStart} – ${l.periodEnd}) ${l.quantity} × … = ${m(l.amount)}${l.proration ? ` [${l.proration.computation}]` : ''}`
      )
      return (
        [
          `${invoice.number ?? `draft ${invoice.id}`} ${invoice.customerName} ${invoice.status}`,
          ...lines,
          `  total ${m(invoice.total)} ${invoice.currency}, due ${m(invoice.outstanding)}`
        ].join('\n') + '\n'
      )
    })
  }
  if (what !== 'list') throw new CliError('invoices: list or show')
  const o = parseOptions('invoices list', rest, {
    file: { value: true, required: true },
    status: { value: true },
    customer: { value: true },
    json: { value: false }
  })
  const status = o.status?.[0]
  if (status && !(INVOICE_STATUSES as readonly string[]).includes(status))
    throw new CliError(`invoices list: --status must be one of ${INVOICE_STATUSES.join(', ')}`)
  return withBooks(o.file![0]!, ({ books }) => {
    const customer = o.customer ? customerByCode(books, o.customer[0]!) : undefined
    if (o.customer && !customer)
      throw new CliError(`invoices list: there is no customer ${o.customer[0]}`)
    const { invoices } = listInvoices(books, {
      status: status as InvoiceStatus | undefined,
      customerId: customer?.id,
      limit: 100_000,
      offset: 0
    })
    if (o.json) return `${JSON.stringify(invoices, null, 2)}\n`
    return (
      invoices
        .map(
          (i) =>
            `${(i.number ?? `draft ${i.id}`).padEnd(18)} ${i.billDate} ${i.status.padEnd(15)} ${minorToDecimal(i.total, i.currency).padStart(12)} ${i.currency} ${i.customerName}`
        )
        .join('\n') + '\n'
    )
  })
}

export async function runVerifyLedger(argv: readonly string[]): Promise<string> {
  const o = parseOptions('verify-ledger', argv, { file: { value: true, required: true } })
  return withBooks(o.file![0]!, ({ books }) => {
    const check = verifyLedger(books)
    if (check.ok) return `The ledger holds: ${check.entries} record(s), every link verified.\n`
    const b = check.broken!
    throw new CliError(
      `The ledger is broken at record ${b.entry} of series ${b.series}${b.number ? ` (${b.number})` : ''}: ${b.reason}.`,
      1
    )
  })
}
