import { describe, expect, it } from 'vitest'
import { usageEventSchema, type UsageEvent } from '@shared/billing/inputs'
import type { Metric } from '@shared/billing/plan'
import { aggregateUsage, levelsBefore } from './aggregation'
import { Dec } from './decimal'
import { plan } from './test/support'

const event = (
  id: string,
  timestamp: string,
  properties: Record<string, string | number> = {},
  metric = 'm'
): UsageEvent => usageEventSchema.parse({ id, metric, timestamp, properties })
const metric = (aggregation: Metric['aggregation'], property?: string): Metric => ({
  code: 'm',
  aggregation,
  property
})
const quantity = (
  m: Metric,
  events: UsageEvent[],
  start = '2026-01-01',
  end = '2026-01-30',
  initial?: Dec
) => aggregateUsage(m, events, start, end, initial).quantity.toFixed()

const events = [
  event('a', '2026-01-03T10:00:00', { gb: '2.5', user: 'ana' }),
  event('b', '2026-01-05', { gb: 4, user: 'ben' }),
  event('a', '2026-01-06T09:00:00', { gb: 100, user: 'zoe' }), // duplicate id: counted once
  event('c', '2026-01-20T23:59:59', { gb: '0.125', user: 'ana' }),
  event('d', '2026-01-31T00:00:00', { gb: 50, user: 'max' }), // after the period
  event('e', '2026-01-10', { gb: 7 }, 'other') // another metric
]

describe('usage aggregation', () => {
  it.each([
    [metric('count'), '3'],
    [metric('sum', 'gb'), '6.625'],
    [metric('max', 'gb'), '4'],
    [metric('unique_count', 'user'), '2'],
    [metric('latest', 'gb'), '0.125']
  ])('%j → %s', (m, expected) => {
    expect(quantity(m, events)).toBe(expected)
  })

  it('counts an event id once, the first time it comes', () => {
    expect(aggregateUsage(metric('count'), events, '2026-01-01', '2026-01-31').events).toBe(4)
  })

  it('gives 0 for a period without usage', () => {
    for (const a of ['count', 'sum', 'max', 'latest'] as const)
      expect(quantity(metric(a, 'gb'), [], '2026-02-01', '2026-02-28')).toBe('0')
  })

  it('time-weights a level: 5 GB for 15 of 30 days is 2.5', () => {
    const added = [event('up', '2026-01-16T00:00:00', { gb: 5 })]
    expect(quantity(metric('weighted_sum', 'gb'), added)).toBe('2.5')
  })

  it('time-weights from the level carried in, to the second', () => {
    const removed = [
      event('down', '2026-01-11', { gb: -10 }),
      event('up', '2026-01-21T12:00:00', { gb: 4 })
    ]
    // 10 GB × 10 days + 0 × 10.5 days + 4 GB × 9.5 days = 138 GB·days over 30 days
    expect(
      quantity(metric('weighted_sum', 'gb'), removed, '2026-01-01', '2026-01-30', new Dec(10))
    ).toBe('4.6')
  })

  it('carries the level into the next period', () => {
    const p = plan({
      prices: [
        {
          id: 's',
          description: 'Storage',
          model: 'per_unit',
          unit_price: '0.1',
          metric: { code: 'm', aggregation: 'weighted_sum', property: 'gb' }
        }
      ]
    })
    const levels = levelsBefore(
      p,
      [event('x', '2026-01-05', { gb: 3 }), event('y', '2026-02-03', { gb: 1 })],
      '2026-02-01'
    )
    expect(levels.get('m')?.toFixed()).toBe('3')
  })

  it('names the event whose property is missing or not a number', () => {
    expect(() => quantity(metric('sum', 'gb'), [event('no-gb', '2026-01-02')])).toThrow(
      /usage event "no-gb" has no "gb" property/
    )
    expect(() =>
      quantity(metric('sum', 'gb'), [event('bad', '2026-01-02', { gb: 'lots' })])
    ).toThrow(/"gb" is not a number \(lots\)/)
  })
})
