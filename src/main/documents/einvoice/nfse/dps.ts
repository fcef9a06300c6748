import type { InvoiceView } from '@shared/books/invoices'
import { minorToDecimal } from '@shared/money'
import type { NfseSettings } from '@shared/nfse'
import { refuseDocument } from '../refuse'
import { branch, leaf, xmlDocument, xmlText, type Node } from '../xml'

/**
 * Brazil's DPS (Declaração de Prestação de Serviço), national layout v1.01 with the 2026 IBS/CBS
 * group: what the official emitter signs and sends to the Sefin Nacional, which returns the
 * NFS-e. Pure: the issued invoice, the company's NFS-e settings and the time it was issued in,
 * the XML out. The DPS carries one service: the invoice's lines are its description and their
 * sum its value. What a DPS cannot say is refused with the reason.
 */

export const NFSE_NAMESPACE = 'http://www.sped.fazenda.gov.br/nfse'
export const DPS_VERSION = '1.01'
/** verAplic: the application that made the DPS (at most 20 characters). */
const APPLICATION = 'Facturo/1'

export interface DpsContext {
  settings: NfseSettings | null
  /** When the invoice was issued (ISO, UTC): the DPS's dhEmi, in the municipality's time. */
  issuedAt: string
}

/** What identifies a DPS: its series, number and Id, and the provider's CNPJ or CPF. */
export interface DpsIdentity {
  serie: string
  nDps: string
  /** "DPS" + cMun(7) + tpInsc(1) + inscFed(14) + serie(5) + nDPS(15). */
  id: string
  provider: { kind: 'CNPJ' | 'CPF'; digits: string }
}

/**
 * A Brazilian tax id as the layout carries it: 14 digits a CNPJ, 11 a CPF, after dropping dots,
 * slashes and dashes; null for anything else (an alphanumeric CNPJ, which v1.01 cannot carry, too).
 */
export function brazilianId(taxId: string | undefined): DpsIdentity['provider'] | null {
  const compact = (taxId ?? '').replace(/[.\-/\s]/g, '')
  if (/^\d{14}$/.test(compact)) return { kind: 'CNPJ', digits: compact }
  if (/^\d{11}$/.test(compact)) return { kind: 'CPF', digits: compact }
  return null
}

/** The DPS number of an invoice: its number's digits (FV/2026/000042 → 2026000042). */
export function dpsNumber(number: string): string | null {
  const digits = number.replace(/\D/g, '').replace(/^0+/, '')
  return digits.length >= 1 && digits.length <= 15 ? digits : null
}

function settingsOf(invoice: InvoiceView, settings: NfseSettings | null): NfseSettings {
  if (!settings)
    refuseDocument(
      invoice,
      'nfse_not_configured',
      `A DPS needs the company's NFS-e settings (municipality, service code): set them on the Compliance screen or with "nfse settings" before exporting ${invoice.number}`
    )
  return settings
}

export function dpsIdentity(invoice: InvoiceView, settings: NfseSettings): DpsIdentity {
  const provider = brazilianId(invoice.seller?.taxId)
  if (!provider)
    refuseDocument(
      invoice,
      'nfse_seller_tax_id',
      `The company's tax id "${invoice.seller?.taxId ?? ''}" is not a numeric CNPJ (14 digits) or CPF (11 digits), which the DPS needs`,
      { taxId: invoice.seller?.taxId ?? '' }
    )
  const nDps = dpsNumber(invoice.number ?? '')
  if (!nDps)
    refuseDocument(
      invoice,
      'nfse_dps_number',
      `The DPS number is the invoice number's digits, and ${invoice.number} has none or more than 15: use a number format like FV/{YYYY}/{seq:6}`
    )
  const serie = settings.series
  const id = `DPS${settings.municipality}${provider.kind === 'CNPJ' ? '2' : '1'}${provider.digits.padStart(14, '0')}${serie.padStart(5, '0')}${nDps.padStart(15, '0')}`
  return { serie, nDps, id, provider }
}

/**
 * The municipality's UTC offset, by its state (the first two digits of the IBGE code): Acre
 * −05:00; Amazonas, Rondônia, Roraima, Mato Grosso and Mato Grosso do Sul −04:00; Fernando de
 * Noronha −02:00; the rest of Brazil −03:00 (no summer time since 2019).
 */
