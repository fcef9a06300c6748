import type { En16931Invoice, En16931Party } from './en16931'
import { branch, leaf, xmlDocument, xmlText, type Node } from './xml'

/**
 * UBL 2.1 following Peppol BIS Billing 3.0: an Invoice, or a CreditNote for a credit note.
 * Elements in the order the UBL schemas list them; business terms noted where they are written.
 */

const NS = {
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'
}

export const PEPPOL_CUSTOMIZATION =
  'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0'
export const PEPPOL_PROFILE = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0'

/** VATEX codes for the categories whose reason is fixed (BT-121). */
export const VATEX: Record<string, string> = {
  AE: 'VATEX-EU-AE',
  G: 'VATEX-EU-G',
  K: 'VATEX-EU-IC'
}

function taxCategory(parent: Node, name: string, category: string, percent: string): Node {
  const node = branch(parent, name)
  leaf(node, 'cbc:ID', category)
  // "not subject to VAT" carries no rate (BR-O-05)
  if (category !== 'O') leaf(node, 'cbc:Percent', percent)
  return node
}

const taxScheme = (category: Node) => leaf(branch(category, 'cac:TaxScheme'), 'cbc:ID', 'VAT')

function party(parent: Node, p: En16931Party): void {
  const node = branch(parent, 'cac:Party')
  if (p.endpoint) leaf(node, 'cbc:EndpointID', p.endpoint.id, { schemeID: p.endpoint.scheme })
  if (p.id) leaf(branch(node, 'cac:PartyIdentification'), 'cbc:ID', p.id)
  const address = branch(node, 'cac:PostalAddress')
  leaf(address, 'cbc:StreetName', p.address.line1)
  leaf(address, 'cbc:AdditionalStreetName', p.address.line2)
  leaf(address, 'cbc:CityName', p.address.city)
  leaf(address, 'cbc:PostalZone', p.address.postalCode)
  leaf(address, 'cbc:CountrySubentity', p.address.region)
  leaf(branch(address, 'cac:Country'), 'cbc:IdentificationCode', p.address.country)
  if (p.vatId) {
    const scheme = branch(node, 'cac:PartyTaxScheme')
    leaf(scheme, 'cbc:CompanyID', p.vatId)
    taxScheme(scheme)
  }
  leaf(branch(node, 'cac:PartyLegalEntity'), 'cbc:RegistrationName', p.name)
  if (p.email || p.phone) {
    const contact = branch(node, 'cac:Contact')
    leaf(contact, 'cbc:Telephone', p.phone)
    leaf(contact, 'cbc:ElectronicMail', p.email)
  }
}

function period(parent: Node, p: { start: string; end: string } | null): void {
  if (!p) return
  const node = branch(parent, 'cac:InvoicePeriod')
  leaf(node, 'cbc:StartDate', p.start)
  leaf(node, 'cbc:EndDate', p.end)
}

