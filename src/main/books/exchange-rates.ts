import type { Books } from '../store/sync'

/** The NBP rates the bookkeeper enters (PLN for one unit), which FA(3) states VAT in PLN with. */

/** Records the NBP rate of a currency on a day (PLN for one unit), replacing one typed before. */
export function setExchangeRate(books: Books, currency: string, day: string, rate: string) {
  books.run(
    books.q
      .insertInto('exchange_rates')
      .values({ currency, day, rate, source: 'NBP', created_at: books.stamp() })
      .onConflict((oc) =>
        oc.columns(['currency', 'day']).doUpdateSet({ rate, created_at: books.stamp() })
      )
  )
  return { currency, day, rate }
}

/** The NBP rates recorded, newest first. */
export const listExchangeRates = (books: Books) =>
  books.all(
    books.q
      .selectFrom('exchange_rates')
      .select(['currency', 'day', 'rate'])
      .orderBy('day', 'desc')
      .orderBy('currency')
      .limit(500)
  )
