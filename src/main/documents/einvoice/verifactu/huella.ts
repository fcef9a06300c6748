import { createHash } from 'node:crypto'

/**
 * Verifactu's "huella" (AEAT, "Detalle de las especificaciones técnicas para generación de la
 * huella o hash de los registros de facturación", v0.1.2): SHA-256 over the record's named
 * fields, in the order given, as `name=value` joined by `&` (each value trimmed; a missing one
 * is just `name=`), UTF-8, written as 64 uppercase hexadecimal digits. Each record carries the
 * previous record's huella, so the records form a chain a change anywhere breaks. Pure.
 */

export interface AltaFields {
  IDEmisorFactura: string
  NumSerieFactura: string
  /** dd-mm-yyyy, as the record writes it. */
  FechaExpedicionFactura: string
  TipoFactura: string
  CuotaTotal: string
  ImporteTotal: string
  /** The previous record's huella; empty for the first record. */
  Huella: string
  /** ISO 8601 with the UTC offset: 2024-01-01T19:20:30+01:00 */
  FechaHoraHusoGenRegistro: string
}

export interface AnulacionFields {
  IDEmisorFacturaAnulada: string
  NumSerieFacturaAnulada: string
  FechaExpedicionFacturaAnulada: string
  Huella: string
  FechaHoraHusoGenRegistro: string
}

const ALTA_ORDER = [
  'IDEmisorFactura',
  'NumSerieFactura',
  'FechaExpedicionFactura',
  'TipoFactura',
  'CuotaTotal',
  'ImporteTotal',
  'Huella',
  'FechaHoraHusoGenRegistro'
] as const

const ANULACION_ORDER = [
  'IDEmisorFacturaAnulada',
  'NumSerieFacturaAnulada',
  'FechaExpedicionFacturaAnulada',
  'Huella',
  'FechaHoraHusoGenRegistro'
] as const

/** The text hashed: `name=value&…` in the specification's order. */
export function huellaText(fields: AltaFields | AnulacionFields): string {
  const order = 'IDEmisorFactura' in fields ? ALTA_ORDER : ANULACION_ORDER
  const values = fields as unknown as Record<string, string | undefined>
  return order.map((name) => `${name}=${(values[name] ?? '').trim()}`).join('&')
}

export const huella = (fields: AltaFields | AnulacionFields): string =>
  createHash('sha256').update(huellaText(fields), 'utf8').digest('hex').toUpperCase()

/** A date of the books (YYYY-MM-DD) as Verifactu writes it (dd-mm-yyyy). */
export const verifactuDate = (date: string): string =>
  `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`
