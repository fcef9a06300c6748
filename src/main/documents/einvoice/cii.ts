import type { En16931Invoice, En16931Party } from './en16931'
import { VATEX } from './ubl'
import { branch, leaf, xmlDocument, xmlText, type Node } from './xml'

/**
 * UN/CEFACT Cross Industry Invoice D16B, EN 16931 profile: the XML Factur-X and ZUGFeRD embed.
 * Elements in the order the D16B schema lists them.
 */

const NS = {
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100'
}

/** EN 16931's guideline id: the Factur-X/ZUGFeRD "EN 16931" (comfort) profile. */
export const CII_GUIDELINE = 'urn:cen.eu:en16931:2017'

function date(parent: Node, name: string, day: string): void {
  leaf(branch(parent, name), 'udt:DateTimeString', day.replaceAll('-', ''), { format: '102' })
}

function tradeTax(parent: Node, category: string, percent: string): void {
  leaf(parent, 'ram:TypeCode', 'VAT')
  leaf(parent, 'ram:CategoryCode', category)
  if (category !== 'O') leaf(parent, 'ram:RateApplicablePercent', percent)
}

function party(parent: Node, name: string, p: En16931Party): void {
  const node = branch(parent, name)
  leaf(node, 'ram:ID', p.id)
  leaf(node, 'ram:Name', p.name)
  if (p.email || p.phone) {
    const contact = branch(node, 'ram:DefinedTradeContact')
    if (p.phone)
      leaf(branch(contact, 'ram:TelephoneUniversalCommunication'), 'ram:CompleteNumber', p.phone)
    if (p.email) leaf(branch(contact, 'ram:EmailURIUniversalCommunication'), 'ram:URIID', p.email)
  }
  const address = branch(node, 'ram:PostalTradeAddress')
  leaf(address, 'ram:PostcodeCode', p.address.postalCode)
  leaf(address, 'ram:LineOne', p.address.line1)
  leaf(address, 'ram:LineTwo', p.address.line2)
  leaf(address, 'ram:CityName', p.address.city)
  leaf(address, 'ram:CountryID', p.address.country)
  leaf(address, 'ram:CountrySubDivisionName', p.address.region)
  if (p.endpoint)
    leaf(branch(node, 'ram:URIUniversalCommunication'), 'ram:URIID', p.endpoint.id, {
      schemeID: p.endpoint.scheme
    })
  if (p.vatId)
    leaf(branch(node, 'ram:SpecifiedTaxRegistration'), 'ram:ID', p.vatId, { schemeID: 'VA' })
}

function period(parent: Node, p: { start: string; end: string } | null): void {
  if (!p) return
  const node = branch(parent, 'ram:BillingSpecifiedPeriod')
  date(node, 'ram:StartDateTime', p.start)
  date(node, 'ram:EndDateTime', p.end)
}

function lines(transaction: Node, doc: En16931Invoice): void {
  for (const l of doc.lines) {
    const item = branch(transaction, 'ram:IncludedSupplyChainTradeLineItem') // BG-25
    leaf(branch(item, 'ram:AssociatedDocumentLineDocument'), 'ram:LineID', l.id)
    const product = branch(item, 'ram:SpecifiedTradeProduct')
    leaf(product, 'ram:Name', l.name)
    leaf(product, 'ram:Description', l.description)
    const price = branch(
      branch(item, 'ram:SpecifiedLineTradeAgreement'),
      'ram:NetPriceProductTradePrice'
    )
    leaf(price, 'ram:ChargeAmount', l.price)
    if (l.baseQuantity) leaf(price, 'ram:BasisQuantity', l.baseQuantity, { unitCode: l.unitCode })
    leaf(branch(item, 'ram:SpecifiedLineTradeDelivery'), 'ram:BilledQuantity', l.quantity, {
      unitCode: l.unitCode
    })
    const settlement = branch(item, 'ram:SpecifiedLineTradeSettlement')
    tradeTax(branch(settlement, 'ram:ApplicableTradeTax'), l.category, l.percent)
    period(settlement, l.period)
    leaf(
      branch(settlement, 'ram:SpecifiedTradeSettlementLineMonetarySummation'),
      'ram:LineTotalAmount',
      l.net
    )
  }
}

