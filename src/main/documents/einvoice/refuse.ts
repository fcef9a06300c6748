import type { InvoiceView } from '@shared/books/invoices'
import { problem } from '../../errors'

/**
 * Refuses to write a document in a format that cannot say it (or a tax authority that would
 * reject it): a VALIDATION problem naming the document, with the reason's own parameters.
 */
export function refuseDocument(
  invoice: Pick<InvoiceView, 'number' | 'id'>,
  key: string,
  message: string,
  params: Record<string, string> = {}
): never {
  throw problem('VALIDATION', key, message, {
    number: invoice.number ?? String(invoice.id),
    ...params
  })
}
