import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rateCharge } from './charge-models'
import { Dec, toMinor } from './decimal'
import { assembleInvoice } from './invoice'
import { coupon, customer, line, settings } from './test/lines'
import { price } from './test/support'

const RATES = ['standard', 'reduced', 'books', 'exempt']
const amount = fc.integer({ min: -2_000_000, max: 50_000_000 })
const lineArb = fc.record({
  amount,
  rate: fc.constantFrom(...RATES),
  discountable: fc.boolean(),
  plan: fc.constantFrom('a', 'b'),
  periodIndex: fc.integer({ min: 0, max: 3 })
})
const couponArb = fc.oneof(
  fc.record({
    type: fc.constant('percent'),
    percent: fc.integer({ min: 1, max: 100 }).map(String)
  }),
  fc.record({
    type: fc.constant('fixed'),
    amount: fc.integer({ min: 1, max: 100_000 }).map((c) => (c / 100).toFixed(2)),
    currency: fc.constant('EUR')
  })
)

type LineSpec = typeof lineArb extends fc.Arbitrary<infer T> ? T : never
type CouponSpec = typeof couponArb extends fc.Arbitrary<infer T> ? T : never

function build(lines: LineSpec[], coupons: CouponSpec[], perLine: boolean, credit: number) {
  return assembleInvoice({
    currency: 'EUR',
    lines: lines.map((l) =>
      line(l.amount, {
        taxRateId: l.rate,
        discountable: l.discountable && l.amount > 0,
        planId: l.plan,
        periodIndex: l.periodIndex
      })
    ),
    coupons: coupons.map((c, i) => ({
      coupon: coupon({ ...c, id: `c${i}`, duration: 'repeating', periods: 2 }),
      remainingPeriods: null
    })),
    customer: customer({ credit_balance: (credit / 100).toFixed(2) }),
    settings: settings({ tax_calculation: perLine ? 'per_line' : 'per_category' })
  })
}

describe('engine properties', () => {
  it('lines sum to the totals, whatever the lines, coupons, rates and credit', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 12 }),
        fc.array(couponArb, { maxLength: 3 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 10_000_000 }),
        (lines, coupons, perLine, credit) => {
          const inv = build(lines, coupons, perLine, credit)
          const s = inv.subtotals
          expect(s.lines).toBe(lines.reduce((a, l) => a + l.amount, 0))
          expect(s.discounts).toBe(inv.lines.reduce((a, l) => a + l.discount, 0))
          expect(s.net).toBe(inv.lines.reduce((a, l) => a + l.netAmount, 0))
          expect(s.tax).toBe(inv.taxes.reduce((a, g) => a + g.taxAmount, 0))
          expect(s.total).toBe(s.net + s.tax)
          expect(s.amountDue).toBe(s.total - s.creditsApplied)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('discounts never make a total negative, nor exceed the lines they apply to', () => {
    fc.assert(
      fc.property(
        fc.array(
          lineArb.map((l) => ({ ...l, amount: Math.abs(l.amount) })),
          { maxLength: 10 }
        ),
        fc.array(couponArb, { maxLength: 4 }),
        (lines, coupons) => {
          const inv = build(lines, coupons, false, 0)
          expect(inv.subtotals.total).toBeGreaterThanOrEqual(0)
          expect(inv.subtotals.net).toBeGreaterThanOrEqual(0)
          for (const l of inv.lines) expect(l.discount).toBeLessThanOrEqual(Math.max(l.amount, 0))
        }
      ),
      { numRuns: 300 }
    )
  })

  it('graduated amounts never fall as the quantity grows', () => {
    const tiersArb = fc
      .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 5 })
      .chain((limits) =>
        fc
          .array(
            fc.record({
              unit: fc.integer({ min: 0, max: 100_000 }),
              flat: fc.integer({ min: 0, max: 10_000 })
            }),
            { minLength: limits.length + 1, maxLength: limits.length + 1 }
          )
          .map((prices) => {
            const sorted = [...limits].sort((a, b) => a - b)
            return prices.map((p, i) => ({
              up_to: i < sorted.length ? sorted[i]! : null,
              unit_price: (p.unit / 10_000).toString(),
              flat_fee: (p.flat / 100).toString()
            }))
          })
      )
    fc.assert(
      fc.property(
        tiersArb,
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (tiers, a, b) => {
          const p = price({ model: 'graduated', tiers })
          const [lo, hi] = a <= b ? [a, b] : [b, a]
          const at = (q: number) => rateCharge(p, { quantity: new Dec(q).div(100) }).amount
          expect(at(lo).lte(at(hi))).toBe(true)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('tax-inclusive and tax-exclusive prices agree: the gross of a net price splits back into that net', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(...RATES),
        fc.boolean(),
        (nets, rate, perLine) => {
          const opts = settings({ tax_calculation: perLine ? 'per_line' : 'per_category' })
          const exclusive = assembleInvoice({
            currency: 'EUR',
            lines: nets.map((n) => line(n, { taxRateId: rate })),
            customer: customer(),
            settings: opts
          })
          const grosses = perLine
            ? exclusive.lines.map((l) => l.netAmount + l.taxAmount!)
            : [exclusive.subtotals.total]
          const inclusive = assembleInvoice({
            currency: 'EUR',
            lines: grosses.map((g) => line(g, { taxRateId: rate, taxInclusive: true })),
            customer: customer(),
            settings: opts
          })
          expect(inclusive.subtotals.total).toBe(exclusive.subtotals.total)
          expect(inclusive.subtotals.net).toBe(exclusive.subtotals.net)
          expect(inclusive.subtotals.tax).toBe(exclusive.subtotals.tax)
        }
      ),
      { numRuns: 300 }
    )
  })

  it('rounds every line once: the invoice total of one line is the rounded model amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (q, unit) => {
          const p = price({ model: 'per_unit', unit_price: (unit / 10_000).toString() })
          const cents = toMinor(rateCharge(p, { quantity: new Dec(q) }).amount, 'EUR')
          expect(cents).toBe(toMinor(new Dec(q).times(unit).div(10_000), 'EUR'))
        }
      )
    )
  })
})
