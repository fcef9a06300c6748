import type { LedgerCheck } from '@shared/books/results'
import { viewInvoice } from './invoices'
import { verifyLedger } from './ledger'
import { verifyVerifactu } from './verifactu'

/**
 * Every chain of the books checked at once (`verify-ledger`, Settings, backups): the ledger of
 * each series, then a Spanish seller's Verifactu records. The first broken link is reported.
 */
export function verifyChains(books: Parameters<typeof verifyLedger>[0]): LedgerCheck {
  const ledger = verifyLedger(books)
  if (!ledger.ok) return ledger
  const verifactu = verifyVerifactu(books, (id) => viewInvoice(books, id))
  return { ...verifactu, entries: ledger.entries + verifactu.entries }
}
