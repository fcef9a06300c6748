import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { writeFileAtomic } from '../app-state'
import { viewInvoice } from '../books/invoices'
import { verifactuExport } from '../books/verifactu'
import { checkSuministro, VerifactuFileError } from '../documents/einvoice/verifactu/check'
import { parseOptions, splitOperands } from './args'
import { withBooks } from './books-file'
import { CliError } from './errors'

/**
 * `verifactu …`: a Spanish seller's chained records as SuministroLR, and the check of any
 * SuministroLR file (Facturo's or another system's): every huella recomputed, in file order.
 */

export const VERIFACTU_USAGE = `npm run cli -- verifactu export --out records.xml --file books.facturo
  npm run cli -- verifactu check FILE.xml`

/** records.xml, records-2.xml, … when there are more than 1,000 records. */
const numbered = (out: string, n: number) => (n === 1 ? out : out.replace(/(\.xml)?$/i, `-${n}$1`))

async function exportRecords(argv: readonly string[]): Promise<string> {
  const o = parseOptions('verifactu export', argv, {
    file: { value: true, required: true },
    out: { value: true, required: true }
  })
  const out = resolve(o.out![0]!)
  return withBooks(o.file![0]!, ({ books }) => {
    const files = verifactuExport(books, (id) => viewInvoice(books, id))
    if (!files.length)
      return 'No Verifactu records: the company issues none (it is not in Spain, or has issued nothing).\n'
    const written = files.map((xml, i) => {
      const path = numbered(out, i + 1)
      writeFileAtomic(path, new TextEncoder().encode(xml))
      return path
    })
    const count = files.reduce(
      (n, xml) => n + (xml.match(/<sum:RegistroFactura>/g)?.length ?? 0),
      0
    )
    return `Wrote ${count} Verifactu record(s), in chain order, to ${written.join(', ')}.\n`
  })
}

async function check(argv: readonly string[]): Promise<string> {
  const [paths, opts] = splitOperands(argv)
  parseOptions('verifactu check', opts, {})
  if (paths.length !== 1) throw new CliError('verifactu check: name one SuministroLR file')
  const path = paths[0]!
  let xml: string
  try {
    xml = readFileSync(resolve(path), 'utf8')
  } catch (error) {
    throw new CliError(`verifactu check: cannot read ${path}: ${(error as Error).message}`)
  }
  let result
  try {
    result = checkSuministro(xml)
  } catch (error) {
    if (error instanceof VerifactuFileError)
      throw new CliError(`verifactu check: ${path} ${error.message}`)
    throw error
  }
  if (result.broken) {
    const b = result.broken
    throw new CliError(
      `verifactu check: ${path}: record ${b.position} of ${result.records} (${b.kind === 'alta' ? 'RegistroAlta' : 'RegistroAnulacion'} ${b.numSerie}) does not match: ${b.reason}`,
      1
    )
  }
  return `${path}: all ${result.records} record(s) match their huella and chain.\n`
}

export async function runVerifactu(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv
  switch (sub) {
    case 'export':
      return exportRecords(rest)
    case 'check':
      return check(rest)
    default:
      throw new CliError(`verifactu: unknown command "${sub ?? ''}"\n\n  ${VERIFACTU_USAGE}`)
  }
}
