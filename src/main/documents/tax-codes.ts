import type { InvoiceView } from '@shared/books/invoices'
import { ksefCode } from '../books/ksef'
import { verifactuCode } from '../books/verifactu'
import { nfseCode } from '../books/nfse'
import type { Books } from '../store/sync'

/**
 * The tax authority's code an issued document prints, read from the books: KSeF's KOD I for a
 * Polish seller, the AEAT's VERI*FACTU QR for a Spanish one, the NFS-e's number and access key for
 * a Brazilian one; none for others or for drafts.
 */
export function taxCodes(books: Books, invoice: InvoiceView) {
  return {
    ksef: ksefCode(books, invoice),
    verifactu: verifactuCode(books, invoice),
    nfse: nfseCode(books, invoice)
  }
}
