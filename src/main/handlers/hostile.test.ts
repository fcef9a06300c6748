import { describe, expect, it } from 'vitest'
import type { Channel } from '@shared/channels'
import type { ChannelInput } from '@shared/contract'
import type { Result } from '@shared/result'
import { dispatch } from '../ipc/dispatch'
import { snapshotFile, tempDir, testBackend } from '../test-support'

/** Regression tests for what a hostile sweep of the contract found (issue 9, defects 3–6). */

function value<T>(result: Result<T>): T {
  if (!result.ok)
    throw new Error(
      `${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fieldErrors ?? {})}`
    )
  return result.value
}

async function company() {
  const backend = await testBackend(tempDir())
  const call = <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    dispatch(backend.handlers, channel, input)
  const file = value(
    await call('files/create', {
      legalName: 'Biuro Nowak',
      country: 'PL',
      defaultCurrency: 'PLN',
      defaultLanguage: 'pl'
    })
  )
  const today = backend.workspace.requireStore().books.today()
  return { backend, call, file, today }
}

const flatPlan = (id: string, amount = '100.00', extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  currency: 'PLN',
  interval: 'month' as const,
  prices: [{ id: 'fee', description: `${id} fee`, model: 'flat' as const, amount }],
  ...extra
})

const customer = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  country: 'PL',
  language: 'pl' as const,
  currency: 'PLN',
  ...extra
})

describe('names of Object members are plain data', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'a customer of segment %s is billed, listed and viewed like any other',
    async (segment) => {
      const { call, today } = await company()
      // a plan with a price list for another segment: the customer's segment is looked up in it
      const plan = flatPlan('basic', '100.00', {
        segment_prices: {
          Partners: [{ id: 'fee', description: 'Partner fee', model: 'flat', amount: '80.00' }]
        }
      })
      value(await call('plans/save', { plan, effectiveFrom: '2020-01-01' }))
      const odd = value(await call('customers/create', customer('Odd', { segment })))
      const next = value(await call('customers/create', customer('Next')))
      for (const c of [odd, next]) {
        value(
          await call('subscriptions/create', {
            customerId: c.id,
            planCode: 'basic',
            startDate: `${today.slice(0, 8)}01`
          })
        )
      }
      expect(value(await call('subscriptions/list', { customerId: odd.id }))).toHaveLength(1)
      expect(value(await call('subscriptions/search', {})).total).toBe(2)
      const run = value(await call('billing/run', { asOf: today, dryRun: false }))
      expect(run.customers.map((c) => c.name).sort()).toEqual(['Next', 'Odd'])
      expect(run.invoicesCreated).toBe(2)
      const [view] = value(await call('subscriptions/list', { customerId: odd.id }))
      expect(view!.status).toBe('active')
    }
  )

  it('refuses a currency named like an Object member', async () => {
    const { call, file } = await company()
    const before = snapshotFile(file.path)
    for (const currency of ['toString', 'constructor', '__proto__']) {
      const coupon = await call('coupons/create', {
        coupon: {
          id: `c-${currency.replace(/_/g, '')}`,
          name: 'Ten off',
          type: 'fixed',
          amount: '10.00',
          currency,
          duration: 'once'
        }
      } as ChannelInput<'coupons/create'>)
      expect(coupon.ok ? 'stored' : coupon.error.code, currency).toBe('VALIDATION')
    }
    expect(snapshotFile(file.path)).toBe(before)
  })

  it('reports an unknown field named like an Object member by its name', async () => {
    const { call } = await company()
    const result = await call('customers/create', {
      ...customer('Ana'),
      constructor: 1
    } as unknown as ChannelInput<'customers/create'>)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(new Map(Object.entries(result.error.fieldErrors ?? {})).get('constructor')?.code).toBe(
        'unknown_field'
      )
  })
})

