import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { newCompanyInput } from '@shared/company'
import type { InvoiceStatus, InvoiceView } from '@shared/books/invoices'
import { INVOICE_STATUSES } from '@shared/books/invoices'
import { minorToDecimal } from '@shared/money'
import { billingRun } from '../books/billing-run'
import { customerByCode } from '../books/customers'
import type { ImportReport } from '@shared/books/results'
import { importCustomersCsv, importUsageCsv } from '../books/imports'
import { issueInvoice, viewInvoice } from '../books/invoices'
import { listInvoices } from '../books/invoice-list'
import { saveCoupon, savePlanVersion } from '../books/catalog'
import { createSubscription } from '../books/subscriptions'
import { createSubscriptionInput } from '@shared/books/subscriptions'
import { couponSchema } from '@shared/billing/inputs'
import { planSchema } from '@shared/billing/plan'
import { readValidated } from './json-file'
import { verifyChains } from '../books/chains'
import { seedNewCompany } from '../books/seed'
import { openCompanyStore, type CompanyStore } from '../store/db'
import { insertCompany } from '../store/repos/company'
import { NEW_COMPANY_DEFAULTS } from '@shared/company'
import { dateOption, parseOptions } from './args'
import { CliError } from './errors'
import { cliFailure, invoiceId, setLockWait, withBooks } from './books-file'
import { runInvoiceEmail } from './email'
import { runInvoiceExport } from './einvoice'
import { LANGUAGES, type Language } from '@shared/languages'
import { writeFileAtomic } from '../app-state'
import { invoicePdfFor } from '../documents/logo'
import { runPdf, runZip } from '../documents/pdf/merge'

export { cliFailure, setLockWait }

export const BOOKS_USAGE = `npm run cli -- init --file books.facturo --name "Company name" --country PL [--currency PLN] [--language pl]
  npm run cli -- import customers|usage FILE.csv --file books.facturo [--dry-run]
  npm run cli -- plans save PLAN.json --from YYYY-MM-DD --file books.facturo
  npm run cli -- coupons save COUPON.json --file books.facturo
  npm run cli -- subscribe --customer CODE --plan CODE --start YYYY-MM-DD --file books.facturo
                    [--quantity N] [--trial-days N] [--coupon CODE]
  npm run cli -- run --as-of YYYY-MM-DD --file books.facturo [--dry-run] [--json]
  npm run cli -- invoices list --file books.facturo [--status issued|paid|overdue|…] [--customer CODE] [--json]
  npm run cli -- invoices show NUMBER|ID --file books.facturo [--json]
  npm run cli -- invoices issue ID --file books.facturo
  npm run cli -- invoices pdf NUMBER|ID --out FILE.pdf --file books.facturo [--lang en|pt-BR|es|pl]
  npm run cli -- invoices pdf --run RUN_ID --out MERGED.pdf|FILES.zip --file books.facturo
  npm run cli -- verify-ledger --file books.facturo`

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
    store = await openCompanyStore(resolve(o.file![0]!), { create: true, program: 'cli' })
  } catch (error) {
    const failure = cliFailure(error)
    if (failure instanceof CliError)
      throw new CliError(`init: ${failure.message}`, failure.exitCode)
    throw failure
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
  const asOf = dateOption('run', 'as-of', o['as-of']![0]!)
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

/** An invoice as text: every line with its period and how it was worked out, then the totals. */
function describeInvoice(invoice: InvoiceView): string {
  const m = (n: number) => minorToDecimal(n, invoice.currency).padStart(12)
  const title =
    invoice.number ??
    `Draft ${invoice.id} (${invoice.kind === 'credit_note' ? 'credit note' : 'invoice'})`
  const out = [
    `${title}  ${invoice.customerName}  ${invoice.status}`,
    `  billed ${invoice.billDate}${invoice.issueDate ? `, issued ${invoice.issueDate}` : ''}${invoice.dueDate ? `, due ${invoice.dueDate}` : ''}`
  ]
  for (const l of invoice.lines) {
    const period = l.periodStart ? ` ${l.periodStart} – ${l.periodEnd}` : ''
    out.push(`  ${`${l.description}${period}`.padEnd(56)} ${m(l.amount)}`)
    const how = [
      l.kind === 'usage' ? `quantity ${l.quantity}` : '',
      l.proration ? l.proration.computation : '',
      l.discount ? `discount −${minorToDecimal(l.discount, invoice.currency)}` : '',
      l.taxCategory ? `VAT ${l.taxCategory} ${l.taxPercent} %` : ''
    ].filter(Boolean)
    if (how.length) out.push(`    ${how.join('; ')}`)
  }
  const s = invoice.subtotals
  out.push(`  ${'Lines'.padEnd(56)} ${m(s.lines)}`)
  for (const d of invoice.discounts) out.push(`  ${d.name.padEnd(56)} ${m(-d.amount)}`)
  out.push(`  ${'Net'.padEnd(56)} ${m(s.net)}`)
  for (const t of invoice.taxes)
    out.push(
      `  ${`VAT ${t.category} ${t.percent} % on ${minorToDecimal(t.taxableAmount, invoice.currency)}`.padEnd(56)} ${m(t.taxAmount)}`
    )
  out.push(`  ${`Total ${invoice.currency}`.padEnd(56)} ${m(s.total)}`)
  if (s.creditsApplied) out.push(`  ${'Credit applied'.padEnd(56)} ${m(-s.creditsApplied)}`)
  if (invoice.status !== 'draft')
    out.push(`  ${'Outstanding'.padEnd(56)} ${m(invoice.outstanding)}`)
  for (const note of invoice.legalNotes) out.push(`  ${note}`)
  return `${out.join('\n')}\n`
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
      const invoice = viewInvoice(books, invoiceId(books, 'invoices show', ref))
      if (o.json) return `${JSON.stringify(invoice, null, 2)}\n`
      return describeInvoice(invoice)
    })
  }
  if (what === 'issue') {
    const [ref, ...opts] = rest
    if (!ref || ref.startsWith('--')) throw new CliError('invoices issue: name the draft (its id)')
    const o = parseOptions('invoices issue', opts, { file: { value: true, required: true } })
    return withBooks(o.file![0]!, ({ books }) => {
      const invoice = issueInvoice(books, invoiceId(books, 'invoices issue', ref))
      return `Issued ${invoice.number} to ${invoice.customerName}: ${minorToDecimal(invoice.total, invoice.currency)} ${invoice.currency}, due ${invoice.dueDate}.
`
    })
  }
  if (what === 'pdf') return runInvoicePdf(rest)
  if (what === 'email') return runInvoiceEmail(rest)
  if (what === 'export') return runInvoiceExport(rest)
  if (what !== 'list') throw new CliError('invoices: list, show, issue, pdf, email or export')
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

