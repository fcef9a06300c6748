import type { InvoiceParty, InvoiceView } from '../books/invoices'
import { formatMoney, minorUnits } from '../money'
import { INTL_LOCALE } from '../languages'
import { ownValue } from '../own'
import { EU_COUNTRY_CODES } from '../countries'
import { countryName, formatDay, formatDecimalMoney, formatPeriod, formatQuantity } from '../format'
import { describeStep, type Translate } from './breakdown-text'
import { epcPayload, pixPayload } from './payment-codes'

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
  /** A QR code beside the payment lines: EPC (SEPA transfer) or Pix, with what it is for. */
  paymentCode: { payload: string; caption: string } | null
  /**
   * The tax authority's verification code, printed near the top beside the parties: KSeF's KOD I
   * (labelled with the KSeF number, or OFFLINE until KSeF gives one).
   */
  taxCode: {
    payload: string
    label: string
    caption: string
    /** At the head of the first page (the AEAT's rule), or beside the parties. */
    placement: 'top' | 'parties'
  } | null
  legalNotes: string[]
  footer: string
  /** Labels the layout fills in: "Page {{page}} of {{pages}}", "Carried forward". */
  pageLabel: (page: number, pages: number) => string
  carriedLabel: string
  money: (minor: number) => string
}

export const INVOICE_TEMPLATE = 'invoice-v1'

/** The Intl locale a document language prints with (British English: day before month). */
export const documentLocale = (language: string): string =>
  ownValue(INTL_LOCALE, language) ?? 'en-GB'

/**
 * A VAT number as an intra-EU invoice must print it: with the member state's prefix (EL for
 * Greece), when seller and buyer are in different member states and it was typed without one.
 */
export function printedTaxId(party: InvoiceParty, other: InvoiceParty | null): string {
  const crossBorderEu =
    other !== null &&
    party.country !== other.country &&
    EU_COUNTRY_CODES.includes(party.country) &&
    EU_COUNTRY_CODES.includes(other.country)
  if (!crossBorderEu || /^[A-Z]{2}/.test(party.taxId)) return party.taxId
  return `${party.country === 'GR' ? 'EL' : party.country}${party.taxId}`
}

function partyLines(
  party: InvoiceParty,
  other: InvoiceParty | null,
  locale: string,
  t: Translate,
  seller: boolean
): string[] {
  const a = party.address
  return [
    a.line1,
    a.line2,
    [a.postalCode, a.city].filter(Boolean).join(' '),
    a.region,
    countryName(party.country, locale),
    party.taxId ? `${t('invoices.taxIdLabel')}: ${printedTaxId(party, other)}` : '',
    ...(seller
      ? [
          party.email ? `${t('company.email')}: ${party.email}` : '',
          party.phone ? `${t('company.phone')}: ${party.phone}` : ''
        ]
      : [party.code ? `${t('customers.code')}: ${party.code}` : ''])
  ].filter(Boolean)
}

/** The words and figures of an invoice in `language`, with `t` looking up that language's catalog. */
/**
 * `upcoming`: the invoice the next billing run will make (a preview that is never kept), titled
 * and watermarked as one.
 */