describe('dates are days on the calendar', () => {
  it.each([
    ['2026-02-30', 'date_not_on_calendar'],
    ['2026-13-01', 'date_not_on_calendar'],
    ['2025-02-29', 'date_not_on_calendar'],
    ['9999-12-31', 'date_range'],
    ['1969-12-31', 'date_range'],
    ['2026-1-5', 'date_format']
  ])('%s is refused everywhere (%s) and nothing is written', async (date, code) => {
    const { backend, call, file } = await company()
    value(await call('plans/save', { plan: flatPlan('basic'), effectiveFrom: '2020-01-01' }))
    const ana = value(await call('customers/create', customer('Ana')))
    const before = snapshotFile(file.path)
    const calls: [Channel, unknown, string][] = [
      ['plans/save', { plan: flatPlan('basic', '120.00'), effectiveFrom: date }, 'effectiveFrom'],
      ['billing/run', { asOf: date, dryRun: false }, 'asOf'],
      [
        'payments/record',
        { customerId: ana.id, date, method: 'cash', amount: 100, currency: 'PLN' },
        'date'
      ],
      [
        'subscriptions/create',
        { customerId: ana.id, planCode: 'basic', startDate: date },
        'startDate'
      ],
      [
        'usage/add',
        { customerId: ana.id, metric: 'calls', eventId: 'e1', timestamp: `${date}T10:00:00` },
        'timestamp'
      ]
    ]
    for (const [channel, input, field] of calls) {
      const answer = await dispatch(backend.handlers, channel, input)
      expect(answer.ok, `${channel} ${date}`).toBe(false)
      if (!answer.ok) {
        expect(answer.error.code, channel).toBe('VALIDATION')
        expect(answer.error.fieldErrors?.[field]?.code, channel).toBe(code)
      }
    }
    expect(snapshotFile(file.path)).toBe(before)
  })
})

describe('one bad record does not stop a billing run', () => {
  it('refuses a price no invoice could hold when the plan is saved', async () => {
    const { call, file } = await company()
    const before = snapshotFile(file.path)
    const saved = await call('plans/save', {
      plan: flatPlan('huge', '99999999999999999999.99'),
      effectiveFrom: '2020-01-01'
    })
    expect(saved.ok).toBe(false)
    if (!saved.ok) {
      expect(saved.error.code).toBe('VALIDATION')
      expect(saved.error.fieldErrors?.['plan.prices.0.amount']?.code).toBe('amount_too_large')
    }
    expect(snapshotFile(file.path)).toBe(before)
  })

  it('bills every customer it can, records the one it cannot with the reason, and counts true', async () => {
    const { backend, call, file, today } = await company()
    value(await call('plans/save', { plan: flatPlan('basic'), effectiveFrom: '2020-01-01' }))
    value(await call('plans/save', { plan: flatPlan('broken'), effectiveFrom: '2020-01-01' }))
    const start = `${today.slice(0, 8)}01`
    const names = ['Alfa', 'Beta', 'Gamma']
    for (const name of names) {
      const c = value(await call('customers/create', customer(name)))
      const planCode = name === 'Beta' ? 'broken' : 'basic'
      value(await call('subscriptions/create', { customerId: c.id, planCode, startDate: start }))
    }
    // a price saved before amounts were checked (an older file): too large to bill
    backend.workspace
      .requireStore()
      .sqlite.prepare(
        "UPDATE plan_versions SET definition = json_set(definition, '$.prices[0].amount', '99999999999999999999.99') WHERE plan_id = (SELECT id FROM plans WHERE code = 'broken')"
      )
      .run()
    value(await call('files/close', {}))
    value(await call('files/open', { path: file.path }))

    const preview = value(await call('billing/run', { asOf: today, dryRun: true }))
    expect(preview.customers.map((c) => c.name)).toEqual(['Alfa', 'Gamma'])
    expect(preview.customers.flatMap((c) => c.invoices).every((i) => i.invoiceId === null)).toBe(
      true
    )
    expect(preview.failures.map((f) => [f.name, f.code])).toEqual([['Beta', 'VALIDATION']])

    const run = value(await call('billing/run', { asOf: today, dryRun: false }))
    expect(run.invoicesCreated).toBe(2)
    expect(run.failures).toHaveLength(1)
    expect(run.failures[0]!.message).toMatch(/cannot be billed as saved: prices\[0\].amount/)
    const last = value(await call('billing/lastRun', {}))
    expect(last).toMatchObject({ status: 'finished', invoicesCreated: 2, customersFailed: 1 })
    expect(last!.failures.map((f) => f.name)).toEqual(['Beta'])
    const dashboard = value(await call('dashboard/summary', {}))
    expect(dashboard.lastRun?.failures.map((f) => f.name)).toEqual(['Beta'])
  })
})