export function municipalityOffset(municipality: string): number {
  if (municipality === '2605459') return -2
  const state = municipality.slice(0, 2)
  if (state === '12') return -5
  if (['11', '13', '14', '50', '51'].includes(state)) return -4
  return -3
}

/** dhEmi: the moment in the municipality's time, to the second, with its offset ("-03:00"). */
export function dpsDateTime(isoUtc: string, offsetHours: number): string {
  const local = new Date(new Date(isoUtc).getTime() + offsetHours * 3_600_000)
  const sign = offsetHours < 0 ? '-' : '+'
  const hours = String(Math.abs(offsetHours)).padStart(2, '0')
  return `${local.toISOString().slice(0, 19)}${sign}${hours}:00`
}

const money = (minor: number) => minorToDecimal(minor, 'BRL')
const MAX_DESCRIPTION = 2000

/** xDescServ: each line's description, quantity and amount, one after the other. */
function serviceDescription(invoice: InvoiceView): string {
  const text = invoice.lines
    .map((l) => {
      const quantity = l.quantity === '1' ? '' : `${l.quantity} × `
      const period =
        l.periodStart && l.periodEnd && l.periodStart !== l.periodEnd
          ? ` (${l.periodStart} – ${l.periodEnd})`
          : ''
      return `${quantity}${l.description}${period}: R$ ${money(l.amount)}`
    })
    .join('; ')
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text
}

/** The tomador: a Brazilian buyer by CNPJ or CPF, a foreign one by its NIF; none for a consumer. */
function customer(inf: Node, invoice: InvoiceView): void {
  const buyer = invoice.buyer
  if (!buyer) return
  if (buyer.country === 'BR') {
    const id = brazilianId(buyer.taxId)
    if (!id && buyer.taxId.trim() !== '')
      refuseDocument(
        invoice,
        'nfse_buyer_tax_id',
        `The customer's tax id "${buyer.taxId}" is not a numeric CNPJ (14 digits) or CPF (11 digits), which the DPS needs; correct it or leave it empty for a consumer`,
        { taxId: buyer.taxId }
      )
    // a consumer without a CPF is not identified on the NFS-e
    if (!id) return
    const toma = branch(inf, 'toma')
    leaf(toma, id.kind, id.digits)
    personDetails(toma, buyer)
    return
  }
  const toma = branch(inf, 'toma')
  const nif = buyer.taxId.trim().slice(0, 40)
  if (nif) leaf(toma, 'NIF', nif)
  // 2: the customer's country does not require one
  else leaf(toma, 'cNaoNIF', '2')
  personDetails(toma, buyer)
}

function personDetails(toma: Node, buyer: NonNullable<InvoiceView['buyer']>): void {
  leaf(toma, 'xNome', buyer.name.slice(0, 300))
  const email = buyer.email ?? buyer.emails?.[0] ?? ''
  if (email.length <= 80 && /^[!-ÿ]+$/.test(email)) leaf(toma, 'email', email)
}

/** A service to a customer abroad: an export of services (LC 116/2003, art. 2, I). */
const isExport = (invoice: InvoiceView) => (invoice.buyer?.country ?? 'BR') !== 'BR'

function service(inf: Node, invoice: InvoiceView, settings: NfseSettings, value: string): void {
  const serv = branch(inf, 'serv')
  leaf(branch(serv, 'locPrest'), 'cLocPrestacao', settings.municipality)
  const code = branch(serv, 'cServ')
  leaf(code, 'cTribNac', settings.serviceCode)
  leaf(code, 'xDescServ', serviceDescription(invoice))
  leaf(code, 'cNBS', settings.nbsCode)
  if (isExport(invoice)) {
    const comExt = branch(serv, 'comExt')
    leaf(comExt, 'mdPrestacao', '1') // transfronteiriço
    leaf(comExt, 'vincPrest', '0') // no tie between the parties
    leaf(comExt, 'tpMoeda', '790') // the real, in the Banco Central's table
    leaf(comExt, 'vServMoeda', value)
    leaf(comExt, 'mecAFComexP', '01')
    leaf(comExt, 'mecAFComexT', '01')
    leaf(comExt, 'movTempBens', '1')
    leaf(comExt, 'mdic', '0')
  }
}

