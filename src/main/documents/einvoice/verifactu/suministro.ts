import type { InvoiceParty, InvoiceView } from '@shared/books/invoices'
import { minorToDecimal } from '@shared/money'
import { EU_VAT_PREFIX, isEuCountry } from '../parties'
import { branch, leaf, xmlDocument, xmlText, type Node } from '../xml'
import { verifactuDate } from './huella'
import { nifOf } from './nif'
import type { VerifactuRecord } from './records'
import { refuseDocument } from '../refuse'

/**
 * Verifactu records as a SuministroLR file (RegFactuSistemaFacturacion, the AEAT's schema
 * SuministroLR.xsd): the Cabecera naming the issuer, then each RegistroAlta (from the issued
 * document it records) or RegistroAnulacion, in chain order, with the fields the huella covered
 * exactly as the record keeps them. Pure; at most 1,000 records a file, as the schema allows.
 */

const NS = {
  sum: 'https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroLR.xsd',
  sum1: 'https://www2.agenciatributaria.gob.es/static_files/common/internet/dep/aplicaciones/es/aeat/tike/cont/ws/SuministroInformacion.xsd'
}

export const MAX_RECORDS_PER_FILE = 1000

/** The system that made the records (SistemaInformatico): Facturo, one installation per company file. */
export const SISTEMA = {
  name: 'Facturo',
  id: 'FC',
  version: '1.0'
}

/** One record with what its XML needs beyond itself: the record before it and, for an alta, the document. */
export interface RecordEntry {
  record: VerifactuRecord
  previous: VerifactuRecord | null
  /** The issued document of an alta. */
  invoice?: InvoiceView
  /** For a rectificativa: the invoice it corrects. */
  corrected?: { number: string; issueDate: string } | null
}

const s1 = (name: string) => `sum1:${name}`
const money = (minor: number, invoice: InvoiceView) =>
  minorToDecimal(invoice.kind === 'credit_note' ? -minor : minor, invoice.currency)
const text = (value: string, max: number) => value.replace(/\s+/g, ' ').trim().slice(0, max)

function idFactura(
  parent: Node,
  name: string,
  nif: string,
  number: string,
  date: string,
  suffix = ''
) {
  const node = branch(parent, s1(name))
  leaf(node, s1(`IDEmisorFactura${suffix}`), nif)
  leaf(node, s1(`NumSerieFactura${suffix}`), number)
  leaf(node, s1(`FechaExpedicionFactura${suffix}`), verifactuDate(date))
}

function encadenamiento(parent: Node, previous: VerifactuRecord | null) {
  const node = branch(parent, s1('Encadenamiento'))
  if (!previous) return leaf(node, s1('PrimerRegistro'), 'S')
  const anterior = branch(node, s1('RegistroAnterior'))
  leaf(anterior, s1('IDEmisorFactura'), previous.nif)
  leaf(anterior, s1('NumSerieFactura'), previous.numSerie)
  leaf(anterior, s1('FechaExpedicionFactura'), verifactuDate(previous.issueDate))
  leaf(anterior, s1('Huella'), previous.huella)
}

function sistema(parent: Node, record: VerifactuRecord, seller: string) {
  const node = branch(parent, s1('SistemaInformatico'))
  leaf(node, s1('NombreRazon'), text(seller, 120))
  leaf(node, s1('NIF'), record.nif)
  leaf(node, s1('NombreSistemaInformatico'), SISTEMA.name)
  leaf(node, s1('IdSistemaInformatico'), SISTEMA.id)
  leaf(node, s1('Version'), SISTEMA.version)
  leaf(node, s1('NumeroInstalacion'), `${record.nif}-1`)
  leaf(node, s1('TipoUsoPosibleSoloVerifactu'), 'S')
  leaf(node, s1('TipoUsoPosibleMultiOT'), 'N')
  leaf(node, s1('IndicadorMultiplesOT'), 'N')
}