describe('what a new user tripped on', () => {
  it('sells a new plan from before its first version; a later version cannot reprice what was billed', async () => {
    const { call, today } = await company()
    const firstOfMonth = `${today.slice(0, 8)}01`
    value(await call('plans/save', { plan: flatPlan('standard-m'), effectiveFrom: firstOfMonth }))
    const ana = value(await call('customers/create', customer('Ana')))
    const lastMonth = new Date(`${today}T12:00:00`)
    lastMonth.setMonth(lastMonth.getMonth() - 1, 1)
    const start = lastMonth.toISOString().slice(0, 10)
    value(
      await call('subscriptions/create', {
        customerId: ana.id,
        planCode: 'standard-m',
        startDate: start
      })
    )
    value(await call('billing/run', { asOf: today, dryRun: false }))
    const repriced = await call('plans/save', {
      plan: flatPlan('standard-m', '120.00'),
      effectiveFrom: `${today.slice(0, 8)}15`
    })
    expect(repriced.ok).toBe(false)
    if (!repriced.ok) expect(repriced.error.message).toMatch(/is billed up to \d{4}-\d{2}-\d{2}/)
  })

  it('archives a plan: gone from the lists, its subscriptions billed as before', async () => {
    const { call, today } = await company()
    value(await call('plans/save', { plan: flatPlan('old'), effectiveFrom: '2020-01-01' }))
    const ana = value(await call('customers/create', customer('Ana')))
    value(
      await call('subscriptions/create', {
        customerId: ana.id,
        planCode: 'old',
        startDate: `${today.slice(0, 8)}01`
      })
    )
    value(await call('plans/archive', { planCode: 'old', archived: true }))
    expect(value(await call('plans/list', {})).map((p) => p.code)).toEqual([])
    expect(value(await call('billing/run', { asOf: today, dryRun: false })).invoicesCreated).toBe(1)
  })
})

describe('search text is never a query language', () => {
  it.each([
    '\u0000Ana',
    'Ana\u0000',
    '"Ana',
    'Ana*',
    'NEAR(Ana',
    'Ana OR Bo',
    '^Ana',
    'a:b',
    'O\'Brien "x'
  ])('finds by %j without an error', async (query) => {
    const { call } = await company()
    value(await call('customers/create', customer('Ana Nowak')))
    for (const channel of ['customers/search', 'customers/list'] as const) {
      const result = await call(channel, { query })
      expect(result.ok ? 'ok' : result.error.code, `${channel} ${JSON.stringify(query)}`).toBe('ok')
    }
    const found = value(await call('customers/list', { query }))
    if (query.replace(/\p{Cc}/gu, ' ').trim() === 'Ana') expect(found.total).toBe(1)
  })
})

describe('what a seeded sweep found after the first fixes', () => {
  it('refuses a price id that is an object whose toString is not a function', async () => {
    const { call, file } = await company()
    const before = snapshotFile(file.path)
    const odd = { toString: 1, valueOf: 1 }
    const plan = flatPlan('basic', '100.00', {
      prices: [
        { id: odd, description: 'fee', model: 'flat', amount: '1.00' },
        { id: 'fee', description: 'fee', model: 'flat', amount: '1.00' }
      ],
      segment_prices: {
        Partners: [
          { id: { ...odd }, description: 'Partner fee', model: 'flat', amount: '0.80' },
          { id: 'fee', description: 'Partner fee', model: 'flat', amount: '0.80' }
        ]
      }
    })
    for (const channel of ['plans/save', 'plans/quote'] as const) {
      const result = await call(channel, {
        plan,
        effectiveFrom: '2020-01-01'
      } as unknown as ChannelInput<typeof channel>)
      expect(result.ok ? 'ok' : result.error.code, channel).toBe('VALIDATION')
      if (!result.ok)
        expect(Object.keys(result.error.fieldErrors ?? {})).toContain('plan.prices.0.id')
    }
    expect(snapshotFile(file.path)).toBe(before)
  })

  it.each(['XXX', 'INV', 'pln', 'toString'])(
    'refuses a payment and a refund in %j, which is no currency',
    async (currency) => {
      const { call, file, today } = await company()
      const ana = value(await call('customers/create', customer('Ana')))
      const before = snapshotFile(file.path)
      const payment = { customerId: ana.id, date: today, method: 'cash', amount: 100, currency }
      for (const channel of ['payments/record', 'payments/refund'] as const) {
        const result = await call(channel, payment as ChannelInput<typeof channel>)
        expect(result.ok ? 'ok' : result.error.code, channel).toBe('VALIDATION')
        if (!result.ok) expect(result.error.fieldErrors?.currency?.code).toBe('invalid_choice')
      }
      expect(snapshotFile(file.path)).toBe(before)
    }
  )

  it('answers an input with thousands of wrong fields with a short error', async () => {
    const { call } = await company()
    const lines = Array.from({ length: 5000 }, () => ({ lineId: 'x', amount: -1 }))
    const result = await call('invoices/creditNote', {
      invoiceId: 1,
      reason: 'r',
      lines
    } as unknown as ChannelInput<'invoices/creditNote'>)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION')
    expect(Object.keys(result.error.fieldErrors ?? {}).length).toBeLessThanOrEqual(200)
    expect(result.error.message.length).toBeLessThan(400)
    expect(result.error.message).toMatch(/and \d+ more$/)
  })
})
