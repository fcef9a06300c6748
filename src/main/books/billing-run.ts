import type { Plan } from '@shared/billing/plan'
import type { RunCustomer, RunInvoice, RunSummary } from '@shared/books/results'
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
  type DuePeriod
} from '../billing'
import type { Books } from '../store/sync'
import { audit } from './audit'
import { createDraft, issueInvoice, type DraftLine } from './invoices'
import { getBillingPreferences } from './settings'
import {
  chargeKey,
  firstBillingDay,
  itemTimeline,
  loadSubscription,
  type SubscriptionState
} from './subscriptions'
import { aggregateStored, markBilled } from './usage'

interface Candidate extends DraftLine {
  billDate: string
  usage?: { metric: string; customerId: number; subscriptionId: number }
}

/** Keys already billed for a customer: on an invoice, or waiting as a pending charge. */
function billedKeys(books: Books, customerId: number): Set<string> {
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

/** Every charge of a subscription due as of a date and not billed yet, each with its key and bill date. */
function dueCharges(
  books: Books,
  state: SubscriptionState,
  asOf: string,
  billed: Set<string>
): Candidate[] {
  const { rounding } = getBillingPreferences(books)
  const out: Candidate[] = []
  for (const item of state.items) {
    const plan = item.version.plan
    const timeline = itemTimeline(state, item)
    const quantity = new Dec(item.row.quantity)
    for (const timing of ['advance', 'arrears'] as const) {
      for (const period of duePeriods(timeline, plan.interval, plan.alignment, asOf, timing)) {
        const billDate = timing === 'advance' ? period.start : addDays(period.end, 1)
        for (const price of plan.prices.filter((p) => timingOf(p) === timing)) {
          const key = chargeKey(item.row.id, period.scheduleStart, price.id, timing)
          if (billed.has(key)) continue
          const line = priceLine(books, state, plan, price, period, quantity, rounding)
          out.push({
            ...line,
            chargeKey: key,
            itemId: item.row.id,
            billDate,
            metric: price.metric?.code,
            usage: price.metric
              ? {
                  metric: price.metric.code,
                  customerId: state.row.customer_id,
                  subscriptionId: state.row.id
                }
              : undefined
          })
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
function couponApplications(state: SubscriptionState): CouponApplication[] {
  const plan = state.items[0]!.version.plan
  return state.coupons.map(({ coupon, createdAt }) => {
    const from =
      createdAt.slice(0, 10) > firstBillingDay(state.row)
        ? createdAt.slice(0, 10)
        : firstBillingDay(state.row)
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
      if (!start) start = p.start < from ? p.start : p.start
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

function pendingCandidates(
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
 * Bills one customer as of a date, in one transaction: every due charge of every subscription
 * and every pending charge, grouped into one draft per currency and bill date (in order), then
 * issued if the company issues directly. Charges already billed are skipped by their key, so a
 * run can be repeated or resumed after a crash without billing anything twice.
 */
function billCustomer(
  books: Books,
  customerId: number,
  asOf: string,
  runId: number | null
): RunCustomer {
  const customer = books.first(
    books.q.selectFrom('customers').select(['id', 'name']).where('id', '=', customerId)
  )!
  const billed = billedKeys(books, customerId)
  const subscriptions = books
    .all(
      books.q
        .selectFrom('subscriptions')
        .select('id')
        .where('customer_id', '=', customerId)
        .orderBy('id')
    )
    .map((s) => loadSubscription(books, s.id))
  const candidates: Candidate[] = [
    ...subscriptions.flatMap((state) => dueCharges(books, state, asOf, billed)),
    ...pendingCandidates(books, customerId, asOf)
  ]
  const coupons = subscriptions.flatMap(couponApplications)
  const groups = new Map<string, Candidate[]>()
  for (const c of candidates) {
    const key = `${c.billDate}|${c.currency}`
    groups.set(key, [...(groups.get(key) ?? []), c])
  }
  const issueDirectly = getBillingPreferences(books).runCreates === 'issued'
  const invoices: RunInvoice[] = []
  for (const key of [...groups.keys()].sort()) {
    const lines = groups.get(key)!
    const [billDate, currency] = key.split('|') as [string, string]
    const { id, lineIds } = createDraft(books, {
      customerId,
      currency,
      billDate,
      lines,
      coupons: coupons.filter((c) => lines.some((l) => l.subscriptionId === c.subscriptionId)),
      runId: runId ?? undefined
    })
    lines.forEach((line, i) => {
      if (line.usage)
        markBilled(
          books,
          lineIds[i]!,
          line.usage.metric,
          line.usage,
          line.period.start,
          line.period.end
        )
      if ('pendingId' in line)
        books.run(
          books.q
            .updateTable('pending_charges')
            .set({ invoice_id: id })
            .where('id', '=', line.pendingId as number)
        )
    })
    const row = books.first(
      books.q
        .selectFrom('invoices')
        .select(['total', 'net_total', 'tax_total'])
        .where('id', '=', id)
    )!
    const needsAttention = issueDirectly && row.total < 0
    const issued = issueDirectly && !needsAttention ? issueInvoice(books, id) : null
    invoices.push({
      invoiceId: id,
      number: issued?.number ?? null,
      currency,
      billDate,
      lines: lines.length,
      net: row.net_total,
      tax: row.tax_total,
      total: row.total,
      needsAttention
    })
  }
  return { customerId, name: customer.name, invoices }
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
}

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
  const customers: RunCustomer[] = []
  try {
    for (const [i, customerId] of customerIds.entries()) {
      let result: RunCustomer
      try {
        result = books.tx(() => {
          const r = billCustomer(books, customerId, options.asOf, runId)
          if (options.dryRun) throw new DryRun(r)
          return r
        })
      } catch (error) {
        if (!(error instanceof DryRun)) throw error
        result = error.result
      }
      if (result.invoices.length) customers.push(result)
      if (runId)
        books.run(
          books.q
            .updateTable('billing_runs')
            .set({ customers_done: i + 1 })
            .where('id', '=', runId)
        )
      options.onProgress?.(i + 1, customerIds.length)
      if ((i + 1) % (options.yieldEvery ?? 50) === 0)
        await new Promise((resolve) => setImmediate(resolve))
    }
  } catch (error) {
    if (runId)
      books.run(
        books.q
          .updateTable('billing_runs')
          .set({ status: 'failed', error: String(error), finished_at: books.stamp() })
          .where('id', '=', runId)
      )
    throw error
  }
  const created = customers.reduce((n, c) => n + c.invoices.length, 0)
  const totals: Record<string, number> = {}
  for (const inv of customers.flatMap((c) => c.invoices))
    totals[inv.currency] = (totals[inv.currency] ?? 0) + inv.total
  if (runId) {
    books.run(
      books.q
        .updateTable('billing_runs')
        .set({ status: 'finished', invoices_created: created, finished_at: books.stamp() })
        .where('id', '=', runId)
    )
    audit(books, 'billing_run', runId, 'finish', {
      asOf: [null, options.asOf],
      invoices: [null, created]
    })
  }
  return {
    runId,
    asOf: options.asOf,
    dryRun: options.dryRun,
    customers,
    invoicesCreated: created,
    totals
  }
}