/** IDDestinatario: a Spanish NIF, an EU VAT number (IDType 02), or another country's id (04). */
function destinatario(parent: Node, invoice: InvoiceView, buyer: InvoiceParty) {
  const node = branch(branch(parent, s1('Destinatarios')), s1('IDDestinatario'))
  leaf(node, s1('NombreRazon'), text(buyer.name, 120))
  const taxId = buyer.taxId.replace(/[\s.\-/]/g, '').toUpperCase()
  if (buyer.country === 'ES') {
    const nif = nifOf(taxId)
    if (!nif)
      refuseDocument(
        invoice,
        'verifactu_buyer_nif',
        `${buyer.name}'s tax id "${buyer.taxId}" is not a valid Spanish NIF`,
        {
          name: buyer.name,
          taxId: buyer.taxId
        }
      )
    return leaf(node, s1('NIF'), nif)
  }
  const other = branch(node, s1('IDOtro'))
  if (isEuCountry(buyer.country)) {
    const prefix = EU_VAT_PREFIX[buyer.country]!
    leaf(other, s1('IDType'), '02')
    leaf(other, s1('ID'), (taxId.startsWith(prefix) ? taxId : `${prefix}${taxId}`).slice(0, 20))
  } else {
    leaf(other, s1('CodigoPais'), buyer.country)
    leaf(other, s1('IDType'), '04')
    leaf(other, s1('ID'), taxId.slice(0, 20))
  }
}

/** One DetalleDesglose per VAT group: S1 (taxed), S2 (domestic reverse charge), N1/N2 (not subject), E1/E5 (exempt). */
function desglose(parent: Node, invoice: InvoiceView) {
  const node = branch(parent, s1('Desglose'))
  const buyerCountry = invoice.buyer?.country ?? 'ES'
  if (invoice.taxes.length > 12)
    refuseDocument(
      invoice,
      'verifactu_too_many_rates',
      `${invoice.number} has ${invoice.taxes.length} VAT groups; a Verifactu record holds at most 12`,
      { count: String(invoice.taxes.length) }
    )
  for (const t of invoice.taxes) {
    const d = branch(node, s1('DetalleDesglose'))
    leaf(d, s1('Impuesto'), '01')
    leaf(d, s1('ClaveRegimen'), '01')
    const base = money(t.taxableAmount, invoice)
    const rate = Number(t.percent).toFixed(2)
    switch (t.category) {
      case 'S':
      case 'Z':
        leaf(d, s1('CalificacionOperacion'), 'S1')
        leaf(d, s1('TipoImpositivo'), rate)
        leaf(d, s1('BaseImponibleOimporteNoSujeto'), base)
        leaf(d, s1('CuotaRepercutida'), money(t.taxAmount, invoice))
        break
      case 'AE':
        if (buyerCountry === 'ES') {
          // inversión del sujeto pasivo: the buyer pays the VAT; rate and cuota are written as zero
          leaf(d, s1('CalificacionOperacion'), 'S2')
          leaf(d, s1('TipoImpositivo'), '0.00')
          leaf(d, s1('BaseImponibleOimporteNoSujeto'), base)
          leaf(d, s1('CuotaRepercutida'), '0.00')
        } else {
          // services to an EU business: taxed where the buyer is (art. 69 LIVA)
          leaf(d, s1('CalificacionOperacion'), 'N2')
          leaf(d, s1('BaseImponibleOimporteNoSujeto'), base)
        }
        break
      case 'G':
        // Facturo bills services: to a buyer outside the EU they are not subject here
        leaf(d, s1('CalificacionOperacion'), 'N2')
        leaf(d, s1('BaseImponibleOimporteNoSujeto'), base)
        break
      case 'O':
        leaf(d, s1('CalificacionOperacion'), 'N1')
        leaf(d, s1('BaseImponibleOimporteNoSujeto'), base)
        break
      case 'K':
        leaf(d, s1('OperacionExenta'), 'E5')
        leaf(d, s1('BaseImponibleOimporteNoSujeto'), base)
        break
      case 'E':
        leaf(d, s1('OperacionExenta'), 'E1')
        leaf(d, s1('BaseImponibleOimporteNoSujeto'), base)
        break
      default:
        refuseDocument(
          invoice,
          'verifactu_category',
          `${invoice.number} has VAT category ${t.category}, which Verifactu has no code for`,
          {
            category: t.category
          }
        )
    }
  }
}

