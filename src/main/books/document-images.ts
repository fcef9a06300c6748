import { createHash } from 'node:crypto'
import type { InvoiceParty } from '@shared/books/invoices'
import type { CompanyProfile } from '@shared/company'
import { getCompany } from '../store/repos/company'
import type { Books } from '../store/sync'

/**
 * The seller's logo on documents. A document names its logo by the SHA-256 of the bytes (in its
 * seller snapshot); issuing keeps those bytes in `document_images`, so a later logo does not
 * change an invoice already issued. A draft names the company's logo of the moment.
 */

type LogoRef = NonNullable<InvoiceParty['logo']>

export function logoRef(company: Pick<CompanyProfile, 'logo'>): LogoRef | undefined {
  if (!company.logo) return undefined
  const sha256 = createHash('sha256')
    .update(Buffer.from(company.logo.dataBase64, 'base64'))
    .digest('hex')
  return { sha256, mimeType: company.logo.mimeType }
}

/** Keeps the company's logo for the documents that name it (inside the issuing transaction). */
export function keepLogo(books: Books, company: Pick<CompanyProfile, 'logo'>): void {
  const ref = logoRef(company)
  if (!ref) return
  books.run(
    books.q
      .insertInto('document_images')
      .values({
        sha256: ref.sha256,
        mime_type: ref.mimeType,
        data: Buffer.from(company.logo!.dataBase64, 'base64'),
        created_at: books.stamp()
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
  )
}

/** The bytes of the logo a document names: kept at issue, or (a draft's) the company's own. */
export function logoBytes(books: Books, ref: LogoRef | undefined): Uint8Array | undefined {
  if (!ref) return undefined
  const kept = books.first(
    books.q.selectFrom('document_images').select('data').where('sha256', '=', ref.sha256)
  )
  if (kept) return new Uint8Array(kept.data)
  const company = getCompany(books)
  if (logoRef(company)?.sha256 === ref.sha256)
    return new Uint8Array(Buffer.from(company.logo!.dataBase64, 'base64'))
  return undefined
}
