import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planSchema } from '@shared/billing/plan'
import { savePlanVersion } from '../books/catalog'
import { customerByCode } from '../books/customers'
import { createSubscription } from '../books/subscriptions'
import { openCompanyStore } from '../store/db'
import { tempDir } from '../test-support'
import { CliError } from './errors'
import { runCli } from './index'

async function failure(args: string[]): Promise<CliError> {
  try {
    await runCli(args)
  } catch (e) {
    if (e instanceof CliError) return e
    throw e
  }
  throw new Error('expected the command to fail')
}

describe('the books from the command line', () => {
  it('inits, imports, runs, lists, shows and verifies', async () => {
    const dir = tempDir()
    const file = join(dir, 'books.facturo')
    expect(await runCli(['init', '--file', file, '--name', 'Biuro Łódź', '--country', 'PL'])).toBe(
      `Created ${file} for Biuro Łódź.\n`
    )
    expect(
      (await failure(['init', '--file', file, '--name', 'Again', '--country', 'PL'])).message
    ).toMatch(/init: A file already exists/)

    writeFileSync(
      join(dir, 'customers.csv'),
      'code,name,country,tax_id\nK1,Kowalski,PL,123-456-32-18\nK2,Nowak,PL,\n'
    )
    expect(
      await runCli(['import', 'customers', join(dir, 'customers.csv'), '--file', file, '--dry-run'])
    ).toBe('Would import 2 customers of 2 rows.\n')
    expect(await runCli(['import', 'customers', join(dir, 'customers.csv'), '--file', file])).toBe(
      'Imported 2 customers of 2 rows.\n'
    )

    // plans and subscriptions are set up in the app
    const store = await openCompanyStore(file, { create: false })
    savePlanVersion(
      store.books,
      planSchema.parse({
        id: 'api',
        name: 'API',
        currency: 'PLN',
        interval: 'month',
        prices: [
          {
            id: 'calls',
            description: 'API calls',
            model: 'per_unit',
            unit_price: '0.05',
            metric: { code: 'calls', aggregation: 'sum', property: 'n' }
          }
        ]
      }),
      '2026-01-01'
    )
    for (const code of ['K1', 'K2'])
      createSubscription(store.books, {
        customerId: customerByCode(store.books, code)!.id,
        planCode: 'api',
        startDate: '2026-01-01',
        quantity: '1'
      })
    await store.close()

    writeFileSync(
      join(dir, 'usage.csv'),
      'customer,metric,event_id,timestamp,n\nK1,calls,a,2026-01-05,100\nK1,calls,a,2026-01-05,100\nK2,calls,b,2026-01-06,20\n'
    )
    expect(await runCli(['import', 'usage', join(dir, 'usage.csv'), '--file', file])).toBe(
      'Imported 2 usage events of 3 rows (1 repeated in the file (counted once)).\n'
    )
    writeFileSync(
      join(dir, 'bad.csv'),
      'customer,metric,event_id,timestamp,n\nK9,calls,c,2026-01-07,1\nK1,calls,d,2026-13-01,1\n'
    )
    const bad = await failure(['import', 'usage', join(dir, 'bad.csv'), '--file', file])
    expect(bad.message).toBe(
      'Nothing was imported: 2 problem(s) in the file.\nline 2, customer: no customer has the number "K9"\nline 3, timestamp: 2026-13-01 is not a calendar date'
    )
    expect(bad.exitCode).toBe(2)

    expect(await runCli(['run', '--file', file, '--as-of', '2026-02-01', '--dry-run'])).toBe(
      'Would create 2 invoice(s) for 2 customer(s) as of 2026-02-01: 7.38 PLN.\n'
    )
    expect(await runCli(['run', '--file', file, '--as-of', '2026-02-01'])).toBe(
      'Created 2 invoice(s) for 2 customer(s) as of 2026-02-01: 7.38 PLN.\n'
    )
    expect(await runCli(['run', '--file', file, '--as-of', '2026-02-01'])).toBe(
      'Created 0 invoice(s) for 0 customer(s) as of 2026-02-01.\n'
    )
    const list = JSON.parse(await runCli(['invoices', 'list', '--file', file, '--json'])) as {
      status: string
      total: number
      customerName: string
    }[]
    expect(list.map((i) => [i.customerName, i.status, i.total]).sort()).toEqual([
      ['Kowalski', 'draft', 615],
      ['Nowak', 'draft', 123]
    ])
    const shown = await runCli([
      'invoices',
      'show',
      String(
        JSON.parse(
          await runCli(['invoices', 'list', '--file', file, '--customer', 'K1', '--json'])
        )[0].id
      ),
      '--file',
      file
    ])
    expect(shown).toContain('API calls (2026-01-01 – 2026-01-31) 100')
    expect(await runCli(['verify-ledger', '--file', file])).toBe(
      'The ledger holds: 0 record(s), every link verified.\n'
    )
    expect(
      (await failure(['run', '--file', join(dir, 'missing.facturo'), '--as-of', '2026-02-01']))
        .message
    ).toMatch(/There is no file at/)
    expect((await failure(['run', '--file', file, '--as-of', '1 Feb'])).message).toBe(
      'run: --as-of must be a date like 2026-01-31, not "1 Feb"'
    )
  })
})
