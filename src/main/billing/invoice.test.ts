import { describe, expect, it } from 'vitest'
import { assembleInvoice, checkInvariants } from './invoice'
import { coupon, customer, line, settings } from './test/lines'

const invoice = (
  lines: ReturnType<typeof line>[],
  extra: Partial<Parameters<typeof assembleInvoice>[0]> = {}
) =>
  assembleInvoice({ currency: 'EUR', lines, customer: customer(), settings: settings(), ...extra })

describe('taxes', () => {
  it('rounds half away from zero: 1460.50 × 25 % = 365.125 → 365.13 (billing.md)', () => {
    const inv = invoice([line(146050)], {
      settings: settings({ tax_rates: [{ id: 'standard', category: 'S', percent: '25' }] })
    })
    expect(inv.taxes).toEqual([
      { category: 'S', percent: '25', taxableAmount: 146050, taxAmount: 36513 }
    ])
    expect(inv.subtotals).toEqual({
      lines: 146050,
      discounts: 0,
      net: 146050,
      tax: 36513,
      total: 182563,
      creditsApplied: 0,
      amountDue: 182563
    })
  })

  it('computes tax per category by default, per line only when asked (they can differ by a cent)', () => {
    const lines = [
      line(10, { taxRateId: 'books' }),
      line(10, { taxRateId: 'books' }),
      line(10, { taxRateId: 'books' })
    ]
    expect(invoice(lines).subtotals.tax).toBe(2) // 0.30 × 5 % = 0.015 → 0.02
    const perLine = invoice(lines, { settings: settings({ tax_calculation: 'per_line' }) })
    expect(perLine.subtotals.tax).toBe(3) // 3 × (0.10 × 5 % = 0.005 → 0.01)
    expect(perLine.lines.map((l) => l.taxAmount)).toEqual([1, 1, 1])
  })

  it('groups lines by category and rate', () => {
    const inv = invoice([
      line(10000),
      line(5000, { taxRateId: 'reduced' }),
      line(2000),
      line(3000, { taxRateId: 'exempt' })
    ])
    expect(inv.taxes).toEqual([
      { category: 'S', percent: '23', taxableAmount: 12000, taxAmount: 2760 },
      { category: 'S', percent: '8', taxableAmount: 5000, taxAmount: 400 },
      {
        category: 'E',
        percent: '0',
        exemptionReason: 'Art. 43 ust. 1 pkt 37 ustawy o VAT',
        taxableAmount: 3000,
        taxAmount: 0
      }
    ])
    expect(inv.legalNotes).toEqual(['Art. 43 ust. 1 pkt 37 ustawy o VAT'])
  })

  it('applies reverse charge for a B2B customer in another EU country, with the legal wording', () => {
    const inv = invoice([line(10000), line(5000, { taxRateId: 'reduced' })], {
      customer: customer({ tax_treatment: 'reverse_charge' })
    })
    expect(inv.taxes).toEqual([
      {
        category: 'AE',
        percent: '0',
        exemptionReason: 'Reverse charge',
        exemptionCode: 'VATEX-EU-AE',
        taxableAmount: 15000,
        taxAmount: 0
      }
    ])
    expect(inv.legalNotes).toEqual(['Reverse charge'])
    expect(inv.subtotals.total).toBe(15000)
  })

  it('splits tax-inclusive prices into net and tax so the total is the price', () => {
    const inv = invoice([line(12300, { taxInclusive: true })])
    expect(inv.taxes).toEqual([
      { category: 'S', percent: '23', taxableAmount: 10000, taxAmount: 2300 }
    ])
    expect(inv.subtotals).toMatchObject({ lines: 12300, net: 10000, tax: 2300, total: 12300 })
    expect(inv.lines[0]!.netAmount).toBe(10000)
  })

  it('gives inclusive line nets that add up to the category net', () => {
    const inv = invoice([
      line(999, { taxInclusive: true }),
      line(1999, { taxInclusive: true }),
      line(1, { taxInclusive: true })
    ])
    const nets = inv.lines.map((l) => l.netAmount)
    expect(nets.reduce((a, n) => a + n, 0)).toBe(inv.subtotals.net)
    expect(inv.subtotals.total).toBe(2999)
  })

  it('refuses to mix tax-inclusive and exclusive prices, and currencies', () => {
    expect(() => invoice([line(100), line(100, { taxInclusive: true })])).toThrow(
      /cannot mix tax-inclusive/
    )
    expect(() => invoice([line(100, { currency: 'PLN', description: 'Abonament' })])).toThrow(
      /"Abonament" is priced in PLN, the invoice is in EUR/
    )
  })

  it('refuses a tax rate the company does not have', () => {
    expect(() => invoice([line(100, { taxRateId: 'luxury' })])).toThrow(
      /tax rate "luxury" is not among the company's tax rates/
    )
  })

  it('quotes before tax when no rates are given', () => {
    const inv = invoice([line(4900)], { settings: settings({ tax_rates: [] }) })
    expect(inv.taxesApplied).toBe(false)
    expect(inv.subtotals).toMatchObject({ net: 4900, tax: 0, total: 4900 })
  })
})

