import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import QRCode from 'qrcode'
import { describe, expect, it } from 'vitest'
import { logoByHash } from '../books/document-images'
import { issueInvoice, viewInvoice } from '../books/invoices'
import type { Books } from '../store/sync'
import { tempDir } from '../test-support'
import { invoicePdfFor } from './logo'
import { runPdf } from './pdf/merge'
import { statementPdf } from './pdf/statement'
import { issuedInvoice } from './test-invoice'

/** The company's logo on its documents, kept with each issued invoice. */

const POPPLER = spawnSync('pdfimages', ['-v']).status === 0
if (!POPPLER) console.info('logo tests skipped: poppler-utils (pdfimages) is not installed')
const RENDERS = resolve(import.meta.dirname, '../../../test-results/documents')

/** The images a PDF holds, as pdfimages lists them: [width, height] each. */
function images(pdf: Uint8Array): [number, number][] {
  const file = join(tempDir(), 'logo.pdf')
  writeFileSync(file, pdf)
  return execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const [, , , width, height] = l.trim().split(/\s+/)
      return [Number(width), Number(height)]
    })
}

/** A PNG logo of `width` pixels (a QR symbol stands in for a drawing), set on the company. */
async function setLogo(books: Books, width: number): Promise<void> {
  const png = await QRCode.toBuffer('Zakład Usług Księgowych Łódź', { width, margin: 1 })
  books.run(
    books.q
      .updateTable('company')
      .set({ logo: png, logo_mime_type: 'image/png' })
      .where('id', '=', 1)
  )
}

describe.skipIf(!POPPLER)('the logo on documents', () => {
  it('heads the invoice, and an issued invoice keeps its logo when the company changes it', async () => {
    const { books, draft } = await issuedInvoice('Łucja Ćwik', 'pl', 'PL')
    await setLogo(books, 120)
    // a draft prints the company's logo of the moment
    expect(images(await invoicePdfFor(books, viewInvoice(books, draft), 'pl'))).toEqual([
      [120, 120]
    ])
    const issued = issueInvoice(books, draft)
    const before = await invoicePdfFor(books, issued, 'pl')
    expect(images(before)).toEqual([[120, 120]])
    mkdirSync(RENDERS, { recursive: true })
    writeFileSync(join(RENDERS, 'invoice-logo.pdf'), before)
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      join(RENDERS, 'invoice-logo.pdf'),
      join(RENDERS, 'invoice-logo')
    ])

    // a new logo, then none: the issued invoice still renders the same bytes, with its own
    await setLogo(books, 200)
    books.run(
      books.q.updateTable('company').set({ logo: null, logo_mime_type: null }).where('id', '=', 1)
    )
    const after = await invoicePdfFor(books, viewInvoice(books, issued.id), 'pl')
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true)
    // the statement and a whole run print it too
    await setLogo(books, 90)
    const statement = await statementPdf(books, issued.customerId!, '2026-01-01', '2026-01-31')
    expect(images(statement)).toEqual([[90, 90]])
    const run = books.first(
      books.q.selectFrom('invoices').select('billing_run_id').where('id', '=', issued.id)
    )!
    const merged = await runPdf(books, run.billing_run_id!)
    expect(images(merged.bytes)).toEqual([[120, 120]])
  })
})

describe('the logo a document names, for the in-app view', () => {
  it('is the one kept at issue, whatever the company has since, and nothing for an unknown hash', async () => {
    const { books, draft } = await issuedInvoice('Łucja Ćwik', 'pl', 'PL')
    await setLogo(books, 120)
    const issued = issueInvoice(books, draft)
    const named = issued.seller!.logo!
    const original = books.first(books.q.selectFrom('company').select('logo').where('id', '=', 1))!
    await setLogo(books, 200)
    const kept = logoByHash(books, named.sha256)!
    expect(kept.mimeType).toBe('image/png')
    expect(Buffer.from(kept.bytes).equals(original.logo!)).toBe(true)
    expect(logoByHash(books, '0'.repeat(64))).toBeUndefined()
  })

  it("is the company's own for a draft, until the company changes it", async () => {
    const { books, draft } = await issuedInvoice('Łucja Ćwik', 'pl', 'PL')
    await setLogo(books, 120)
    const named = viewInvoice(books, draft).seller!.logo!
    expect(logoByHash(books, named.sha256)?.mimeType).toBe('image/png')
    await setLogo(books, 200)
    expect(logoByHash(books, named.sha256)).toBeUndefined()
  })
})
