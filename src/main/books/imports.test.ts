import { describe, expect, it } from 'vitest'
import type { ImportProblem } from '@shared/books/results'
import { catalogs } from '@shared/i18n'
import { customerInput } from '@shared/books/customers'
import { planSchema } from '@shared/billing/plan'
import { snapshotFile } from '../test-support'
import { billingRun } from './billing-run'
import { savePlanVersion } from './catalog'
import { createCustomer } from './customers'
import { importCustomersCsv, importUsageCsv } from './imports'
import { createSubscription } from './subscriptions'
import { openTestBooks } from './test-support'

const utf8 = (text: string) => new TextEncoder().encode(text)

async function setUp() {
  const t = await openTestBooks('2026-01-01')
  savePlanVersion(
    t.books,
    planSchema.parse({
      id: 'api',
      name: 'API',
      currency: 'PLN',
      interval: 'month',
      prices: [
        {
          id: 'calls',
          description: 'Calls',
          model: 'per_unit',
          unit_price: '0.01',
          metric: { code: 'calls', aggregation: 'sum', property: 'quantity' }
        },
        {
          id: 'users',
          description: 'Users',
          model: 'per_unit',
          unit_price: '1',
          metric: { code: 'users', aggregation: 'unique_count', property: 'user' }
        }
      ]
    }),
    '2026-01-01'
  )
  for (const code of ['C1', 'C2'])
    createCustomer(
      t.books,
      customerInput.parse({
        code,
        name: `Customer ${code}`,
        country: 'PL',
        language: 'pl',
        currency: 'PLN'
      })
    )
  return t
}

const GOOD = `customer,metric,event_id,timestamp,quantity,user
C1,calls,e1,2026-01-05T10:00:00,120,
C1,calls,e2,2026-01-06,"30.5",
C1,calls,e1,2026-01-05T10:00:00,120,
C2,users,u1,2026-01-07,,ana
C2,users,u2,2026-01-08,,"Łucja ""Łu"" Nowak"
`

/** A problem as the CLI prints it. */
const inEnglish = ({ line, column, reason }: ImportProblem) => ({ line, column, reason })