function alta(parent: Node, entry: RecordEntry) {
  const { record, invoice } = entry
  if (!invoice) throw new Error(`the alta of invoice ${record.invoiceId} needs its document`)
  const node = branch(parent, s1('RegistroAlta'))
  leaf(node, s1('IDVersion'), '1.0')
  idFactura(node, 'IDFactura', record.nif, record.numSerie, record.issueDate)
  leaf(node, s1('NombreRazonEmisor'), text(invoice.seller?.name ?? '', 120))
  leaf(node, s1('TipoFactura'), record.tipoFactura)
  if (record.tipoFactura?.startsWith('R')) {
    leaf(node, s1('TipoRectificativa'), 'I')
    if (entry.corrected) {
      const list = branch(node, s1('FacturasRectificadas'))
      idFactura(
        list,
        'IDFacturaRectificada',
        record.nif,
        entry.corrected.number,
        entry.corrected.issueDate
      )
    }
  }
  const description =
    invoice.lines
      .map((l) => l.description.split('\n')[0]!.trim())
      .filter(Boolean)
      .join('; ') || invoice.number!
  leaf(
    node,
    s1('DescripcionOperacion'),
    text(
      invoice.correctionReason ? `${invoice.correctionReason}: ${description}` : description,
      500
    )
  )
  // a simplified invoice over EUR 3,000 is one to a buyer the law lets go unnamed (art. 6.1.d)
  if (record.tipoFactura === 'F2' && Math.abs(invoice.subtotals.total) > 300_000)
    leaf(node, s1('FacturaSinIdentifDestinatarioArt61d'), 'S')
  if (record.tipoFactura !== 'F2' && record.tipoFactura !== 'R5' && invoice.buyer)
    destinatario(node, invoice, invoice.buyer)
  desglose(node, invoice)
  leaf(node, s1('CuotaTotal'), record.cuotaTotal)
  leaf(node, s1('ImporteTotal'), record.importeTotal)
  encadenamiento(node, entry.previous)
  sistema(node, record, invoice.seller?.name ?? '')
  leaf(node, s1('FechaHoraHusoGenRegistro'), record.generatedAt)
  leaf(node, s1('TipoHuella'), '01')
  leaf(node, s1('Huella'), record.huella)
}

function anulacion(parent: Node, entry: RecordEntry, seller: string) {
  const { record } = entry
  const node = branch(parent, s1('RegistroAnulacion'))
  leaf(node, s1('IDVersion'), '1.0')
  idFactura(node, 'IDFactura', record.nif, record.numSerie, record.issueDate, 'Anulada')
  encadenamiento(node, entry.previous)
  sistema(node, record, seller)
  leaf(node, s1('FechaHoraHusoGenRegistro'), record.generatedAt)
  leaf(node, s1('TipoHuella'), '01')
  leaf(node, s1('Huella'), record.huella)
}

/** A SuministroLR file of up to 1,000 records, the issuer named in its Cabecera. */
export function suministroXml(
  issuer: { name: string; nif: string },
  entries: readonly RecordEntry[]
): string {
  if (entries.length === 0 || entries.length > MAX_RECORDS_PER_FILE)
    throw new Error(
      `a SuministroLR file holds 1 to ${MAX_RECORDS_PER_FILE} records, not ${entries.length}`
    )
  const root = xmlDocument('sum:RegFactuSistemaFacturacion', {
    'xmlns:sum': NS.sum,
    'xmlns:sum1': NS.sum1
  })
  const obligado = branch(branch(root, 'sum:Cabecera'), s1('ObligadoEmision'))
  leaf(obligado, s1('NombreRazon'), text(issuer.name, 120))
  leaf(obligado, s1('NIF'), issuer.nif)
  for (const entry of entries) {
    const registro = branch(root, 'sum:RegistroFactura')
    if (entry.record.kind === 'alta') alta(registro, entry)
    else anulacion(registro, entry, issuer.name)
  }
  return xmlText(root)
}
