import { describe, expect, it } from 'vitest'
import {
  billingPeriods,
  duePeriods,
  periodsCovering,
  type Alignment,
  type Interval,
  type ServiceTimeline
} from './periods'

const month: Interval = { unit: 'month', count: 1 }
const take = (from: string, interval: Interval, alignment: Alignment, n: number) => {
  const out = []
  for (const p of billingPeriods(from, interval, alignment)) {
    out.push(
      p.start === p.fullStart && p.end === p.fullEnd
        ? [p.start, p.end]
        : [p.start, p.end, p.fullStart, p.fullEnd]
    )
    if (out.length === n) break
  }
  return out
}

describe('billing periods', () => {
  it('anniversary from Jan 31 goes Feb 28/29, then back to Mar 31', () => {
    expect(take('2024-01-31', month, 'anniversary', 5)).toEqual([
      ['2024-01-31', '2024-02-28'],
      ['2024-02-29', '2024-03-30'],
      ['2024-03-31', '2024-04-29'],
      ['2024-04-30', '2024-05-30'],
      ['2024-05-31', '2024-06-29']
    ])
    expect(take('2026-01-31', month, 'anniversary', 2)).toEqual([
      ['2026-01-31', '2026-02-27'],
      ['2026-02-28', '2026-03-30']
    ])
  })

  it('yearly from Feb 29 falls on Feb 28 and returns to Feb 29 in leap years', () => {
    expect(take('2024-02-29', { unit: 'year', count: 1 }, 'anniversary', 4)).toEqual([
      ['2024-02-29', '2025-02-27'],
      ['2025-02-28', '2026-02-27'],
      ['2026-02-28', '2027-02-27'],
      ['2027-02-28', '2028-02-28']
    ])
  })

  it('calendar alignment prorates the first period against the calendar one it is part of', () => {
    expect(take('2026-01-15', month, 'calendar', 3)).toEqual([
      ['2026-01-15', '2026-01-31', '2026-01-01', '2026-01-31'],
      ['2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-31']
    ])
    expect(take('2026-02-10', { unit: 'quarter', count: 1 }, 'calendar', 2)).toEqual([
      ['2026-02-10', '2026-03-31', '2026-01-01', '2026-03-31'],
      ['2026-04-01', '2026-06-30']
    ])
    expect(take('2026-06-01', { unit: 'year', count: 1 }, 'calendar', 2)).toEqual([
      ['2026-06-01', '2026-12-31', '2026-01-01', '2026-12-31'],
      ['2027-01-01', '2027-12-31']
    ])
    // 2026-11-18 is a Wednesday: weeks run Monday–Sunday
    expect(take('2026-11-18', { unit: 'week', count: 1 }, 'calendar', 2)).toEqual([
      ['2026-11-18', '2026-11-22', '2026-11-16', '2026-11-22'],
      ['2026-11-23', '2026-11-29']
    ])
    expect(take('2026-03-01', month, 'calendar', 1)).toEqual([['2026-03-01', '2026-03-31']])
  })

  it('steps every N days, weeks, months or quarters', () => {
    expect(take('2026-01-01', { unit: 'day', count: 10 }, 'anniversary', 2)).toEqual([
      ['2026-01-01', '2026-01-10'],
      ['2026-01-11', '2026-01-20']
    ])
    expect(take('2026-01-05', { unit: 'week', count: 2 }, 'anniversary', 2)).toEqual([
      ['2026-01-05', '2026-01-18'],
      ['2026-01-19', '2026-02-01']
    ])
    expect(take('2025-11-30', { unit: 'quarter', count: 1 }, 'anniversary', 2)).toEqual([
      ['2025-11-30', '2026-02-27'],
      ['2026-02-28', '2026-05-29']
    ])
    expect(take('2026-01-31', { unit: 'month', count: 2 }, 'anniversary', 2)).toEqual([
      ['2026-01-31', '2026-03-30'],
      ['2026-03-31', '2026-05-30']
    ])
  })

  it('refuses an interval of no units', () => {
    expect(() => take('2026-01-01', { unit: 'month', count: 0 }, 'anniversary', 1)).toThrow(
      /at least 1/
    )
  })
})

