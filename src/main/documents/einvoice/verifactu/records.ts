import type { InvoiceView } from '@shared/books/invoices'
import { minorToDecimal } from '@shared/money'
import { huella, verifactuDate, type AltaFields, type AnulacionFields } from './huella'
import { nifOf } from './nif'
import { refuseDocument } from '../refuse'

/**
 * Which Verifactu record an issued or voided document makes, and its huella, chained to the
 * last record of the system. Pure: the document, the record before it and the time in, the
 * record to keep out. What a record cannot say (no valid NIF, a currency other than the euro)
 * is refused before anything is issued.
 */

export type TipoFactura = 'F1' | 'F2' | 'R1' | 'R3' | 'R4' | 'R5'

/** A record as the file keeps it (verifactu_records). */
export interface VerifactuRecord {
  id: number
  invoiceId: number
  kind: 'alta' | 'anulacion'
  tipoFactura: TipoFactura | null
  nif: string
  numSerie: string
  /** YYYY-MM-DD. */
  issueDate: string
  cuotaTotal: string | null
  importeTotal: string | null
  previousId: number | null
  previousHuella: string
  generatedAt: string
  huella: string
}

export type NewRecord = Omit<VerifactuRecord, 'id'>

/** The record before, as the next one chains to it. */
export type PreviousRecord = Pick<VerifactuRecord, 'id' | 'huella'> | null

/** The seller's NIF, checked: Verifactu records cannot be made without a valid one. */
export function sellerNif(invoice: InvoiceView): string {
  const nif = nifOf(invoice.seller?.taxId)
  if (!nif)
    refuseDocument(
      invoice,
      'verifactu_seller_nif',
      `The company's tax id "${invoice.seller?.taxId ?? ''}" is not a valid Spanish NIF; Verifactu records need it. Set it under Company before issuing`,
      { taxId: invoice.seller?.taxId ?? '' }
    )
  return nif
}

/**
 * F1 for an invoice to an identified buyer, F2 (simplified) for one without a tax id; a credit
 * note is rectificativa R5 of a simplified invoice, R3 of one marked uncollectible, R1 otherwise
 * (art. 80.1–80.2 LIVA: a price change, a return, a discount after the fact).
 */
export function tipoFactura(
  invoice: InvoiceView,
  corrected: { tipoFactura: TipoFactura | null; status: string; simplified?: boolean } | null
): TipoFactura {
  if (invoice.kind !== 'credit_note') return invoice.buyer?.taxId.trim() ? 'F1' : 'F2'
  if (corrected?.tipoFactura === 'F2' || (!corrected?.tipoFactura && corrected?.simplified))
    return 'R5'
  if (corrected?.status === 'uncollectible') return 'R3'
  return 'R1'
}

/** A credit note records the difference it makes: its amounts negative. */
const signed = (invoice: InvoiceView, minor: number) =>
  minorToDecimal(invoice.kind === 'credit_note' ? -minor : minor, invoice.currency)

export function altaRecord(
  invoice: InvoiceView,
  tipo: TipoFactura,
  previous: PreviousRecord,
  generatedAt: string
): NewRecord {
  if (invoice.currency !== 'EUR')
    refuseDocument(
      invoice,
      'verifactu_currency',
      `${invoice.number ?? 'This invoice'} is in ${invoice.currency}; Verifactu records amounts in euros, so a Spanish seller issues in EUR`,
      { currency: invoice.currency }
    )
  const record: Omit<NewRecord, 'huella'> = {
    invoiceId: invoice.id,
    kind: 'alta',
    tipoFactura: tipo,
    nif: sellerNif(invoice),
    numSerie: invoice.number!,
    issueDate: invoice.issueDate!,
    cuotaTotal: signed(invoice, invoice.subtotals.tax),
    importeTotal: signed(invoice, invoice.subtotals.total),
    previousId: previous?.id ?? null,
    previousHuella: previous?.huella ?? '',
    generatedAt
  }
  return { ...record, huella: huella(altaFields(record)) }
}

export function anulacionRecord(
  alta: VerifactuRecord,
  previous: PreviousRecord,
  generatedAt: string
): NewRecord {
  const record: Omit<NewRecord, 'huella'> = {
    invoiceId: alta.invoiceId,
    kind: 'anulacion',
    tipoFactura: null,
    nif: alta.nif,
    numSerie: alta.numSerie,
    issueDate: alta.issueDate,
    cuotaTotal: null,
    importeTotal: null,
    previousId: previous?.id ?? null,
    previousHuella: previous?.huella ?? '',
    generatedAt
  }
  return { ...record, huella: huella(anulacionFields(record)) }
}

type Hashed = Omit<NewRecord, 'huella'>

export const altaFields = (r: Hashed): AltaFields => ({
  IDEmisorFactura: r.nif,
  NumSerieFactura: r.numSerie,
  FechaExpedicionFactura: verifactuDate(r.issueDate),
  TipoFactura: r.tipoFactura ?? '',
  CuotaTotal: r.cuotaTotal ?? '',
  ImporteTotal: r.importeTotal ?? '',
  Huella: r.previousHuella,
  FechaHoraHusoGenRegistro: r.generatedAt
})

export const anulacionFields = (r: Hashed): AnulacionFields => ({
  IDEmisorFacturaAnulada: r.nif,
  NumSerieFacturaAnulada: r.numSerie,
  FechaExpedicionFacturaAnulada: verifactuDate(r.issueDate),
  Huella: r.previousHuella,
  FechaHoraHusoGenRegistro: r.generatedAt
})

/** A record's huella as it should be, from its own fields. */
export const expectedHuella = (r: Hashed): string =>
  huella(r.kind === 'alta' ? altaFields(r) : anulacionFields(r))

/**
 * The first record of a chain that does not hold, in order: a huella its fields do not give, or
 * a link to a record that is not the one before it.
 */
export function brokenLink(
  records: readonly VerifactuRecord[]
): { record: VerifactuRecord; reason: string } | null {
  let previous: VerifactuRecord | null = null
  for (const r of records) {
    if (r.previousHuella !== (previous?.huella ?? '') || r.previousId !== (previous?.id ?? null))
      return {
        record: r,
        reason: 'the chain is broken here: the record before it was removed or changed'
      }
    if (expectedHuella(r) !== r.huella)
      return { record: r, reason: 'its huella does not match its fields: the record was changed' }
    previous = r
  }
  return null
}
