import type { InvoiceView } from '@shared/books/invoices'
import { EINVOICE_LABELS, type EinvoiceFormat } from '@shared/einvoice'
import { currencyExponent } from '@shared/money'
import { ownValue } from '@shared/own'
import { problem } from '../../errors'
import { ciiXml } from './cii'
import { suministroXml, type RecordEntry } from './verifactu/suministro'
import { verifactuUrl } from './verifactu/qr'
import { facturxPdf } from './facturx'
import { invoicePdf } from '../pdf/render'
import { fa3Xml, type Fa3Context } from './ksef/fa3'
import { en16931Invoice } from './en16931'
import { isEuCountry } from './parties'
import { ublXml } from './ubl'
import { dpsXml } from './nfse/dps'
import type { NfseSettings } from '@shared/nfse'

/**
 * The e-invoice formats, like the charge models: one entry each, looked up by name; a name
 * that is not here is refused. `version` is stored with every file made, so a change to a
 * writer that would alter its bytes is a new version, never a silent difference.
 */
export interface EinvoiceFormatDefinition {
  format: EinvoiceFormat
  /** What the file follows, e.g. Peppol BIS Billing 3.0 for UBL. */
  version: string
  label: string
  /** What a button says: "UBL", "CII". */
  short: string
  /** The file's name ending, after the invoice's own name. */
  suffix: string
  mimeType: string
  /** Whether the format applies to this issued document (the seller's country, its currency). */
  appliesTo(invoice: InvoiceView): boolean
  /** The file's bytes: at once for XML, after rendering for a PDF (Factur-X). */
  write(invoice: InvoiceView, context: EinvoiceContext): Uint8Array | Promise<Uint8Array>
}

/**
 * What the books know of an issued document beyond its own frozen data, loaded at the edge
 * (export.ts): when it was issued, the invoice a credit note corrects, an exchange rate.
 */
export type EinvoiceContext = Fa3Context & {
  /** The seller's logo the document names, for a format that carries the PDF. */
  logo?: Uint8Array
  /** A Spanish seller's Verifactu alta of the document, with the record before it. */
  verifactu?: RecordEntry | null
  /** A Brazilian seller's NFS-e settings, which the DPS takes its codes from. */
  nfse?: NfseSettings | null
}

const utf8 = (text: string) => new TextEncoder().encode(text)

/** EN 16931 is the EU's model, and carries amounts of at most two decimals. */
const en16931Applies = (invoice: InvoiceView): boolean =>
  isEuCountry(invoice.seller?.country ?? '') && currencyExponent(invoice.currency) <= 2

export const EINVOICE_REGISTRY: Readonly<Record<EinvoiceFormat, EinvoiceFormatDefinition>> = {
  ubl: {
    format: 'ubl',
    version: 'ubl-2.1-peppol-bis-3.0/1',
    ...EINVOICE_LABELS.ubl,
    suffix: '.ubl.xml',
    mimeType: 'application/xml',
    appliesTo: en16931Applies,
    write: (invoice) => utf8(ublXml(en16931Invoice(invoice)))
  },
  cii: {
    format: 'cii',
    version: 'cii-d16b-en16931/1',
    ...EINVOICE_LABELS.cii,
    suffix: '.cii.xml',
    mimeType: 'application/xml',
    appliesTo: en16931Applies,
    write: (invoice) => utf8(ciiXml(en16931Invoice(invoice)))
  },
  facturx: {
    format: 'facturx',
    version: 'factur-x-1.07-en16931/1',
    ...EINVOICE_LABELS.facturx,
    suffix: '.facturx.pdf',
    mimeType: 'application/pdf',
    appliesTo: en16931Applies,
    // the invoice's PDF as printed, and its CII inside; without KOD I, whose label changes once
    // KSeF numbers the invoice (this file is kept for good), with the AEAT's QR, which does not
    write: async (invoice, context) =>
      facturxPdf(
        await invoicePdf(invoice, invoice.language, {
          logo: context.logo,
          // the AEAT's QR is fixed at issue, so the kept file carries it
          verifactu: context.verifactu ? { url: verifactuUrl(context.verifactu.record) } : null
        }),
        utf8(ciiXml(en16931Invoice(invoice))),
        { author: invoice.seller?.name ?? '', issuedAt: context.issuedAt }
      )
  },
  verifactu: {
    format: 'verifactu',
    version: 'verifactu-suministrolr-1.0/1',
    ...EINVOICE_LABELS.verifactu,
    suffix: '.verifactu.xml',
    mimeType: 'application/xml',
    appliesTo: (invoice) => invoice.seller?.country === 'ES' && invoice.currency === 'EUR',
    // the document's RegistroAlta, as it was chained when issued
    write: (invoice, context) => {
      if (!context.verifactu)
        throw problem(
          'CONFLICT',
          'verifactu_no_record',
          `${invoice.number} has no Verifactu record: it was issued before Facturo kept them`,
          { number: invoice.number ?? '' }
        )
      return utf8(
        suministroXml({ name: invoice.seller?.name ?? '', nif: context.verifactu.record.nif }, [
          context.verifactu
        ])
      )
    }
  },
  ksef: {
    format: 'ksef',
    version: 'ksef-fa3-1-0E/1',
    ...EINVOICE_LABELS.ksef,
    suffix: '.fa3.xml',
    mimeType: 'application/xml',
    appliesTo: (invoice) =>
      invoice.seller?.country === 'PL' && currencyExponent(invoice.currency) <= 2,
    write: (invoice, context) => utf8(fa3Xml(invoice, context))
  },
  dps: {
    format: 'dps',
    version: 'nfse-dps-1.01/1',
    ...EINVOICE_LABELS.dps,
    suffix: '.dps.xml',
    mimeType: 'application/xml',
    // the national layout's values are in reais; a credit note has no DPS (refused when written)
    appliesTo: (invoice) =>
      invoice.seller?.country === 'BR' && invoice.currency === 'BRL' && invoice.kind === 'invoice',
    write: (invoice, context) =>
      utf8(dpsXml(invoice, { settings: context.nfse ?? null, issuedAt: context.issuedAt }))
  }
}

export function einvoiceFormat(format: string): EinvoiceFormatDefinition {
  const definition = ownValue(EINVOICE_REGISTRY, format)
  if (!definition)
    throw problem(
      'VALIDATION',
      'einvoice_unknown_format',
      `There is no e-invoice format "${format}"; the formats are ${Object.keys(EINVOICE_REGISTRY).join(', ')}`,
      { format, formats: Object.keys(EINVOICE_REGISTRY).join(', ') }
    )
  return definition
}

/** The formats that apply to an issued document, in the registry's order. */
export const formatsFor = (invoice: InvoiceView): EinvoiceFormatDefinition[] =>
  invoice.number ? Object.values(EINVOICE_REGISTRY).filter((f) => f.appliesTo(invoice)) : []
