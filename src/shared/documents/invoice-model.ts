import type { InvoiceParty, InvoiceView } from '../books/invoices'
import { formatMoney, minorUnits } from '../money'
import { countryName, formatDay, formatDecimalMoney, formatPeriod, formatQuantity } from '../format'
import { describeStep, type Translate } from './breakdown-text'

/**
 * An invoice or credit note as words and figures in one language, before any layout: what the
 * PDF (and later the e-mail) prints. Pure: the same invoice, language and template give the
 * same model, so an issued document renders the same years later.
 */
export interface DocumentModel {
  template: string
  language: string
  title: string
  /** Drafts are rendered with a watermark so they are never mistaken for an invoice. */
  watermark: string | null
  facts: { label: string; value: string }[]
  parties: { label: string; lines: string[]; bold: string }[]
  notes: string[]
  columns: { description: string; quantity: string; tax: string; amount: string }
  lines: { title: string; details: string[]; quantity: string; tax: string; amount: string }[]
  /** Each line's amount in minor units, for the subtotal carried from page to page. */
  lineAmounts: number[]
  totals: { label: string; value: string; grand?: boolean }[]
  payment: string[]
  legalNotes: string[]
  footer: string
  /** Labels the layout fills in: "Page {{page}} of {{pages}}", "Carried forward". */
  pageLabel: (page: number, pages: number) => string
  carriedLabel: string
  money: (minor: number) => string
}

export const INVOICE_TEMPLATE = 'invoice-v1'

const INTL_LOCALES: Readonly<Record<string, string>> = {
  en: 'en-GB',
  'pt-BR': 'pt-BR',
  es: 'es-ES',
  pl: 'pl-PL'
}

/** The Intl locale a document language prints with (British English: day before month). */
export const documentLocale = (language: string): string => INTL_LOCALES[language] ?? 'en-GB'

function partyLines(party: InvoiceParty, locale: string, t: Translate, seller: boolean): string[] {
  const a = party.address
  return [
    a.line1,
    a.line2,
    [a.postalCode, a.city].filter(Boolean).join(' '),
    a.region,
    countryName(party.country, locale),
    party.taxId ? `${t('invoices.taxIdLabel')}: ${party.taxId}` : '',
    ...(seller
      ? [
          party.email ? `${t('company.email')}: ${party.email}` : '',
          party.phone ? `${t('company.phone')}: ${party.phone}` : ''
        ]
      : [party.code ? `${t('customers.code')}: ${party.code}` : ''])
  ].filter(Boolean)
}

/** The words and figures of an invoice in `language`, with `t` looking up that language's catalog. */
export function invoiceModel(invoice: InvoiceView, language: string, t: Translate): DocumentModel {
  const locale = documentLocale(language)
  const c = invoice.currency
  const money = (minor: number) => formatMoney(minorUnits(minor), c, locale)
  const m = (decimal: string) => formatDecimalMoney(decimal, c, locale)
  const q = (decimal: string) => formatQuantity(decimal, locale)
  const draft = invoice.status === 'draft'
  const title = `${t(invoice.kind === 'credit_note' ? 'invoices.creditNoteTitle' : 'invoices.invoiceTitle')} ${invoice.number ?? t('invoices.draftNumber', { id: invoice.id })}`
  const facts = [
    {
      label: t('invoices.issueDate'),
      value: invoice.issueDate ? formatDay(invoice.issueDate, locale) : t('invoices.notIssued')
    },
    ...(invoice.periodStart && invoice.periodEnd
      ? [
          {
            label: t('invoices.period'),
            value: formatPeriod(invoice.periodStart, invoice.periodEnd, locale)
          }
        ]
      : []),
    ...(invoice.dueDate
      ? [{ label: t('invoices.dueDate'), value: formatDay(invoice.dueDate, locale) }]
      : []),
    { label: t('customers.currency'), value: c }
  ]
  const parties = (
    [
      [t('invoices.seller'), invoice.seller, true],
      [t('invoices.buyer'), invoice.buyer, false]
    ] as const
  ).flatMap(([label, party, seller]) =>
    party ? [{ label, bold: party.name, lines: partyLines(party, locale, t, seller) }] : []
  )
  const lines = invoice.lines.map((line) => ({
    title: line.description,
    details: [
      ...(line.periodStart && line.periodEnd
        ? [
            t(line.kind === 'usage' ? 'invoices.usagePeriod' : 'invoices.servicePeriod', {
              period: formatPeriod(line.periodStart, line.periodEnd, locale)
            })
          ]
        : []),
      ...line.breakdown.map((step) => describeStep(step, t, m, q)),
      ...(line.proration
        ? [
            `${t('invoices.prorated', { days: line.proration.days, of: line.proration.ofDays })} ${line.proration.computation}`
          ]
        : []),
      ...(line.discount !== 0 ? [`${t('invoices.lineDiscount')}: ${money(-line.discount)}`] : [])
    ],
    quantity: q(line.quantity),
    tax: line.taxPercent !== null ? `${line.taxPercent} %` : '—',
    amount: money(line.amount)
  }))
  const s = invoice.subtotals
  const totals = [
    ...(s.discounts !== 0
      ? [
          { label: t('invoices.linesTotal'), value: money(s.lines) },
          { label: t('invoices.discounts'), value: money(-s.discounts) }
        ]
      : []),
    { label: t('invoices.net'), value: money(s.net) },
    ...invoice.taxes.map((tax) => ({
      label: `${t('invoices.taxLine', { percent: tax.percent })} (${t('invoices.taxBase')} ${money(tax.taxableAmount)})`,
      value: money(tax.taxAmount)
    })),
    { label: t('invoices.total'), value: money(s.total), grand: true },
    ...(s.creditsApplied !== 0
      ? [
          { label: t('invoices.creditsApplied'), value: money(-s.creditsApplied) },
          { label: t('invoices.amountDue'), value: money(s.amountDue), grand: true }
        ]
      : [])
  ]
  const seller = invoice.seller
  const payment =
    invoice.kind === 'invoice' && seller?.iban
      ? [
          t('documents.payTo', {
            amount: money(s.amountDue),
            date: invoice.dueDate ? formatDay(invoice.dueDate, locale) : '—'
          }),
          `${t('company.iban')}: ${seller.iban}${seller.bic ? `  ·  ${t('company.bic')}: ${seller.bic}` : ''}`,
          t('documents.payReference', { number: invoice.number ?? '' })
        ]
      : []
  return {
    template: INVOICE_TEMPLATE,
    language,
    title,
    watermark: draft ? t('documents.draftWatermark') : null,
    facts,
    parties,
    notes: invoice.correctionReason
      ? [`${t('invoices.correctionReason')}: ${invoice.correctionReason}`]
      : [],
    columns: {
      description: t('invoices.description'),
      quantity: t('invoices.quantity'),
      tax: t('invoices.tax'),
      amount: t('invoices.amount')
    },
    lines,
    lineAmounts: invoice.lines.map((l) => l.amount),
    totals,
    payment,
    legalNotes: invoice.legalNotes,
    footer: [seller?.name, seller?.email, seller?.phone].filter(Boolean).join('  ·  '),
    pageLabel: (page, pages) => t('documents.page', { page, pages }),
    carriedLabel: t('documents.carried'),
    money
  }
}
