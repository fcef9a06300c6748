import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { invoiceModel } from '@shared/documents/invoice-model'
import { addDraftLine, createCreditNote, issueInvoice, viewInvoice } from '../../books/invoices'
import { issuedInvoice } from '../test-invoice'
import { tempDir } from '../../test-support'
import { layoutDocument, PAGE, wrap, type Measure } from './layout'
import { documentTranslator, invoicePdf } from './render'

/** Invoices as PDF, read back with poppler: text, fonts, pages. Renders kept in test-results/documents. */

const POPPLER = spawnSync('pdftotext', ['-v']).status === 0
if (!POPPLER) console.info('pdf tests skipped: poppler-utils (pdftotext) is not installed')
const RENDERS = resolve(import.meta.dirname, '../../../../test-results/documents')

/** The PDF in a file of its own, for poppler to read. */
function saved(pdf: Uint8Array): string {
  const file = join(tempDir(), 'doc.pdf')
  writeFileSync(file, pdf)
  return file
}

const pdfText = (pdf: Uint8Array): string =>
  execFileSync('pdftotext', ['-layout', saved(pdf), '-'], { encoding: 'utf8' })

/** The text without layout (rotated text, like the watermark, included). */
const rawText = (pdf: Uint8Array): string =>
  execFileSync('pdftotext', ['-raw', saved(pdf), '-'], { encoding: 'utf8' })

const pdfInfo = (pdf: Uint8Array, tool: 'pdfinfo' | 'pdffonts'): string =>
  execFileSync(tool, [saved(pdf)], { encoding: 'utf8' })

/** Keeps a PNG of each page to look at (pdftoppm -r 80). */
function keepRender(pdf: Uint8Array, name: string): void {
  mkdirSync(RENDERS, { recursive: true })
  const file = join(RENDERS, `${name}.pdf`)
  writeFileSync(file, pdf)
  execFileSync('pdftoppm', ['-png', '-r', '80', file, join(RENDERS, name)])
}

const flat = (text: string) => text.replace(/\s+/g, ' ')

