import { customerInput } from '@shared/books/customers'
import { planSchema } from '@shared/billing/plan'
import type { Language } from '@shared/languages'
import { billingRun } from '../books/billing-run'
import { savePlanVersion } from '../books/catalog'
import { createCustomer } from '../books/customers'
import { createSubscription } from '../books/subscriptions'
import { openTestBooks } from '../books/test-support'

/** Test fixtures for documents: a company with one customer billed once. */

const POSTAL: Record<string, string> = {
  PL: '00-950',
  BR: '01310-100',
  ES: '28013',
  GB: 'SW1A 1AA'
}

/** A customer of `language` with letters of that language, billed for January with a usage tier. */
export async function issuedInvoice(
  name: string,
  language: Language,
  country: string,
  emails: string[] = [],
  /** The company's country and the currency it bills in (a Polish company in PLN by default). */
  company: { country: string; currency: string } = { country: 'PL', currency: 'PLN' }
) {
  const { books, clock, store, path } = await openTestBooks(
    '2026-01-01',
    company.country,
    company.currency
  )
  // Brazil seeds no VAT rates (services pay ISS): the fixture bills 5 % under the usual id
  if (!books.first(books.q.selectFrom('tax_rates').select('id').where('id', '=', 'standard')))
    books.run(
      books.q.insertInto('tax_rates').values({
        id: 'standard',
        name: 'ISS 5 %',
        category: 'S',
        percent: '5',
        exemption_reason: null,
        exemption_code: null,
        archived_at: null,
        created_at: books.stamp()
      })
    )
  savePlanVersion(
    books,
    planSchema.parse({
      id: 'pro',
      name: 'Pro',
      currency: company.currency,
      interval: 'month',
      prices: [
        {
          id: 'pro',
          description: 'Abonament Pro — usługa księgowa',
          model: 'flat',
          amount: '100.00'
        }
      ]
    }),
    '2026-01-01'
  )
  const customer = createCustomer(
    books,
    customerInput.parse({
      name,
      country,
      language,
      emails,
      currency: company.currency,
      taxId: country === 'PL' ? '5260250274' : '',
      address: { line1: 'Rua da Conceição 12', postalCode: POSTAL[country] ?? '', city: 'Łódź' }
    })
  ).id
  createSubscription(books, {
    customerId: customer,
    planCode: 'pro',
    startDate: '2026-01-01',
    quantity: '2'
  })
  const run = await billingRun(books, { asOf: '2026-01-01', dryRun: false })
  const draft = run.customers[0]!.invoices[0]!.invoiceId!
  clock.date = '2026-01-02'
  return { books, draft, clock, store, path }
}
