import type { Coupon, TaxRate } from '@shared/billing/inputs'
import { planSchema, type Metric, type Plan, planForSegment } from '@shared/billing/plan'
import type { PlanSummary } from '@shared/books/catalog'
import { describeIssues } from '@shared/billing/issues'
import { AppError, problem } from '../errors'
import type { Books } from '../store/sync'
import { audit } from './audit'
import { hasOwnKey } from '@shared/own'

/** A plan version as the books hold it: the plan JSON and when it applies from. */
export interface PlanVersion {
  id: number
  planId: number
  version: number
  effectiveFrom: string
  plan: Plan
}

const invalid = (path: string, message: string): never => {
  throw new AppError('VALIDATION', message, { [path]: { code: 'invalid', message } })
}

export function taxRates(books: Books): TaxRate[] {
  return books
    .all(books.q.selectFrom('tax_rates').selectAll().where('archived_at', 'is', null).orderBy('id'))
    .map((r) => ({
      id: r.id,
      name: r.name,
      category: r.category as TaxRate['category'],
      percent: r.percent,
      ...(r.exemption_reason ? { exemption_reason: r.exemption_reason } : {}),
      ...(r.exemption_code ? { exemption_code: r.exemption_code } : {}),
      ...(r.split_payment ? { split_payment: true } : {})
    }))
}

export function saveTaxRate(books: Books, rate: TaxRate): TaxRate {
  return books.tx(() => {
    const values = {
      name: rate.name ?? rate.id,
      category: rate.category,
      percent: rate.percent,
      exemption_reason: rate.exemption_reason ?? null,
      exemption_code: rate.exemption_code ?? null,
      split_payment: rate.split_payment ? 1 : 0,
      archived_at: null
    }
    books.run(
      books.q
        .insertInto('tax_rates')
        .values({ id: rate.id, ...values, created_at: books.stamp() })
        .onConflict((oc) => oc.column('id').doUpdateSet(values))
    )
    audit(books, 'tax_rate', rate.id, 'save', { rate: [null, rate] })
    return rate
  })
}

/**
 * Metrics are the company's definitions of what usage means; a plan names them by code. The
 * first plan to use a code defines it; later plans must agree, so stored usage keeps its meaning.
 */
function registerMetric(books: Books, metric: Metric, path: string): void {
  const known = books.first(
    books.q.selectFrom('metrics').selectAll().where('code', '=', metric.code)
  )
  if (!known) {
    books.run(
      books.q.insertInto('metrics').values({
        code: metric.code,
        name: metric.code,
        aggregation: metric.aggregation,
        property: metric.property ?? null,
        created_at: books.stamp()
      })
    )
    return
  }
  if (
    known.aggregation !== metric.aggregation ||
    (known.property ?? undefined) !== metric.property
  ) {
    invalid(
      path,
      `metric "${metric.code}" is already defined as ${known.aggregation}${known.property ? ` of "${known.property}"` : ''}; use that definition or another code`
    )
  }
}

export function metricDefinitions(books: Books): Map<string, Metric> {
  return new Map(
    books.all(books.q.selectFrom('metrics').selectAll()).map((m) => [
      m.code,
      {
        code: m.code,
        aggregation: m.aggregation as Metric['aggregation'],
        property: m.property ?? undefined
      }
    ])
  )
}

/**
 * Saves a plan as a new version applying from a date. Subscriptions keep the version they
 * have until they are moved; new subscriptions take the version in force on their start date.
 */
