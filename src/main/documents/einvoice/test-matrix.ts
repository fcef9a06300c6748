import type { InvoiceView } from '@shared/books/invoices'
import { couponSchema } from '@shared/billing/inputs'
import { planSchema } from '@shared/billing/plan'
import { customerInput } from '@shared/books/customers'
import { billingRun } from '../../books/billing-run'
import { saveCoupon, savePlanVersion } from '../../books/catalog'
import { createCustomer } from '../../books/customers'
import { addDraftLine, createCreditNote, issueInvoice, viewInvoice } from '../../books/invoices'
import { changeSubscription, createSubscription } from '../../books/subscriptions'
import { openTestBooks, type TestClock } from '../../books/test-support'
import { addUsage } from '../../books/usage'
import { setKsefStart } from '../../books/ksef'
import { setExchangeRate } from '../../books/exchange-rates'
import type { Books } from '../../store/sync'

/**
 * The e-invoice test matrix: one Polish company's issued documents, each a case the formats must
 * carry (issue 11): domestic standard rate, several rates, a coupon, a prorated line, tiered usage,
 * reverse charge to an EU business, an exempt supply, an export, a zero-decimal currency, a
 * three-decimal currency (which EN 16931 cannot carry), a credit note for part of an invoice,
 * and VAT charged in euros to a Polish business (FA(3) states it in PLN at the NBP rate).
 */

export type MatrixCase =
  | 'domestic'
  | 'several_rates'
  | 'coupon'
  | 'prorated'
  | 'tiered_usage'
  | 'reverse_charge'
  | 'exempt'
  | 'export'
  | 'zero_decimals'
  | 'three_decimals'
  | 'partial_credit_note'
  | 'foreign_currency_vat'

/** Every case a format of at most two decimals writes: all but the three-decimal currency. */
export const TWO_DECIMAL_CASES: readonly MatrixCase[] = [
  'domestic',
  'several_rates',
  'coupon',
  'prorated',
  'tiered_usage',
  'reverse_charge',
  'exempt',
  'export',
  'zero_decimals',
  'partial_credit_note',
  'foreign_currency_vat'
]

const monthly = (id: string, currency: string, prices: unknown[]) =>
  planSchema.parse({ id, name: id, currency, interval: 'month', prices })

const flat = (description: string, amount: string) => ({
  id: 'fee',
  description,
  model: 'flat',
  amount
})

/** Ł, ó, ü… as plain letters, for an email address. */
const slug = (name: string) =>
  name
    .replace(/ł/gi, 'l')
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()

function customer(
  books: Books,
  name: string,
  fields: {
    country: string
    currency?: string
    taxId?: string
    taxTreatment?: 'standard' | 'reverse_charge' | 'exempt' | 'export'
    exemptionReason?: string
    peppolId?: string
    language?: 'pl' | 'en' | 'es' | 'pt-BR'
  }
): number {
  return createCustomer(
    books,
    customerInput.parse({
      name,
      country: fields.country,
      language: fields.language ?? 'en',
      currency: fields.currency ?? 'PLN',
      emails: [`${slug(name)}@example.com`],
      taxId: fields.taxId ?? '',
      taxTreatment: fields.taxTreatment ?? 'standard',
      exemptionReason: fields.exemptionReason ?? '',
      peppolId: fields.peppolId ?? '',
      address: { line1: 'ul. Długa 5', postalCode: '00-238', city: 'Warszawa' }
    })
  ).id
}

