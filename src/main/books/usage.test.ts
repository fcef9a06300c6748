import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { planSchema } from '@shared/billing/plan'
import { Dec } from '../billing'
import { savePlanVersion } from './catalog'
import { createCustomer } from './customers'
import { createSubscription } from './subscriptions'
import { appErrorOf, openTestBooks } from './test-support'
import { billingRun } from './billing-run'
import { addUsage, aggregateStored, correctUsage, deleteUsage, listUsage, toMicro } from './usage'

describe('toMicro (values stored as integers of millionths for SQL sums)', () => {
  it('is exact for up to 6 decimals and 9 integer digits', () => {
    // a seeded generator, so a failure can be replayed
    let seed = 42
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31)
    for (let i = 0; i < 5000; i++) {
      const int = String(next() % 10 ** (1 + (next() % 9)))
      const places = next() % 7
      const fraction = places ? String(next()).padStart(places, '0').slice(-places) : ''
      const text = `${next() % 2 ? '-' : ''}${int}${fraction ? `.${fraction}` : ''}`
      const expected = new Dec(text).times(1_000_000).toNumber()
      expect(toMicro(text), text).toBe(expected === 0 ? 0 : expected)
    }
  })

  it('handles the edges: zeros, leading zeros, trailing dot forms, minus zero', () => {
    expect(toMicro('0')).toBe(0)
    expect(Object.is(toMicro('-0'), 0)).toBe(true)
    expect(Object.is(toMicro('-0.000'), 0)).toBe(true)
    expect(toMicro('000123.5')).toBe(123_500_000)
    expect(toMicro('0.000001')).toBe(1)
    expect(toMicro('-2.25')).toBe(-2_250_000)
    expect(toMicro('999999999.999999')).toBe(999_999_999_999_999)
  })

  it('refuses what it cannot hold exactly, so the exact decimal path is used', () => {
    expect(toMicro('0.0000001')).toBeNull()
    expect(toMicro('1.1234567')).toBeNull()
    expect(toMicro('1000000000')).toBeNull()
    expect(toMicro('-1000000000.5')).toBeNull()
  })
})

describe('aggregateStored: the SQL sum and the exact decimal path agree', () => {
  it('sums millionths in SQL, and falls back to decimals when one value has more places', async () => {
    const { books } = await openTestBooks('2026-01-01')
    savePlanVersion(
      books,
      planSchema.parse({
        id: 'gb',
        name: 'Storage',
        currency: 'PLN',
        interval: 'month',
        prices: [
          {
            id: 'gb',
            description: 'Storage',
            model: 'per_unit',
            unit_price: '0.10',
            metric: { code: 'gb', aggregation: 'sum', property: 'gb' }
          }
        ]
      }),
      '2026-01-01'
    )
    const customer = createCustomer(
      books,
      customerInput.parse({ name: 'Ola', country: 'PL', language: 'pl', currency: 'PLN' })
    )
    const sub = createSubscription(books, {
      customerId: customer.id,
      planCode: 'gb',
      startDate: '2026-01-01',
      quantity: '1'
    })
    const add = (eventId: string, timestamp: string, gb: string) =>
      addUsage(books, {
        customerId: customer.id,
        metric: 'gb',
        eventId,
        timestamp,
        properties: { gb }
      })
    add('a', '2026-01-01T00:00:00', '0.1')
    add('b', '2026-01-15T08:00:00', '0.2')
    add('c', '2026-01-31T23:59:59', '123456789.000001')
    add('d', '2026-02-01T00:00:00', '5') // the next period
    const metric = { code: 'gb', aggregation: 'sum' as const, property: 'gb' }
    const scope = { customerId: customer.id, subscriptionId: sub.id }
    const fast = aggregateStored(books, metric, scope, '2026-01-01', '2026-01-31', false)
    expect(fast.quantity.toString()).toBe('123456789.300001')
    expect(fast.events).toBe(3)

    // a value with 7 decimals cannot be summed in millionths: the whole period goes exact
    add('e', '2026-01-20T10:00:00', '0.0000001')
    const exact = aggregateStored(books, metric, scope, '2026-01-01', '2026-01-31', false)
    expect(exact.quantity.toString()).toBe('123456789.3000011')
    expect(exact.events).toBe(4)
  })
})

describe('usage events: added, corrected and deleted until billed', () => {
  it('count an event id once, and freeze once a run has billed their day', async () => {
    const { books, clock } = await openTestBooks('2026-01-01')
    savePlanVersion(
      books,
      planSchema.parse({
        id: 'api',
        name: 'API',
        currency: 'PLN',
        interval: 'month',
        prices: [
          {
            id: 'calls',
            description: 'API calls',
            model: 'per_unit',
            unit_price: '0.01',
            metric: { code: 'calls', aggregation: 'sum', property: 'n' }
          }
        ]
      }),
      '2026-01-01'
    )
    const customerId = createCustomer(
      books,
      customerInput.parse({ name: 'Ola', country: 'PL', language: 'pl', currency: 'PLN' })
    ).id
    createSubscription(books, {
      customerId,
      planCode: 'api',
      startDate: '2026-01-01',
      quantity: '1'
    })
    const add = (eventId: string, timestamp: string, n: number | string) =>
      addUsage(books, { customerId, metric: 'calls', eventId, timestamp, properties: { n } })
    const jan = add('e1', '2026-01-10T10:00:00', 100)
    expect(add('e1', '2026-01-11T10:00:00', 999)).toEqual({ id: null, duplicate: true })
    const feb = add('e2', '2026-02-02T08:00:00', 5)
    const badValue = appErrorOf(() => add('e3', '2026-01-12', 'lots'))
    expect(badValue.fieldErrors?.['properties.n']?.message).toMatch(/must be a number/)
    expect(appErrorOf(() => add('e3', '2026-02-30', 1)).fieldErrors?.timestamp?.message).toMatch(
      /2026-02-30 is not a calendar date/
    )

    correctUsage(books, { id: jan.id!, properties: { n: 250 } })
    const later = add('e4', '2026-01-20', 1)
    deleteUsage(books, later.id!)
    expect(
      listUsage(books, { customerId }).map((u) => [u.eventId, u.properties.n, u.billed])
    ).toEqual([
      ['e1', 250, false],
      ['e2', 5, false]
    ])

    clock.date = '2026-02-01'
    const run = await billingRun(books, { asOf: '2026-02-01', dryRun: false })
    expect(run.customers[0]!.invoices[0]!.net).toBe(250) // 250 calls × 0.01
    const frozen = (fn: () => unknown) => appErrorOf(fn)
    expect(frozen(() => correctUsage(books, { id: jan.id!, properties: { n: 1 } })).code).toBe(
      'CONFLICT'
    )
    expect(frozen(() => deleteUsage(books, jan.id!)).message).toMatch(/e1 has been billed/)
    expect(frozen(() => add('e5', '2026-01-31T23:59:59', 1)).message).toMatch(/was billed on draft/)
    // February's event cannot be moved back into billed January either
    const moved = frozen(() =>
      correctUsage(books, { id: feb.id!, timestamp: '2026-01-15T12:00:00' })
    )
    expect(moved.code).toBe('CONFLICT')
    expect(moved.fieldErrors?.timestamp?.message).toBe('2026-01-15 is billed')
    expect(listUsage(books, { customerId }).map((u) => [u.eventId, u.timestamp, u.billed])).toEqual(
      [
        ['e1', '2026-01-10T10:00:00', true],
        ['e2', '2026-02-02T08:00:00', false]
      ]
    )
  })
})