function settlement(transaction: Node, doc: En16931Invoice): void {
  const node = branch(transaction, 'ram:ApplicableHeaderTradeSettlement')
  leaf(node, 'ram:PaymentReference', doc.payment?.reference)
  leaf(node, 'ram:InvoiceCurrencyCode', doc.currency)
  if (doc.payment) {
    const means = branch(node, 'ram:SpecifiedTradeSettlementPaymentMeans')
    leaf(means, 'ram:TypeCode', doc.payment.meansCode)
    leaf(branch(means, 'ram:PayeePartyCreditorFinancialAccount'), 'ram:IBANID', doc.payment.iban)
    if (doc.payment.bic)
      leaf(
        branch(means, 'ram:PayeeSpecifiedCreditorFinancialInstitution'),
        'ram:BICID',
        doc.payment.bic
      )
  }
  for (const v of doc.vat) {
    const tax = branch(node, 'ram:ApplicableTradeTax') // BG-23
    leaf(tax, 'ram:CalculatedAmount', v.tax)
    leaf(tax, 'ram:TypeCode', 'VAT')
    const exempt = v.category !== 'S' && v.category !== 'Z'
    if (exempt) leaf(tax, 'ram:ExemptionReason', v.exemptionReason)
    leaf(tax, 'ram:BasisAmount', v.taxable)
    leaf(tax, 'ram:CategoryCode', v.category)
    if (exempt) leaf(tax, 'ram:ExemptionReasonCode', v.exemptionCode ?? VATEX[v.category])
    if (v.category !== 'O') leaf(tax, 'ram:RateApplicablePercent', v.percent)
  }
  period(node, doc.period)
  for (const a of doc.allowances) {
    const allowance = branch(node, 'ram:SpecifiedTradeAllowanceCharge') // BG-20
    leaf(branch(allowance, 'ram:ChargeIndicator'), 'udt:Indicator', 'false')
    leaf(allowance, 'ram:ActualAmount', a.amount)
    leaf(allowance, 'ram:Reason', a.reason)
    tradeTax(branch(allowance, 'ram:CategoryTradeTax'), a.category, a.percent)
  }
  if (doc.dueDate)
    date(branch(node, 'ram:SpecifiedTradePaymentTerms'), 'ram:DueDateDateTime', doc.dueDate)
  const sums = branch(node, 'ram:SpecifiedTradeSettlementHeaderMonetarySummation') // BG-22
  leaf(sums, 'ram:LineTotalAmount', doc.totals.lineNet)
  if (doc.allowances.length) leaf(sums, 'ram:AllowanceTotalAmount', doc.totals.allowances)
  leaf(sums, 'ram:TaxBasisTotalAmount', doc.totals.taxExclusive)
  leaf(sums, 'ram:TaxTotalAmount', doc.totals.tax, { currencyID: doc.currency })
  leaf(sums, 'ram:GrandTotalAmount', doc.totals.taxInclusive)
  leaf(sums, 'ram:TotalPrepaidAmount', doc.totals.prepaid)
  leaf(sums, 'ram:DuePayableAmount', doc.totals.payable)
  if (doc.preceding)
    leaf(
      branch(node, 'ram:InvoiceReferencedDocument'),
      'ram:IssuerAssignedID',
      doc.preceding.number
    )
}

/** The document as CII D16B XML text (EN 16931). */
export function ciiXml(doc: En16931Invoice): string {
  const root = xmlDocument('rsm:CrossIndustryInvoice', {
    'xmlns:rsm': NS.rsm,
    'xmlns:ram': NS.ram,
    'xmlns:udt': NS.udt,
    'xmlns:qdt': NS.qdt
  })
  leaf(
    branch(
      branch(root, 'rsm:ExchangedDocumentContext'),
      'ram:GuidelineSpecifiedDocumentContextParameter'
    ),
    'ram:ID',
    CII_GUIDELINE
  )
  const header = branch(root, 'rsm:ExchangedDocument')
  leaf(header, 'ram:ID', doc.number) // BT-1
  leaf(header, 'ram:TypeCode', doc.typeCode) // BT-3
  date(header, 'ram:IssueDateTime', doc.issueDate) // BT-2
  for (const note of doc.notes) leaf(branch(header, 'ram:IncludedNote'), 'ram:Content', note)
  const transaction = branch(root, 'rsm:SupplyChainTradeTransaction')
  lines(transaction, doc)
  const agreement = branch(transaction, 'ram:ApplicableHeaderTradeAgreement')
  leaf(agreement, 'ram:BuyerReference', doc.buyerReference)
  party(agreement, 'ram:SellerTradeParty', doc.seller)
  party(agreement, 'ram:BuyerTradeParty', doc.buyer)
  const delivery = branch(transaction, 'ram:ApplicableHeaderTradeDelivery')
  if (doc.deliveryCountry)
    leaf(
      branch(branch(delivery, 'ram:ShipToTradeParty'), 'ram:PostalTradeAddress'),
      'ram:CountryID',
      doc.deliveryCountry
    )
  settlement(transaction, doc)
  return xmlText(root)
}
