import { billingPreferencesSchema, type BillingPreferences } from '@shared/books/settings'
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
