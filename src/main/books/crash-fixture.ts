import { customerInput } from '@shared/books/customers'
import { billingPreferencesSchema } from '@shared/books/settings'
import { planSchema } from '@shared/billing/plan'
import { openCompanyStore } from '../store/db'
import { insertCompany } from '../store/repos/company'
import { savePlanVersion } from './catalog'
import { createCustomer } from './customers'
import { seedNewCompany } from './seed'
import { setBillingPreferences } from './settings'
import { createSubscription } from './subscriptions'

/**
 * A company file with `customers` customers, each subscribed since 1 January 2026 to a plan with
 * a monthly fee and metered calls, with usage in January–March: a billing run as of 1 April
 * makes four invoices per customer and issues them.
 */
export async function buildCrashFixture(path: string, customers: number): Promise<void> {
  const store = await openCompanyStore(path, {
    create: true,
    now: () => new Date('2026-01-01T12:00:00')
  })
  const books = store.books
  insertCompany(books, {
    legalName: 'Crash Test Sp. z o.o.',
    country: 'PL',
    defaultCurrency: 'PLN',
    defaultLanguage: 'pl'
  })
  books.run(books.q.updateTable('company').set({ tax_id: '1234563218' }))
  seedNewCompany(books, 'PL', 'FV/{YYYY}/{seq:6}')
  setBillingPreferences(books, billingPreferencesSchema.parse({ runCreates: 'issued' }))
  savePlanVersion(
    books,
    planSchema.parse({
      id: 'metered',
      name: 'Metered',
      currency: 'PLN',
      interval: 'month',
      prices: [
        { id: 'fee', description: 'Platform fee', model: 'flat', amount: '49.00' },
        {
          id: 'calls',
          description: 'API calls',
          model: 'graduated',
          metric: { code: 'calls', aggregation: 'sum', property: 'n' },
          tiers: [
            { up_to: 1000, unit_price: '0' },
            { up_to: null, unit_price: '0.002' }
          ]
        }
      ]
    }),
    '2025-12-01'
  )
  const insertUsage = books.prepare(
    "INSERT INTO usage_events (customer_id, metric, event_id, timestamp, value, value_micro, properties, created_at) VALUES (?, 'calls', ?, ?, ?, ?, ?, 'x')"
  )
  books.tx(() => {
    for (let i = 1; i <= customers; i++) {
      const c = createCustomer(
        books,
        customerInput.parse({
          code: `K${String(i).padStart(5, '0')}`,
          name: `Customer ${i}`,
          country: 'PL',
          language: 'pl',
          currency: 'PLN'
        })
      )
      createSubscription(books, {
        customerId: c.id,
        planCode: 'metered',
        startDate: '2026-01-01',
        quantity: '1'
      })
      for (const [m, month] of ['01', '02', '03'].entries()) {
        for (let e = 0; e < 3; e++) {
          const n = 300 + ((i * 37 + m * 11 + e * 5) % 700)
          insertUsage.run(
            c.id,
            `${i}-${m}-${e}`,
            `2026-${month}-${10 + e}T08:00:00`,
            String(n),
            n * 1_000_000,
            JSON.stringify({ n })
          )
        }
      }
    }
  })
  await store.close()
}
