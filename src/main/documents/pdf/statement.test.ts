import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { planSchema } from '@shared/billing/plan'
import { statementModel, statementTotals } from '@shared/documents/statement-model'
import { billingRun } from '../../books/billing-run'
import { savePlanVersion } from '../../books/catalog'
import { createCustomer } from '../../books/customers'
import { createCreditNote, issueInvoice, viewInvoice } from '../../books/invoices'
import { customerBalances, recordPayment, statement } from '../../books/payments'
import { createSubscription } from '../../books/subscriptions'
import { appErrorOf, openTestBooks } from '../../books/test-support'
import { tempDir } from '../../test-support'
import { documentTranslator } from './render'
import { statementInput, statementPdf } from './statement'

/** A customer's statement of account as PDF, read back with poppler. Renders in test-results/documents. */

const POPPLER = spawnSync('pdftotext', ['-v']).status === 0
if (!POPPLER) console.info('statement tests skipped: poppler-utils (pdftotext) is not installed')
const RENDERS = resolve(import.meta.dirname, '../../../../test-results/documents')

function saved(pdf: Uint8Array): string {
  const file = join(tempDir(), 'statement.pdf')
  writeFileSync(file, pdf)
  return file
}

const flat = (text: string) => text.replace(/\s+/g, ' ')
const pdfText = (pdf: Uint8Array): string =>
  flat(execFileSync('pdftotext', ['-layout', saved(pdf), '-'], { encoding: 'utf8' }))
const pages = (pdf: Uint8Array): number =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [saved(pdf)], { encoding: 'utf8' }))![1])

/** Keeps a PNG of each page to look at (pdftoppm -r 80). */
function keepRender(pdf: Uint8Array, name: string): void {
  mkdirSync(RENDERS, { recursive: true })
  const file = join(RENDERS, `${name}.pdf`)
  writeFileSync(file, pdf)
  execFileSync('pdftoppm', ['-png', '-r', '80', file, join(RENDERS, name)])
}

const CUSTOMER = 'Gęślą Jaźń Łukasz Ćwikła Sp. z o.o.'

/**
 * Pro at 123.00 gross a month from January to April, for one Polish customer who pays by
 * transfer: part of January on 10 Jan, then February, March (less a 20.00 credit note) and April.
 */
async function customerWithHistory() {
  const { books, clock, store, path } = await openTestBooks('2026-01-01')
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
  const customer = createCustomer(
    books,
    customerInput.parse({
      code: 'K1',
      name: CUSTOMER,
      country: 'PL',
      language: 'pl',
      currency: 'PLN',
      taxId: '5260250274',
      address: { line1: 'ul. Żółkiewskiego 5', postalCode: '00-950', city: 'Łódź' }
    })
  )
  createSubscription(books, {
    customerId: customer.id,
    planCode: 'pro',
    startDate: '2026-01-01',
    quantity: '1'
  })
  const invoices: Record<string, number> = {}
  for (const month of ['01', '02', '03', '04']) {
    clock.date = `2026-${month}-01`
    const run = await billingRun(books, { asOf: clock.date, dryRun: false })
    invoices[month] = issueInvoice(books, run.customers[0]!.invoices[0]!.invoiceId!).id
  }
  clock.date = '2026-04-20'
  const pay = (date: string, amount: number, reference: string) =>
    recordPayment(books, {
      customerId: customer.id,
      date,
      method: 'bank_transfer',
      amount,
      currency: 'PLN',
      reference
    })
  pay('2026-01-10', 5000, 'PRZELEW STYCZEŃ')
  pay('2026-02-20', 10000, 'PRZELEW LUTY')
  const march = viewInvoice(books, invoices['03']!)
  const note = createCreditNote(books, march.id, {
    reason: 'rabat za przerwę w usłudze',
    lines: [{ lineId: march.lines[0]!.id, amount: 2000 }]
  })
  clock.date = '2026-03-10'
  issueInvoice(books, note.id)
  clock.date = '2026-04-20'
  pay('2026-03-15', 12300, 'PRZELEW MARZEC')
  pay('2026-04-05', 12300, 'PRZELEW KWIECIEŃ')
  return { books, clock, store, path, customer, invoices }
}

