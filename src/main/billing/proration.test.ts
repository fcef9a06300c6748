import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays, daysInclusive } from './dates'
import { Dec, toMinor } from './decimal'
import { cancelNow, changeNow, pauseCredit, prorate, type ProratedItem } from './proration'

const item = (amount: string, description = 'Plan'): ProratedItem => ({
  description,
  amount: new Dec(amount),
  taxRateId: 'standard',
  taxInclusive: false
})
const april = {
  period: { start: '2026-04-01', end: '2026-04-30' },
  currency: 'EUR',
  rounding: 'half_away_from_zero' as const
}

describe('proration', () => {
  it('upgrades at once: Stripe’s 10.00 → 20.00 exactly halfway is −5.00 + 10.00', () => {
    const lines = changeNow(april, '2026-04-16', item('10.00', 'Basic'), item('20.00', 'Pro'))
    expect(
      lines.map((l) => [
        l.kind,
        l.description,
        l.amount,
        l.proration?.computation,
        l.period.start,
        l.period.end
      ])
    ).toEqual([
      ['proration_credit', 'Basic', -500, '15/30 days × 10.00', '2026-04-16', '2026-04-30'],
      ['proration_charge', 'Pro', 1000, '15/30 days × 20.00', '2026-04-16', '2026-04-30']
    ])
    expect(lines.reduce((a, l) => a + l.amount, 0)).toBe(500)
  })

  it('changes the quantity at once: 3 → 5 seats of 12.00 with 12 of 30 days left', () => {
    const lines = changeNow(
      april,
      '2026-04-19',
      { ...item('36.00'), quantity: '3' },
      { ...item('60.00'), quantity: '5' }
    )
    expect(lines.map((l) => [l.amount, l.proration?.computation])).toEqual([
      [-1440, '12/30 days × 36.00'],
      [2400, '12/30 days × 60.00']
    ])
  })

  it('does not discount a credit for time already paid (a coupon applied to it then)', () => {
    const [credit, charge] = changeNow(april, '2026-04-16', item('8.00'), item('20.00'))
    expect(credit!.discountable).toBe(false)
    expect(charge!.discountable).toBe(true)
  })

  it('cancels now: credits the unused days when billed in advance, charges the used ones in arrears', () => {
    expect(
      cancelNow(april, '2026-04-20', item('30.00'), true).map((l) => [
        l.amount,
        l.proration?.computation
      ])
    ).toEqual([[-1000, '10/30 days × 30.00']])
    expect(
      cancelNow(april, '2026-04-20', item('30.00'), false).map((l) => [
        l.amount,
        l.proration?.computation
      ])
    ).toEqual([[2000, '20/30 days × 30.00']])
    expect(cancelNow(april, '2026-04-30', item('30.00'), true)).toEqual([])
  })

  it('credits paused days of a period paid in advance', () => {
    expect(pauseCredit(april, '2026-04-21', '2026-04-30', item('30.00'))[0]!.amount).toBe(-1000)
  })

  it('refuses a change outside the period', () => {
    expect(() => changeNow(april, '2026-05-01', item('1'), item('2'))).toThrow(/outside the period/)
  })

  it('rounds once per line in the currency: 1/3 of 100 yen is 33 yen', () => {
    expect(prorate(new Dec(100), 1, 3, 'JPY', 'half_away_from_zero')).toEqual({
      amount: 33,
      computation: '1/3 days × 100'
    })
    expect(prorate(new Dec('10.000'), 7, 31, 'BHD', 'half_away_from_zero').amount).toBe(2258)
  })

  it('splits a period into consecutive parts that sum to the whole within one minor unit per split', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 28, max: 366 }),
        fc.array(fc.integer({ min: 1, max: 365 }), { minLength: 1, maxLength: 12 }),
        (cents, length, rawCuts) => {
          const start = '2026-01-01'
          const end = addDays(start, length - 1)
          const cuts = [...new Set(rawCuts.map((c) => c % length).filter((c) => c > 0))].sort(
            (a, b) => a - b
          )
          const bounds = [0, ...cuts, length]
          const whole = new Dec(cents).div(100)
          const parts = bounds
            .slice(1)
            .map(
              (b, i) =>
                prorate(
                  whole,
                  b - bounds[i]!,
                  daysInclusive(start, end),
                  'EUR',
                  'half_away_from_zero'
                ).amount
            )
          const total = parts.reduce((a, p) => a + p, 0)
          expect(Math.abs(total - toMinor(whole, 'EUR'))).toBeLessThanOrEqual(cuts.length)
        }
      )
    )
  })
})