/** Every case of the matrix, issued (the three-decimal one too: only EN 16931 refuses it). */
export async function einvoiceMatrix(): Promise<{
  books: Books
  clock: TestClock
  documents: Record<MatrixCase, InvoiceView>
}> {
  const { books, clock } = await openTestBooks('2026-01-01')
  books.run(
    books.q
      .updateTable('company')
      .set({ iban: 'PL61109010140000071219812874', bic: 'WBKPPLPP', email: 'biuro@example.pl' })
  )
  savePlanVersion(books, monthly('office', 'PLN', [flat('Obsługa biura', '100.00')]), '2026-01-01')
  savePlanVersion(
    books,
    monthly('metered', 'PLN', [
      flat('Platform fee', '49.00'),
      {
        id: 'calls',
        description: 'API calls',
        model: 'graduated',
        metric: { code: 'calls', aggregation: 'sum', property: 'n' },
        tiers: [
          { up_to: 1000, unit_price: '0' },
          { up_to: 10000, unit_price: '0.002' },
          { up_to: null, unit_price: '0.0015' }
        ]
      }
    ]),
    '2026-01-01'
  )
  savePlanVersion(books, monthly('tokyo', 'JPY', [flat('Support plan', '12000')]), '2026-01-01')
  savePlanVersion(books, monthly('kuwait', 'KWD', [flat('Support plan', '12.345')]), '2026-01-01')
  saveCoupon(
    books,
    couponSchema.parse({
      id: 'WELCOME20',
      name: 'Welcome 20%',
      type: 'percent',
      percent: '20',
      duration: 'forever'
    })
  )

  const ids = {
    domestic: customer(books, 'Łucja Ćwik', { country: 'PL', taxId: '5260250274', language: 'pl' }),
    several_rates: customer(books, 'Żaneta Kołodziej', {
      country: 'PL',
      taxId: '7740001454',
      language: 'pl'
    }),
    coupon: customer(books, 'Grażyna Nowak', {
      country: 'PL',
      taxId: '5213011007',
      language: 'pl'
    }),
    prorated: customer(books, 'Bartłomiej Śliwa', {
      country: 'PL',
      taxId: '5250001003',
      language: 'pl'
    }),
    tiered_usage: customer(books, 'Ołena Wróbel', {
      country: 'PL',
      taxId: '9512341016',
      language: 'pl'
    }),
    reverse_charge: customer(books, 'Müller Steuerberatung GmbH', {
      country: 'DE',
      taxId: 'DE136695976',
      currency: 'EUR',
      taxTreatment: 'reverse_charge'
    }),
    exempt: customer(books, 'Fundacja Ośrodek Zdrowia', {
      country: 'PL',
      taxId: '6770001004',
      taxTreatment: 'exempt',
      exemptionReason: 'Zwolnienie: art. 43 ust. 1 pkt 18 ustawy o VAT',
      language: 'pl'
    }),
    export: customer(books, 'Acme Corp', {
      country: 'US',
      currency: 'USD',
      taxTreatment: 'export',
      peppolId: '0088:5790000435975'
    }),
    zero_decimals: customer(books, 'Tanaka Shoji', {
      country: 'JP',
      currency: 'JPY',
      taxTreatment: 'export',
      peppolId: '0088:5790000435975'
    }),
    foreign_currency_vat: customer(books, 'Sprzedawca Euro Sp. z o.o.', {
      country: 'PL',
      currency: 'EUR',
      taxId: '5265877635',
      language: 'pl'
    }),
    three_decimals: customer(books, 'Al-Sabah Trading', {
      country: 'KW',
      currency: 'KWD',
      taxTreatment: 'export',
      peppolId: '0088:5790000435975'
    })
  }
  savePlanVersion(
    books,
    monthly('office_eur', 'EUR', [flat('Bookkeeping', '250.00')]),
    '2026-01-01'
  )
  savePlanVersion(
    books,
    monthly('office_usd', 'USD', [flat('Bookkeeping', '300.00')]),
    '2026-01-01'
  )
  const subscribe = (
    customerId: number,
    planCode: string,
    startDate = '2026-01-01',
    couponCode?: string
  ) => createSubscription(books, { customerId, planCode, startDate, quantity: '1', couponCode }).id
  subscribe(ids.domestic, 'office')
  subscribe(ids.several_rates, 'office')
  subscribe(ids.coupon, 'office', '2026-01-01', 'WELCOME20')
  const prorated = subscribe(ids.prorated, 'office')
  subscribe(ids.tiered_usage, 'metered')
  subscribe(ids.reverse_charge, 'office_eur')
  subscribe(ids.exempt, 'office')
  subscribe(ids.export, 'office_usd')
  subscribe(ids.foreign_currency_vat, 'office_eur')
  subscribe(ids.zero_decimals, 'tokyo')
  subscribe(ids.three_decimals, 'kuwait')
  addUsage(books, {
    customerId: ids.tiered_usage,
    metric: 'calls',
    eventId: 'e1',
    timestamp: '2026-01-01T09:00:00',
    properties: { n: 12345 }
  })

  // the matrix issues from January 2026: the KSeF queue starts then for it
  setKsefStart(books, '2026-01-01')
  // NBP table A of the last working day before the issue date (2 January 2026)
  setExchangeRate(books, 'EUR', '2025-12-31', '4.2155')
  const first = await billingRun(books, { asOf: '2026-01-01', dryRun: false })
  const draftOf = (customerId: number, run = first) =>
    run.customers.find((c) => c.customerId === customerId)!.invoices[0]!.invoiceId!
  addDraftLine(books, draftOf(ids.several_rates), {
    description: 'Szkolenie z e-faktur',
    quantity: '3',
    unitPrice: '33.33',
    taxRateId: 'reduced'
  })
  addDraftLine(books, draftOf(ids.several_rates), {
    description: 'Poradnik księgowy (e-book)',
    quantity: '1',
    unitPrice: '19.90',
    taxRateId: 'super_reduced'
  })
  const documents = {} as Record<MatrixCase, InvoiceView>
  clock.date = '2026-01-02'
  for (const [name, customerId] of Object.entries(ids)) {
    if (name === 'tiered_usage') continue
    documents[name as MatrixCase] = issueInvoice(books, draftOf(customerId))
  }
  // usage is billed in arrears: the February run bills January's calls
  void issueInvoice(books, draftOf(ids.tiered_usage))

  clock.date = '2026-01-17'
  changeSubscription(books, { subscriptionId: prorated, quantity: '3', when: 'now' }, true)
  const change = await billingRun(books, { asOf: '2026-01-17', dryRun: false })
  documents.prorated = issueInvoice(books, draftOf(ids.prorated, change))

  clock.date = '2026-02-01'
  const february = await billingRun(books, { asOf: '2026-02-01', dryRun: false })
  documents.tiered_usage = issueInvoice(books, draftOf(ids.tiered_usage, february))

  const credited = documents.several_rates
  documents.partial_credit_note = issueInvoice(
    books,
    createCreditNote(books, credited.id, {
      reason: 'Szkolenie odwołane: zwrot jednego uczestnika',
      lines: [{ lineId: credited.lines[1]!.id, amount: 3333 }]
    }).id
  )
  for (const key of Object.keys(documents) as MatrixCase[])
    documents[key] = viewInvoice(books, documents[key].id)
  return { books, clock, documents }
}