describe('periods due as of a date', () => {
  const since2024: ServiceTimeline = { start: '2024-01-31' }

  it('catches up every period missed since a subscription started long ago, once each, in order', () => {
    const arrears = duePeriods(since2024, month, 'anniversary', '2026-11-21', 'arrears')
    expect(arrears).toHaveLength(33)
    expect(arrears[0]).toMatchObject({
      start: '2024-01-31',
      end: '2024-02-28',
      activeDays: 29,
      fullDays: 29
    })
    expect(arrears.at(-1)).toMatchObject({ start: '2026-09-30', end: '2026-10-30' })
    const advance = duePeriods(since2024, month, 'anniversary', '2026-11-21', 'advance')
    expect(advance).toHaveLength(34)
    expect(advance.at(-1)).toMatchObject({ start: '2026-10-31', end: '2026-11-29' })
    expect(new Set(advance.map((p) => p.start)).size).toBe(34)
  })

  it('treats the as-of date as the end of that day', () => {
    const t: ServiceTimeline = { start: '2026-01-01' }
    expect(duePeriods(t, month, 'anniversary', '2026-01-30', 'arrears')).toHaveLength(0)
    expect(duePeriods(t, month, 'anniversary', '2026-01-31', 'arrears')).toHaveLength(1)
    expect(duePeriods(t, month, 'anniversary', '2025-12-31', 'advance')).toHaveLength(0)
    expect(duePeriods(t, month, 'anniversary', '2026-01-01', 'advance')).toHaveLength(1)
  })

  it('starts billing after the trial', () => {
    const t: ServiceTimeline = { start: '2026-01-10', trialEnd: '2026-01-23' }
    expect(
      duePeriods(t, month, 'anniversary', '2026-03-01', 'advance').map((p) => p.start)
    ).toEqual(['2026-01-24', '2026-02-24'])
    const calendar = duePeriods(t, month, 'calendar', '2026-02-01', 'advance')
    expect(calendar[0]).toMatchObject({
      start: '2026-01-24',
      end: '2026-01-31',
      activeDays: 8,
      fullDays: 31
    })
  })

  it('cuts the last period at the end of service', () => {
    const t: ServiceTimeline = { start: '2026-01-01', end: '2026-03-15' }
    const due = duePeriods(t, month, 'anniversary', '2026-12-31', 'arrears')
    expect(due.map((p) => [p.start, p.end, p.activeDays, p.fullDays])).toEqual([
      ['2026-01-01', '2026-01-31', 31, 31],
      ['2026-02-01', '2026-02-28', 28, 28],
      ['2026-03-01', '2026-03-15', 15, 31]
    ])
    // billed in arrears, the cut period is due once service has ended
    expect(duePeriods(t, month, 'anniversary', '2026-03-14', 'arrears')).toHaveLength(2)
  })

  it('leaves paused days out (resume continues the period)', () => {
    const t: ServiceTimeline = {
      start: '2026-01-01',
      pauses: [{ start: '2026-02-10', end: '2026-02-19' }]
    }
    const feb = duePeriods(t, month, 'anniversary', '2026-02-28', 'arrears')[1]
    expect(feb).toMatchObject({
      start: '2026-02-01',
      end: '2026-02-28',
      activeDays: 18,
      fullDays: 28
    })
  })

  it('skips periods entirely paused and bills nothing after an open pause', () => {
    const t: ServiceTimeline = {
      start: '2026-01-01',
      pauses: [{ start: '2026-02-01', end: '2026-03-31' }, { start: '2026-06-10' }]
    }
    const due = duePeriods(t, month, 'anniversary', '2026-12-31', 'advance')
    expect(due.map((p) => [p.start, p.activeDays])).toEqual([
      ['2026-01-01', 31],
      ['2026-04-01', 30],
      ['2026-05-01', 31],
      ['2026-06-01', 9]
    ])
  })

  it('starts a new period on the resume day when resuming starts a new period', () => {
    const t: ServiceTimeline = {
      start: '2026-01-01',
      pauses: [{ start: '2026-02-10', end: '2026-03-04' }],
      resume: 'new_period'
    }
    const due = duePeriods(t, month, 'anniversary', '2026-05-10', 'advance')
    expect(due.map((p) => [p.start, p.end, p.activeDays, p.fullDays])).toEqual([
      ['2026-01-01', '2026-01-31', 31, 31],
      ['2026-02-01', '2026-02-09', 9, 28],
      ['2026-03-05', '2026-04-04', 31, 31],
      ['2026-04-05', '2026-05-04', 30, 30],
      ['2026-05-05', '2026-06-04', 31, 31]
    ])
  })

  it('bills an item that joined mid-period on the subscription’s schedule', () => {
    const item: ServiceTimeline = { start: '2026-02-16', anchor: '2026-01-10' }
    const due = duePeriods(item, month, 'anniversary', '2026-04-09', 'arrears')
    expect(due.map((p) => [p.scheduleStart, p.start, p.end, p.activeDays, p.fullDays])).toEqual([
      ['2026-02-10', '2026-02-16', '2026-03-09', 22, 28],
      ['2026-03-10', '2026-03-10', '2026-04-09', 31, 31]
    ])
  })

  it('covers a quoted stretch, cutting the last period at its end', () => {
    expect(
      periodsCovering('2026-01-16', '2026-03-31', month, 'anniversary').map((p) => [p.start, p.end])
    ).toEqual([
      ['2026-01-16', '2026-02-15'],
      ['2026-02-16', '2026-03-15'],
      ['2026-03-16', '2026-03-31']
    ])
    expect(() => periodsCovering('2026-02-01', '2026-01-01', month, 'anniversary')).toThrow(
      /ends .* before it starts/
    )
  })
})
