import type { Plan } from '@shared/billing/plan'
import type {
  RunCustomer,
  RunFailure,
  RunInvoice,
  RunProgress,
  RunSummary
} from '@shared/books/results'
import type { ErrorCode, Problem } from '@shared/result'
import {
  addDays,
  billingPeriods,
  commitmentTopUp,
  Dec,
  duePeriods,
  lineForAggregate,
  timingOf,
  type ChargeLine,
  type CouponApplication,
  type DuePeriod,
  type RoundingMode
} from '../billing'
import type { AppError } from '../errors'
import { expectedFailure } from '../failures'
import { log } from '../log'
import type { Books } from '../store/sync'
import { audit } from './audit'
import {
  createDraft,
  engineCustomer,
  engineSettings,
  issueInvoice,
  type DraftContext,
  type DraftLine
} from './invoices'
import { getBillingPreferences } from './settings'
import {
  chargeKey,
  firstBillingDay,
  itemTimeline,
  loadCustomerSubscriptions,
  type SubscriptionState
} from './subscriptions'
import { aggregateStored } from './usage'

export interface Candidate extends DraftLine {
  billDate: string
}

/** Keys already billed for a customer: on an invoice, or waiting as a pending charge. */
export function billedKeys(books: Books, customerId: number): Set<string> {
  const onInvoices = books
    .prepare(
      'SELECT l.charge_key AS k FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.customer_id = ? AND l.charge_key IS NOT NULL'
    )
    .all(customerId) as { k: string }[]
  const pending = books
    .prepare('SELECT charge_key AS k FROM pending_charges WHERE customer_id = ?')
    .all(customerId) as { k: string }[]
  return new Set([...onInvoices, ...pending].map((r) => r.k))
}

/** A price's line for a period: seats or measured usage, rated by the engine. */
function priceLine(
  books: Books,
  state: SubscriptionState,
  plan: Plan,
  price: Plan['prices'][number],
  period: DuePeriod,
  quantity: Dec,
  rounding: ReturnType<typeof getBillingPreferences>['rounding']
): ChargeLine {
  if (!price.metric)
    return lineForAggregate({
      plan,
      price,
      subscriptionId: String(state.row.id),
      period,
      quantity,
      rounding
    })
  const scope = { customerId: state.row.customer_id, subscriptionId: state.row.id }
  const limited =
    price.model === 'percentage' &&
    (price.min_per_transaction !== undefined || price.max_per_transaction !== undefined)
  const aggregate = aggregateStored(books, price.metric, scope, period.start, period.end, limited)
  return lineForAggregate({
    plan,
    price,
    subscriptionId: String(state.row.id),
    period,
    quantity: aggregate.quantity,
    transactions: limited ? aggregate.values : undefined,
    transactionCount: aggregate.events,
    rounding
  })
}

/** A plan's prices by when they are billed, worked out once per plan version. */
const pricesByTiming = new WeakMap<Plan, Record<'advance' | 'arrears', Plan['prices']>>()
function pricesOf(plan: Plan): Record<'advance' | 'arrears', Plan['prices']> {
  let split = pricesByTiming.get(plan)
  if (!split) {
    split = {
      advance: plan.prices.filter((p) => timingOf(p) === 'advance'),
      arrears: plan.prices.filter((p) => timingOf(p) === 'arrears')
    }
    pricesByTiming.set(plan, split)
  }
  return split
}