describe.runIf(POPPLER)('a statement of account as PDF', () => {
  it('prints the opening balance, every entry of the period and none outside it, and the closing balance', async () => {
    const { books, customer } = await customerWithHistory()
    const input = statementInput(books, customer.id, '2026-02-01', '2026-03-31')
    // the books: what was owed before February, and after March
    const all = statement(books, customer.id, 'PLN')
    const before = all.filter((e) => e.date < '2026-02-01').at(-1)!.balance
    const after = all.filter((e) => e.date <= '2026-03-31').at(-1)!.balance
    const totals = statementTotals(input)
    expect(totals.opening).toBe(before)
    expect(totals.opening).toBe(12300 - 5000)
    expect(totals.closing).toBe(after)
    expect(input.entries.at(-1)!.balance).toBe(after)

    const pdf = await statementPdf(books, customer.id, '2026-02-01', '2026-03-31')
    keepRender(pdf, 'statement-pl')
    const text = pdfText(pdf)
    expect(text).toContain(CUSTOMER)
    expect(text).toContain('Zakład Usług Księgowych Łódź')
    expect(text.toUpperCase()).toContain('WYCIĄG Z KONTA')
    const model = statementModel(input, 'pl', documentTranslator('pl'))
    for (const total of model.totals) expect(text).toContain(flat(`${total.label} ${total.value}`))
    expect(model.totals[0]!.value).toBe(model.money(7300))
    expect(model.totals.at(-1)!.value).toBe(model.money(after))
    for (const inside of ['FV/2026/000002', 'FV/2026/000003', 'PRZELEW LUTY', 'PRZELEW MARZEC'])
      expect(text).toContain(inside)
    const creditNote = input.entries.find((e) => e.kind === 'credit_note')!
    expect(text).toContain(creditNote.reference)
    for (const outside of ['FV/2026/000001', 'FV/2026/000004', 'STYCZEŃ', 'KWIECIEŃ'])
      expect(text).not.toContain(outside)
    expect(text).toContain('Termin płatności')
  }, 60_000)

  it('is in the language asked for, and over the whole history closes at what the books say is owed', async () => {
    const { books, customer } = await customerWithHistory()
    const input = statementInput(books, customer.id, '2026-01-01', '2026-04-30')
    expect(statementTotals(input).opening).toBe(0)
    expect(statementTotals(input).closing).toBe(customerBalances(books, customer.id)[0]!.balance)
    const pdf = await statementPdf(books, customer.id, '2026-01-01', '2026-04-30', 'en')
    keepRender(pdf, 'statement-en')
    const text = pdfText(pdf)
    expect(text).toContain('Statement of account')
    expect(text).toContain('Closing balance on 30 Apr 2026')
    for (const n of [1, 2, 3, 4]) expect(text).toContain(`FV/2026/00000${n}`)
  }, 60_000)

  it('carries the balance from page to page over a long period', async () => {
    const { books, customer } = await customerWithHistory()
    for (let i = 0; i < 60; i++)
      recordPayment(books, {
        customerId: customer.id,
        date: `2026-02-${String((i % 27) + 1).padStart(2, '0')}`,
        method: 'bank_transfer',
        amount: 100,
        currency: 'PLN',
        reference: `WPŁATA ${i + 1}`,
        keepExtraAsCredit: true
      })
    const pdf = await statementPdf(books, customer.id, '2026-02-01', '2026-03-31')
    keepRender(pdf, 'statement-long-pl')
    const count = pages(pdf)
    expect(count).toBeGreaterThan(1)
    const text = pdfText(pdf)
    // each break carries the balance of the page's last row, and the next page starts from it
    const money = /-?\d[\d ]*,\d\d zł/g
    const carried = [...text.matchAll(/Saldo z przeniesienia (-?\d[\d ]*,\d\d zł)/g)]
    expect(carried).toHaveLength(2 * (count - 1))
    for (let i = 0; i < carried.length; i += 2) {
      const [bottom, top] = [carried[i]!, carried[i + 1]!]
      expect(top[1]).toBe(bottom[1])
      // the last figure above it: the balance of the page's last row
      const above = [...text.slice(0, bottom.index).matchAll(money)].at(-1)![0]
      expect(bottom[1]).toBe(above)
    }
    expect(text).toContain(`Strona ${count} z ${count}`)
    expect(text).toContain('WPŁATA 60')
  }, 60_000)

  it('refuses a period that ends before it starts', async () => {
    const { books, customer } = await customerWithHistory()
    expect(
      appErrorOf(() => statementInput(books, customer.id, '2026-03-01', '2026-02-01')).problem
    ).toEqual({
      key: 'statement_period_reversed',
      params: { from: '2026-03-01', to: '2026-02-01' }
    })
  })
})