describe.runIf(POPPLER)('an invoice as PDF', () => {
  it.each([
    [
      'pl',
      'PL',
      'Gęślą Jaźń Łukasz Ćwikła Sp. z o.o.',
      ['Faktura', 'Sprzedawca', 'Nabywca', 'VAT 23 %', 'Brutto']
    ],
    ['pt-BR', 'BR', 'Ação & Companhia São João Ltda', ['Fatura', 'Total']],
    ['es', 'ES', 'Señora Muñoz Ibáñez S.L.', ['Factura', 'Total']],
    ['en', 'GB', 'Smith & Sons Ltd', ['Invoice', 'Total']]
  ] as const)(
    'in %s: names with their letters, the tax summary and every explanation',
    async (language, country, name, words) => {
      const { books, draft } = await issuedInvoice(name, language, country)
      const invoice = issueInvoice(books, draft)
      expect(invoice.language).toBe(language)
      const pdf = await invoicePdf(invoice, language)
      const text = pdfText(pdf).replace(/\s+/g, ' ')
      expect(text).toContain(invoice.number!)
      expect(text).toContain(name)
      expect(text).toContain('Zakład Usług Księgowych Łódź')
      expect(text).toContain('Abonament Pro — usługa księgowa')
      for (const word of words) expect(text.toUpperCase()).toContain(word.toUpperCase())
      // the line's computation, as the app shows it, in the document's language
      const t = documentTranslator(language)
      const model = invoiceModel(invoice, language, t)
      expect(model.lines[0]!.details.length).toBeGreaterThan(1)
      for (const detail of model.lines[0]!.details)
        expect(text).toContain(detail.replace(/\s+/g, ' '))
      for (const total of model.totals) expect(text).toContain(total.value.replace(/\s+/g, ' '))
      // every font embedded
      const fonts = pdfInfo(pdf, 'pdffonts').trim().split('\n').slice(2)
      expect(fonts.length).toBeGreaterThan(0)
      for (const font of fonts) expect(font.split(/\s+/).at(-5), font).toBe('yes')
      expect(pdfInfo(pdf, 'pdfinfo')).toMatch(/Keywords:\s+invoice-v1/)
      keepRender(pdf, `invoice-${language}`)
    }
  )

  it('embeds the small document fonts, and the full ones for a name they lack', async () => {
    const latin = await issuedInvoice('Żółć Gęślą Jaźń', 'pl', 'PL')
    const small = await invoicePdf(issueInvoice(latin.books, latin.draft), 'pl')
    const fonts = pdfInfo(small, 'pdffonts')
    expect(fonts).toMatch(/FCTRDV\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/)
    expect(fonts).toMatch(/FCTRDB\+DejaVuSans-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/)
    expect(small.length).toBeLessThan(120_000)
    // Greek and Cyrillic are not in the subset: that invoice carries the whole fonts
    const other = await issuedInvoice('Ξενοδοχείο Ολυμπία / Гостиница «Москва»', 'en', 'GB')
    const full = await invoicePdf(issueInvoice(other.books, other.draft), 'en')
    expect(pdfInfo(full, 'pdffonts')).toMatch(
      /DejaVuSans-Bold\s+CID TrueType\s+Identity-H\s+yes no\s+yes/
    )
    expect(flat(pdfText(full))).toContain('Ξενοδοχείο Ολυμπία / Гостиница «Москва»')
    expect(full.length).toBeGreaterThan(500_000)
  })

  it('a credit note names the invoice it corrects and why', async () => {
    const { books, draft } = await issuedInvoice('Łukasz Ćwikła', 'pl', 'PL')
    const invoice = issueInvoice(books, draft)
    const note = issueInvoice(
      books,
      createCreditNote(books, invoice.id, { reason: 'Błędna ilość licencji' }).id
    )
    const pdf = await invoicePdf(note, 'pl')
    const text = flat(pdfText(pdf))
    expect(text).toContain('Faktura korygująca')
    expect(text).toContain(note.number!)
    expect(text).toContain(`Koryguje ${invoice.number}`)
    expect(text).toContain('Błędna ilość licencji')
    // what it gives back, as negative figures
    expect(text).toMatch(/Brutto [-−]246,00\szł/)
    // a credit note asks for no payment: no transfer lines, no QR code
    expect(text).not.toContain('Prosimy o zapłatę')
    keepRender(pdf, 'credit-note-pl')
  })

  it('is the same bytes each time, and a draft carries a watermark', async () => {
    const { books, draft } = await issuedInvoice('Ola', 'pl', 'PL')
    const drafted = await invoicePdf(viewInvoice(books, draft), 'pl')
    keepRender(drafted, 'draft-pl')
    expect(rawText(drafted)).toContain('SZKIC')
    const invoice = issueInvoice(books, draft)
    const [a, b] = [await invoicePdf(invoice, 'pl'), await invoicePdf(invoice, 'pl')]
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    expect(rawText(a)).not.toContain('SZKIC')
  })

  it('breaks 250 lines over pages: the header on each, the subtotal carried, page N of M', async () => {
    const { books, draft } = await issuedInvoice('Ola', 'pl', 'PL')
    for (let i = 1; i <= 249; i++)
      addDraftLine(books, draft, {
        description: `Pozycja ${i}: konsultacja księgowa ${'bardzo długi opis '.repeat(i % 7 === 0 ? 8 : 0)}`,
        quantity: String((i % 5) + 1),
        unitPrice: '12.50',
        taxRateId: 'standard'
      })
    const invoice = issueInvoice(books, draft)
    expect(invoice.lines).toHaveLength(250)
    const pdf = await invoicePdf(invoice, 'pl')
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfInfo(pdf, 'pdfinfo'))![1])
    expect(pages).toBeGreaterThanOrEqual(5)
    // pdftotext ends each page with a form feed
    const texts = pdfText(pdf).split('\f').slice(0, pages)
    texts.forEach((text, i) => {
      const page = i + 1
      expect(text, `page ${page}`).toMatch(/OPIS\s+ILOŚĆ\s+VAT\s+KWOTA/)
      expect(text, `page ${page}`).toContain(`Strona ${page} z ${pages}`)
      if (page > 1) expect(text, `page ${page}`).toContain('Z przeniesienia')
    })
    // every line is printed once
    const all = flat(pdfText(pdf))
    for (const i of [1, 125, 249]) expect(all).toContain(`Pozycja ${i}:`)
    expect(all).toContain(
      flat(invoiceModel(invoice, 'pl', documentTranslator('pl')).totals.at(-1)!.value)
    )
    keepRender(pdf, 'invoice-250-lines')
  }, 60_000)
})

describe('the layout', () => {
  // a monospaced stand-in for the font: 0.6 em per character
  const measure: Measure = (text, size) => text.length * size * 0.6

  it('wraps at spaces and cuts a word too long for its column', () => {
    expect(wrap('one two three four', 60, 10, measure)).toEqual(['one two', 'three four'])
    expect(wrap('x'.repeat(25), 60, 10, measure)).toEqual([
      'x'.repeat(10),
      'x'.repeat(10),
      'x'.repeat(5)
    ])
  })

  it('keeps every text inside the page, however long the names', async () => {
    const { books, draft } = await issuedInvoice(
      `${'Przedsiębiorstwo '.repeat(10)}Sp. z o.o.`,
      'pl',
      'PL'
    )
    const model = invoiceModel(viewInvoice(books, draft), 'pl', documentTranslator('pl'))
    for (const [i, page] of layoutDocument(model, measure).entries())
      for (const op of page)
        if (op.kind === 'text' && !op.rotate) {
          const width = measure(op.text, op.size, op.bold)
          const [from, to] = op.align === 'right' ? [op.x - width, op.x] : [op.x, op.x + width]
          expect(from, `page ${i + 1}: ${op.text}`).toBeGreaterThanOrEqual(PAGE.margin - 0.01)
          expect(to, `page ${i + 1}: ${op.text}`).toBeLessThanOrEqual(
            PAGE.width - PAGE.margin + 0.01
          )
        }
  })
})
