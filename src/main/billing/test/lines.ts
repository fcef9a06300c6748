import {
  billingSettingsSchema,
  couponSchema,
  customerSchema,
  type BillingSettings,
  type Coupon,
  type Customer
} from '@shared/billing/inputs'
import type { ChargeLine } from '../lines'

export const line = (amount: number, fields: Partial<ChargeLine> = {}): ChargeLine => ({
  kind: 'recurring',
  description: `Line ${amount}`,
  period: { start: '2026-01-01', end: '2026-01-31' },
  quantity: '1',
  amount,
  currency: 'EUR',
  breakdown: [],
  taxRateId: 'standard',
  taxInclusive: false,
  discountable: true,
  ...fields
})

export const coupon = (fields: Record<string, unknown>): Coupon =>
  couponSchema.parse({ id: 'c', name: 'Coupon', duration: 'forever', ...fields })

export const settings = (fields: Record<string, unknown> = {}): BillingSettings =>
  billingSettingsSchema.parse({
    tax_rates: [
      { id: 'standard', category: 'S', percent: '23' },
      { id: 'reduced', category: 'S', percent: '8' },
      { id: 'books', category: 'S', percent: '5' },
      {
        id: 'exempt',
        category: 'E',
        percent: '0',
        exemption_reason: 'Art. 43 ust. 1 pkt 37 ustawy o VAT'
      }
    ],
    ...fields
  })

export const customer = (fields: Record<string, unknown> = {}): Customer =>
  customerSchema.parse(fields)
