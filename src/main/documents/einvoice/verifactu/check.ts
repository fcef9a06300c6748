import type { Element } from '@xmldom/xmldom'
import { childElements, childText, xmlRoot, XmlReadError } from '../read-xml'
import { huella, type AltaFields, type AnulacionFields } from './huella'

/**
 * `verifactu check`: the huella of every RegistroAlta and RegistroAnulacion of a SuministroLR
 * file, recomputed from the record's own fields in file order, and each record's link to the one
 * before it. For auditors and for records from other systems; read by local names, so any
 * namespace prefixes do. Pure: the text in, the verdict out.
 */

export interface VerifactuCheck {
  records: number
  /** The first record that does not hold, numbered from 1 in the file. */
  broken: { position: number; kind: 'alta' | 'anulacion'; numSerie: string; reason: string } | null
}

export class VerifactuFileError extends Error {}

const children = childElements
const child = (parent: Element | undefined, name: string): Element | undefined =>
  parent ? children(parent, name)[0] : undefined
const text = childText

function parse(xml: string): Element {
  try {
    return xmlRoot(xml)
  } catch (error) {
    if (error instanceof XmlReadError) throw new VerifactuFileError(error.message)
    throw error
  }
}

export function checkSuministro(xml: string): VerifactuCheck {
  const root = parse(xml)
  if (root.localName !== 'RegFactuSistemaFacturacion')
    throw new VerifactuFileError(
      `is not a SuministroLR file: its root is <${root.localName}>, not <RegFactuSistemaFacturacion>`
    )
  const records = children(root, 'RegistroFactura').flatMap((r) => [
    ...children(r, 'RegistroAlta'),
    ...children(r, 'RegistroAnulacion')
  ])
  if (!records.length) throw new VerifactuFileError('holds no RegistroAlta or RegistroAnulacion')
  let previousHuella: string | null = null
  for (const [i, record] of records.entries()) {
    const alta = record.localName === 'RegistroAlta'
    const id = child(record, 'IDFactura')
    const chained = text(record, 'Encadenamiento', 'RegistroAnterior', 'Huella')
    const fields: AltaFields | AnulacionFields = alta
      ? {
          IDEmisorFactura: text(id, 'IDEmisorFactura'),
          NumSerieFactura: text(id, 'NumSerieFactura'),
          FechaExpedicionFactura: text(id, 'FechaExpedicionFactura'),
          TipoFactura: text(record, 'TipoFactura'),
          CuotaTotal: text(record, 'CuotaTotal'),
          ImporteTotal: text(record, 'ImporteTotal'),
          Huella: chained,
          FechaHoraHusoGenRegistro: text(record, 'FechaHoraHusoGenRegistro')
        }
      : {
          IDEmisorFacturaAnulada: text(id, 'IDEmisorFacturaAnulada'),
          NumSerieFacturaAnulada: text(id, 'NumSerieFacturaAnulada'),
          FechaExpedicionFacturaAnulada: text(id, 'FechaExpedicionFacturaAnulada'),
          Huella: chained,
          FechaHoraHusoGenRegistro: text(record, 'FechaHoraHusoGenRegistro')
        }
    const numSerie = alta
      ? (fields as AltaFields).NumSerieFactura
      : (fields as AnulacionFields).NumSerieFacturaAnulada
    const fail = (reason: string): VerifactuCheck => ({
      records: records.length,
      broken: { position: i + 1, kind: alta ? 'alta' : 'anulacion', numSerie, reason }
    })
    const first = text(record, 'Encadenamiento', 'PrimerRegistro') === 'S'
    // the first record of the file may follow records sent before it; the others follow the one before
    if (previousHuella !== null && (first || chained !== previousHuella))
      return fail(
        `it chains to ${first ? 'nothing (PrimerRegistro S)' : chained || 'no record'}, but the record before it has the huella ${previousHuella}`
      )
    const expected = huella(fields)
    const given = text(record, 'Huella')
    if (given !== expected)
      return fail(`its Huella is ${given || 'missing'}, but its fields give ${expected}`)
    previousHuella = given
  }
  return { records: records.length, broken: null }
}
