import { z } from 'zod'
import { compareDecimalText, NON_NEGATIVE_DECIMAL } from './decimal-text'

/** A money amount, price or percentage written as a decimal string ("49.00"), never a float. */
export const decimalText = (what = 'a decimal number') =>
  z
    .string({ error: `must be ${what} written as a string, like "49.00"` })
    .refine((v) => NON_NEGATIVE_DECIMAL.test(v), {
      message: `must be ${what} written as a string, like "49.00" (no sign, at most 20 decimals)`,
      params: { code: 'decimal' }
    })

/** An identifier in a JSON file: a plan, price, metric, coupon or tax rate id. */
export const code = z.string().refine((v) => /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(v), {
  message: 'must be 1–64 letters, digits, "_", "." or "-"',
  params: { code: 'code_format' }
})

/**
 * The largest price or amount a plan or coupon may name, in major units. Billing multiplies it
 * by quantities and works in integer minor units (at most 2^53); a price past this is a typo,
 * and would stop every run that met it.
 */
export const MAX_PRICE = '10000000000'

/** A money amount or price: a decimal string, at most MAX_PRICE. */
export const moneyText = (what = 'an amount') =>
  decimalText(what).refine(
    (v) => !NON_NEGATIVE_DECIMAL.test(v) || compareDecimalText(v, MAX_PRICE) <= 0,
    {
      message: `must be at most ${MAX_PRICE} (ten billion)`,
      params: { code: 'amount_too_large', maximum: MAX_PRICE }
    }
  )
