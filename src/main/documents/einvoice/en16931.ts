import type { InvoiceLineView, InvoiceParty, InvoiceView } from '@shared/books/invoices'
import { currencyExponent } from '@shared/money'
import { endpointOf, vatIdOf } from './parties'
import { refuseDocument } from './refuse'

/**
 * An issued invoice or credit note in the terms of EN 16931 (the EU semantic model, business
 * terms BT-x), from which the UBL and CII syntaxes are written. Pure: the issued document's
 * frozen data in, the model out; amounts as exact decimal strings of the document's currency.
 * What the model cannot say (an amount of three decimals, a document without a number) is
 * refused with the reason, never written wrong.
 */

export interface En16931Address {
  line1: string
  line2: string
  city: string
  postalCode: string
  region: string
  country: string
}

export interface En16931Party {
  name: string
  /** BT-31 / BT-48, with its country prefix. */
  vatId: string | null
  /** BT-29 / BT-46: the buyer's code with the seller, or the seller's own tax number. */
  id: string | null
  /** BT-34 / BT-49: the Peppol address (EAS scheme and identifier). */
  endpoint: { scheme: string; id: string } | null
  address: En16931Address
  email: string | null
  phone: string | null
}

export interface En16931Line {
  id: string
  /** BT-129, signed (a negative line is a negative quantity at a positive price). */
  quantity: string
  unitCode: string
  /** BT-131. */
  net: string
  /** BT-146, never negative, for BT-149 units. */
  price: string
  baseQuantity: string | null
  name: string
  description: string | null
  period: { start: string; end: string } | null
  category: string
  percent: string
}

export interface En16931Allowance {
  amount: string
  reason: string
  category: string
  percent: string
}

export interface En16931Vat {
  category: string
  percent: string
  taxable: string
  tax: string
  exemptionReason: string | null
  exemptionCode: string | null
}

export interface En16931Invoice {
  /** BT-3: 380 commercial invoice, 381 credit note. */
  typeCode: '380' | '381'
  number: string
  issueDate: string
  dueDate: string | null
  currency: string
  notes: string[]
  /** BT-10 (Peppol asks for it or an order reference): the buyer's code. */
  buyerReference: string
  period: { start: string; end: string } | null
  /** BG-3: the invoice a credit note corrects. */
  preceding: { number: string } | null
  seller: En16931Party
  buyer: En16931Party
  /** BG-13 deliver-to country, for intra-EU supplies of goods (category K). */
  deliveryCountry: string | null
  payment: { meansCode: '30' | '58'; iban: string; bic: string | null; reference: string } | null
  allowances: En16931Allowance[]
  lines: En16931Line[]
  vat: En16931Vat[]
  totals: {
    lineNet: string
    allowances: string
    taxExclusive: string
    tax: string
    taxInclusive: string
    /** BT-113, when credit was applied; null otherwise. */
    prepaid: string | null
    payable: string
  }
}

/** UN/ECE Recommendation 20: "one" (a unit, a seat, a subscription). */
export const UNIT_ONE = 'C62'

/** Minor units as the decimal text EN 16931 carries (at most 2 decimals, BR-DEC-*). */
function amountText(minor: number, exponent: number): string {
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0')
  const text = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
  return minor < 0 ? `-${text}` : text
}

/** Decimal text as [integer, scale]: "2.5" → [25n, 1]. */
function scaled(text: string): [bigint, number] {
  const negative = text.startsWith('-')
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.')
  const value = BigInt(`${whole}${fraction}` || '0')
  return [negative ? -value : value, fraction.length]
}

