import { resolve } from 'node:path'
import { writeFileAtomic } from '../app-state'
import { EINVOICE_REGISTRY } from '../documents/einvoice/registry'
import { exportEinvoiceFile } from '../documents/einvoice/export'
import { parseOptions } from './args'
import { invoiceId, withBooks } from './books-file'
import { CliError } from './errors'

/** `invoices export`: an issued invoice or credit note as an e-invoice file. */

const FORMATS = Object.keys(EINVOICE_REGISTRY).join('|')

export const EINVOICE_USAGE = `npm run cli -- invoices export NUMBER|ID --format ${FORMATS} --out FILE --file books.facturo`

export async function runInvoiceExport(argv: readonly string[]): Promise<string> {
  const [ref, ...opts] = argv
  if (!ref || ref.startsWith('--'))
    throw new CliError('invoices export: name the invoice (its number or id)')
  const o = parseOptions('invoices export', opts, {
    file: { value: true, required: true },
    format: { value: true, required: true },
    out: { value: true, required: true }
  })
  const format = o.format![0]!
  if (!Object.hasOwn(EINVOICE_REGISTRY, format))
    throw new CliError(`invoices export: --format must be one of ${FORMATS}, not "${format}"`)
  const out = resolve(o.out![0]!)
  return withBooks(o.file![0]!, async ({ books }) => {
    const file = await exportEinvoiceFile(books, invoiceId(books, 'invoices export', ref), format)
    writeFileAtomic(out, file.bytes)
    return `Wrote ${file.fileName} (${file.version}, SHA-256 ${file.sha256}) to ${out} (${file.bytes.length} bytes).\n`
  })
}
