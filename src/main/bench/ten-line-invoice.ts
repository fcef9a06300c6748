import { join } from 'node:path'
import { customerInput } from '@shared/books/customers'
import type { InvoiceView } from '@shared/books/invoices'
import { createCustomer } from '../books/customers'
import { createDraft, issueInvoice } from '../books/invoices'
import { seedNewCompany } from '../books/seed'
import { openCompanyStore } from '../store/db'
import { insertCompany } from '../store/repos/company'
import { einvoiceContext } from '../documents/einvoice/export'
import { setNfseSettings } from '../books/nfse'
import { nfseSettingsSchema } from '@shared/nfse'
import type { EinvoiceContext } from '../documents/einvoice/registry'

/**
 * The benchmarks' document: a company's issued ten-line invoice (Polish, Spanish or Brazilian),
 * in a file under `dir`, with what its e-invoices need from the books.
 */
/** Each country's company and customer for the benchmark's invoice. */
const PARTIES = {
  PL: {
    legalName: 'Biuro Rachunkowe Żółć Sp. z o.o.',
    currency: 'PLN',
    language: 'pl',
    taxId: '1234563218',
    customerTaxId: '5260250274',
    address: { line1: 'ul. Długa 5', postalCode: '00-950', city: 'Warszawa' }
  },
  ES: {
    legalName: 'Gestoría Muñoz S.L.',
    currency: 'EUR',
    language: 'es',
    taxId: 'B12345674',
    customerTaxId: 'A28000008',
    address: { line1: 'Calle Real 2', postalCode: '08001', city: 'Barcelona' }
  },
  BR: {
    legalName: 'Contabilidade Paulista Ltda',
    currency: 'BRL',
    language: 'pt-BR',
    taxId: '16727230000197',
    customerTaxId: '11222333000181',
    address: { line1: 'Rua Augusta, 500', postalCode: '01304-000', city: 'São Paulo' }
  }
} as const

export async function tenLineInvoice(
  dir: string,
  country: keyof typeof PARTIES = 'PL'
): Promise<{ invoice: InvoiceView; context: EinvoiceContext }> {
  const party = PARTIES[country]
  const store = await openCompanyStore(join(dir, `bench-${country}.facturo`), {
    create: true,
    now: () => new Date('2026-03-10T09:00:00')
  })
  const books = store.books
  insertCompany(books, {
    legalName: party.legalName,
    country,
    defaultCurrency: party.currency,
    defaultLanguage: party.language
  })
  books.run(
    books.q.updateTable('company').set({
      tax_id: party.taxId,
      address_line1: 'ul. Piotrkowska 104',
      postal_code: '90-926',
      city: 'Łódź',
      iban: 'PL61109010140000071219812874'
    })
  )
  seedNewCompany(books, country, 'FV/{YYYY}/{seq:6}')
  // a Brazilian company's DPS takes its codes from its NFS-e settings
  if (country === 'BR')
    setNfseSettings(
      books,
      nfseSettingsSchema.parse({ municipality: '3550308', serviceCode: '170201' })
    )
  const customer = createCustomer(
    books,
    customerInput.parse({
      name: 'Gęślą Jaźń Łukasz Ćwikła Sp. z o.o.',
      country,
      language: party.language,
      currency: party.currency,
      taxId: party.customerTaxId,
      address: party.address
    })
  )
  const { id } = createDraft(books, {
    customerId: customer.id,
    currency: party.currency,
    billDate: '2026-03-10',
    lines: Array.from({ length: 10 }, (_, i) => ({
      kind: 'one_off' as const,
      description: `Usługa księgowa ${i + 1}: prowadzenie ksiąg, deklaracje VAT i ZUS`,
      period: { start: '2026-02-01', end: '2026-02-28' },
      quantity: String(i + 1),
      amount: 12_500 * (i + 1),
      currency: party.currency,
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