export function savePlanVersion(books: Books, plan: Plan, effectiveFrom: string): PlanVersion {
  return books.tx(() => {
    const rates = new Set(taxRates(books).map((r) => r.id))
    const rateOf = (id: string, path: string) =>
      rates.has(id) ||
      invalid(
        path,
        `tax rate "${id}" is not one of the company's tax rates (${[...rates].join(', ')})`
      )
    rateOf(plan.tax_rate, 'tax_rate')
    plan.prices.forEach((price, i) => {
      if (price.tax_rate) rateOf(price.tax_rate, `prices.${i}.tax_rate`)
      if (price.metric) registerMetric(books, price.metric, `prices.${i}.metric`)
    })
    let row = books.first(books.q.selectFrom('plans').selectAll().where('code', '=', plan.id))
    if (row && row.currency !== plan.currency)
      invalid(
        'currency',
        `plan ${plan.id} is priced in ${row.currency}; a new version cannot change its currency`
      )
    if (!row) {
      books.run(
        books.q.insertInto('plans').values({
          code: plan.id,
          name: plan.name,
          currency: plan.currency,
          created_at: books.stamp()
        })
      )
      row = books.first(books.q.selectFrom('plans').selectAll().where('code', '=', plan.id))!
    } else {
      books.run(
        books.q
          .updateTable('plans')
          .set({ name: plan.name, archived_at: null })
          .where('id', '=', row.id)
      )
    }
    const last = books.first(
      books.q
        .selectFrom('plan_versions')
        .select(['version', 'effective_from'])
        .where('plan_id', '=', row.id)
        .orderBy('version', 'desc')
    )
    if (last && effectiveFrom <= last.effective_from) {
      invalid(
        'effectiveFrom',
        `a new version of ${plan.id} must apply after ${last.effective_from}, when version ${last.version} starts`
      )
    }
    // a later version may not reprice what was billed already
    const billedUntil = last ? lastBilledDay(books, row.id) : null
    if (billedUntil && effectiveFrom <= billedUntil) {
      invalid(
        'effectiveFrom',
        `${plan.id} is billed up to ${billedUntil}: a new version can apply from the day after`
      )
    }
    const version = (last?.version ?? 0) + 1
    const id = books.insert(
      books.q.insertInto('plan_versions').values({
        plan_id: row.id,
        version,
        effective_from: effectiveFrom,
        definition: JSON.stringify(plan),
        created_at: books.stamp()
      })
    )
    audit(books, 'plan', plan.id, 'version', {
      version: [last?.version ?? null, version],
      effectiveFrom: [last?.effective_from ?? null, effectiveFrom]
    })
    return { id, planId: row.id, version, effectiveFrom, plan }
  })
}

export function planVersion(books: Books, id: number): PlanVersion {
  // versions never change once saved: each is read and checked once per open file
  const key = `plan_version:${id}`
  const known = books.immutable.get(key) as PlanVersion | undefined
  if (known) return known
  const row = books.first(books.q.selectFrom('plan_versions').selectAll().where('id', '=', id))
  if (!row)
    throw problem('NOT_FOUND', 'plan_version_not_found', `There is no plan version ${id}.`, { id })
  const parsed = planSchema.safeParse(JSON.parse(row.definition))
  if (!parsed.success) {
    // saved by an older Facturo that checked less: it cannot be billed as it is
    const planCode = (JSON.parse(row.definition) as { id?: unknown }).id
    const reasons = describeIssues(parsed.error.issues, JSON.parse(row.definition)).join('; ')
    throw problem(
      'VALIDATION',
      'plan_version_invalid',
      `Plan ${String(planCode)} (version ${row.version}) cannot be billed as saved: ${reasons}. Save a corrected version of the plan.`,
      { plan: String(planCode), version: row.version, reasons }
    )
  }
  const version = {
    id: row.id,
    planId: row.plan_id,
    version: row.version,
    effectiveFrom: row.effective_from,
    plan: parsed.data
  }
  books.immutable.set(key, version)
  return version
}

/** The version of a plan in force on a date. */
/**
 * A plan version as a customer of a segment is billed: with the segment's price list in place of
 * the plan's prices. Versions never change, so each (version, segment) is worked out once.
 */
export function versionForSegment(
  books: Books,
  version: PlanVersion,
  segment: string
): PlanVersion {
  if (!segment || !hasOwnKey(version.plan.segment_prices, segment)) return version
  const key = `plan_version:${version.id}:segment:${segment}`
  let derived = books.immutable.get(key) as PlanVersion | undefined
  if (!derived) {
    derived = { ...version, plan: planForSegment(version.plan, segment) }
    books.immutable.set(key, derived)
  }
  return derived
}

/** The segment a customer's prices come from ('' when none). */
export function customerSegment(books: Books, customerId: number): string {
  return (
    (books
      .prepare('SELECT segment FROM customers WHERE id = ?')
      .pluck()
      .get(customerId) as string) ?? ''
  )
}

/**
 * The version of a plan in force on a date. A plan's first version also covers the days before
 * its date: a plan made today can be sold from the first of last month (later versions only
 * take over from their own date).
 */