export function invoiceModel(
  invoice: InvoiceView,
  language: string,
  t: Translate,
  options: {
    upcoming?: boolean
    ksef?: { url: string; label: string; splitPayment?: boolean } | null
    verifactu?: { url: string } | null
    /** The NFS-e the tax system issued for a Brazilian seller's invoice. */
    nfse?: { number: string; accessKey: string } | null
  } = {}
): DocumentModel {
  const locale = documentLocale(language)
  const c = invoice.currency
  const money = (minor: number) => formatMoney(minorUnits(minor), c, locale)
  // a credit note gives back: its amounts print as negative figures
  const sign = invoice.kind === 'credit_note' ? -1 : 1
  const amount = (minor: number) => money(sign * minor || 0)
  const m = (decimal: string) => formatDecimalMoney(decimal, c, locale)
  const q = (decimal: string) => formatQuantity(decimal, locale)
  const draft = invoice.status === 'draft'
  const title = options.upcoming
    ? t('invoices.upcomingTitle')
    : `${t(invoice.kind === 'credit_note' ? 'invoices.creditNoteTitle' : 'invoices.invoiceTitle')} ${invoice.number ?? t('invoices.draftNumber', { id: invoice.id })}`
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
    ...(invoice.correctsNumber
      ? [{ label: t('invoices.corrects'), value: invoice.correctsNumber }]
      : []),
    { label: t('customers.currency'), value: c },
    ...(options.nfse && !draft ? [{ label: 'NFS-e', value: options.nfse.number }] : [])
  ]
  const parties = (
    [
      [t('invoices.seller'), invoice.seller, invoice.buyer, true],
      [t('invoices.buyer'), invoice.buyer, invoice.seller, false]
    ] as const
  ).flatMap(([label, party, other, seller]) =>
    party ? [{ label, bold: party.name, lines: partyLines(party, other, locale, t, seller) }] : []
  )
  const lines = invoice.lines.map((line) => ({
    title: line.description,
    details: [
      ...(line.periodStart && line.periodEnd && line.kind !== 'late_fee'
        ? [
            t(line.kind === 'usage' ? 'invoices.usagePeriod' : 'invoices.servicePeriod', {
              period: formatPeriod(line.periodStart, line.periodEnd, locale)
            })
          ]
        : []),
      ...line.breakdown.map((step) => describeStep(step, t, m, q)),
      ...(line.proration
        ? [
            // the computation in the document's own words and figures: "29/31 × 200,00 zł"
            `${t('invoices.prorated', { days: line.proration.days, of: line.proration.ofDays })} ${line.proration.days}/${line.proration.ofDays} × ${m(line.proration.fullAmount)}`
          ]
        : []),
      ...(line.discount !== 0 ? [`${t('invoices.lineDiscount')}: ${amount(-line.discount)}`] : [])
    ],
    quantity: q(line.quantity),
    tax: line.taxPercent !== null ? `${line.taxPercent} %` : '—',
    amount: amount(line.amount)
  }))
  const s = invoice.subtotals
  const totals = [
    ...(s.discounts !== 0
      ? [
          { label: t('invoices.linesTotal'), value: amount(s.lines) },
          { label: t('invoices.discounts'), value: amount(-s.discounts) }
        ]
      : []),
    { label: t('invoices.net'), value: amount(s.net) },
    // a Brazilian service's price holds its taxes (the NFS-e states them): no VAT line of 0
    ...invoice.taxes
      .filter((tax) => !(invoice.seller?.country === 'BR' && tax.taxAmount === 0))
      .map((tax) => ({
        label: `${t('invoices.taxLine', { percent: tax.percent })} (${t('invoices.taxBase')} ${amount(tax.taxableAmount)})`,
        value: amount(tax.taxAmount)
      })),
    { label: t('invoices.total'), value: amount(s.total), grand: true },
    ...(s.creditsApplied !== 0
      ? [
          { label: t('invoices.creditsApplied'), value: amount(-s.creditsApplied) },
          { label: t('invoices.amountDue'), value: amount(s.amountDue), grand: true }
        ]
      : [])
  ]
  const { payment, paymentCode } = paymentInstructions(invoice, t, money, locale)
  return {
    template: INVOICE_TEMPLATE,
    language,
    title,
    watermark: options.upcoming
      ? t('documents.previewWatermark')
      : draft
        ? t('documents.draftWatermark')
        : null,
    facts,
    parties,
    notes: [
      ...(invoice.correctionReason
        ? [`${t('invoices.correctionReason')}: ${invoice.correctionReason}`]
        : []),
      // the access key in groups of four, as the DANFSe prints it
      ...(options.nfse && !draft
        ? [
            `${t('documents.nfseAccessKey')}: ${options.nfse.accessKey.replace(/(\d{4})(?=\d)/g, '$1 ')}`
          ]
        : [])
    ],
    columns: {
      description: t('invoices.description'),
      quantity: t('invoices.quantity'),
      tax: t('invoices.tax'),
      amount: t('invoices.amount')
    },
    lines,
    lineAmounts: invoice.lines.map((l) => sign * l.amount),
    totals,
    payment,
    paymentCode,
    taxCode: options.upcoming || draft ? null : taxCode(options, t),
    // the wording art. 106e ust. 1 pkt 18a of the Polish VAT act prescribes, in Polish
    legalNotes: options.ksef?.splitPayment
      ? [...invoice.legalNotes, 'mechanizm podzielonej płatności']
      : invoice.legalNotes,
    footer: [invoice.seller?.name, invoice.seller?.email, invoice.seller?.phone]
      .filter(Boolean)
      .join('  ·  '),
    pageLabel: (page, pages) => t('documents.page', { page, pages }),
    carriedLabel: t('documents.carried'),
    money
  }
}