/** Every charge of a subscription due as of a date and not billed yet, each with its key and bill date. */
export function dueCharges(
  books: Books,
  state: SubscriptionState,
  asOf: string,
  billed: Set<string>,
  rounding: RoundingMode
): Candidate[] {
  const out: Candidate[] = []
  for (const item of state.items) {
    const plan = item.version.plan
    const prices = pricesOf(plan)
    const quantity = new Dec(item.row.quantity)
    // a period is due in advance once it has begun, in arrears once it has ended
    const begun = duePeriods(
      itemTimeline(state, item),
      plan.interval,
      plan.alignment,
      asOf,
      'advance'
    )
    for (const timing of ['advance', 'arrears'] as const) {
      for (const period of begun) {
        if (timing === 'arrears' && period.end > asOf) continue
        const billDate = timing === 'advance' ? period.start : addDays(period.end, 1)
        for (const price of prices[timing]) {
          const key = chargeKey(item.row.id, period.scheduleStart, price.id, timing)
          if (billed.has(key)) continue
          // the line is new: it takes its key in place (a spread copy costs more than rating it)
          const line = priceLine(books, state, plan, price, period, quantity, rounding)
          out.push(
            Object.assign(line, {
              chargeKey: key,
              itemId: item.row.id,
              billDate,
              metric: price.metric?.code
            })
          )
        }
        if (timing === 'arrears' && plan.minimum_commitment) {
          const key = chargeKey(item.row.id, period.scheduleStart, 'commitment', 'arrears')
          if (billed.has(key)) continue
          const charged = plan.prices.reduce(
            (sum, price) =>
              sum + priceLine(books, state, plan, price, period, quantity, rounding).amount,
            0
          )
          const topUp = commitmentTopUp(plan, period, String(state.row.id), charged, rounding)
          if (topUp) out.push({ ...topUp, chargeKey: key, itemId: item.row.id, billDate })
        }
      }
    }
  }
  return out
}

/** A subscription's coupons, each limited to its periods: from the one it was attached in, N periods on (or forever). */
export function couponApplications(state: SubscriptionState): CouponApplication[] {
  const plan = state.items[0]!.version.plan
  return state.coupons.map(({ coupon, from: added }) => {
    const from = added > firstBillingDay(state.row) ? added : firstBillingDay(state.row)
    const count =
      coupon.duration === 'forever'
        ? Infinity
        : coupon.duration === 'once'
          ? 1
          : (coupon.periods ?? 1)
    let start = ''
    let end = '9999-12-31'
    let seen = 0
    for (const p of billingPeriods(firstBillingDay(state.row), plan.interval, plan.alignment)) {
      if (p.end < from) continue
      if (!start) start = p.start // the period it was added in counts as its first
      seen++
      if (seen >= count) {
        end = p.end
        break
      }
      if (seen > 10_000) break
    }
    return {
      coupon,
      remainingPeriods: null,
      subscriptionId: String(state.row.id),
      window: { start: start || from, end }
    }
  })
}

export function pendingCandidates(
  books: Books,
  customerId: number,
  asOf: string
): (Candidate & { pendingId: number })[] {
  return books
    .all(
      books.q
        .selectFrom('pending_charges')
        .selectAll()
        .where('customer_id', '=', customerId)
        .where('invoice_id', 'is', null)
        .where('bill_date', '<=', asOf)
        .orderBy('id')
    )
    .map((p) => ({
      ...(JSON.parse(p.line) as ChargeLine),
      chargeKey: p.charge_key,
      billDate: p.bill_date,
      pendingId: p.id
    }))
}

/**
 * A late fee waits for the customer's next invoice: it joins the first invoice of its currency
 * dated on or after it, priced as that invoice's lines are (tax-inclusive or not); with no such
 * invoice in this run it stays pending (a fee alone is never an invoice of its own here).
 */
export function joinNextInvoice(groups: Map<string, Candidate[]>, fee: Candidate): void {
  const key = [...groups.keys()]
    .filter((k) => {
      const [billDate, currency] = k.split('|')
      return currency === fee.currency && billDate! >= fee.billDate
    })
    .sort()[0]
  if (key === undefined) return
  const group = groups.get(key)!
  group.push({ ...fee, billDate: group[0]!.billDate, taxInclusive: group[0]!.taxInclusive })
}

/** What stays the same for every customer of a run, read once. */
interface RunContext {
  asOf: string
  runId: number | null
  /** A dry run: nothing it makes is kept. */
  preview: boolean
  draft: Omit<DraftContext, 'customer'>
  issueDirectly: boolean
  /** Customers with pending charges due by the as-of date. */
  pending: Set<number>
  /** Customers with any subscription pause or coupon (most have neither; their reads are skipped). */
  paused: Set<number>
  couponed: Set<number>
}

const CUSTOMER_NAME = 'SELECT name FROM customers WHERE id = ?'
const MARK_PENDING = 'UPDATE pending_charges SET invoice_id = ? WHERE id = ?'

