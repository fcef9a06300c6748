import { describe, expect, it } from 'vitest'
import { rateCharge } from '.'
import { Dec, toMinor } from '../decimal'
import { price } from '../test/support'

const metric = { code: 'payments', aggregation: 'sum', property: 'amount' }
const charge = (fields: Record<string, unknown>, transactions: string[]) => {
  const p = price({ model: 'percentage', metric, ...fields })
  const tx = transactions.map((t) => new Dec(t))
  const total = tx.reduce((a, t) => a.plus(t), new Dec(0))
  return rateCharge(p, { quantity: total, transactions: tx })
}
const cents = (fields: Record<string, unknown>, transactions: string[]) =>
  toMinor(charge(fields, transactions).amount, 'EUR')

describe('percentage', () => {
  it.each([
    // (transaction amounts − free amount) × rate + fixed fee × (transactions − free transactions)
    [{ rate: '2.9', fixed_fee: '0.30' }, ['100', '50'], 495], // 4.35 + 0.60
    [{ rate: '2.9', fixed_fee: '0.30', free_amount: '100' }, ['100', '50'], 205], // 1.45 + 0.60
    [{ rate: '2.9', fixed_fee: '0.30', free_transactions: 1 }, ['100', '50'], 465], // 4.35 + 0.30
    [{ rate: '1', free_amount: '1000', free_transactions: 5 }, ['400', '400'], 0],
    [{ rate: '2.9', fixed_fee: '0.30' }, [], 0],
    [{ rate: '0.5' }, ['0.99'], 0] // 0.00495 → 0.00
  ])('%j on %j → %i cents', (fields, tx, expected) => {
    expect(cents(fields, tx)).toBe(expected)
  })

  it('raises each charged transaction to the minimum and lowers it to the maximum', () => {
    // 5 × 2.9% + 0.30 = 0.445 → 0.50; 100 → 3.20; 1000 → 29.30 → 10.00
    expect(
      cents(
        { rate: '2.9', fixed_fee: '0.30', min_per_transaction: '0.50', max_per_transaction: '10' },
        ['5', '100', '1000']
      )
    ).toBe(1370)
  })

  it('does not raise a free transaction to the minimum', () => {
    // the first 50.00 is free: the 20.00 transaction owes nothing, the 80.00 one pays on 50.00
    expect(cents({ rate: '2', free_amount: '50', min_per_transaction: '0.50' }, ['20', '80'])).toBe(
      100
    )
  })

  it('explains the rate, the fees and the limits; the steps add up to the amount', () => {
    const result = charge({ rate: '2.9', fixed_fee: '0.30', min_per_transaction: '0.50' }, [
      '5',
      '100'
    ])
    expect(result.breakdown).toEqual([
      { type: 'percentage', base: '105', freeAmount: '0', rate: '2.9', amount: '3.045' },
      {
        type: 'transaction_fee',
        transactions: 2,
        freeTransactions: 0,
        fixedFee: '0.30',
        amount: '0.6'
      },
      {
        type: 'transaction_limits',
        raisedToMinimum: 1,
        loweredToMaximum: 0,
        minimum: '0.50',
        maximum: null,
        amount: '0.055'
      }
    ])
    expect(result.amount.toFixed()).toBe('3.7')
  })

  it('works from a total and a count when there are no per-transaction limits', () => {
    const p = price({ model: 'percentage', metric, rate: '2.9', fixed_fee: '0.30' })
    expect(
      toMinor(rateCharge(p, { quantity: new Dec('150'), transactionCount: 2 }).amount, 'EUR')
    ).toBe(495)
    const limited = price({ model: 'percentage', metric, rate: '2.9', min_per_transaction: '1' })
    expect(() => rateCharge(limited, { quantity: new Dec('150'), transactionCount: 2 })).toThrow(
      /individual transactions/
    )
  })

  it('handles yen and dinars', () => {
    const p = price({ model: 'percentage', metric, rate: '3.6', fixed_fee: '40' })
    expect(
      toMinor(
        rateCharge(p, { quantity: new Dec(10000), transactions: [new Dec(10000)] }).amount,
        'JPY'
      )
    ).toBe(400)
    const d = price({ model: 'percentage', metric, rate: '1.25', fixed_fee: '0.005' })
    // 12.345 × 1.25 % = 0.1543125, + 0.005 = 0.1593125 → 0.159
    expect(
      toMinor(
        rateCharge(d, { quantity: new Dec('12.345'), transactions: [new Dec('12.345')] }).amount,
        'BHD'
      )
    ).toBe(159)
  })
})