export function planVersionOn(books: Books, planCode: string, date: string): PlanVersion {
  const versions = books.q
    .selectFrom('plan_versions')
    .innerJoin('plans', 'plans.id', 'plan_versions.plan_id')
    .select('plan_versions.id')
    .where('plans.code', '=', planCode)
  const row =
    books.first(
      versions
        .where('plan_versions.effective_from', '<=', date)
        .orderBy('plan_versions.effective_from', 'desc')
    ) ?? books.first(versions.orderBy('plan_versions.effective_from'))
  if (!row)
    throw problem('NOT_FOUND', 'plan_not_found', `There is no plan ${planCode}.`, {
      plan: planCode
    })
  return planVersion(books, row.id)
}

/** The last day already billed on any subscription of a plan (null when none was). */
function lastBilledDay(books: Books, planId: number): string | null {
  const row = books
    .prepare(
      `SELECT max(l.period_end) AS day FROM invoice_lines l
       JOIN subscription_items si ON si.id = l.item_id
       JOIN plan_versions v ON v.id = si.plan_version_id
       WHERE v.plan_id = ?`
    )
    .get(planId) as { day: string | null } | undefined
  return row?.day ?? null
}

/** Archives a plan: hidden from lists and pickers, kept with its versions for history and billing. */
export function archivePlan(books: Books, planCode: string, archived: boolean): void {
  books.tx(() => {
    const plan = books.first(books.q.selectFrom('plans').selectAll().where('code', '=', planCode))
    if (!plan)
      throw problem('NOT_FOUND', 'plan_not_found', `There is no plan ${planCode}.`, {
        plan: planCode
      })
    books.run(
      books.q
        .updateTable('plans')
        .set({ archived_at: archived ? books.stamp() : null })
        .where('id', '=', plan.id)
    )
    audit(books, 'plan', planCode, archived ? 'archive' : 'unarchive', {
      archived: [plan.archived_at !== null, archived]
    })
  })
}

export function saveCoupon(books: Books, coupon: Coupon): { id: number; coupon: Coupon } {
  return books.tx(() => {
    if (books.first(books.q.selectFrom('coupons').select('id').where('code', '=', coupon.id))) {
      throw problem(
        'CONFLICT',
        'coupon_exists',
        `Coupon ${coupon.id} exists already; coupons do not change once made.`,
        { coupon: coupon.id }
      )
    }
    const id = books.insert(
      books.q
        .insertInto('coupons')
        .values({ code: coupon.id, definition: JSON.stringify(coupon), created_at: books.stamp() })
    )
    audit(books, 'coupon', coupon.id, 'create', { coupon: [null, coupon] })
    return { id, coupon }
  })
}

export function couponByCode(books: Books, code: string): { id: number; coupon: Coupon } {
  const row = books.first(
    books.q
      .selectFrom('coupons')
      .selectAll()
      .where('code', '=', code)
      .where('archived_at', 'is', null)
  )
  if (!row)
    throw problem('NOT_FOUND', 'coupon_not_found', `There is no coupon ${code}.`, { coupon: code })
  return { id: row.id, coupon: JSON.parse(row.definition) as Coupon }
}

export function listPlans(books: Books, today: string): PlanSummary[] {
  return books
    .all(books.q.selectFrom('plans').selectAll().where('archived_at', 'is', null).orderBy('name'))
    .map((p) => planSummary(books, p.code, today))
}

export function planSummary(books: Books, code: string, today: string): PlanSummary {
  const plan = books.first(books.q.selectFrom('plans').selectAll().where('code', '=', code))
  if (!plan)
    throw problem('NOT_FOUND', 'plan_not_found', `There is no plan ${code}.`, { plan: code })
  const versions = books.all(
    books.q
      .selectFrom('plan_versions')
      .select(['id', 'version', 'effective_from'])
      .where('plan_id', '=', plan.id)
      .orderBy('version')
  )
  const current = [...versions].reverse().find((v) => v.effective_from <= today) ?? versions[0]
  return {
    code: plan.code,
    name: plan.name,
    currency: plan.currency,
    versions: versions.map((v) => ({
      id: v.id,
      version: v.version,
      effectiveFrom: v.effective_from
    })),
    current: current ? planVersion(books, current.id).plan : null
  }
}

export function listCoupons(books: Books): Coupon[] {
  return books
    .all(
      books.q
        .selectFrom('coupons')
        .select('definition')
        .where('archived_at', 'is', null)
        .orderBy('code')
    )
    .map((c) => JSON.parse(c.definition) as Coupon)
}