/**
 * Bills one customer as of a date, in one transaction: every due charge of every subscription
 * and every pending charge, grouped into one draft per currency and bill date (in order), then
 * issued if the company issues directly. Charges already billed are skipped by their key, so a
 * run can be repeated or resumed after a crash without billing anything twice.
 */
function billCustomer(books: Books, ctx: RunContext, customerId: number): RunCustomer {
  const { name } = books.prepare(CUSTOMER_NAME).get(customerId) as { name: string }
  const billed = billedKeys(books, customerId)
  const subscriptions = loadCustomerSubscriptions(books, customerId, {
    pauses: ctx.paused.has(customerId),
    coupons: ctx.couponed.has(customerId)
  })
  const candidates: Candidate[] = [
    ...subscriptions.flatMap((state) =>
      dueCharges(books, state, ctx.asOf, billed, ctx.draft.settings.rounding)
    ),
    ...(ctx.pending.has(customerId) ? pendingCandidates(books, customerId, ctx.asOf) : [])
  ]
  const charges = candidates.filter((c) => c.kind !== 'late_fee')
  if (charges.length === 0) return { customerId, name, invoices: [] }
  const coupons = subscriptions.flatMap(couponApplications)
  const context: DraftContext = { ...ctx.draft, customer: engineCustomer(books, customerId) }
  const groups = new Map<string, Candidate[]>()
  for (const c of charges) {
    const key = `${c.billDate}|${c.currency}`
    const group = groups.get(key)
    if (group) group.push(c)
    else groups.set(key, [c])
  }
  for (const fee of candidates.filter((c) => c.kind === 'late_fee')) joinNextInvoice(groups, fee)
  const invoices: RunInvoice[] = []
  for (const key of [...groups.keys()].sort()) {
    const lines = groups.get(key)!
    const [billDate, currency] = key.split('|') as [string, string]
    const { id, draft } = createDraft(books, {
      customerId,
      currency,
      billDate,
      lines,
      coupons: coupons.filter((c) => lines.some((l) => l.subscriptionId === c.subscriptionId)),
      runId: ctx.runId ?? undefined,
      context
    })
    for (const line of lines)
      if ('pendingId' in line) books.prepare(MARK_PENDING).run(id, line.pendingId)
    const { net, tax, total } = draft.subtotals
    const needsAttention = ctx.issueDirectly && total < 0
    const issued = ctx.issueDirectly && !needsAttention ? issueInvoice(books, id) : null
    invoices.push({
      // a preview's drafts are rolled back: their ids will be another invoice's
      invoiceId: ctx.preview ? null : id,
      number: issued?.number ?? null,
      currency,
      billDate,
      lines: lines.length,
      net,
      tax,
      total,
      needsAttention
    })
  }
  return { customerId, name, invoices }
}

class DryRun extends Error {
  constructor(readonly result: RunCustomer) {
    super('dry run')
  }
}

function customersToBill(books: Books, asOf: string): number[] {
  const rows = books
    .prepare(
      `SELECT DISTINCT customer_id AS id FROM subscriptions WHERE start_date <= ?
       UNION SELECT DISTINCT customer_id FROM pending_charges WHERE invoice_id IS NULL AND bill_date <= ? ORDER BY 1`
    )
    .all(asOf, asOf) as { id: number }[]
  return rows.map((r) => r.id)
}

export interface RunOptions {
  asOf: string
  dryRun: boolean
  onProgress?: (done: number, total: number) => void
  /** Lets other work (progress requests) in between customers every so many. */
  yieldEvery?: number
  /** Asked between customers: true stops the run there (what is billed stays billed). */
  shouldStop?: () => boolean
}

/**
 * Faults of the file or the disk, not of one customer's data: the run stops at once, since every
 * customer after would fail the same way.
 */
function isFatal(error: AppError): boolean {
  return ['DISK_FULL', 'IO_ERROR', 'READ_ONLY', 'FILE_DAMAGED', 'FILE_IN_USE'].includes(error.code)
}

/** Why one customer could not be billed, for the run's record: its own code and message. */
function customerFailure(books: Books, customerId: number, error: unknown): RunFailure {
  const name =
    (books.prepare(CUSTOMER_NAME).get(customerId) as { name: string } | undefined)?.name ?? ''
  const expected = expectedFailure(error)
  if (!expected || expected.code === 'INTERNAL') {
    log.error(`Billing customer ${customerId} failed`, error)
    return {
      customerId,
      name,
      code: 'INTERNAL',
      message: `Facturo could not bill this customer because of an error of its own (details in its log): ${error instanceof Error ? error.message : String(error)}`
    }
  }
  const failure: RunFailure = { customerId, name, code: expected.code, message: expected.message }
  if (expected.problem) failure.problem = expected.problem
  return failure
}