/** The document as UBL 2.1 XML text (Peppol BIS Billing 3.0). */
export function ublXml(doc: En16931Invoice): string {
  const credit = doc.typeCode === '381'
  const cur = { currencyID: doc.currency }
  const root = xmlDocument(credit ? 'CreditNote' : 'Invoice', {
    xmlns: credit ? NS.creditNote : NS.invoice,
    'xmlns:cac': NS.cac,
    'xmlns:cbc': NS.cbc
  })
  leaf(root, 'cbc:CustomizationID', PEPPOL_CUSTOMIZATION)
  leaf(root, 'cbc:ProfileID', PEPPOL_PROFILE)
  leaf(root, 'cbc:ID', doc.number) // BT-1
  leaf(root, 'cbc:IssueDate', doc.issueDate) // BT-2
  if (!credit) leaf(root, 'cbc:DueDate', doc.dueDate) // BT-9
  leaf(root, credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', doc.typeCode) // BT-3
  for (const note of doc.notes) leaf(root, 'cbc:Note', note) // BT-22
  leaf(root, 'cbc:DocumentCurrencyCode', doc.currency) // BT-5
  leaf(root, 'cbc:BuyerReference', doc.buyerReference) // BT-10
  period(root, doc.period) // BG-14
  if (doc.preceding) {
    // BG-3
    const reference = branch(branch(root, 'cac:BillingReference'), 'cac:InvoiceDocumentReference')
    leaf(reference, 'cbc:ID', doc.preceding.number)
  }
  party(branch(root, 'cac:AccountingSupplierParty'), doc.seller) // BG-4
  party(branch(root, 'cac:AccountingCustomerParty'), doc.buyer) // BG-7
  if (doc.deliveryCountry) {
    const location = branch(branch(root, 'cac:Delivery'), 'cac:DeliveryLocation')
    leaf(
      branch(branch(location, 'cac:Address'), 'cac:Country'),
      'cbc:IdentificationCode',
      doc.deliveryCountry
    )
  }
  if (doc.payment) {
    // BG-16
    const means = branch(root, 'cac:PaymentMeans')
    leaf(means, 'cbc:PaymentMeansCode', doc.payment.meansCode)
    leaf(means, 'cbc:PaymentID', doc.payment.reference)
    const account = branch(means, 'cac:PayeeFinancialAccount')
    leaf(account, 'cbc:ID', doc.payment.iban)
    if (doc.payment.bic)
      leaf(branch(account, 'cac:FinancialInstitutionBranch'), 'cbc:ID', doc.payment.bic)
  }
  for (const a of doc.allowances) {
    // BG-20
    const node = branch(root, 'cac:AllowanceCharge')
    leaf(node, 'cbc:ChargeIndicator', 'false')
    leaf(node, 'cbc:AllowanceChargeReason', a.reason)
    leaf(node, 'cbc:Amount', a.amount, cur)
    taxScheme(taxCategory(node, 'cac:TaxCategory', a.category, a.percent))
  }
  const taxTotal = branch(root, 'cac:TaxTotal')
  leaf(taxTotal, 'cbc:TaxAmount', doc.totals.tax, cur) // BT-110
  for (const v of doc.vat) {
    // BG-23
    const sub = branch(taxTotal, 'cac:TaxSubtotal')
    leaf(sub, 'cbc:TaxableAmount', v.taxable, cur)
    leaf(sub, 'cbc:TaxAmount', v.tax, cur)
    const category = taxCategory(sub, 'cac:TaxCategory', v.category, v.percent)
    if (v.category !== 'S' && v.category !== 'Z') {
      leaf(category, 'cbc:TaxExemptionReasonCode', v.exemptionCode ?? VATEX[v.category])
      leaf(category, 'cbc:TaxExemptionReason', v.exemptionReason)
    }
    taxScheme(category)
  }
  const totals = branch(root, 'cac:LegalMonetaryTotal') // BG-22
  leaf(totals, 'cbc:LineExtensionAmount', doc.totals.lineNet, cur)
  leaf(totals, 'cbc:TaxExclusiveAmount', doc.totals.taxExclusive, cur)
  leaf(totals, 'cbc:TaxInclusiveAmount', doc.totals.taxInclusive, cur)
  if (doc.allowances.length) leaf(totals, 'cbc:AllowanceTotalAmount', doc.totals.allowances, cur)
  leaf(totals, 'cbc:PrepaidAmount', doc.totals.prepaid, cur)
  leaf(totals, 'cbc:PayableAmount', doc.totals.payable, cur)
  for (const l of doc.lines) {
    // BG-25
    const node = branch(root, credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine')
    leaf(node, 'cbc:ID', l.id)
    leaf(node, credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', l.quantity, {
      unitCode: l.unitCode
    })
    leaf(node, 'cbc:LineExtensionAmount', l.net, cur)
    period(node, l.period)
    const item = branch(node, 'cac:Item')
    leaf(item, 'cbc:Description', l.description)
    leaf(item, 'cbc:Name', l.name)
    taxScheme(taxCategory(item, 'cac:ClassifiedTaxCategory', l.category, l.percent))
    const price = branch(node, 'cac:Price')
    leaf(price, 'cbc:PriceAmount', l.price, cur)
    if (l.baseQuantity) leaf(price, 'cbc:BaseQuantity', l.baseQuantity, { unitCode: l.unitCode })
  }
  return xmlText(root)
}
