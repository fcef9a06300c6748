import { mkdtempSync, rmSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { invoiceModel, type DocumentModel } from '@shared/documents/invoice-model'
import { documentHtml } from './invoice-html'
import { documentTranslator, invoicePdf } from '../documents/pdf/render'
import { renderPool } from '../documents/pdf/workers'
import { tenLineInvoice, timed } from './ten-line-invoice'

// npm run bench:pdf — renders 1,000 ten-line invoices with pdf-lib and prints invoices per
// second, next to the same invoice printed to PDF by a warm headless Chromium from an HTML page
// (the route of tools that render HTML), in the same process. Then the same 1,000 across worker
// threads, one per core. BENCH_INVOICES sets the count; CHROMIUM the browser's path.

const INVOICES = Number(process.env.BENCH_INVOICES ?? 1000)
const CHROMIUM_INVOICES = Math.max(20, Math.round(INVOICES / 10))
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'

/** The warm Chromium route: one browser and page kept open, setContent + page.pdf per invoice. */
async function chromiumRate(model: DocumentModel): Promise<number | null> {
  let chromium: typeof import('playwright-core').chromium
  try {
    const name = 'playwright-core'
    ;({ chromium } = (await import(name)) as typeof import('playwright-core'))
  } catch {
    console.log('  Chromium route: skipped (playwright-core is not installed)')
    return null
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
  try {
    const page = await browser.newPage()
    const html = documentHtml(model)
    const print = async () => {
      await page.setContent(html)
      await page.pdf({ format: 'A4', printBackground: true })
    }
    for (let i = 0; i < 5; i++) await print()
    return await timed(CHROMIUM_INVOICES, print)
  } finally {
    await browser.close()
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'facturo-bench-pdf-'))
  try {
    const { invoice } = await tenLineInvoice(dir)
    const model = invoiceModel(invoice, 'pl', documentTranslator('pl'))
    const size = (await invoicePdf(invoice, 'pl')).length
    console.log(
      `PDF benchmark: ${INVOICES.toLocaleString('en-GB')} ten-line invoices (${invoice.number}, ${Math.round(size / 1024)} kB each)`
    )
    for (let i = 0; i < 20; i++) await invoicePdf(invoice, 'pl')
    const oneCore = await timed(INVOICES, () => invoicePdf(invoice, 'pl'))
    console.log(`  pdf-lib, one core:          ${oneCore.toFixed(1)} invoices/s`)
    const chromium = await chromiumRate(model)
    if (chromium !== null)
      console.log(
        `  warm headless Chromium:     ${chromium.toFixed(1)} invoices/s (${CHROMIUM_INVOICES} invoices)`
      )
    const threads = Math.max(1, availableParallelism())
    const jobs = Array.from({ length: INVOICES }, () => ({ invoice, language: 'pl' as const }))
    const pool = renderPool(threads)
    let workers: number
    try {
      // started and warmed (modules loaded, fonts parsed) before the clock starts
      await pool.render(jobs.slice(0, 20 * threads))
      const start = performance.now()
      const rendered = await pool.render(jobs)
      workers = rendered.length / ((performance.now() - start) / 1000)
    } finally {
      await pool.close()
    }
    console.log(`  pdf-lib, ${threads} worker threads:  ${workers.toFixed(1)} invoices/s`)
    if (chromium !== null) {
      console.log(`  ratio, one core / Chromium:  ${(oneCore / chromium).toFixed(2)}×`)
      console.log(`  ratio, workers / Chromium:   ${(workers / chromium).toFixed(2)}×`)
    }
    console.log(`  ratio, workers / one core:   ${(workers / oneCore).toFixed(2)}×`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
