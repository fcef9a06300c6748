import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { customerInput } from '@shared/books/customers'
import { createCustomer } from '../books/customers'
import { addDraftLine, createDraft, issueInvoice, voidInvoice } from '../books/invoices'
import { openTestBooks } from '../books/test-support'
import { tempDir } from '../test-support'
import { runCli } from './index'
import { failure } from './test-support'

/** `verifactu export` and `verifactu check` from the command line, on a Spanish company's file. */

async function spanishFile() {
  const { store, books, path } = await openTestBooks('2026-01-05', 'ES', 'EUR')
  books.run(
    books.q.updateTable('company').set({ legal_name: 'Gestoría Muñoz S.L.', tax_id: 'B12345674' })
  )
  const customer = createCustomer(
    books,
    customerInput.parse({
      name: 'Cliente Ejemplo S.A.',
      country: 'ES',
      language: 'es',
      currency: 'EUR',
      taxId: 'A28000008',
      address: { line1: 'Calle Real 2', postalCode: '08001', city: 'Barcelona' }
    })
  ).id
  const issue = (amount: string) => {
    const { id } = createDraft(books, {
      customerId: customer,
      currency: 'EUR',
      billDate: '2026-01-05',
      lines: []
    })
    addDraftLine(books, id, {
      description: 'Asesoría',
      quantity: '1',
      unitPrice: amount,
      taxRateId: 'standard'
    })
    return issueInvoice(books, id)
  }
  issue('100.00')
  voidInvoice(books, issue('50.00').id, 'Emitida por error')
  await store.close()
  return path
}

describe('verifactu', () => {
  it('exports the chain as SuministroLR, and check passes it and names a tampered record', async () => {
    const file = await spanishFile()
    const out = join(tempDir(), 'records.xml')
    expect(await runCli(['verifactu', 'export', '--out', out, '--file', file])).toBe(
      `Wrote 3 Verifactu record(s), in chain order, to ${out}.\n`
    )
    expect(await runCli(['verifactu', 'check', out])).toBe(
      `${out}: all 3 record(s) match their huella and chain.\n`
    )
    const xml = readFileSync(out, 'utf8')
    const tampered = join(tempDir(), 'tampered.xml')
    writeFileSync(
      tampered,
      xml.replace(
        '<sum1:ImporteTotal>60.50</sum1:ImporteTotal>',
        '<sum1:ImporteTotal>6.05</sum1:ImporteTotal>'
      )
    )
    const said = await failure(['verifactu', 'check', tampered])
    expect(said.exitCode).toBe(1)
    expect(said.message).toMatch(
      /record 2 of 3 \(RegistroAlta FV\/2026\/000002\) does not match: its Huella is [0-9A-F]{64}, but its fields give [0-9A-F]{64}/
    )
  })

  it('says what is wrong with a file that is not SuministroLR, or a missing one', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'x.xml'), '<Faktura/>')
    const notOne = await failure(['verifactu', 'check', join(dir, 'x.xml')])
    expect(notOne.exitCode).toBe(2)
    expect(notOne.message).toMatch(/is not a SuministroLR file: its root is <Faktura>/)
    expect((await failure(['verifactu', 'check', join(dir, 'none.xml')])).message).toMatch(
      /cannot read/
    )
    expect((await failure(['verifactu', 'check'])).message).toMatch(/name one SuministroLR file/)
  })
})
