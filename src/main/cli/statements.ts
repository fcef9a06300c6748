import { resolve } from 'node:path'
import { LANGUAGES, type Language } from '@shared/languages'
import { writeFileAtomic } from '../app-state'
import { customerByCode } from '../books/customers'
import { queueStatementEmail } from '../documents/email/statement-email'
import { statementPdf } from '../documents/pdf/statement'
import { dateOption, parseOptions } from './args'
import { withBooks } from './books-file'
import { addresses } from './email'
import { CliError } from './errors'

/** `statements pdf`: a customer's statement of account for a period, as PDF. */

export const STATEMENTS_USAGE = `npm run cli -- statements pdf --customer CODE --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf --file books.facturo [--lang en|pt-BR|es|pl]
  npm run cli -- statements email --customer CODE --from YYYY-MM-DD --to YYYY-MM-DD --file books.facturo [--send-to ADDRESS]… [--cc ADDRESS]… [--bcc ADDRESS]…`

export async function runStatements(argv: readonly string[]): Promise<string> {
  const [what, ...rest] = argv
  if (what === 'email') return emailStatement(rest)
  if (what !== 'pdf')
    throw new CliError(
      'statements: pdf --customer CODE --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf, or email --customer CODE --from YYYY-MM-DD --to YYYY-MM-DD'
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

/** `statements email`: queues the statement in the outbox, to the customer's billing emails. */
async function emailStatement(rest: readonly string[]): Promise<string> {
  const o = parseOptions('statements email', rest, {
    file: { value: true, required: true },
    customer: { value: true, required: true },
    from: { value: true, required: true },
    to: { value: true, required: true },
    'send-to': { value: true, repeatable: true },
    cc: { value: true, repeatable: true },
    bcc: { value: true, repeatable: true }
  })
  const from = dateOption('statements email', 'from', o.from![0]!)
  const to = dateOption('statements email', 'to', o.to![0]!)
  if (to < from) throw new CliError(`statements email: --to (${to}) is before --from (${from})`)
  const sendTo = addresses('statements email', 'send-to', o['send-to'])
  const cc = addresses('statements email', 'cc', o.cc)
  const bcc = addresses('statements email', 'bcc', o.bcc)
  return withBooks(o.file![0]!, ({ books }) => {
    const customer = customerByCode(books, o.customer![0]!)
    if (!customer) throw new CliError(`statements email: there is no customer ${o.customer![0]}`)
    const entry = queueStatementEmail(books, {
      customerId: customer.id,
      from,
      to,
      ...(sendTo.length ? { recipients: sendTo } : {}),
      cc,
      bcc
    })
    return `Queued the statement of ${customer.name} for ${from} – ${to} to ${entry.to.join(', ')} (message ${entry.id}). It goes out with outbox send, or when Facturo is open.\n`
  })
}
