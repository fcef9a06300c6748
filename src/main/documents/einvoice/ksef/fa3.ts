import Decimal from 'decimal.js'
import type { InvoiceLineView, InvoiceParty, InvoiceView } from '@shared/books/invoices'
import { currencyExponent } from '@shared/money'
import { EU_VAT_PREFIX, isEuCountry } from '../parties'
import { branch, leaf, xmlDocument, xmlText, type Node } from '../xml'
import { nipOf } from './numbers'
import { refuseDocument } from '../refuse'

/**
 * Poland's structured invoice, FA(3) (schemat_FA(3)_v1-0E), from an issued invoice (RodzajFaktury
 * VAT) or credit note (KOR, the difference). Pure: the issued document and what the books add
 * about it (when it was issued, the corrected invoice, the NBP rate) in, the XML out. Elements in
 * the schema's order; what FA(3) cannot say, or KSeF would reject (a bad NIP, a rate Poland does
 * not have, three decimals), is refused with the reason rather than written.
 */

export const FA3_NAMESPACE = 'http://crd.gov.pl/wzor/2025/06/25/13775/'
/** When KSeF became the way to issue invoices: a correction of an older invoice says it had none. */
export const KSEF_MANDATORY_FROM = '2026-02-01'

export interface Fa3Context {
  /** When the document was issued, ISO 8601 in UTC (DataWytworzeniaFa): fixed, so the file is too. */
  issuedAt: string
  /** For a credit note: the invoice it corrects. */
  corrected: { number: string; issueDate: string; ksefNumber: string | null } | null
  /** PLN for one unit of the currency (NBP, last working day before issue), when VAT is not in PLN. */
  plnRate: { rate: string; date: string } | null
  /** The lines whose tax rate marks Annex 15 goods or services (split payment). */
  splitPaymentLines?: readonly number[]
}

/** Art. 108a ust. 1a of the VAT act: an invoice over PLN 15,000 with Annex 15 items is paid split. */
export const SPLIT_PAYMENT_OVER_PLN = 15_000

/**
 * Whether the invoice falls under the split payment mechanism: an invoice (not a correction) with
 * an Annex 15 line and a gross total over PLN 15,000 (in another currency, at the NBP rate).
 */
export function splitPaymentApplies(invoice: InvoiceView, context: Fa3Context): boolean {
  if (invoice.kind !== 'invoice' || !context.splitPaymentLines?.length) return false
  const total = new Decimal(invoice.subtotals.total).div(
    new Decimal(10).pow(currencyExponent(invoice.currency))
  )
  if (invoice.currency === 'PLN') return total.gt(SPLIT_PAYMENT_OVER_PLN)
  if (!context.plnRate)
    refuseDocument(
      invoice,
      'ksef_rate_missing',
      `${invoice.number} has Annex 15 items in ${invoice.currency}; whether it is paid split depends on its total in PLN, at the NBP rate of the last working day before ${invoice.issueDate}. Record that rate first (ksef rate ${invoice.currency} DATE RATE)`,
      { currency: invoice.currency, date: invoice.issueDate ?? '' }
    )
  return total.mul(context.plnRate.rate).gt(SPLIT_PAYMENT_OVER_PLN)
}

/** One P_13_x group: the field, the P_14_x beside it (none without VAT) and what FaWiersz/P_12 says. */
interface RateGroup {
  order: number
  net: string
  tax: string | null
  p12: string
}

const group = (order: number, net: string, tax: string | null, p12: string): RateGroup => ({
  order,
  net,
  tax,
  p12
})

const STANDARD: Record<string, [number, string]> = {
  '23': [1, '1'],
  '22': [1, '1'],
  '8': [2, '2'],
  '7': [2, '2'],
  '5': [3, '3'],
  '4': [4, '4'],
  '3': [4, '4']
}

