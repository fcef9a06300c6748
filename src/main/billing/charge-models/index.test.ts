import { describe, expect, it } from 'vitest'
import { MODELS } from '@shared/billing/plan'
import { chargeModel, rateCharge } from '.'
import { Dec } from '../decimal'
import { BillingError } from '../errors'
import { price } from '../test/support'

describe('the charge model factory', () => {
  it('knows every model of the plan format', () => {
    for (const name of MODELS) expect(typeof chargeModel(name)).toBe('function')
  })

  it('refuses an unknown model by name', () => {
    expect(() => chargeModel('sliding_scale')).toThrow(BillingError)
    expect(() => chargeModel('sliding_scale')).toThrow(
      /"sliding_scale" is not a charge model; use one of flat, per_unit/
    )
  })

  it('refuses a negative quantity', () => {
    const p = price({ model: 'per_unit', unit_price: '1' })
    expect(() => rateCharge(p, { quantity: new Dec(-1) })).toThrow(/cannot be negative/)
  })
})
