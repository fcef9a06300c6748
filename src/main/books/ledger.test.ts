import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { AppError } from '../errors'
import { createCustomer } from './customers'
import { createDraft, issueInvoice, voidInvoice } from './invoices'
import { recordHash, recordText, verifyLedger } from './ledger'
import { takeNumber } from './numbering'
import { openTestBooks } from './test-support'

async function withInvoices(count: number) {
  const t = await openTestBooks('2026-03-10')
  const customer = createCustomer(
    t.books,
    customerInput.parse({ name: 'Ana', country: 'PL', language: 'pl', currency: 'PLN' })
  )
  const ids = Array.from({ length: count }, (_, i) => {
    const { id } = createDraft(t.books, {
      customerId: customer.id,
      currency: 'PLN',
      billDate: '2026-03-10',
      lines: [
        {
          kind: 'one_off',
          description: `Work ${i + 1}`,
          period: { start: '2026-03-01', end: '2026-03-31' },
          quantity: '1',
          amount: 10000 * (i + 1),
          currency: 'PLN',
          breakdown: [],
          taxRateId: 'standard',
          taxInclusive: false,
          discountable: true
        }
      ]
    })
    return issueInvoice(t.books, id).id
  })
  return { ...t, ids, customer }
}

describe('the ledger', () => {
  it('records each issued document with the Verifactu fields, chained by SHA-256', () => {
    const content = {
      sellerTaxId: 'B12345674',
      number: 'FV/2026/000001',
      issueDate: '2026-03-10',
      kind: 'invoice',
      taxTotal: 2300,
      total: 12300,
      currency: 'EUR'
    }
    const text = recordText('issue', content, '', '2026-03-10T12:00:00+01:00')
    expect(text).toBe(
      'IDEmisorFactura=B12345674&NumSerieFactura=FV/2026/000001&FechaExpedicionFactura=10-03-2026&TipoFactura=F1&CuotaTotal=23.00&ImporteTotal=123.00&Huella=&FechaHoraHusoGenRegistro=2026-03-10T12:00:00+01:00'
    )
    const hash = recordHash('issue', content, '', '2026-03-10T12:00:00+01:00')
    expect(hash).toBe(createHash('sha256').update(text).digest('hex').toUpperCase())
    expect(recordText('void', content, hash, 'x')).toBe(
      `IDEmisorFacturaAnulada=B12345674&NumSerieFacturaAnulada=FV/2026/000001&FechaExpedicionFacturaAnulada=10-03-2026&Huella=${hash}&FechaHoraHusoGenRegistro=x`
    )
  })

  it('chains every record to the previous one of its series and verifies', async () => {
    const { books, ids } = await withInvoices(3)
    voidInvoice(books, ids[1]!, 'issued twice by mistake')
    const entries = books
      .prepare('SELECT kind, previous_hash, hash FROM ledger_entries ORDER BY id')
      .all() as { kind: string; previous_hash: string; hash: string }[]
    expect(entries.map((e) => e.kind)).toEqual(['issue', 'issue', 'issue', 'void'])
    expect(entries[0]!.previous_hash).toBe('')
    for (let i = 1; i < entries.length; i++)
      expect(entries[i]!.previous_hash).toBe(entries[i - 1]!.hash)
    expect(verifyLedger(books)).toEqual({ ok: true, entries: 4, broken: null })
  })
})

describe('issued invoices', () => {
  it('cannot be changed or deleted with SQL', async () => {
    const { books, ids } = await withInvoices(1)
    expect(() =>
      books.sqlite.prepare('UPDATE invoices SET total = 1 WHERE id = ?').run(ids[0])
    ).toThrow(/an issued invoice cannot be changed/)
    expect(() => books.sqlite.prepare('DELETE FROM invoices WHERE id = ?').run(ids[0])).toThrow(
      /cannot be deleted/
    )
    expect(() =>
      books.sqlite.prepare('UPDATE invoice_lines SET amount = 1 WHERE invoice_id = ?').run(ids[0])
    ).toThrow(/lines of an issued invoice/)
    expect(() => books.sqlite.prepare('DELETE FROM ledger_entries').run()).toThrow(/append-only/)
  })

  it('tampered with behind the triggers’ back, make verify ledger name the first broken link', async () => {
    const { books, ids } = await withInvoices(3)
    books.sqlite.exec('DROP TRIGGER invoices_issued_immutable')
    books.sqlite
      .prepare(
        'UPDATE invoices SET total = total - 1000, amount_due = amount_due - 1000 WHERE id = ?'
      )
      .run(ids[1])
    const check = verifyLedger(books)
    expect(check.ok).toBe(false)
    expect(check.broken).toMatchObject({
      series: 'INV',
      number: 'FV/2026/000002',
      reason:
        "the issued document's content no longer matches its record: it was changed afterwards"
    })
  })

  it('with a ledger record removed, break the chain at the next record', async () => {
    const { books } = await withInvoices(3)
    books.sqlite.exec('DROP TRIGGER ledger_append_only_delete')
    books.sqlite.exec('DELETE FROM ledger_entries WHERE id = 2')
    expect(verifyLedger(books).broken).toMatchObject({
      number: 'FV/2026/000003',
      reason: 'the chain is broken here: the previous record was removed or changed'
    })
  })

  it('are numbered without gaps: a failed issue takes no number', async () => {
    const { books, customer } = await withInvoices(2)
    expect(() =>
      books.tx(() => {
        takeNumber(books, 'INV', '2026-03-10')
        throw new AppError('INTERNAL', 'power cut')
      })
    ).toThrow(/power cut/)
    const { id } = createDraft(books, {
      customerId: customer.id,
      currency: 'PLN',
      billDate: '2026-03-11',
      lines: [
        {
          kind: 'one_off',
          description: 'More',
          period: { start: '2026-03-01', end: '2026-03-31' },
          quantity: '1',
          amount: 500,
          currency: 'PLN',
          breakdown: [],
          taxRateId: 'standard',
          taxInclusive: false,
          discountable: true
        }
      ]
    })
    expect(issueInvoice(books, id).number).toBe('FV/2026/000003')
  })

  it('restart their numbering each year when the format shows the year', async () => {
    const { books } = await withInvoices(1)
    expect(takeNumber(books, 'INV', '2027-01-02').number).toBe('FV/2027/000001')
    expect(takeNumber(books, 'INV', '2026-12-31').number).toBe('FV/2026/000002')
  })
})
