import type { KsefInvoiceStatus } from './ksef'

/**
 * The e-invoice formats Facturo writes, by the names the CLI and the contract use; each format
 * joins this list when its writer does (documents/einvoice/registry.ts). Which apply to a
 * document depends on the seller's country and the currency.
 */
export const EINVOICE_FORMATS = ['ubl', 'cii', 'facturx', 'ksef', 'verifactu', 'dps'] as const
export type EinvoiceFormat = (typeof EINVOICE_FORMATS)[number]

/** Each format's name: a standard's own name, the same in every language. */
export const EINVOICE_LABELS: Readonly<Record<EinvoiceFormat, { label: string; short: string }>> = {
  ubl: { label: 'UBL 2.1 (Peppol BIS Billing 3.0)', short: 'UBL' },
  cii: { label: 'UN/CEFACT CII D16B (EN 16931)', short: 'CII' },
  facturx: { label: 'Factur-X 1.07 / ZUGFeRD 2.3 (EN 16931)', short: 'Factur-X PDF' },
  ksef: { label: 'KSeF FA(3)', short: 'FA(3)' },
  verifactu: { label: 'VERI*FACTU (SuministroLR)', short: 'Verifactu' },
  dps: { label: 'DPS (NFS-e Padrão Nacional 1.01)', short: 'DPS' }
}

/** An issued document as an e-invoice file, for the renderer to download. */
export interface EinvoiceFileView {
  fileName: string
  mimeType: string
  format: EinvoiceFormat
  version: string
  sha256: string
  dataBase64: string
}

/** Which formats apply to a document, and the files made of it so far. */
export interface EinvoiceOptions {
  formats: { format: EinvoiceFormat; label: string; short: string }[]
  records: { format: string; version: string; sha256: string; createdAt: string }[]
  /** For a Polish seller's issued document: where it stands with KSeF. */
  ksef: KsefInvoiceStatus | null
  /** For a Spanish seller's: its Verifactu records and the AEAT QR its printout carries. */
  verifactu: {
    code: { url: string } | null
    records: {
      kind: 'alta' | 'anulacion'
      tipoFactura: string | null
      huella: string
      generatedAt: string
    }[]
  } | null
  /** For a Brazilian seller's issued invoice: its DPS and the NFS-e recorded on it. */
  nfse: {
    dpsId: string | null
    nfseNumber: string | null
    accessKey: string | null
    processedAt: string | null
  } | null
}

/** A Peppol participant id as "scheme:identifier" (EAS code, then the address). */
export const PEPPOL_ID_PATTERN = /^\d{4}:[A-Za-z0-9][A-Za-z0-9.:_\-@]{0,134}$/