function bigText(value: bigint, scale: number): string {
  const negative = value < 0n
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0')
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`
  return (negative ? '-' : '') + text.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')
}

/**
 * The price of one, when the line's amount divides by its quantity within 8 decimals; otherwise
 * the line's amount as the price of the whole quantity (BT-149 base quantity), so quantity ×
 * price / base quantity is the line amount exactly either way.
 */
export function linePrice(
  amountMinor: number,
  quantity: string,
  exponent: number
): { price: string; baseQuantity: string | null } {
  const [q, qScale] = scaled(quantity)
  const amount = BigInt(Math.abs(amountMinor))
  if (q === 0n) return { price: amountText(Math.abs(amountMinor), exponent), baseQuantity: null }
  for (let d = exponent; d <= 8; d++) {
    const numerator = amount * 10n ** BigInt(qScale + d)
    const denominator = (q < 0n ? -q : q) * 10n ** BigInt(exponent)
    if (numerator % denominator === 0n)
      return { price: bigText(numerator / denominator, d), baseQuantity: null }
  }
  return {
    price: amountText(Math.abs(amountMinor), exponent),
    baseQuantity: bigText(q < 0n ? -q : q, qScale)
  }
}

const trimmedQuantity = (quantity: string, negative: boolean): string => {
  const [q, scale] = scaled(quantity)
  const value = q === 0n ? 1n * 10n ** BigInt(scale) : q < 0n ? -q : q
  return bigText(negative ? -value : value, scale)
}

function address(party: InvoiceParty): En16931Address {
  return {
    line1: party.address.line1,
    line2: party.address.line2,
    city: party.address.city,
    postalCode: party.address.postalCode,
    region: party.address.region,
    country: party.country
  }
}

function line(l: InvoiceLineView, sign: 1 | -1, exponent: number, inclusive: boolean): En16931Line {
  // tax-inclusive documents carry their net amounts (coupon included) as the line's
  const amount = sign * (inclusive ? l.netAmount : l.amount)
  const price = linePrice(amount, l.quantity, exponent)
  const [name, ...rest] = l.description.split('\n')
  return {
    id: String(l.id),
    quantity: trimmedQuantity(l.quantity, amount < 0),
    unitCode: UNIT_ONE,
    net: amountText(amount, exponent),
    ...price,
    name: name!.trim() || l.description,
    description: rest.join(' ').trim() || null,
    period: l.periodStart && l.periodEnd ? { start: l.periodStart, end: l.periodEnd } : null,
    category: l.taxCategory ?? 'S',
    percent: l.taxPercent ?? '0'
  }
}

/** Coupons as document-level allowances (BG-20), one per VAT category they reduce. */
function allowances(invoice: InvoiceView, sign: 1 | -1, exponent: number): En16931Allowance[] {
  if (invoice.taxInclusive) return []
  const reason = invoice.discounts.map((d) => d.name).join(', ') || 'Discount'
  const byCategory = new Map<string, { category: string; percent: string; amount: number }>()
  for (const l of invoice.lines) {
    if (!l.discount) continue
    const category = l.taxCategory ?? 'S'
    const percent = l.taxPercent ?? '0'
    const key = `${category}|${percent}`
    const entry = byCategory.get(key) ?? { category, percent, amount: 0 }
    entry.amount += l.discount
    byCategory.set(key, entry)
  }
  return [...byCategory.values()].map((a) => ({
    amount: amountText(sign * a.amount, exponent),
    reason,
    category: a.category,
    percent: a.percent
  }))
}

/** An issued invoice or credit note as EN 16931 sees it. */
export function en16931Invoice(invoice: InvoiceView): En16931Invoice {
  if (!invoice.number || !invoice.issueDate || !invoice.seller || !invoice.buyer)
    refuseDocument(
      invoice,
      'einvoice_not_issued',
      `Invoice ${invoice.id} is a draft: only an issued invoice or credit note becomes an e-invoice`
    )
  const exponent = currencyExponent(invoice.currency)
  if (exponent > 2)
    refuseDocument(
      invoice,
      'einvoice_currency_decimals',
      `${invoice.number} is in ${invoice.currency}, which has ${exponent} decimals; EN 16931 (UBL, CII) carries at most 2`
    )
  const sign: 1 | -1 = invoice.subtotals.total < 0 ? -1 : 1
  const credit = invoice.kind === 'credit_note'
  const money = (minor: number) => amountText(sign * minor, exponent)
  const inclusive = invoice.taxInclusive
  const outOfScope = invoice.taxes.some((t) => t.category === 'O')
  const lines = invoice.lines.map((l) => line(l, sign, exponent, inclusive))
  const allowanceList = allowances(invoice, sign, exponent)
  const s = invoice.subtotals
  const lineNet = inclusive ? s.net : s.lines
  const allowanceTotal = inclusive ? 0 : s.discounts
  const seller = invoice.seller
  const buyer = invoice.buyer
  return {
    typeCode: credit ? '381' : '380',
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: credit ? null : invoice.dueDate,
    currency: invoice.currency,
    notes: [...(invoice.correctionReason ? [invoice.correctionReason] : []), ...invoice.legalNotes],
    buyerReference: invoice.buyer.code || invoice.number,
    period:
      invoice.periodStart && invoice.periodEnd
        ? { start: invoice.periodStart, end: invoice.periodEnd }
        : null,
    preceding: invoice.correctsNumber ? { number: invoice.correctsNumber } : null,
    seller: {
      name: seller.name,
      vatId: outOfScope ? null : vatIdOf(seller.taxId, seller.country),
      id: null,
      endpoint: endpointOf(seller.taxId, seller.country),
      address: address(seller),
      email: seller.email || null,
      phone: seller.phone || null
    },
    buyer: {
      name: buyer.name,
      vatId: outOfScope ? null : vatIdOf(buyer.taxId, buyer.country),
      id: buyer.code || null,
      endpoint: endpointOf(buyer.taxId, buyer.country, buyer.peppolId),
      address: address(buyer),
      email: buyer.emails?.[0] ?? buyer.email ?? null,
      phone: buyer.phone || null
    },
    deliveryCountry: invoice.taxes.some((t) => t.category === 'K') ? buyer.country : null,
    payment:
      seller.iban && !credit
        ? {
            meansCode: invoice.currency === 'EUR' ? '58' : '30',
            iban: seller.iban.replace(/\s+/g, ''),
            bic: seller.bic || null,
            reference: invoice.number
          }
        : null,
    allowances: allowanceList,
    lines,
    vat: invoice.taxes.map((t) => ({
      category: t.category,
      percent: t.percent,
      taxable: money(t.taxableAmount),
      tax: money(t.taxAmount),
      exemptionReason: t.exemptionReason ?? null,
      exemptionCode: null
    })),
    totals: {
      lineNet: money(lineNet),
      allowances: money(allowanceTotal),
      taxExclusive: money(s.net),
      tax: money(s.tax),
      taxInclusive: money(s.total),
      prepaid: s.creditsApplied ? money(s.creditsApplied) : null,
      payable: money(s.amountDue)
    }
  }
}
