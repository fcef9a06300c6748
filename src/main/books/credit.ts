import type { Books } from '../store/sync'

/** Money a customer has with the company in a currency (overpayments and credit notes, less what was used or refunded). */
export function creditBalance(books: Books, customerId: number, currency: string): number {
  const row = books.first(
    books.q
      .selectFrom('credit_ledger')
      .select((eb) => eb.fn.sum<number>('amount').as('s'))
      .where('customer_id', '=', customerId)
      .where('currency', '=', currency)
  )
  return Number(row?.s ?? 0)
}