/** Each problem names a text the UI has, with every value that text needs. */
function translatable(problems: ImportProblem[]) {
  for (const p of problems) {
    const text = lookup(p.code)
    expect(text, p.code).toBeTypeOf('string')
    for (const [, name] of (text as string).matchAll(/\{\{\s*(\w+)/g))
      expect(p.params, `${p.code} needs ${name}`).toHaveProperty(name!)
  }
}

const lookup = (key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalogs.en)

describe('usage CSV import', () => {
  it('imports a valid file, counting a repeated event once', async () => {
    const { books } = await setUp()
    const dry = importUsageCsv(books, utf8(GOOD), { dryRun: true })
    expect(dry).toMatchObject({
      dryRun: true,
      rows: 5,
      valid: 4,
      imported: 0,
      duplicates: 1,
      problems: []
    })
    expect(books.prepare('SELECT COUNT(*) AS n FROM usage_events').get()).toEqual({ n: 0 })
    const real = importUsageCsv(books, utf8(GOOD), { dryRun: false })
    expect(real).toMatchObject({ imported: 4, duplicates: 1, alreadyImported: 0 })
    expect(
      books.prepare("SELECT value, value_micro FROM usage_events WHERE event_id = 'e2'").get()
    ).toEqual({ value: '30.5', value_micro: 30_500_000 })
    expect(books.prepare("SELECT value FROM usage_events WHERE event_id = 'u2'").get()).toEqual({
      value: 'Łucja "Łu" Nowak'
    })
    expect(importUsageCsv(books, utf8(GOOD), { dryRun: false })).toMatchObject({
      imported: 0,
      alreadyImported: 4
    })
  })

  it('accepts semicolons, CRLF, a BOM and a generic value column', async () => {
    const { books } = await setUp()
    const text = '\uFEFFcustomer;metric;event_id;timestamp;value\r\nC1;calls;x1;2026-01-05;7\r\n'
    expect(importUsageCsv(books, utf8(text), { dryRun: false })).toMatchObject({
      imported: 1,
      problems: []
    })
  })

  it.each([
    ['an empty file', '', [{ line: 1, column: null, reason: 'the file is empty' }]],
    [
      'a header without rows',
      'customer,metric,event_id,timestamp\n',
      [{ line: 2, column: null, reason: 'the file has a header but no rows' }]
    ],
    [
      'wrong columns',
      'client,metric,id,time\nC1,calls,e1,2026-01-05\n',
      [
        {
          line: 1,
          column: null,
          reason: 'the header lacks customer, event_id, timestamp (it has client, metric, id, time)'
        }
      ]
    ],
    [
      'bad dates, a negative quantity, unknown customers and metrics, a short row',
      'customer,metric,event_id,timestamp,quantity\nC1,calls,e1,2026-02-30,5\nC9,calls,e2,2026-01-05,5\nC1,calls,e3,05/01/2026,5\nC1,calls,e4,2026-01-05,-3\nC1,minutes,e5,2026-01-05,1\nC1,calls,e6,2026-01-05\nC1,calls,e7,2026-01-05,lots\n',
      [
        { line: 2, column: 'timestamp', reason: '2026-02-30 is not a calendar date' },
        { line: 3, column: 'customer', reason: 'no customer has the number "C9"' },
        {
          line: 4,
          column: 'timestamp',
          reason: '"05/01/2026" is not a local date or date-time like 2026-01-05T14:30:00'
        },
        { line: 5, column: 'quantity', reason: 'the event "quantity" cannot be negative' },
        { line: 6, column: 'metric', reason: 'there is no metric "minutes" (known: calls, users)' },
        { line: 7, column: null, reason: 'this row has 4 values, the header has 5' },
        { line: 8, column: 'quantity', reason: 'the event "quantity" must be a number, not "lots"' }
      ]
    ],
    [
      'broken quoting',
      'customer,metric,event_id,timestamp,quantity\nC1,calls,"e1,2026-01-05,5\nC1,calls,e2,2026-01-05,5\n',
      [
        {
          line: 2,
          column: 'column 3',
          reason: 'a quoted value that starts on line 2 is never closed'
        }
      ]
    ],
    [
      'a stray quote',
      'customer,metric,event_id,timestamp,quantity\nC1,calls,e"1,2026-01-05,5\n',
      [
        {
          line: 2,
          column: 'column 3',
          reason:
            'a quote inside an unquoted value in column 3; wrap the value in quotes and double the quote'
        }
      ]
    ]
  ])(
    'refuses %s, naming line, column and reason, and imports nothing',
    async (_what, text, expected) => {
      const { books, path } = await setUp()
      const before = snapshotFile(path)
      const result = importUsageCsv(books, utf8(text), { dryRun: false })
      expect(result.problems.map(inEnglish)).toEqual(expected)
      translatable(result.problems)
      expect(result.imported).toBe(0)
      expect(snapshotFile(path)).toBe(before)
    }
  )

  it('refuses a file that is not UTF-8, saying which line', async () => {
    const { books, path } = await setUp()
    const latin1 = Uint8Array.from([
      ...utf8('customer,metric,event_id,timestamp,quantity\nC1,calls,e1,2026-01-05,5\nC1,calls,'),
      0xc9,
      ...utf8('v,2026-01-05,5\n')
    ])
    const before = snapshotFile(path)
    const { problems } = importUsageCsv(books, latin1, { dryRun: false })
    translatable(problems)
    expect(problems[0]!.params).toEqual({ byte: 79, line: 3 })
    expect(problems.map(inEnglish)).toEqual([
      {
        line: 3,
        column: null,
        reason: 'the file is not UTF-8 (byte 79 on line 3); save it as "CSV UTF-8"'
      }
    ])
    expect(snapshotFile(path)).toBe(before)
  })

  it('refuses usage for a period already billed', async () => {
    const { books, clock } = await setUp()
    const c = books.prepare("SELECT id FROM customers WHERE code = 'C1'").get() as { id: number }
    createSubscription(books, {
      customerId: c.id,
      planCode: 'api',
      startDate: '2026-01-01',
      quantity: '1'
    })
    importUsageCsv(
      books,
      utf8('customer,metric,event_id,timestamp,quantity\nC1,calls,e1,2026-01-05,5\n'),
      { dryRun: false }
    )
    clock.date = '2026-02-01'
    await billingRun(books, { asOf: '2026-02-01', dryRun: false })
    const late = importUsageCsv(
      books,
      utf8(
        'customer,metric,event_id,timestamp,quantity\nC1,calls,e9,2026-01-20,5\nC1,calls,e10,2026-02-03,5\n'
      ),
      { dryRun: false }
    )
    expect(late.problems).toHaveLength(1)
    expect(late.problems[0]).toMatchObject({ line: 2, column: 'timestamp' })
    expect(late.problems[0]!.reason).toMatch(/usage of calls on 2026-01-20 has been billed/)
    translatable(late.problems)

    // the file imported before, billed since, imports again as nothing new (an export that
    // grows month by month can be imported whole every time)
    const again = importUsageCsv(
      books,
      utf8(
        'customer,metric,event_id,timestamp,quantity\nC1,calls,e1,2026-01-05,5\nC1,calls,e11,2026-02-04,2\n'
      ),
      { dryRun: false }
    )
    expect(again).toMatchObject({ problems: [], imported: 1, alreadyImported: 1 })
  })
})

describe('customers CSV import', () => {
  it('imports valid customers with defaults from the company', async () => {
    const { books } = await setUp()
    const text =
      'name,country,tax_id,emails,tags,code,address_line1,postal_code,city\n"Kowalski i Syn Sp. z o.o.",PL,123-456-32-18,"a@k.pl; b@k.pl",vip|monthly,K-1,ul. Prosta 1,00-001,Warszawa\nAçaí Ltda,BR,,contas@acai.com.br,,,,,\n'
    expect(importCustomersCsv(books, utf8(text), { dryRun: false })).toMatchObject({
      imported: 2,
      problems: []
    })
    expect(
      books
        .prepare(
          "SELECT tax_id, emails, tags, currency, language FROM customers WHERE code = 'K-1'"
        )
        .get()
    ).toEqual({
      tax_id: '1234563218',
      emails: '["a@k.pl","b@k.pl"]',
      tags: '["vip","monthly"]',
      currency: 'PLN',
      language: 'pl'
    })
  })

  it('names each bad field by its column and imports nothing', async () => {
    const { books, path } = await setUp()
    const before = snapshotFile(path)
    const text =
      'name,country,tax_id,emails,code,address_line1,postal_code,city\nGood Co,PL,,,G1,,,\n,PL,,,,,,\nBad NIP,PL,123-456-32-17,,,ul. Prosta 1,00-001,Warszawa\nNo mail,PL,,not-an-email,,,,\nTaken,PL,,,C1,,,\nNowhere,XX,,,,,,\nNo address,PL,123-456-32-18,,,,00-001,\n'
    const result = importCustomersCsv(books, utf8(text), { dryRun: false })
    translatable(result.problems)
    expect(result.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'name'],
      [4, 'tax_id'],
      [5, 'emails'],
      [6, 'code'],
      [7, 'country'],
      // a business in the EU needs its address on every invoice
      [8, 'address_line1'],
      [8, 'city']
    ])
    expect(result.imported).toBe(0)
    expect(snapshotFile(path)).toBe(before)
  })
})