/** `invoices pdf NUMBER|ID` (one invoice) or `invoices pdf --run RUN_ID` (a whole run, merged). */
async function runInvoicePdf(argv: readonly string[]): Promise<string> {
  const [first, ...more] = argv
  const ref = first && !first.startsWith('--') ? first : undefined
  const o = parseOptions('invoices pdf', ref === undefined ? argv : more, {
    file: { value: true, required: true },
    out: { value: true, required: true },
    lang: { value: true },
    run: { value: true }
  })
  const run = o.run?.[0]
  if (ref !== undefined && run !== undefined)
    throw new CliError('invoices pdf: name an invoice (NUMBER|ID) or --run RUN_ID, not both')
  if (ref === undefined && run === undefined)
    throw new CliError(
      'invoices pdf: name the invoice (its number or id), or a run with --run RUN_ID'
    )
  const lang = o.lang?.[0]
  if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang))
    throw new CliError(`invoices pdf: --lang must be one of ${LANGUAGES.join(', ')}`)
  const out = resolve(o.out![0]!)
  if (run !== undefined) {
    if (!/^[1-9]\d*$/.test(run))
      throw new CliError(`invoices pdf: --run must be a billing run's id (a number), not "${run}"`)
    if (lang !== undefined)
      throw new CliError(
        "invoices pdf: --lang is for one invoice; a run is in each customer's language"
      )
    // --out run.zip: one PDF per invoice, named by number; anything else: one merged PDF
    const zip = out.toLowerCase().endsWith('.zip')
    return withBooks(o.file![0]!, async ({ books }) => {
      const { bytes, invoices } = await (zip ? runZip : runPdf)(books, Number(run))
      writeFileAtomic(out, bytes)
      return `Wrote ${invoices} invoices of run ${run} to ${out}${zip ? ', one PDF each,' : ''} (${bytes.length} bytes).\n`
    })
  }
  return withBooks(o.file![0]!, async ({ books }) => {
    const invoice = viewInvoice(books, invoiceId(books, 'invoices pdf', ref!))
    const language = (lang as Language | undefined) ?? invoice.language
    const bytes = await invoicePdfFor(books, invoice, language)
    writeFileAtomic(out, bytes)
    return `Wrote ${invoice.number ?? `draft ${invoice.id}`} (${language}) to ${out} (${bytes.length} bytes).\n`
  })
}