/** The FA(3) group of a VAT category and rate, for a buyer in `buyerCountry`. */
export function rateGroup(
  invoice: InvoiceView,
  category: string,
  percent: string,
  buyerCountry: string
): RateGroup {
  const p = new Decimal(percent).toString()
  switch (category) {
    case 'S': {
      const standard = STANDARD[p]
      if (!standard)
        refuseDocument(
          invoice,
          'ksef_rate_unknown',
          `${invoice.number} charges VAT at ${p}%, which is not a Polish rate (23, 8, 5, or the taxi flat rates 4 and 3)`,
          { rate: p }
        )
      const [order, n] = standard
      return group(order, `P_13_${n}`, `P_14_${n}`, p)
    }
    case 'Z':
      return group(6.1, 'P_13_6_1', null, '0 KR')
    case 'K':
      return group(6.2, 'P_13_6_2', null, '0 WDT')
    case 'E':
      return group(7, 'P_13_7', null, 'zw')
    case 'G':
    case 'O':
      // services supplied outside Poland (art. 28b and the like): not taxed here
      return group(8, 'P_13_8', null, 'np I')
    case 'AE':
      // the buyer settles the VAT: an EU business under art. 100 ust. 1 pkt 4, or a domestic reverse charge
      return buyerCountry === 'PL'
        ? group(10, 'P_13_10', null, 'oo')
        : isEuCountry(buyerCountry)
          ? group(9, 'P_13_9', null, 'np II')
          : group(8, 'P_13_8', null, 'np I')
    default:
      return refuseDocument(
        invoice,
        'ksef_category_unknown',
        `${invoice.number} has VAT category ${category}, which FA(3) has no field for`,
        { category }
      )
  }
}

/** Minor units as FA(3) amount text (TKwotowy: a point, at most two decimals). */
const amountText = (minor: number, exponent: number): string =>
  new Decimal(minor).div(new Decimal(10).pow(exponent)).toFixed(exponent)

const decimalText = (value: Decimal, places: number): string =>
  value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toFixed()

const collapse = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max)

function address(parent: Node, party: InvoiceParty): void {
  const a = party.address
  const street = [a.line1, a.line2]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ')
  const town = [[a.postalCode, a.city].filter(Boolean).join(' '), a.region]
    .filter(Boolean)
    .join(', ')
  if (!street && !town) return
  const node = branch(parent, 'Adres')
  leaf(node, 'KodKraju', party.country)
  leaf(node, 'AdresL1', collapse(street || town, 512))
  if (street) leaf(node, 'AdresL2', collapse(town, 512))
}

function contact(parent: Node, email: string | undefined, phone: string | undefined): void {
  const tel = (phone ?? '').replace(/[\s()-]/g, '')
  const mail = email && /.+@.+/.test(email) ? email : ''
  const telephone = tel.length >= 1 && tel.length <= 16 ? tel : ''
  if (!mail && !telephone) return
  const node = branch(parent, 'DaneKontaktowe')
  leaf(node, 'Email', mail)
  leaf(node, 'Telefon', telephone)
}

/** Podmiot2/DaneIdentyfikacyjne: a Polish NIP, an EU VAT number, another country's id, or none. */
function buyerIdentity(parent: Node, invoice: InvoiceView, buyer: InvoiceParty): void {
  const node = branch(parent, 'DaneIdentyfikacyjne')
  const taxId = buyer.taxId.trim()
  if (buyer.country === 'PL') {
    const nip = nipOf(taxId)
    if (taxId && !nip)
      refuseDocument(
        invoice,
        'ksef_buyer_nip',
        `${buyer.name}'s tax id "${taxId}" is not a valid NIP (ten digits, the last a check digit); KSeF refuses the invoice. Correct it on the customer and issue a correction`,
        { name: buyer.name, taxId }
      )
    if (nip) leaf(node, 'NIP', nip)
    else leaf(node, 'BrakID', '1')
  } else if (taxId && isEuCountry(buyer.country)) {
    const prefix = EU_VAT_PREFIX[buyer.country]!
    const compact = taxId.replace(/[\s.\-/]/g, '').toUpperCase()
    const number = compact.startsWith(prefix) ? compact.slice(prefix.length) : compact
    if (!/^[0-9A-Z+*]{1,12}$/.test(number))
      refuseDocument(
        invoice,
        'ksef_buyer_vat',
        `${buyer.name}'s VAT number "${taxId}" is not an EU VAT number of ${buyer.country}`,
        { name: buyer.name, taxId }
      )
    leaf(node, 'KodUE', prefix)
    leaf(node, 'NrVatUE', number)
  } else if (taxId) {
    leaf(node, 'KodKraju', buyer.country)
    leaf(node, 'NrID', collapse(taxId, 50))
  } else leaf(node, 'BrakID', '1')
  leaf(node, 'Nazwa', collapse(buyer.name, 512))
}