describe('coupons', () => {
  it('take a percentage before tax, spread over the lines exactly', () => {
    const inv = invoice([line(1000), line(500)], {
      coupons: [{ coupon: coupon({ type: 'percent', percent: '20' }), remainingPeriods: null }]
    })
    expect(inv.discounts).toEqual([
      {
        couponId: 'c',
        name: 'Coupon',
        type: 'percent',
        percent: '20',
        amount: 300,
        allocation: [
          { line: 0, amount: 200 },
          { line: 1, amount: 100 }
        ]
      }
    ])
    expect(inv.subtotals).toMatchObject({
      lines: 1500,
      discounts: 300,
      net: 1200,
      tax: 276,
      total: 1476
    })
  })

  it('never take a total below zero', () => {
    const inv = invoice([line(3000)], {
      coupons: [
        {
          coupon: coupon({ type: 'fixed', amount: '50.00', currency: 'EUR' }),
          remainingPeriods: null
        }
      ]
    })
    expect(inv.subtotals).toMatchObject({ discounts: 3000, net: 0, total: 0 })
  })

  it('apply in order, each on what is left', () => {
    const inv = invoice([line(10000)], {
      coupons: [
        { coupon: coupon({ id: 'half', type: 'percent', percent: '50' }), remainingPeriods: null },
        {
          coupon: coupon({ id: 'ten', type: 'fixed', amount: '10', currency: 'EUR' }),
          remainingPeriods: null
        }
      ]
    })
    expect(inv.discounts.map((d) => [d.couponId, d.amount])).toEqual([
      ['half', 5000],
      ['ten', 1000]
    ])
  })

  it('apply only to the plans or prices they name, and not to credits', () => {
    const inv = invoice(
      [
        line(1000, { planId: 'pro' }),
        line(1000, { planId: 'basic' }),
        line(-400, { planId: 'pro', kind: 'proration_credit', discountable: false })
      ],
      {
        coupons: [
          {
            coupon: coupon({ type: 'percent', percent: '10', applies_to: { plans: ['pro'] } }),
            remainingPeriods: null
          }
        ]
      }
    )
    expect(inv.lines.map((l) => l.discount)).toEqual([100, 0, 0])
  })

  it('cover only their remaining periods', () => {
    const lines = [
      line(1000, { periodIndex: 0 }),
      line(1000, { periodIndex: 1 }),
      line(1000, { periodIndex: 2 })
    ]
    const repeating = coupon({ type: 'percent', percent: '10', duration: 'repeating', periods: 2 })
    expect(
      invoice(lines, { coupons: [{ coupon: repeating, remainingPeriods: null }] }).lines.map(
        (l) => l.discount
      )
    ).toEqual([100, 100, 0])
    const once = coupon({ type: 'percent', percent: '10', duration: 'once' })
    expect(
      invoice(lines, { coupons: [{ coupon: once, remainingPeriods: null }] }).lines.map(
        (l) => l.discount
      )
    ).toEqual([100, 0, 0])
    expect(
      invoice(lines, { coupons: [{ coupon: repeating, remainingPeriods: 0 }] }).subtotals.discounts
    ).toBe(0)
  })

  it('refuse a fixed coupon in another currency', () => {
    expect(() =>
      invoice([line(1000)], {
        coupons: [
          {
            coupon: coupon({ type: 'fixed', amount: '5', currency: 'PLN' }),
            remainingPeriods: null
          }
        ]
      })
    ).toThrow(/coupon c is in PLN, the invoice in EUR/)
  })
})

describe('customer credit', () => {
  it('is applied after tax to the amount due, up to the total', () => {
    expect(
      invoice([line(10000)], { customer: customer({ credit_balance: '50.00' }) }).subtotals
    ).toMatchObject({ total: 12300, creditsApplied: 5000, amountDue: 7300 })
    expect(
      invoice([line(10000)], { customer: customer({ credit_balance: '500' }) }).subtotals
    ).toMatchObject({ creditsApplied: 12300, amountDue: 0 })
    expect(
      invoice([line(-10000, { discountable: false })], {
        customer: customer({ credit_balance: '5' })
      }).subtotals
    ).toMatchObject({ total: -12300, creditsApplied: 0, amountDue: -12300 })
  })
})

describe('invariants', () => {
  it('are checked and a broken invoice is refused', () => {
    const inv = invoice([line(1000), line(500)])
    expect(() => checkInvariants(inv, settings())).not.toThrow()
    expect(() =>
      checkInvariants(
        { ...inv, subtotals: { ...inv.subtotals, total: inv.subtotals.total + 1 } },
        settings()
      )
    ).toThrow(/total = net \+ tax/)
    expect(() =>
      checkInvariants(
        { ...inv, lines: [{ ...inv.lines[0]!, amount: 999 }, inv.lines[1]!] },
        settings()
      )
    ).toThrow(/lines total = sum of line amounts/)
    const wrongTax = {
      ...inv,
      taxes: [{ ...inv.taxes[0]!, taxAmount: inv.taxes[0]!.taxAmount + 1 }],
      subtotals: {
        ...inv.subtotals,
        tax: inv.subtotals.tax + 1,
        total: inv.subtotals.total + 1,
        amountDue: inv.subtotals.amountDue + 1
      }
    }
    expect(() => checkInvariants(wrongTax, settings())).toThrow(/round\(taxable × rate\)/)
  })
})
