import { verifactuDate } from './huella'

/**
 * The AEAT's QR code of an invoice from a VERI*FACTU system ("Detalle de las especificaciones
 * técnicas del código QR", v0.4.7): the validation link with four parameters, each URL-encoded
 * as UTF-8 (numserie "12345678&G33" is "12345678%26G33"), the total with a point and two
 * decimals. Printed 30–40 mm, error correction M, at the top of the first page, under the words
 * "QR tributario:" and over "VERI*FACTU". Pure.
 */

export const AEAT_QR_BASE = 'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR'

export function aeatQrUrl(
  record: { nif: string; numSerie: string; issueDate: string; importeTotal: string },
  base = AEAT_QR_BASE
): string {
  const params = [
    ['nif', record.nif],
    ['numserie', record.numSerie],
    ['fecha', verifactuDate(record.issueDate)],
    ['importe', record.importeTotal]
  ]
  return `${base}?${params.map(([k, v]) => `${k}=${encodeURIComponent(v!)}`).join('&')}`
}

/** The QR link of an alta record. */
export const verifactuUrl = (record: {
  nif: string
  numSerie: string
  issueDate: string
  importeTotal: string | null
}): string =>
  aeatQrUrl({
    nif: record.nif,
    numSerie: record.numSerie,
    issueDate: record.issueDate,
    importeTotal: record.importeTotal ?? '0.00'
  })
