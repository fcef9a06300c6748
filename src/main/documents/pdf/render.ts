import { degrees, PDFDocument, rgb } from '@cantoo/pdf-lib'
import i18next from 'i18next'
import type { InvoiceView } from '@shared/books/invoices'
import { invoiceModel, type DocumentModel } from '@shared/documents/invoice-model'
import { resources } from '@shared/i18n'
import type { Language } from '@shared/languages'
import { layoutDocument, PAGE, type Tone } from './layout'
import { qrRects } from '@shared/documents/qr'
import { documentFonts } from './fonts'

/**
 * Writes documents as PDF with pdf-lib (the maintained @cantoo fork), in DejaVu Sans embedded
 * from resources/fonts (every Polish, Portuguese and Spanish letter, and €).
 */

const TONES: Record<Tone, ReturnType<typeof rgb>> = {
  ink: rgb(0.1, 0.12, 0.16),
  muted: rgb(0.38, 0.42, 0.48),
  rule: rgb(0.82, 0.84, 0.87),
  watermark: rgb(0.9, 0.91, 0.93)
}

const translators = new Map<Language, (key: string, params?: Record<string, unknown>) => string>()

/** The catalog of one language, as main's documents read it (one i18next instance per language). */
export function documentTranslator(language: Language) {
  let translate = translators.get(language)
  if (!translate) {
    translate = newTranslator(language)
    translators.set(language, translate)
  }
  return translate
}

function newTranslator(language: Language) {
  const instance = i18next.createInstance()
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }
  })
  return (key: string, params?: Record<string, unknown>) => instance.t(key, params ?? {}) as string
}

/** A PNG or JPEG, told apart by its first bytes. */
const isPng = (bytes: Uint8Array) => bytes[0] === 0x89 && bytes[1] === 0x50

/** A document model as PDF bytes; `logo` (PNG or JPEG bytes) heads the first page. */
export async function renderPdf(
  model: DocumentModel,
  options: { logo?: Uint8Array } = {}
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  const { font, embed } = await documentFonts(pdf, model)
  const measure = (text: string, size: number, isBold?: boolean) =>
    font(isBold).widthOfTextAtSize(text, size)
  const logo = options.logo
    ? await (isPng(options.logo) ? pdf.embedPng(options.logo) : pdf.embedJpg(options.logo))
    : undefined
  const logoSize = logo ? { width: logo.width, height: logo.height } : undefined
  for (const ops of layoutDocument(model, measure, logoSize)) {
    const page = pdf.addPage([PAGE.width, PAGE.height])
    for (const op of ops) {
      if (op.kind === 'image') {
        if (logo) page.drawImage(logo, { x: op.x, y: op.y, width: op.width, height: op.height })
        continue
      }
      if (op.kind === 'qr') {
        for (const r of qrRects(op.payload, op.x, op.y, op.size))
          page.drawRectangle({ x: r.x, y: r.y, width: r.w, height: r.h, color: rgb(0, 0, 0) })
        continue
      }
      if (op.kind === 'rule') {
        page.drawLine({
          start: { x: op.x1, y: op.y1 },
          end: { x: op.x2, y: op.y2 },
          thickness: 0.6,
          color: TONES[op.tone ?? 'rule']
        })
        continue
      }
      const width = measure(op.text, op.size, op.bold)
      page.drawText(op.text, {
        x: op.align === 'right' ? op.x - width : op.x,
        y: op.y,
        size: op.size,
        font: font(op.bold),
        color: TONES[op.tone ?? 'ink'],
        ...(op.rotate ? { rotate: degrees(op.rotate) } : {})
      })
    }
  }
  await embed()
  pdf.setTitle(model.title)
  pdf.setLanguage(model.language)
  pdf.setProducer('Facturo')
  pdf.setCreator('Facturo')
  // which template drew it, so an old invoice is known to re-render the same
  pdf.setKeywords([model.template])
  // fixed dates: the same invoice gives the same bytes
  pdf.setCreationDate(new Date(0))
  pdf.setModificationDate(new Date(0))
  return pdf.save({ useObjectStreams: false })
}

/** The PDF's file name: the invoice number, made safe for every file system. */
export const invoiceFileName = (invoice: Pick<InvoiceView, 'number' | 'id'>): string =>
  `${(invoice.number ?? `draft-${invoice.id}`).replace(/[^\p{L}\p{N}._-]+/gu, '-')}.pdf`

export async function invoicePdf(
  invoice: InvoiceView,
  language: Language,
  options: {
    upcoming?: boolean
    logo?: Uint8Array
    /** KSeF's KOD I for a Polish seller's issued document (books/ksef.ts ksefCode). */
    ksef?: { url: string; label: string; splitPayment?: boolean } | null
    /** The AEAT's VERI*FACTU QR of a Spanish seller's issued document (books/verifactu.ts). */
    verifactu?: { url: string } | null
    /** The NFS-e recorded on a Brazilian seller's invoice (books/nfse.ts). */
    nfse?: { number: string; accessKey: string } | null
  } = {}
): Promise<Uint8Array> {
  return renderPdf(invoiceModel(invoice, language, documentTranslator(language), options), {
    logo: options.logo
  })
}
