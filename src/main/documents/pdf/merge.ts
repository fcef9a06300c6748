import { availableParallelism } from 'node:os'
import { PDFDocument } from '@cantoo/pdf-lib'
import type { InvoiceView } from '@shared/books/invoices'
import { problem } from '../../errors'
import { logoBytes } from '../../books/document-images'
import { taxCodes } from '../tax-codes'
import { viewInvoice } from '../../books/invoices'
import type { Books } from '../../store/sync'
import { zipSync, type Zippable } from 'fflate'
import { invoiceFileName, invoicePdf } from './render'
import { renderInWorkers, type RenderJob } from './workers'

/**
 * A whole billing run as one PDF to print or archive: every invoice and credit note the run
 * made, each in its customer's language, one after the other in number order.
 */

/** From this many invoices on, a run is rendered across worker threads (one per core). */
export const WORKERS_FROM = 9

/** PDFs one after the other in one document, with fixed dates: the same PDFs give the same bytes. */
export async function mergePdfs(pdfs: Uint8Array[], title: string): Promise<Uint8Array> {
  const merged = await PDFDocument.create()
  for (const bytes of pdfs) {
    const source = await PDFDocument.load(bytes)
    const pages = await merged.copyPages(source, source.getPageIndices())
    for (const page of pages) merged.addPage(page)
  }
  merged.setTitle(title)
  merged.setProducer('Facturo')
  merged.setCreator('Facturo')
  merged.setCreationDate(new Date(0))
  merged.setModificationDate(new Date(0))
  return merged.save({ useObjectStreams: false })
}

/**
 * The invoices of a run, drafts included (their PDFs say DRAFT) and voided ones left out:
 * numbered ones in number order, then drafts by id.
 */
export function runInvoices(books: Books, runId: number): InvoiceView[] {
  const run = books.first(books.q.selectFrom('billing_runs').select('id').where('id', '=', runId))
  if (!run)
    throw problem('NOT_FOUND', 'run_not_found', `There is no billing run ${runId}.`, {
      run: runId
    })
  const rows = books.all(
    books.q
      .selectFrom('invoices')
      .select(['id', 'number'])
      .where('billing_run_id', '=', runId)
      .where('status', '!=', 'void')
  )
  if (rows.length === 0)
    throw problem(
      'NOT_FOUND',
      'run_no_invoices',
      `Billing run ${runId} made no invoices (or they were voided or deleted since).`,
      { run: runId }
    )
  rows.sort((a, b) =>
    a.number === b.number
      ? a.id - b.id
      : a.number === null
        ? 1
        : b.number === null
          ? -1
          : a.number < b.number
            ? -1
            : 1
  )
  return rows.map((r) => viewInvoice(books, r.id))
}

type RenderOptions = { threads?: number; workersFrom?: number }

/** Each invoice of a run with its PDF, in the run's order. */
async function runPdfs(books: Books, runId: number, options: RenderOptions) {
  const invoices = runInvoices(books, runId)
  // one read per logo, however many invoices print it
  const logos = new Map<string, Uint8Array | undefined>()
  const logoOf = (ref: InvoiceView['seller']) => {
    const r = ref?.logo
    if (!r) return undefined
    if (!logos.has(r.sha256)) logos.set(r.sha256, logoBytes(books, r))
    return logos.get(r.sha256)
  }
  const jobs: RenderJob[] = invoices.map((invoice) => ({
    invoice,
    language: invoice.language,
    logo: logoOf(invoice.seller),
    ...taxCodes(books, invoice)
  }))
  const pdfs =
    jobs.length >= (options.workersFrom ?? WORKERS_FROM)
      ? await renderInWorkers(jobs, options.threads ?? availableParallelism())
      : await Promise.all(
          jobs.map((job) =>
            invoicePdf(job.invoice, job.language, {
              logo: job.logo,
              ksef: job.ksef,
              verifactu: job.verifactu,
              nfse: job.nfse
            })
          )
        )
  return invoices.map((invoice, i) => ({ invoice, pdf: pdfs[i]! }))
}

/** The run's invoices as one PDF, and how many there are. */
export async function runPdf(
  books: Books,
  runId: number,
  options: RenderOptions = {}
): Promise<{ bytes: Uint8Array; invoices: number }> {
  const rendered = await runPdfs(books, runId, options)
  const bytes = await mergePdfs(
    rendered.map((r) => r.pdf),
    `Billing run ${runId}`
  )
  return { bytes, invoices: rendered.length }
}

/**
 * The run's invoices as a ZIP of PDFs, one per invoice, each named by its number ("FV-2026-000001.pdf",
 * a draft "draft-12.pdf"), stored with a fixed date so the same run gives the same bytes.
 */
export async function runZip(
  books: Books,
  runId: number,
  options: RenderOptions = {}
): Promise<{ bytes: Uint8Array; invoices: number; files: string[] }> {
  const rendered = await runPdfs(books, runId, options)
  const entries: Zippable = {}
  for (const { invoice, pdf } of rendered) {
    // two numbers that differ only in characters a file name cannot hold get the id as well
    const name = invoiceFileName(invoice)
    const unique = Object.hasOwn(entries, name)
      ? name.replace(/\.pdf$/, `-${invoice.id}.pdf`)
      : name
    entries[unique] = [pdf, { level: 0, mtime: ZIP_DATE }]
  }
  return { bytes: zipSync(entries), invoices: rendered.length, files: Object.keys(entries) }
}

/** ZIP entries carry a date: a fixed one keeps the archive the same for the same run. */
const ZIP_DATE = new Date('2000-01-01T00:00:00Z')
