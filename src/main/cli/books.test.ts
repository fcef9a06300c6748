import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCompanyStore } from '../store/db'
import { tempDir } from '../test-support'
import { runCli } from './index'
import { failure } from './test-support'

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
      'code,name,country,tax_id,address_line1,postal_code,city\nK1,Kowalski,PL,123-456-32-18,ul. Prosta 1,00-001,Warszawa\nK2,Nowak,PL,,,,\n'
    )
    expect(
      await runCli(['import', 'customers', join(dir, 'customers.csv'), '--file', file, '--dry-run'])
    ).toBe('Would import 2 customers of 2 rows.\n')
    expect(await runCli(['import', 'customers', join(dir, 'customers.csv'), '--file', file])).toBe(
      'Imported 2 customers of 2 rows.\n'
    )

    writeFileSync(
      join(dir, 'api.json'),
      JSON.stringify({
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
      })
    )
    expect(
      await runCli(['plans', 'save', join(dir, 'api.json'), '--from', '2026-01-01', '--file', file])
    ).toBe('Saved plan api (version 1), its prices in force from 2026-01-01.\n')
    for (const code of ['K1', 'K2'])
      expect(
        await runCli([
          'subscribe',
          '--customer',
          code,
          '--plan',
          'api',
          '--start',
          '2026-01-01',
          '--file',
          file
        ])
      ).toMatch(/^Subscribed (Kowalski|Nowak) to api from 2026-01-01: subscription \d+\.\n$/)

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
    const draftId = String(
      JSON.parse(
        await runCli(['invoices', 'list', '--file', file, '--customer', 'K1', '--json'])
      )[0].id
    )
    const shown = await runCli(['invoices', 'show', draftId, '--file', file])
    expect(shown.split('\n').map((l) => l.replace(/ +/g, ' ').trim())).toEqual([
      `Draft ${draftId} (invoice) Kowalski draft`,
      'billed 2026-02-01',
      'API calls 2026-01-01 – 2026-01-31 5.00',
      'quantity 100; VAT S 23 %',
      'Lines 5.00',
      'Net 5.00',
      'VAT S 23 % on 5.00 1.15',
      'Total PLN 6.15',
      ''
    ])
    expect(await runCli(['invoices', 'issue', draftId, '--file', file])).toMatch(
      /^Issued 2026\/000001 to Kowalski: 6\.15 PLN, due \d{4}-\d{2}-\d{2}\.\n$/
    )
    expect((await failure(['invoices', 'issue', draftId, '--file', file])).message).toBe(
      '2026/000001 is already issued.'
    )
    expect(await runCli(['invoices', 'show', '2026/000001', '--file', file])).toMatch(
      /^2026\/000001 +Kowalski +issued\n +billed 2026-02-01, issued .*Outstanding +6\.15\n$/s
    )
    // the invoice as a PDF, in the customer's language unless --lang says otherwise
    const pdfPath = join(dir, 'out', 'FV-1.pdf')
    expect(
      await runCli(['invoices', 'pdf', '2026/000001', '--out', pdfPath, '--file', file])
    ).toMatch(/^Wrote 2026\/000001 \(pl\) to .*FV-1\.pdf \(\d+ bytes\)\.\n$/)
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-')
    expect(
      (
        await failure([
          'invoices',
          'pdf',
          '2026/000001',
          '--out',
          pdfPath,
          '--file',
          file,
          '--lang',
          'de'
        ])
      ).message
    ).toBe('invoices pdf: --lang must be one of en, pt-BR, es, pl')
    expect(
      (await failure(['invoices', 'pdf', '99', '--out', pdfPath, '--file', file])).message
    ).toBe('invoices pdf: there is no invoice 99')
    expect(await runCli(['verify-ledger', '--file', file])).toBe(
      'The ledger holds: 1 record(s), every link verified.\n'
    )
    expect(
      (await failure(['run', '--file', join(dir, 'missing.facturo'), '--as-of', '2026-02-01']))
        .message
    ).toMatch(/There is no file at/)
    expect((await failure(['run', '--file', file, '--as-of', '1 Feb'])).message).toBe(
      'run: --as-of must be a date like 2026-01-31, not "1 Feb"'
    )
  })

  it('says what is wrong with a plan file, a coupon or a subscription, and saves nothing', async () => {
    const dir = tempDir()
    const file = join(dir, 'books.facturo')
    await runCli(['init', '--file', file, '--name', 'Biuro', '--country', 'PL'])
    writeFileSync(join(dir, 'customers.csv'), 'code,name,country\nK1,Kowalski,PL\n')
    await runCli(['import', 'customers', join(dir, 'customers.csv'), '--file', file])
    writeFileSync(
      join(dir, 'bad-plan.json'),
      JSON.stringify({
        id: 'pro',
        name: 'Pro',
        currency: 'PLN',
        interval: 'month',
        prices: [{ id: 'base', description: 'Pro', model: 'flat', amount: '-5' }]
      })
    )
    const badPlan = await failure([
      'plans',
      'save',
      join(dir, 'bad-plan.json'),
      '--from',
      '2026-01-01',
      '--file',
      file
    ])
    expect(badPlan.message).toMatch(
      new RegExp(`^${join(dir, 'bad-plan.json')}: prices\\[0\\]\\.amount `)
    )
    writeFileSync(join(dir, 'broken.json'), '{\n  "id": "pro",\n  oops\n}')
    expect(
      (
        await failure([
          'plans',
          'save',
          join(dir, 'broken.json'),
          '--from',
          '2026-01-01',
          '--file',
          file
        ])
      ).message
    ).toMatch(/broken\.json: line 3, column 3: not valid JSON/)
    expect(
      (
        await failure([
          'plans',
          'save',
          join(dir, 'bad-plan.json'),
          '--from',
          '31.01.2026',
          '--file',
          file
        ])
      ).message
    ).toBe('plans save: --from must be a date like 2026-01-31, not "31.01.2026"')
    writeFileSync(
      join(dir, 'coupon.json'),
      JSON.stringify({
        id: 'eur10',
        name: '10 EUR off',
        type: 'fixed',
        amount: '10',
        currency: 'EUR',
        duration: 'once'
      })
    )
    expect(await runCli(['coupons', 'save', join(dir, 'coupon.json'), '--file', file])).toBe(
      'Saved coupon eur10.\n'
    )
    expect(
      (await failure(['coupons', 'save', join(dir, 'coupon.json'), '--file', file])).message
    ).toMatch(/Coupon eur10 exists already/)
    writeFileSync(
      join(dir, 'pro.json'),
      readFileSync(join(dir, 'bad-plan.json'), 'utf8').replace('"-5"', '"99.00"')
    )
    await runCli(['plans', 'save', join(dir, 'pro.json'), '--from', '2026-01-01', '--file', file])
    const sub = (...extra: string[]) =>
      failure([
        'subscribe',
        '--customer',
        'K1',
        '--plan',
        'pro',
        '--start',
        '2026-01-01',
        '--file',
        file,
        ...extra
      ])
    expect((await sub('--coupon', 'eur10')).message).toBe(
      'Coupon eur10 is in EUR; the plan is in PLN.\n  couponCode: Coupon eur10 is in EUR, the plan in PLN'
    )
    expect((await sub('--trial-days', 'two')).message).toBe(
      'subscribe: --trial-days must be a whole number of days, not "two"'
    )
    expect((await sub('--quantity', '-1')).message).toMatch(
      /^subscribe: --quantity must be a number of 0 or more/
    )
    expect(
      (
        await failure([
          'subscribe',
          '--customer',
          'K9',
          '--plan',
          'pro',
          '--start',
          '2026-01-01',
          '--file',
          file
        ])
      ).message
    ).toBe('subscribe: there is no customer K9')
    // none of the refused subscriptions was saved
    const store = await openCompanyStore(file, { create: false })
    const count = store.books.sqlite.prepare('SELECT COUNT(*) AS n FROM subscriptions').get() as {
      n: number
    }
    await store.close()
    expect(count.n).toBe(0)
  })
})
