import type { InvoiceView } from '@shared/books/invoices'
import type { Language } from '@shared/languages'
import { logoBytes } from '../books/document-images'
import { taxCodes } from './tax-codes'
import type { Books } from '../store/sync'
import { invoicePdf } from './pdf/render'

/** An invoice's PDF with the logo it names and, for a Polish seller, KSeF's KOD I or the AEAT's QR. */
export async function invoicePdfFor(
  books: Books,
  invoice: InvoiceView,
  language: Language,
  options: { upcoming?: boolean } = {}
): Promise<Uint8Array> {
  return invoicePdf(invoice, language, {
    ...options,
    logo: logoBytes(books, invoice.seller?.logo),
    ...(options.upcoming ? {} : taxCodes(books, invoice))
  })
}
