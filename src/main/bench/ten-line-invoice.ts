import { join } from 'node:path'
import { customerInput } from '@shared/books/customers'
import type { InvoiceView } from '@shared/books/invoices'
import { createCustomer } from '../books/customers'
import { createDraft, issueInvoice } from '../books/invoices'
import { seedNewCompany } from '../books/seed'
import { openCompanyStore } from '../store/db'
import { insertCompany } from '../store/repos/company'
import { einvoiceContext } from '../documents/einvoice/export'
import type { EinvoiceContext } from '../documents/einvoice/registry'

/**
 * The benchmarks' document: a Polish company's issued ten-line invoice, in a file under `dir`,
 * with what its e-invoices need from the books.
 */
export async function tenLineInvoice(
  dir: string,
  country: 'PL' | 'ES' = 'PL'
): Promise<{ invoice: InvoiceView; context: EinvoiceContext }> {
  const spain = country === 'ES'
  const store = await openCompanyStore(join(dir, `bench-${country}.facturo`), {
    create: true,
    now: () => new Date('2026-03-10T09:00:00')
  })
  const books = store.books
  insertCompany(books, {
    legalName: spain ? 'Gestoría Muñoz S.L.' : 'Biuro Rachunkowe Żółć Sp. z o.o.',
    country,
    defaultCurrency: spain ? 'EUR' : 'PLN',
    defaultLanguage: spain ? 'es' : 'pl'
  })
  books.run(
    books.q.updateTable('company').set({
      tax_id: spain ? 'B12345674' : '1234563218',
      address_line1: 'ul. Piotrkowska 104',
      postal_code: '90-926',
      city: 'Łódź',
      iban: 'PL61109010140000071219812874'
    })
  )
  seedNewCompany(books, country, 'FV/{YYYY}/{seq:6}')
  const customer = createCustomer(
    books,
    customerInput.parse({
      name: 'Gęślą Jaźń Łukasz Ćwikła Sp. z o.o.',
      country,
      language: spain ? 'es' : 'pl',
      currency: spain ? 'EUR' : 'PLN',
      taxId: spain ? 'A28000008' : '5260250274',
      address: spain
        ? { line1: 'Calle Real 2', postalCode: '08001', city: 'Barcelona' }
        : { line1: 'ul. Długa 5', postalCode: '00-950', city: 'Warszawa' }
    })
  )
  const { id } = createDraft(books, {
    customerId: customer.id,
    currency: spain ? 'EUR' : 'PLN',
    billDate: '2026-03-10',
    lines: Array.from({ length: 10 }, (_, i) => ({
      kind: 'one_off' as const,
      description: `Usługa księgowa ${i + 1}: prowadzenie ksiąg, deklaracje VAT i ZUS`,
      period: { start: '2026-02-01', end: '2026-02-28' },
      quantity: String(i + 1),
      amount: 12_500 * (i + 1),
      currency: spain ? 'EUR' : 'PLN',
      breakdown: [],
      taxRateId: 'standard',
      taxInclusive: false,
      discountable: true
    }))
  })
  const invoice = issueInvoice(books, id)
  const context = einvoiceContext(books, invoice)
  await store.close()
  return { invoice, context }
}

/** Calls per second of `render`, run `count` times one after another. */
export async function timed(count: number, render: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  for (let i = 0; i < count; i++) await render()
  return count / ((performance.now() - start) / 1000)
}