/** The price of one, exact to 8 decimals where it can be, from the line's amount and quantity. */
function unitPrice(amountMinor: number, quantity: Decimal, exponent: number): string {
  const amount = new Decimal(amountMinor).div(new Decimal(10).pow(exponent))
  const price = (quantity.isZero() ? amount : amount.div(quantity)).toDecimalPlaces(
    8,
    Decimal.ROUND_HALF_UP
  )
  return price.decimalPlaces() < exponent ? price.toFixed(exponent) : price.toFixed()
}

/** Where the law asks the legal basis of an exemption to be named: the Polish act, the directive, or another. */
export function exemptionBasis(reason: string): 'P_19A' | 'P_19B' | 'P_19C' {
  if (/2006\/112|dyrektyw|directive/i.test(reason)) return 'P_19B'
  if (/ustaw|art\.|§/i.test(reason)) return 'P_19A'
  return 'P_19C'
}

function adnotacje(fa: Node, invoice: InvoiceView, groups: RateGroup[], split: boolean): void {
  const node = branch(fa, 'Adnotacje')
  leaf(node, 'P_16', '2')
  leaf(node, 'P_17', '2')
  leaf(node, 'P_18', groups.some((g) => g.p12 === 'oo' || g.p12 === 'np II') ? '1' : '2')
  leaf(node, 'P_18A', split ? '1' : '2')
  const exemption = branch(node, 'Zwolnienie')
  if (groups.some((g) => g.p12 === 'zw')) {
    const reason = invoice.taxes.find((t) => t.category === 'E')?.exemptionReason?.trim()
    if (!reason)
      refuseDocument(
        invoice,
        'ksef_exemption_basis',
        `${invoice.number} has an exempt supply without its legal basis; FA(3) must name it (P_19A, B or C)`
      )
    leaf(exemption, 'P_19', '1')
    leaf(exemption, exemptionBasis(reason), collapse(reason, 256))
  } else leaf(exemption, 'P_19N', '1')
  leaf(branch(node, 'NoweSrodkiTransportu'), 'P_22N', '1')
  leaf(node, 'P_23', '2')
  leaf(branch(node, 'PMarzy'), 'P_PMarzyN', '1')
}

function correction(fa: Node, invoice: InvoiceView, context: Fa3Context): void {
  const corrected = context.corrected
  if (!corrected)
    refuseDocument(
      invoice,
      'ksef_correction_unknown',
      `${invoice.number} is a credit note without the invoice it corrects`
    )
  if (!corrected.ksefNumber && corrected.issueDate >= KSEF_MANDATORY_FROM)
    refuseDocument(
      invoice,
      'ksef_correction_waits',
      `${invoice.number} corrects ${corrected.number}, which has no KSeF number yet: record the KSeF number of ${corrected.number} first (KSeF wants it in the correction)`,
      { corrected: corrected.number }
    )
  leaf(
    fa,
    'PrzyczynaKorekty',
    invoice.correctionReason ? collapse(invoice.correctionReason, 256) : null
  )
  const node = branch(fa, 'DaneFaKorygowanej')
  leaf(node, 'DataWystFaKorygowanej', corrected.issueDate)
  leaf(node, 'NrFaKorygowanej', corrected.number)
  if (corrected.ksefNumber) {
    leaf(node, 'NrKSeF', '1')
    leaf(node, 'NrKSeFFaKorygowanej', corrected.ksefNumber)
  } else leaf(node, 'NrKSeFN', '1')
}

