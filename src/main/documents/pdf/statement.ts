import type { InvoiceParty } from '@shared/books/invoices'
import { statementModel, type StatementInput } from '@shared/documents/statement-model'
import type { Language } from '@shared/languages'
import { problem } from '../../errors'
import { getCustomer } from '../../books/customers'
import { logoBytes, logoRef } from '../../books/document-images'
import { statement } from '../../books/payments'
import { getCompany } from '../../store/repos/company'
import type { Books } from '../../store/sync'
import { documentTranslator, renderPdf } from './render'

/**
 * A customer's statement of account for a period, from the books' statement (issued invoices,
 * credit notes, payments, refunds and reversals in the customer's currency).
 */

function sellerParty(books: Books): InvoiceParty {
  const c = getCompany(books)
  return {
    name: c.legalName,
    taxId: c.taxId,
    address: c.address,
    country: c.country,
    email: c.email,
    phone: c.phone,
    iban: c.iban,
    bic: c.bic,
    ...(c.logo ? { logo: logoRef(c) } : {})
  }
}

/** What the statement of `from`–`to` says: the balance before it, its entries, and the day it is made. */
export function statementInput(
  books: Books,
  customerId: number,
  from: string,
  to: string
): StatementInput {
  if (to < from)
    throw problem(
      'VALIDATION',
      'statement_period_reversed',
      `The statement ends (${to}) before it starts (${from}).`,
      { from, to }
    )
  const customer = getCustomer(books, customerId)
  const all = statement(books, customerId, customer.currency)
  const opening = all.filter((e) => e.date < from).reduce((a, e) => a + e.amount, 0)
  const inPeriod = all.filter((e) => e.date >= from && e.date <= to)
  const dueDates = new Map(
    books
      .all(
        books.q
          .selectFrom('invoices')
          .select(['number', 'due_date'])
          .where('customer_id', '=', customerId)
          .where('number', 'is not', null)
      )
      .map((r) => [r.number!, r.due_date])
  )
  let balance = opening
  const entries = inPeriod.map((e) => {
    balance += e.amount
    return {
      ...e,
      balance,
      dueDate: e.kind === 'invoice' ? (dueDates.get(e.reference) ?? null) : null
    }
  })
  return {
    seller: sellerParty(books),
    customer: {
      name: customer.name,
      code: customer.code,
      taxId: customer.taxId,
      address: customer.address,
      country: customer.country
    },
    currency: customer.currency,
    from,
    to,
    date: books.today(),
    opening,
    entries
  }
}

/** A statement as PDF bytes from what it says (a queued email keeps that, and sends it as it was). */
export const renderStatement = (
  input: StatementInput,
  language: Language,
  logo?: Uint8Array
): Promise<Uint8Array> =>
  renderPdf(statementModel(input, language, documentTranslator(language)), { logo })

/** The statement as PDF bytes, in the customer's language unless another is asked for. */
export async function statementPdf(
  books: Books,
  customerId: number,
  from: string,
  to: string,
  language?: Language
): Promise<Uint8Array> {
  const input = statementInput(books, customerId, from, to)
  return renderStatement(
    input,
    language ?? getCustomer(books, customerId).language,
    logoBytes(books, input.seller.logo)
  )
}

/** The statement's file name: the customer's number and the period, safe for every file system. */
export const statementFileName = (input: Pick<StatementInput, 'customer' | 'from' | 'to'>) =>
  `statement-${(input.customer.code ?? input.customer.name).replace(/[^\p{L}\p{N}._-]+/gu, '-')}-${input.from}-${input.to}.pdf`
