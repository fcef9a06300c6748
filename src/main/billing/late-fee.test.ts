import { describe, expect, it } from 'vitest'
import { lateFeeAmount, lateFeesDue, type LateFeeCandidate } from './late-fee'
import type { LateFeeSettings } from '@shared/books/reminders'

const base: LateFeeSettings = {
  enabled: true,
  kind: 'percent',
  amount: '5',
  cap: null,
  afterDays: 14,
  billing: 'next_invoice',
  taxRateId: 'zero'
}

const invoice = (over: Partial<LateFeeCandidate> = {}): LateFeeCandidate => ({
  invoiceId: 1,
  number: 'FV/1',
  currency: 'PLN',
  dueDate: '2026-03-01',
  outstanding: 123_456,
  paused: false,
  ...over
})

describe('lateFeeAmount', () => {
  it.each([
    // kind, amount, cap, currency, outstanding (minor), mode → fee (minor), capped
    ['percent', '5', null, 'PLN', 123_456, 'half_away_from_zero', 6173, false], // 61.728 → 61.73
    ['percent', '5', null, 'PLN', 123_456, 'down', 6172, false],
    ['percent', '5', '50', 'PLN', 123_456, 'half_away_from_zero', 5000, true],
    ['percent', '5', '100', 'PLN', 123_456, 'half_away_from_zero', 6173, false],
    ['percent', '0.5', null, 'EUR', 999, 'half_away_from_zero', 5, false], // 0.04995 → 0.05
    ['percent', '1.5', null, 'JPY', 10_001, 'half_away_from_zero', 150, false], // 150.015 → 150
    ['fixed', '40', null, 'EUR', 1, 'half_away_from_zero', 4000, false],
    ['fixed', '40', '10', 'EUR', 1, 'half_away_from_zero', 1000, true],
    ['fixed', '12.345', null, 'BRL', 500, 'half_even', 1234, false] // one rounding, half even
  ] as const)(
    '%s %s (cap %s) on %s %d, %s → %d',
    (kind, amount, cap, currency, outstanding, mode, fee, capped) => {
      const { amount: got, step } = lateFeeAmount(
        { kind, amount, cap },
        { number: 'FV/1', currency, outstanding },
        20,
        mode
      )
      expect(got).toBe(fee)
      expect(step.capped).toBe(capped)
      expect(step.rate).toBe(kind === 'percent' ? amount : null)
      expect(step.days).toBe(20)
      expect(step.invoice).toBe('FV/1')
    }
  )

  it('explains the computation in exact decimals with the currency’s places', () => {
    expect(
      lateFeeAmount(
        base,
        { number: 'FV/1', currency: 'PLN', outstanding: 123_456 },
        15,
        'half_away_from_zero'
      ).step
    ).toEqual({
      type: 'late_fee',
      invoice: 'FV/1',
      days: 15,
      overdue: '1234.56',
      rate: '5',
      full: '61.73',
      capped: false,
      amount: '61.73'
    })
    expect(
      lateFeeAmount(
        { ...base, cap: '50' },
        { number: 'FV/1', currency: 'PLN', outstanding: 123_456 },
        15,
        'half_away_from_zero'
      ).step
    ).toMatchObject({ full: '61.73', capped: true, amount: '50.00' })
  })
})

describe('lateFeesDue', () => {
  it.each([
    ['14 days after the due date', '2026-03-15', {}, new Set<number>(), 1],
    ['one day short', '2026-03-14', {}, new Set<number>(), 0],
    ['months later, still once', '2026-06-30', {}, new Set<number>(), 1],
    ['already charged', '2026-06-30', {}, new Set([1]), 0],
    ['paid', '2026-06-30', { outstanding: 0 }, new Set<number>(), 0],
    ['paused', '2026-06-30', { paused: true }, new Set<number>(), 0],
    ['a fee that rounds to nothing', '2026-06-30', { outstanding: 1 }, new Set<number>(), 0]
  ])('%s → %d fee(s)', (_name, asOf, over, charged, count) => {
    const fees = lateFeesDue([invoice(over)], base, asOf, charged, 'half_away_from_zero')
    expect(fees).toHaveLength(count)
  })

  it('charges nothing while late fees are off', () => {
    expect(
      lateFeesDue([invoice()], { ...base, enabled: false }, '2026-12-31', new Set(), 'down')
    ).toEqual([])
  })

  it('decides each invoice on its own', () => {
    const fees = lateFeesDue(
      [
        invoice(),
        invoice({ invoiceId: 2, number: 'FV/2', dueDate: '2026-03-10', outstanding: 2000 })
      ],
      base,
      '2026-03-20',
      new Set(),
      'half_away_from_zero'
    )
    expect(fees.map((f) => [f.invoiceId, f.amount, f.step.days])).toEqual([[1, 6173, 19]])
  })
})