function recordFailure(books: Books, runId: number, failure: RunFailure): void {
  books.run(
    books.q.insertInto('billing_run_failures').values({
      run_id: runId,
      customer_id: failure.customerId,
      code: failure.code,
      message: failure.message,
      problem: failure.problem ? JSON.stringify(failure.problem) : null,
      at: books.stamp()
    })
  )
}

/**
 * Runs left 'running' when their Facturo stopped (a crash, a kill, a full disk while recording
 * the end): whoever opens the file for writing holds its lock, so no run of another process is
 * still under way. They are marked interrupted; running again bills what they did not.
 */
export function closeInterruptedRuns(books: Books): void {
  books.run(
    books.q
      .updateTable('billing_runs')
      .set({ status: 'failed', error: INTERRUPTED, finished_at: books.stamp() })
      .where('status', '=', 'running')
  )
}

const INTERRUPTED = 'interrupted'

/** A billing run as of a date: a preview (nothing is written) or the real thing, one transaction per customer. */
export async function billingRun(books: Books, options: RunOptions): Promise<RunSummary> {
  const customerIds = customersToBill(books, options.asOf)
  const runId = options.dryRun
    ? null
    : books.insert(
        books.q.insertInto('billing_runs').values({
          as_of: options.asOf,
          status: 'running',
          customers_total: customerIds.length,
          started_at: books.stamp()
        })
      )
  const prefs = getBillingPreferences(books)
  const ids = (query: string, ...args: string[]) =>
    new Set((books.prepare(query).all(...args) as { id: number }[]).map((r) => r.id))
  const ctx: RunContext = {
    asOf: options.asOf,
    runId,
    preview: options.dryRun,
    draft: { settings: engineSettings(books) },
    issueDirectly: prefs.runCreates === 'issued',
    pending: ids(
      'SELECT DISTINCT customer_id AS id FROM pending_charges WHERE invoice_id IS NULL AND bill_date <= ?',
      options.asOf
    ),
    paused: ids(
      'SELECT DISTINCT s.customer_id AS id FROM subscription_pauses p JOIN subscriptions s ON s.id = p.subscription_id'
    ),
    couponed: ids(
      'SELECT DISTINCT s.customer_id AS id FROM subscription_coupons c JOIN subscriptions s ON s.id = c.subscription_id'
    )
  }
  const customers: RunCustomer[] = []
  const failures: RunFailure[] = []
  let cancelled = false
  // Each customer commits on its own. During the run those commits skip the fsync (WAL,
  // synchronous NORMAL): if Facturo crashes, every committed customer is kept; an OS crash or a
  // power cut may lose the last few, which the next run bills again (runs are idempotent). The
  // closing commit, with the file's own setting (FULL) back, syncs the WAL and all before it.
  // The WAL is also let grow to ~40 MB before it is copied back into the file (SQLite's default
  // is ~4 MB): fewer checkpoints, each of which syncs, and the run measured 5–10% faster.
  const durable = books.sqlite.pragma('synchronous', { simple: true })
  const checkpointEvery = books.sqlite.pragma('wal_autocheckpoint', { simple: true })
  const restore = () => {
    books.sqlite.pragma(`synchronous = ${durable}`)
    books.sqlite.pragma(`wal_autocheckpoint = ${checkpointEvery}`)
  }
  if (!options.dryRun) {
    books.sqlite.pragma('synchronous = NORMAL')
    books.sqlite.pragma('wal_autocheckpoint = 10000')
  }
  const created = () => customers.reduce((n, c) => n + c.invoices.length, 0)
  try {
    for (const [i, customerId] of customerIds.entries()) {
      if (options.shouldStop?.()) {
        cancelled = true
        break
      }
      let result: RunCustomer | null = null
      try {
        result = books.tx(() => {
          const r = billCustomer(books, ctx, customerId)
          if (options.dryRun) throw new DryRun(r)
          // progress is committed with a customer's invoices (every 25 customers and the last)
          if (runId && ((i + 1) % 25 === 0 || i + 1 === customerIds.length)) {
            books
              .prepare('UPDATE billing_runs SET customers_done = ? WHERE id = ?')
              .run(i + 1, runId)
          }
          return r
        })
      } catch (error) {
        if (error instanceof DryRun) result = error.result
        else {
          // one customer's bad data (a plan it cannot be billed on, say) fails that customer
          // alone: it is recorded with the reason, and the run goes on with the others
          const expected = expectedFailure(error)
          if (expected && isFatal(expected)) throw expected
          const failure = customerFailure(books, customerId, error)
          failures.push(failure)
          if (runId) recordFailure(books, runId, failure)
        }
      }
      if (result?.invoices.length) customers.push(result)
      options.onProgress?.(i + 1, customerIds.length)
      if ((i + 1) % (options.yieldEvery ?? 50) === 0)
        await new Promise((resolve) => setImmediate(resolve))
    }
  } catch (error) {
    restore()
    if (runId) {
      try {
        books.run(
          books.q
            .updateTable('billing_runs')
            .set({
              status: 'failed',
              error: error instanceof Error ? error.message : String(error),
              invoices_created: created(),
              customers_failed: failures.length,
              finished_at: books.stamp()
            })
            .where('id', '=', runId)
        )
      } catch (recording) {
        // the disk refused this too: the run stays 'running' and is closed as interrupted at next open
        log.error('Could not record the end of a failed billing run', recording)
      }
    }
    throw error
  }
  const totals = new Map<string, number>()
  for (const inv of customers.flatMap((c) => c.invoices))
    totals.set(inv.currency, (totals.get(inv.currency) ?? 0) + inv.total)
  restore()
  if (runId) {
    books.run(
      books.q
        .updateTable('billing_runs')
        .set({
          status: 'finished',
          invoices_created: created(),
          customers_failed: failures.length,
          cancelled: cancelled ? 1 : 0,
          finished_at: books.stamp()
        })
        .where('id', '=', runId)
    )
    audit(books, 'billing_run', runId, 'finish', {
      asOf: [null, options.asOf],
      invoices: [null, created()],
      ...(failures.length ? { failed: [null, failures.length] } : {}),
      ...(cancelled ? { cancelled: [null, true] } : {})
    })
  }
  return {
    runId,
    asOf: options.asOf,
    dryRun: options.dryRun,
    customers,
    invoicesCreated: created(),
    totals: Object.fromEntries(totals),
    failures,
    cancelled
  }
}

