import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { planSchema } from '@shared/billing/plan'
import type { Language } from '@shared/languages'
import { billingRun } from '../../books/billing-run'
import { savePlanVersion } from '../../books/catalog'
import { createCustomer } from '../../books/customers'
import { addDraftLine, issueInvoice, voidInvoice } from '../../books/invoices'
import { createSubscription } from '../../books/subscriptions'
import { appErrorOf, openTestBooks } from '../../books/test-support'
import { tempDir } from '../../test-support'
import { runInvoices, runPdf } from './merge'
import { invoicePdf } from './render'

/** A billing run's invoices as one PDF, read back with poppler. */

const POPPLER = spawnSync('pdftotext', ['-v']).status === 0
if (!POPPLER) console.info('merge tests skipped: poppler-utils (pdftotext) is not installed')

function saved(pdf: Uint8Array): string {
  const file = join(tempDir(), 'run.pdf')
  writeFileSync(file, pdf)
  return file
}

const pages = (pdf: Uint8Array): number =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [saved(pdf)], { encoding: 'utf8' }))![1])

const text = (pdf: Uint8Array): string =>
  execFileSync('pdftotext', ['-raw', saved(pdf), '-'], { encoding: 'utf8' })

const CUSTOMERS: [string, Language, string][] = [
  ['Gęślą Jaźń Łukasz Sp. z o.o.', 'pl', 'PL'],
  ['Señora Muñoz Ibáñez S.L.', 'es', 'ES'],
  ['Ação & Companhia São João Ltda', 'pt-BR', 'BR'],
  ['Smith & Sons Ltd', 'en', 'GB']
]

/** A Polish company whose customers (in four languages, `count` in all) are billed by one run. */
async function billedRun(count = CUSTOMERS.length) {
  const { books, clock } = await openTestBooks('2026-01-01')
  savePlanVersion(
    books,
    planSchema.parse({
      id: 'pro',
      name: 'Pro',
      currency: 'PLN',
      interval: 'month',
      prices: [{ id: 'pro', description: 'Abonament Pro', model: 'flat', amount: '100.00' }]
    }),
    '2026-01-01'
  )
  for (let i = 0; i < count; i++) {
    const [name, language, country] = CUSTOMERS[i % CUSTOMERS.length]!
    const id = createCustomer(
      books,
      customerInput.parse({
        name: i < CUSTOMERS.length ? name : `${name} ${i}`,
        country,
        language,
        currency: 'PLN'
      })
    ).id
    createSubscription(books, {
      customerId: id,
      planCode: 'pro',
      startDate: '2026-01-01',
      quantity: '1'
    })
  }
  const run = await billingRun(books, { asOf: '2026-01-01', dryRun: false })
  const drafts = run.customers.flatMap((c) => c.invoices.map((i) => i.invoiceId!))
  clock.date = '2026-01-02'
  return { books, runId: run.runId!, drafts }
}

describe.runIf(POPPLER)('a billing run as one PDF', () => {
  it('holds every invoice of the run, in number order then drafts, with all their pages', async () => {
    const { books, runId, drafts } = await billedRun()
    expect(drafts).toHaveLength(4)
    // the Spanish customer's invoice runs over two pages
    for (let i = 1; i <= 60; i++)
      addDraftLine(books, drafts[1]!, {
        description: `Consultoría ${i}`,
        quantity: '1',
        unitPrice: '10.00',
        taxRateId: 'standard'
      })
    // issued out of customer order: the PDF follows the numbers; the last stays a draft
    const numbers = [drafts[2]!, drafts[0]!, drafts[1]!].map(
      (id) => issueInvoice(books, id).number!
    )
    const invoices = runInvoices(books, runId)
    expect(invoices.map((i) => i.number)).toEqual([...numbers, null])
    expect(invoices.at(-1)!.id).toBe(drafts[3])

    const { bytes, invoices: count } = await runPdf(books, runId)
    expect(count).toBe(4)
    const each = await Promise.all(invoices.map((i) => invoicePdf(i, i.language)))
    const perInvoice = each.map(pages)
    expect(perInvoice[2]).toBeGreaterThan(1)
    expect(pages(bytes)).toBe(perInvoice.reduce((a, b) => a + b, 0))

    // every number once, in order, each in its customer's language
    const all = text(bytes)
    const at = numbers.map((n) => all.indexOf(n))
    expect(at.every((i) => i >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    for (const word of ['Faktura', 'Factura', 'Fatura', 'Invoice']) expect(all).toContain(word)
    expect(all).toContain('DRAFT')
    for (const [name] of CUSTOMERS) expect(all).toContain(name)

    // the same run gives the same bytes
    const again = await runPdf(books, runId)
    expect(Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true)
  }, 60_000)

  it('renders a larger run across worker threads, to the same bytes', async () => {
    const { books, runId, drafts } = await billedRun(10)
    for (const id of drafts.slice(0, 7)) issueInvoice(books, id)
    const threaded = await runPdf(books, runId, { threads: 2 })
    const direct = await runPdf(books, runId, { workersFrom: Infinity })
    expect(threaded.invoices).toBe(10)
    expect(Buffer.from(threaded.bytes).equals(Buffer.from(direct.bytes))).toBe(true)
    expect(pages(threaded.bytes)).toBe(10)
  }, 60_000)

  it('says so for an unknown run, and for a run with nothing left to print', async () => {
    const { books, runId, drafts } = await billedRun(1)
    expect(appErrorOf(() => runInvoices(books, runId + 1)).problem).toEqual({
      key: 'run_not_found',
      params: { run: runId + 1 }
    })
    voidInvoice(books, issueInvoice(books, drafts[0]!).id, 'wrong customer')
    const error = appErrorOf(() => runInvoices(books, runId))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.problem?.key).toBe('run_no_invoices')
    // a run that billed nobody
    const empty = await billingRun(books, { asOf: '2026-01-01', dryRun: false })
    expect(appErrorOf(() => runInvoices(books, empty.runId!)).problem?.key).toBe('run_no_invoices')
  })
})
