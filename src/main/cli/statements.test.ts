import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { planSchema } from '@shared/billing/plan'
import { billingRun } from '../books/billing-run'
import { savePlanVersion } from '../books/catalog'
import { createCustomer } from '../books/customers'
import { issueInvoice } from '../books/invoices'
import { recordPayment } from '../books/payments'
import { createSubscription } from '../books/subscriptions'
import { openTestBooks } from '../books/test-support'
import { CliError } from './errors'
import { runCli } from './index'
import { runStatements } from './statements'

/** `statements pdf`: a customer's statement of account from the command line. */

const POPPLER = spawnSync('pdftotext', ['-v']).status === 0

async function failure(args: string[]): Promise<CliError> {
  try {
    await runStatements(args)
  } catch (e) {
    if (e instanceof CliError) return e
    throw e
  }
  throw new Error('expected the command to fail')
}

/** A company file (closed, for the command to open) with a customer billed Jan–Mar who paid in February. */
async function booksFile() {
  const { books, clock, store, path } = await openTestBooks('2026-01-01')
  savePlanVersion(
    books,
    planSchema.parse({
      id: 'pro',
      name: 'Pro',
      currency: 'PLN',
      interval: 'month',
      prices: [{ id: 'pro', description: 'Pro', model: 'flat', amount: '100.00' }]
    }),
    '2026-01-01'
  )
  const customer = createCustomer(
    books,
    customerInput.parse({
      code: 'K1',
      name: 'Żaneta Wójcik',
      country: 'PL',
      language: 'pl',
      currency: 'PLN'
    })
  ).id
  createSubscription(books, {
    customerId: customer,
    planCode: 'pro',
    startDate: '2026-01-01',
    quantity: '1'
  })
  for (const asOf of ['2026-01-01', '2026-02-01', '2026-03-01']) {
    clock.date = asOf
    const run = await billingRun(books, { asOf, dryRun: false })
    issueInvoice(books, run.customers[0]!.invoices[0]!.invoiceId!)
  }
  recordPayment(books, {
    customerId: customer,
    date: '2026-02-10',
    method: 'bank_transfer',
    amount: 12300,
    currency: 'PLN',
    reference: 'PRZELEW 1'
  })
  await store.close()
  return { file: path, dir: join(path, '..') }
}

describe('statements pdf', () => {
  it('writes a customer statement for a period, in their language or the one asked for', async () => {
    const { file, dir } = await booksFile()
    const out = join(dir, 'out', 'statement.pdf')
    const args = ['pdf', '--customer', 'K1', '--from', '2026-02-01', '--to', '2026-02-28']
    expect(await runStatements([...args, '--out', out, '--file', file])).toMatch(
      /^Wrote the statement of Żaneta Wójcik for 2026-02-01 – 2026-02-28 \(pl\) to .*statement\.pdf \(\d+ bytes\)\.\n$/
    )
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')
    if (POPPLER) {
      const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' '
      )
      expect(text).toContain('Wyciąg z konta')
      expect(text).toContain('Żaneta Wójcik')
      expect(text).toContain('FV/2026/000002')
      expect(text).toContain('PRZELEW 1')
      expect(text).not.toContain('FV/2026/000001')
      expect(text).not.toContain('FV/2026/000003')
      expect(text).toMatch(/Saldo początkowe na 1 lut 2026 123,00 zł/)
      expect(text).toMatch(/Saldo końcowe na 28 lut 2026 123,00 zł/)
    }
    expect(await runStatements([...args, '--out', out, '--file', file, '--lang', 'es'])).toMatch(
      /\(es\) to /
    )
    if (POPPLER)
      expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain(
        'Extracto de cuenta'
      )
  }, 60_000)

  it('says what is wrong with the command', async () => {
    const { file, dir } = await booksFile()
    const out = join(dir, 'statement.pdf')
    const base = ['--out', out, '--file', file]
    expect(
      (
        await failure([
          'pdf',
          '--customer',
          'K9',
          '--from',
          '2026-01-01',
          '--to',
          '2026-01-31',
          ...base
        ])
      ).message
    ).toBe('statements pdf: there is no customer K9')
    expect(
      (
        await failure([
          'pdf',
          '--customer',
          'K1',
          '--from',
          '2026-02-01',
          '--to',
          '2026-01-31',
          ...base
        ])
      ).message
    ).toBe('statements pdf: --to (2026-01-31) is before --from (2026-02-01)')
    expect(
      (await failure(['pdf', '--customer', 'K1', '--from', '1 Feb', '--to', '2026-01-31', ...base]))
        .message
    ).toBe('statements pdf: --from must be a date like 2026-01-31, not "1 Feb"')
    expect(
      (
        await failure([
          'pdf',
          '--customer',
          'K1',
          '--from',
          '2026-01-01',
          '--to',
          '2026-01-31',
          ...base,
          '--lang',
          'de'
        ])
      ).message
    ).toBe('statements pdf: --lang must be one of en, pt-BR, es, pl')
    expect((await failure(['pdf', '--customer', 'K1', ...base])).message).toBe(
      'statements pdf: --from is required'
    )
    expect((await failure(['show'])).message).toMatch(/^statements: pdf --customer CODE/)
  }, 60_000)
})

describe('statements email', () => {
  it('queues the statement once the server is set, to the customer or the addresses given', async () => {
    const { file } = await booksFile()
    const args = ['email', '--customer', 'K1', '--from', '2026-02-01', '--to', '2026-02-28']
    // no server yet: said so, and what to do
    await expect(runCli(['statements', ...args, '--file', file])).rejects.toThrow(/settings smtp/)
    await runCli([
      'settings',
      'smtp',
      '--file',
      file,
      '--host',
      '127.0.0.1',
      '--port',
      '2525',
      '--tls',
      'none',
      '--from',
      'biuro@example.com'
    ])
    expect((await failure([...args, '--file', file, '--send-to', 'nope'])).message).toMatch(
      /^statements email: --send-to/
    )
    // the customer has no billing email: an address is needed
    await expect(runCli(['statements', ...args, '--file', file])).rejects.toThrow(
      /no billing email/
    )
    expect(await runStatements([...args, '--file', file, '--send-to', 'zaneta@example.com'])).toBe(
      'Queued the statement of Żaneta Wójcik for 2026-02-01 – 2026-02-28 to zaneta@example.com (message 1). It goes out with outbox send, or when Facturo is open.\n'
    )
    expect(await runCli(['outbox', 'list', '--file', file])).toContain('statement')
  }, 60_000)
})
