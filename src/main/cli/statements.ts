import { resolve } from 'node:path'
import { LANGUAGES, type Language } from '@shared/languages'
import { writeFileAtomic } from '../app-state'
import { customerByCode } from '../books/customers'
import { statementPdf } from '../documents/pdf/statement'
import { dateOption, parseOptions } from './args'
import { withBooks } from './books-file'
import { CliError } from './errors'

/** `statements pdf`: a customer's statement of account for a period, as PDF. */

export const STATEMENTS_USAGE = `npm run cli -- statements pdf --customer CODE --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf --file books.facturo [--lang en|pt-BR|es|pl]`

export async function runStatements(argv: readonly string[]): Promise<string> {
  const [what, ...rest] = argv
  if (what !== 'pdf')
    throw new CliError(
      'statements: pdf --customer CODE --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf'
    )
  const o = parseOptions('statements pdf', rest, {
    file: { value: true, required: true },
    customer: { value: true, required: true },
    from: { value: true, required: true },
    to: { value: true, required: true },
    out: { value: true, required: true },
    lang: { value: true }
  })
  const from = dateOption('statements pdf', 'from', o.from![0]!)
  const to = dateOption('statements pdf', 'to', o.to![0]!)
  if (to < from) throw new CliError(`statements pdf: --to (${to}) is before --from (${from})`)
  const lang = o.lang?.[0]
  if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang))
    throw new CliError(`statements pdf: --lang must be one of ${LANGUAGES.join(', ')}`)
  const out = resolve(o.out![0]!)
  return withBooks(o.file![0]!, async ({ books }) => {
    const customer = customerByCode(books, o.customer![0]!)
    if (!customer) throw new CliError(`statements pdf: there is no customer ${o.customer![0]}`)
    const language = (lang as Language | undefined) ?? customer.language
    const bytes = await statementPdf(books, customer.id, from, to, language)
    writeFileAtomic(out, bytes)
    return `Wrote the statement of ${customer.name} for ${from} – ${to} (${language}) to ${out} (${bytes.length} bytes).\n`
  })
}