/** The customers a recorded run could not bill, and why. */
export function runFailures(books: Books, runId: number): RunFailure[] {
  return books
    .all(
      books.q
        .selectFrom('billing_run_failures as f')
        .innerJoin('customers as c', 'c.id', 'f.customer_id')
        .select(['f.customer_id', 'c.name', 'f.code', 'f.message', 'f.problem'])
        .where('f.run_id', '=', runId)
        .orderBy('f.id')
    )
    .map((r) => {
      const failure: RunFailure = {
        customerId: r.customer_id,
        name: r.name,
        code: r.code as ErrorCode,
        message: r.message
      }
      if (r.problem) failure.problem = JSON.parse(r.problem) as Problem
      return failure
    })
}

function runStatus(row: { status: string; cancelled: number; error: string | null }) {
  if (row.status === 'failed' && row.error === INTERRUPTED) return 'interrupted'
  if (row.status === 'finished' && row.cancelled) return 'cancelled'
  return row.status as RunProgress['status']
}

/** The latest billing run: how far it got, or how it ended, with the customers it could not bill. */
export function lastBillingRun(books: Books): RunProgress | null {
  const row = books.first(books.q.selectFrom('billing_runs').selectAll().orderBy('id', 'desc'))
  return row
    ? {
        runId: row.id,
        asOf: row.as_of,
        status: runStatus(row),
        customersDone: row.customers_done,
        customersTotal: row.customers_total,
        invoicesCreated: row.invoices_created,
        customersFailed: row.customers_failed,
        failures: row.customers_failed ? runFailures(books, row.id) : [],
        error: row.error === INTERRUPTED ? null : row.error
      }
    : null
}
