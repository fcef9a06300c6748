import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { EINVOICE_REGISTRY } from '../documents/einvoice/registry'
import { invoicePdf } from '../documents/pdf/render'
import { tenLineInvoice, timed } from './ten-line-invoice'

// npm run bench:einvoice — writes the same issued ten-line invoice 1,000 times in each e-invoice
// format and prints documents per second, as a ratio to rendering its PDF in the same process
// (the baseline every email already pays). Then the time the official validator takes for one
// file of each format, rule loading included, when ../shared/validators is beside the project.
// BENCH_INVOICES sets the count.

const INVOICES = Number(process.env.BENCH_INVOICES ?? 1000)
const VALIDATE = resolve(process.cwd(), '../shared/validators/validate.mjs')
const VALIDATOR_KIND: Record<string, string> = {
  ubl: 'peppol-ubl',
  cii: 'cii',
  ksef: 'ksef',
  verifactu: 'verifactu',
  dps: 'nfse'
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'facturo-bench-einvoice-'))
  try {
    const polish = await tenLineInvoice(dir)
    // Verifactu is for a Spanish seller: the same ten lines, issued in Spain
    const spanish = await tenLineInvoice(dir, 'ES')
    // the DPS is for a Brazilian seller, likewise
    const brazilian = await tenLineInvoice(dir, 'BR')
    const { invoice } = polish
    const documentFor = (def: { appliesTo(i: typeof invoice): boolean }) =>
      [polish, spanish, brazilian].find((d) => def.appliesTo(d.invoice))!
    console.log(
      `E-invoice benchmark: ${INVOICES.toLocaleString('en-GB')} exports of a ten-line invoice (${invoice.number}) per format`
    )
    for (let i = 0; i < 20; i++) await invoicePdf(invoice, 'pl')
    const pdf = await timed(INVOICES, () => invoicePdf(invoice, 'pl'))
    console.log(`  baseline, its PDF:           ${pdf.toFixed(1)} documents/s`)
    for (const def of Object.values(EINVOICE_REGISTRY)) {
      const { invoice, context } = documentFor(def)
      for (let i = 0; i < 50; i++) await def.write(invoice, context)
      const rate = await timed(INVOICES, async () => def.write(invoice, context))
      const bytes = (await def.write(invoice, context)).length
      console.log(
        `  ${def.format.padEnd(10)} ${rate.toFixed(1).padStart(9)} documents/s  ${(rate / pdf).toFixed(1)}× the PDF  (${(bytes / 1024).toFixed(1)} kB)`
      )
    }
    if (!existsSync(VALIDATE)) {
      console.log(`  validation: skipped (${VALIDATE} is not there)`)
      return
    }
    for (const def of Object.values(EINVOICE_REGISTRY)) {
      if (!VALIDATOR_KIND[def.format]) {
        console.log(
          `  validating one ${def.format}: its XML is the CII above (no PDF/A validator offline)`
        )
        continue
      }
      const { invoice, context } = documentFor(def)
      const file = join(dir, `one${def.suffix}`)
      writeFileSync(file, await def.write(invoice, context))
      const start = performance.now()
      const run = spawnSync(process.execPath, [VALIDATE, VALIDATOR_KIND[def.format]!, file], {
        encoding: 'utf8'
      })
      const ms = performance.now() - start
      console.log(
        `  validating one ${def.format} (${VALIDATOR_KIND[def.format]}): ${ms.toFixed(0)} ms, ${run.status === 0 ? 'valid' : 'INVALID'} — ${(ms / (1000 / pdf)).toFixed(0)}× one PDF`
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
