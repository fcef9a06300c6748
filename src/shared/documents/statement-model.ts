import type { InvoiceParty } from '../books/invoices'
import type { StatementEntry } from '../books/results'
import { formatMoney, minorUnits } from '../money'
import { countryName, formatDay, formatPeriod } from '../format'
import type { Translate } from './breakdown-text'
import { documentLocale, printedIban, printedTaxId, type DocumentModel } from './invoice-model'

/**
 * A customer's statement of account as words and figures in one language, drawn by the same
 * layout as an invoice: what they owed when the period began, every invoice, credit note,
 * payment and refund in it with the balance after each, and what they owe at its end. Pure.
 */

export const STATEMENT_TEMPLATE = 'statement-v1'

/** One entry of the period: the books' statement entry, with the invoice's due date. */
export interface StatementLine extends StatementEntry {
  dueDate?: string | null
}

export interface StatementInput {
  seller: InvoiceParty
  customer: InvoiceParty
  currency: string
  /** The period, both days included. */
  from: string
  to: string
  /** The day the statement is made. */
  date: string
  /** What the customer owed before `from` (negative: in credit). */
  opening: number
  /** The period's entries in date order, each `balance` counted from `opening`. */
  entries: StatementLine[]
}

/** Opening, the period's movements by kind, and closing: closing = opening + the rest. */
export function statementTotals(input: StatementInput) {
  const sum = (kinds: StatementEntry['kind'][]) =>
    input.entries.filter((e) => kinds.includes(e.kind)).reduce((a, e) => a + e.amount, 0)
  const invoiced = sum(['invoice'])
  const credited = sum(['credit_note'])
  // a reversal gives back what its payment took off: paid is what was paid and stayed paid
  const paid = sum(['payment', 'reversal'])
  const refunded = sum(['refund'])
  const closing = input.opening + invoiced + credited + paid + refunded
  return { opening: input.opening, invoiced, credited, paid, refunded, closing }
}

function partyLines(party: InvoiceParty, other: InvoiceParty, locale: string, t: Translate) {
  const a = party.address
  return [
    a.line1,
    a.line2,
    [a.postalCode, a.city].filter(Boolean).join(' '),
    a.region,
    countryName(party.country, locale),
    party.taxId ? `${t('invoices.taxIdLabel')}: ${printedTaxId(party, other)}` : '',
    party.code ? `${t('customers.code')}: ${party.code}` : '',
    party.email ? `${t('company.email')}: ${party.email}` : '',
    party.phone ? `${t('company.phone')}: ${party.phone}` : ''
  ].filter(Boolean)
}

function entryText(e: StatementLine, t: Translate, locale: string) {
  const title =
    e.kind === 'invoice' || e.kind === 'credit_note'
      ? t(`statements.${e.kind}`, { number: e.reference })
      : t(`statements.${e.kind}`)
  const details =
    e.kind === 'invoice' || e.kind === 'credit_note'
      ? e.dueDate && e.kind === 'invoice'
        ? [t('statements.due', { date: formatDay(e.dueDate, locale) })]
        : []
      : [
          t('statements.reference', { reference: e.reference }),
          ...(e.reversed ? [t('statements.reversed')] : [])
        ]
  return { title: `${formatDay(e.date, locale)}   ${title}`, details }
}

/**
 * The statement in `language`. The table's columns are the entry, its amount (signed: what the
 * customer owes more is positive) and the balance after it. Its first row is the opening
 * balance, so the subtotal carried at a page break is the balance so far.
 */
export function statementModel(
  input: StatementInput,
  language: string,
  t: Translate
): DocumentModel {
  const locale = documentLocale(language)
  const money = (minor: number) => formatMoney(minorUnits(minor), input.currency, locale)
  const totals = statementTotals(input)
  const openingLabel = t('statements.opening', { date: formatDay(input.from, locale) })
  // the table starts from the opening balance, so each balance after it reads as a sum
  const lines = [
    { title: openingLabel, details: [], quantity: '', tax: '', amount: money(input.opening) },
    ...input.entries.map((e) => ({
      ...entryText(e, t, locale),
      quantity: money(e.amount),
      tax: '',
      amount: money(e.balance)
    }))
  ]
  const seller = input.seller
  const payment =
    totals.closing > 0
      ? [
          t('statements.balanceDue', { amount: money(totals.closing) }),
          ...(seller.iban
            ? [
                `${t('company.iban')}: ${printedIban(seller.iban)}${seller.bic ? `  ·  ${t('company.bic')}: ${seller.bic}` : ''}`
              ]
            : [])
        ]
      : totals.closing < 0
        ? [t('statements.inCredit', { amount: money(-totals.closing) })]
        : []
  return {
    template: STATEMENT_TEMPLATE,
    language,
    title: t('statements.title'),
    watermark: null,
    facts: [
      { label: t('statements.period'), value: formatPeriod(input.from, input.to, locale) },
      { label: t('statements.date'), value: formatDay(input.date, locale) },
      { label: t('statements.currency'), value: input.currency }
    ],
    parties: [
      {
        label: t('statements.seller'),
        bold: seller.name,
        lines: partyLines(seller, input.customer, locale, t)
      },
      {
        label: t('statements.customer'),
        bold: input.customer.name,
        lines: partyLines(input.customer, seller, locale, t)
      }
    ],
    notes: input.entries.length ? [] : [t('statements.nothing')],
    columns: {
      description: t('statements.description'),
      quantity: t('statements.amount'),
      tax: '',
      amount: t('statements.balance')
    },
    lines,
    lineAmounts: [input.opening, ...input.entries.map((e) => e.amount)],
    totals: [
      {
        label: t('statements.opening', { date: formatDay(input.from, locale) }),
        value: money(totals.opening)
      },
      { label: t('statements.invoiced'), value: money(totals.invoiced) },
      ...(totals.credited !== 0
        ? [{ label: t('statements.credited'), value: money(totals.credited) }]
        : []),
      { label: t('statements.paid'), value: money(totals.paid) },
      ...(totals.refunded !== 0
        ? [{ label: t('statements.refunded'), value: money(totals.refunded) }]
        : []),
      {
        label: t('statements.closing', { date: formatDay(input.to, locale) }),
        value: money(totals.closing),
        grand: true
      }
    ],
    payment,
    paymentCode: null,
    taxCode: null,
    legalNotes: [],
    footer: [seller.name, seller.email, seller.phone].filter(Boolean).join('  ·  '),
    pageLabel: (page, pages) => t('documents.page', { page, pages }),
    carriedLabel: t('statements.carried'),
    money
  }
}
