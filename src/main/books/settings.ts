import { billingPreferencesSchema, type BillingPreferences } from '@shared/books/settings'
import { AppError } from '../errors'
import type { Books } from '../store/sync'
import { audit, diff } from './audit'

export function getBillingPreferences(books: Books): BillingPreferences {
  const row = books.first(
    books.q.selectFrom('settings').select('value').where('key', '=', 'billing')
  )
  return billingPreferencesSchema.parse(row ? JSON.parse(row.value) : {})
}

export function setBillingPreferences(
  books: Books,
  preferences: BillingPreferences
): BillingPreferences {
  return books.tx(() => {
    checkRetentionOffers(books, preferences)
    const before = getBillingPreferences(books)
    const value = JSON.stringify(preferences)
    books.run(
      books.q
        .insertInto('settings')
        .values({ key: 'billing', value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    )
    audit(books, 'settings', 'billing', 'update', diff(before, preferences))
    return preferences
  })
}

/** The retention offers name a coupon and a plan that exist. */
function checkRetentionOffers(books: Books, preferences: BillingPreferences): void {
  const missing: Record<string, { code: string; message: string }> = {}
  const has = (table: 'coupons' | 'plans', code: string) =>
    books.first(books.q.selectFrom(table).select('id').where('code', '=', code)) !== undefined
  if (preferences.retentionCoupon && !has('coupons', preferences.retentionCoupon))
    missing.retentionCoupon = {
      code: 'invalid_choice',
      message: `There is no coupon ${preferences.retentionCoupon}`
    }
  if (preferences.retentionPlan && !has('plans', preferences.retentionPlan))
    missing.retentionPlan = {
      code: 'invalid_choice',
      message: `There is no plan ${preferences.retentionPlan}`
    }
  if (Object.keys(missing).length)
    throw new AppError(
      'VALIDATION',
      'A retention offer names something that does not exist.',
      missing
    )
}