function values(inf: Node, invoice: InvoiceView, settings: NfseSettings, value: string): void {
  const valores = branch(inf, 'valores')
  leaf(branch(valores, 'vServPrest'), 'vServ', value)
  if (invoice.subtotals.discounts > 0)
    leaf(branch(valores, 'vDescCondIncond'), 'vDescIncond', money(invoice.subtotals.discounts))
  const trib = branch(valores, 'trib')
  const mun = branch(trib, 'tribMun')
  if (isExport(invoice)) {
    leaf(mun, 'tribISSQN', '3')
    leaf(mun, 'cPaisResult', invoice.buyer!.country)
  } else leaf(mun, 'tribISSQN', '1')
  leaf(mun, 'tpRetISSQN', '1') // not withheld
  if (!isExport(invoice)) leaf(mun, 'pAliq', settings.issRate)
  // no estimate of the taxes (Decreto 8.264/2014)
  leaf(branch(trib, 'totTrib'), 'indTotTrib', '0')
}

function ibsCbs(inf: Node, settings: NfseSettings): void {
  const group = branch(inf, 'IBSCBS')
  leaf(group, 'finNFSe', '0') // a regular NFS-e
  leaf(group, 'cIndOp', settings.operationCode)
  leaf(group, 'indDest', '0') // the tomador is the one the service is for
  const situation = branch(branch(branch(group, 'valores'), 'trib'), 'gIBSCBS')
  leaf(situation, 'CST', settings.ibsCbsCst)
  leaf(situation, 'cClassTrib', settings.ibsCbsClass)
}

function refuseUnlessDps(invoice: InvoiceView): void {
  if (invoice.kind === 'credit_note')
    refuseDocument(
      invoice,
      'nfse_credit_note',
      `${invoice.number} is a credit note: an NFS-e is corrected by cancelling or substituting it in the emitter, not by a DPS`
    )
  if (invoice.status === 'void')
    refuseDocument(
      invoice,
      'nfse_void',
      `${invoice.number} is void: it gets no NFS-e (cancel one already issued in the emitter)`
    )
}

export function dpsXml(invoice: InvoiceView, context: DpsContext): string {
  refuseUnlessDps(invoice)
  const settings = settingsOf(invoice, context.settings)
  const identity = dpsIdentity(invoice, settings)
  // the service's value before the discount: the NFS-e's net value is then the invoice's total
  const gross = invoice.subtotals.total + invoice.subtotals.discounts
  if (gross < 0) refuseDocument(invoice, 'nfse_negative', `${invoice.number} has a negative total`)
  const value = money(gross)

  const root = xmlDocument('DPS', { xmlns: NFSE_NAMESPACE }, { versao: DPS_VERSION })
  const inf = branch(root, 'infDPS', { Id: identity.id })
  leaf(inf, 'tpAmb', settings.environment === 'production' ? '1' : '2')
  const issuedAt = dpsDateTime(context.issuedAt, municipalityOffset(settings.municipality))
  leaf(inf, 'dhEmi', issuedAt)
  leaf(inf, 'verAplic', APPLICATION)
  leaf(inf, 'serie', identity.serie)
  leaf(inf, 'nDPS', identity.nDps)
  // the competence is the issue date, never after the DPS was made (a post-dated invoice)
  const made = issuedAt.slice(0, 10)
  leaf(inf, 'dCompet', invoice.issueDate && invoice.issueDate < made ? invoice.issueDate : made)
  leaf(inf, 'tpEmit', '1') // issued by the provider
  leaf(inf, 'cLocEmi', settings.municipality)
  const prest = branch(inf, 'prest')
  leaf(prest, identity.provider.kind, identity.provider.digits)
  leaf(prest, 'IM', settings.municipalRegistration)
  const regime = branch(prest, 'regTrib')
  leaf(regime, 'opSimpNac', settings.simplesNacional)
  if (settings.simplesNacional === '3') leaf(regime, 'regApTribSN', settings.simplesRegime)
  leaf(regime, 'regEspTrib', settings.specialRegime)
  customer(inf, invoice)
  service(inf, invoice, settings, value)
  values(inf, invoice, settings, value)
  ibsCbs(inf, settings)
  return xmlText(root)
}