function line(
  fa: Node,
  invoice: InvoiceView,
  l: InvoiceLineView,
  n: number,
  sign: 1 | -1,
  exponent: number,
  groupOf: (l: InvoiceLineView) => RateGroup,
  rate: string | null,
  annex15: boolean
): void {
  const node = branch(fa, 'FaWiersz')
  leaf(node, 'NrWierszaFa', String(n))
  leaf(node, 'P_7', collapse(l.description, 512) || invoice.number)
  leaf(node, 'P_8A', 'szt.')
  const quantity = new Decimal(l.quantity || '1').isZero()
    ? new Decimal(1)
    : new Decimal(l.quantity)
  leaf(node, 'P_8B', decimalText(quantity, 6))
  const before = invoice.taxInclusive ? l.netAmount : l.amount
  leaf(node, 'P_9A', unitPrice(sign * before, quantity, exponent))
  if (!invoice.taxInclusive && l.discount)
    leaf(node, 'P_10', amountText(sign * l.discount, exponent))
  leaf(node, 'P_11', amountText(sign * l.netAmount, exponent))
  leaf(node, 'P_12', groupOf(l).p12)
  if (annex15) leaf(node, 'P_12_Zal_15', '1')
  leaf(node, 'KursWaluty', rate)
}

function payment(fa: Node, invoice: InvoiceView): void {
  const seller = invoice.seller!
  if (invoice.kind === 'credit_note' || (!invoice.dueDate && !seller.iban)) return
  const node = branch(fa, 'Platnosc')
  if (invoice.dueDate) leaf(branch(node, 'TerminPlatnosci'), 'Termin', invoice.dueDate)
  const iban = (seller.iban ?? '').replace(/\s+/g, '').toUpperCase()
  if (!iban) return
  leaf(node, 'FormaPlatnosci', '6')
  const account = branch(node, 'RachunekBankowy')
  leaf(account, 'NrRB', iban)
  const bic = (seller.bic ?? '').replace(/\s+/g, '').toUpperCase()
  if (/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) leaf(account, 'SWIFT', bic)
}

