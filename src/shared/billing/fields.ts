import { z } from 'zod'
import { NON_NEGATIVE_DECIMAL } from './decimal-text'

/** A money amount, price or percentage written as a decimal string ("49.00"), never a float. */
export const decimalText = (what = 'a decimal number') =>
  z
    .string({ error: `must be ${what} written as a string, like "49.00"` })
    .regex(
      NON_NEGATIVE_DECIMAL,
      `must be ${what} written as a string, like "49.00" (no sign, at most 20 decimals)`
    )

/** An identifier in a JSON file: a plan, price, metric, coupon or tax rate id. */
export const code = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must be 1–64 letters, digits, "_", "." or "-"')