export async function runVerifyLedger(argv: readonly string[]): Promise<string> {
  const o = parseOptions('verify-ledger', argv, { file: { value: true, required: true } })
  return withBooks(o.file![0]!, ({ books }) => {
    const check = verifyChains(books)
    if (check.ok) return `The ledger holds: ${check.entries} record(s), every link verified.\n`
    const b = check.broken!
    throw new CliError(
      `The ledger is broken at record ${b.entry} of series ${b.series}${b.number ? ` (${b.number})` : ''}: ${b.reason}.`,
      1
    )
  })
}

export async function runPlans(argv: readonly string[]): Promise<string> {
  const [what, path, ...rest] = argv
  if (what !== 'save') throw new CliError('plans: save PLAN.json --from YYYY-MM-DD')
  if (!path || path.startsWith('--')) throw new CliError('plans save: name the plan file')
  const o = parseOptions('plans save', rest, {
    file: { value: true, required: true },
    from: { value: true, required: true }
  })
  const from = dateOption('plans save', 'from', o.from![0]!)
  const plan = readValidated(path, planSchema)
  return withBooks(o.file![0]!, ({ books }) => {
    const version = savePlanVersion(books, plan, from)
    return `Saved plan ${plan.id} (version ${version.version}), its prices in force from ${from}.\n`
  })
}

export async function runCoupons(argv: readonly string[]): Promise<string> {
  const [what, path, ...rest] = argv
  if (what !== 'save') throw new CliError('coupons: save COUPON.json')
  if (!path || path.startsWith('--')) throw new CliError('coupons save: name the coupon file')
  const o = parseOptions('coupons save', rest, { file: { value: true, required: true } })
  const coupon = readValidated(path, couponSchema)
  return withBooks(o.file![0]!, ({ books }) => {
    saveCoupon(books, coupon)
    return `Saved coupon ${coupon.id}.\n`
  })
}

export async function runSubscribe(argv: readonly string[]): Promise<string> {
  const o = parseOptions('subscribe', argv, {
    file: { value: true, required: true },
    customer: { value: true, required: true },
    plan: { value: true, required: true },
    start: { value: true, required: true },
    quantity: { value: true },
    'trial-days': { value: true },
    coupon: { value: true }
  })
  const trial = o['trial-days']?.[0]
  if (trial !== undefined && !/^\d+$/.test(trial))
    throw new CliError(`subscribe: --trial-days must be a whole number of days, not "${trial}"`)
  return withBooks(o.file![0]!, ({ books }) => {
    const customer = customerByCode(books, o.customer![0]!)
    if (!customer) throw new CliError(`subscribe: there is no customer ${o.customer![0]}`)
    const input = createSubscriptionInput.safeParse({
      customerId: customer.id,
      planCode: o.plan![0],
      startDate: o.start![0],
      quantity: o.quantity?.[0],
      trialDays: trial === undefined ? undefined : Number(trial),
      couponCode: o.coupon?.[0]
    })
    if (!input.success) {
      const flag: Record<string, string> = {
        planCode: 'plan',
        startDate: 'start',
        quantity: 'quantity',
        trialDays: 'trial-days',
        couponCode: 'coupon'
      }
      throw new CliError(
        `subscribe: ${input.error.issues.map((i) => `--${flag[String(i.path[0])] ?? String(i.path[0])} ${i.message}`).join('; ')}`
      )
    }
    const sub = createSubscription(books, input.data)
    return `Subscribed ${customer.name} to ${input.data.planCode} from ${sub.startDate}${sub.trialEnd ? ` (trial until ${sub.trialEnd})` : ''}: subscription ${sub.id}.\n`
  })
}
