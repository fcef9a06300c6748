import type { OutboxEntry } from '@shared/books/email'
import { documentLocale } from '@shared/documents/invoice-model'
import { STATEMENT_TEMPLATE, statementTotals } from '@shared/documents/statement-model'
import { formatDay } from '@shared/format'
import { formatMoney, minorUnits } from '@shared/money'
import { getCustomer } from '../../books/customers'
import { problem } from '../../errors'
import { getCompany } from '../../store/repos/company'
import type { Books } from '../../store/sync'
import { statementInput } from '../pdf/statement'
import { insertMessage, outboxEntry, requireSettings, senderOf } from './outbox'
import { templateFor } from './templates'

/**
 * Queues a customer's statement of account for a period, its PDF attached, to the customer's
 * billing emails (or the addresses given), in the customer's language. The statement is kept in
 * the message as it is now, so it is sent as the bookkeeper saw it.
 */
export function queueStatementEmail(
  books: Books,
  input: {
    customerId: number
    from: string
    to: string
    /** Omitted: the customer's billing emails. */
    recipients?: string[]
    cc: string[]
    bcc: string[]
  }
): OutboxEntry {
  return books.tx(() => {
    const smtp = requireSettings(books)
    const customer = getCustomer(books, input.customerId)
    const statement = statementInput(books, customer.id, input.from, input.to)
    const to = input.recipients ?? customer.emails
    if (to.length === 0)
      throw problem(
        'VALIDATION',
        'email_no_recipient',
        `${customer.name} has no billing email: add one to the customer, or give an address to send to.`
      )
    const company = getCompany(books)
    const language = customer.language
    const locale = documentLocale(language)
    const message = templateFor(books, 'statement', language, {
      customer: customer.name,
      total: formatMoney(
        minorUnits(statementTotals(statement).closing),
        statement.currency,
        locale
      ),
      date: formatDay(statement.to, locale),
      company: company.legalName
    })
    const id = insertMessage(books, {
      kind: 'statement',
      invoiceId: null,
      customerId: customer.id,
      document: { kind: 'statement', input: statement, language, template: STATEMENT_TEMPLATE },
      language,
      sender: senderOf(smtp, company),
      recipients: { to, cc: input.cc, bcc: input.bcc },
      ...message
    })
    return outboxEntry(books, id)
  })
}