/** The FA(3) file of an issued invoice or credit note of a Polish seller. */
export function fa3Xml(invoice: InvoiceView, context: Fa3Context): string {
  const { seller, buyer, number, issueDate } = invoice
  if (!number || !issueDate || !seller || !buyer)
    refuseDocument(
      invoice,
      'einvoice_not_issued',
      `Invoice ${invoice.id} is a draft: only an issued invoice or credit note becomes an e-invoice`
    )
  const nip = nipOf(seller.taxId)
  if (!nip)
    refuseDocument(
      invoice,
      'ksef_seller_nip',
      `The company's tax id "${seller.taxId}" on ${number} is not a valid NIP (ten digits, the last a check digit); set it under Company`,
      { taxId: seller.taxId }
    )
  const exponent = currencyExponent(invoice.currency)
  if (exponent > 2)
    refuseDocument(
      invoice,
      'ksef_currency_decimals',
      `${number} is in ${invoice.currency}, which has ${exponent} decimals; FA(3) carries at most 2`
    )
  // a correction states the difference it makes: a credit note's amounts, negative
  const credit = invoice.kind === 'credit_note'
  const sign: 1 | -1 = credit ? -1 : 1
  const money = (minor: number) => amountText(sign * minor, exponent)
  const groupOf = (category: string | null, percent: string | null) =>
    rateGroup(invoice, category ?? 'S', percent ?? '0', buyer.country)
  // the P_13_x/P_14_x sums: the document's VAT breakdown, one group per field
  const sums = new Map<string, { group: RateGroup; net: number; tax: number }>()
  for (const t of invoice.taxes) {
    const g = groupOf(t.category, t.percent)
    const entry = sums.get(g.net) ?? { group: g, net: 0, tax: 0 }
    entry.net += t.taxableAmount
    entry.tax += t.taxAmount
    sums.set(g.net, entry)
  }
  const groups = [...sums.values()].sort((a, b) => a.group.order - b.group.order)
  const foreignVat = invoice.currency !== 'PLN' && groups.some((g) => g.tax !== 0)
  if (foreignVat && !context.plnRate)
    refuseDocument(
      invoice,
      'ksef_rate_missing',
      `${number} charges VAT in ${invoice.currency}; FA(3) states that VAT in PLN at the NBP rate of the last working day before ${issueDate}. Record that rate first (ksef rate ${invoice.currency} DATE RATE)`,
      { currency: invoice.currency, date: issueDate }
    )
  const rate = foreignVat ? context.plnRate!.rate : null

  const root = xmlDocument('Faktura', { xmlns: FA3_NAMESPACE })
  const header = branch(root, 'Naglowek')
  leaf(header, 'KodFormularza', 'FA', { kodSystemowy: 'FA (3)', wersjaSchemy: '1-0E' })
  leaf(header, 'WariantFormularza', '3')
  leaf(header, 'DataWytworzeniaFa', new Date(context.issuedAt).toISOString())
  leaf(header, 'SystemInfo', 'Facturo')

  const p1 = branch(root, 'Podmiot1')
  if (
    isEuCountry(buyer.country) &&
    buyer.country !== 'PL' &&
    groups.some((g) => g.group.p12 === 'np II' || g.group.p12 === '0 WDT')
  )
    leaf(p1, 'PrefiksPodatnika', 'PL')
  const sellerId = branch(p1, 'DaneIdentyfikacyjne')
  leaf(sellerId, 'NIP', nip)
  leaf(sellerId, 'Nazwa', collapse(seller.name, 512))
  address(p1, { ...seller, country: seller.country || 'PL' })
  contact(p1, seller.email, seller.phone)

  const p2 = branch(root, 'Podmiot2')
  buyerIdentity(p2, invoice, buyer)
  address(p2, buyer)
  contact(p2, buyer.emails?.[0] ?? buyer.email, buyer.phone)
  leaf(p2, 'NrKlienta', buyer.code ? collapse(buyer.code, 256) : null)
  leaf(p2, 'JST', '2')
  leaf(p2, 'GV', '2')

  const fa = branch(root, 'Fa')
  leaf(fa, 'KodWaluty', invoice.currency)
  leaf(fa, 'P_1', issueDate)
  leaf(fa, 'P_1M', seller.address.city ? collapse(seller.address.city, 256) : null)
  leaf(fa, 'P_2', collapse(number, 256))
  if (invoice.periodStart && invoice.periodEnd) {
    const period = branch(fa, 'OkresFa')
    leaf(period, 'P_6_Od', invoice.periodStart)
    leaf(period, 'P_6_Do', invoice.periodEnd)
  }
  for (const { group: g, net, tax } of groups) {
    leaf(fa, g.net, money(net))
    if (g.tax) {
      leaf(fa, g.tax, money(tax))
      if (rate)
        leaf(
          fa,
          `${g.tax}W`,
          decimalText(new Decimal(sign * tax).div(new Decimal(10).pow(exponent)).mul(rate), 2)
        )
    }
  }
  leaf(fa, 'P_15', money(invoice.subtotals.total))
  const split = splitPaymentApplies(invoice, context)
  adnotacje(
    fa,
    invoice,
    groups.map((g) => g.group),
    split
  )
  leaf(fa, 'RodzajFaktury', credit ? 'KOR' : 'VAT')
  if (credit) correction(fa, invoice, context)
  invoice.lines.forEach((l, i) =>
    line(
      fa,
      invoice,
      l,
      i + 1,
      sign,
      exponent,
      (x) => groupOf(x.taxCategory, x.taxPercent),
      rate,
      context.splitPaymentLines?.includes(l.id) ?? false
    )
  )
  payment(fa, invoice)
  if (invoice.legalNotes.length) {
    const footer = branch(root, 'Stopka')
    leaf(
      branch(footer, 'Informacje'),
      'StopkaFaktury',
      collapse(invoice.legalNotes.join(' '), 3500)
    )
  }
  return xmlText(root)
}
