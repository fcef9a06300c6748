import type { Books } from '../store/sync'
import { ownValue } from '@shared/own'

/** The VAT rates a new company file starts with, by country (editable in Settings › Taxes). */
export const DEFAULT_TAX_RATES: Record<
  string,
  [id: string, name: string, category: string, percent: string][]
> = {
  PL: [
    ['standard', 'VAT 23%', 'S', '23'],
    ['reduced', 'VAT 8%', 'S', '8'],
    ['super_reduced', 'VAT 5%', 'S', '5'],
    ['zero', 'VAT 0%', 'Z', '0']
  ],
  ES: [
    ['standard', 'IVA 21%', 'S', '21'],
    ['reduced', 'IVA 10%', 'S', '10'],
    ['super_reduced', 'IVA 4%', 'S', '4'],
    ['zero', 'IVA 0%', 'Z', '0']
  ],
  PT: [
    ['standard', 'IVA 23%', 'S', '23'],
    ['intermediate', 'IVA 13%', 'S', '13'],
    ['reduced', 'IVA 6%', 'S', '6']
  ],
  DE: [
    ['standard', 'USt 19%', 'S', '19'],
    ['reduced', 'USt 7%', 'S', '7']
  ],
  // Brazil adds no VAT to a service's price: ISS (and, from 2026, IBS and CBS) is inside it and
  // the NFS-e states it, so a Brazilian company's lines carry one rate of 0 %
  BR: [['standard', 'ISS incluído no preço', 'O', '0']],
  FR: [
    ['standard', 'TVA 20%', 'S', '20'],
    ['intermediate', 'TVA 10%', 'S', '10'],
    ['reduced', 'TVA 5,5%', 'S', '5.5']
  ]
}

/** Fills a new company file's books: its country's tax rates and its invoice number format. */
export function seedNewCompany(books: Books, country: string, invoiceNumberFormat: string): void {
  books.tx(() => {
    const stamp = books.stamp()
    for (const [id, name, category, percent] of ownValue(DEFAULT_TAX_RATES, country) ?? []) {
      books.run(
        books.q
          .insertInto('tax_rates')
          .values({ id, name, category, percent, created_at: stamp })
          .onConflict((oc) => oc.doNothing())
      )
    }
    books.run(
      books.q
        .updateTable('number_series')
        .set({ format: invoiceNumberFormat })
        .where('id', '=', 'INV')
    )
  })
}