/**
 * The tax authority's code: the AEAT's, with the words its rules prescribe in Spanish whatever the
 * document's language ("QR tributario:" above, "VERI*FACTU" below), or KSeF's KOD I.
 */
function taxCode(
  options: { ksef?: { url: string; label: string } | null; verifactu?: { url: string } | null },
  t: Translate
): DocumentModel['taxCode'] {
  if (options.verifactu)
    return {
      payload: options.verifactu.url,
      caption: 'QR tributario:',
      label: 'VERI*FACTU',
      placement: 'top'
    }
  if (options.ksef)
    return {
      payload: options.ksef.url,
      label: options.ksef.label,
      caption: t('documents.ksefCaption'),
      placement: 'parties'
    }
  return null
}

/** IBAN in groups of four, as it is printed: PL61 1090 1014 0000 0712 1981 2874. */
export const printedIban = (iban: string): string => iban.replace(/(.{4})(?=.)/g, '$1 ')

/** A Polish account number (NRB): the IBAN without PL, as 2 + 6 groups of 4 digits. */
const nrb = (iban: string): string =>
  iban
    .slice(2)
    .replace(/^(\d{2})/, '$1 ')
    .replace(/(\d{4})(?=\d)/g, '$1 ')

/**
 * How to pay: the amount and date, the account (IBAN/BIC; the Polish account number for PLN),
 * the transfer reference, and a QR code a banking app reads (EPC for EUR, Pix for BRL).
 * Only for an issued invoice with something left to pay.
 */
function paymentInstructions(
  invoice: InvoiceView,
  t: Translate,
  money: (minor: number) => string,
  locale: string
): { payment: string[]; paymentCode: DocumentModel['paymentCode'] } {
  const seller = invoice.seller
  const due = invoice.subtotals.amountDue
  const pix = invoice.currency === 'BRL' && seller?.pixKey ? seller.pixKey : ''
  if (invoice.kind !== 'invoice' || !seller || (!seller.iban && !pix))
    return { payment: [], paymentCode: null }
  const payable = invoice.status !== 'draft' && invoice.number !== null && due > 0
  const payment = [
    t('documents.payTo', {
      amount: money(due),
      date: invoice.dueDate ? formatDay(invoice.dueDate, locale) : '—'
    }),
    ...(invoice.currency === 'PLN' && seller.iban?.startsWith('PL')
      ? [`${t('documents.bankAccount')}: ${nrb(seller.iban)}`]
      : []),
    ...(seller.iban
      ? [
          `${t('company.iban')}: ${printedIban(seller.iban)}${seller.bic ? `  ·  ${t('company.bic')}: ${seller.bic}` : ''}`
        ]
      : []),
    ...(pix ? [`${t('documents.pixKey')}: ${pix}`] : []),
    t('documents.payReference', { number: invoice.number ?? '' })
  ]
  if (!payable) return { payment, paymentCode: null }
  if (pix) {
    const payload = pixPayload({
      key: pix,
      merchantName: seller.name,
      merchantCity: seller.address.city,
      amountMinor: due,
      txid: invoice.number ?? ''
    })
    payment.push(`${t('documents.pixCopyPaste')}: ${payload}`)
    return { payment, paymentCode: { payload, caption: t('documents.pixCaption') } }
  }
  if (invoice.currency === 'EUR' && seller.iban) {
    const payload = epcPayload({
      bic: seller.bic ?? '',
      name: seller.name,
      iban: seller.iban,
      amountMinor: due,
      remittance: invoice.number ?? ''
    })
    return { payment, paymentCode: { payload, caption: t('documents.epcCaption') } }
  }
  return { payment, paymentCode: null }
}
