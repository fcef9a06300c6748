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

/** A logo by its SHA-256: kept at issue, or (a draft's) the company's own; undefined otherwise. */
export function logoByHash(
  books: Books,
  sha256: string
): { mimeType: LogoRef['mimeType']; bytes: Uint8Array } | undefined {
  const kept = books.first(
    books.q.selectFrom('document_images').select(['data', 'mime_type']).where('sha256', '=', sha256)
  )
  if (kept)
    return { mimeType: kept.mime_type as LogoRef['mimeType'], bytes: new Uint8Array(kept.data) }
  const company = getCompany(books)
  if (logoRef(company)?.sha256 !== sha256) return undefined
  return {
    mimeType: company.logo!.mimeType,
    bytes: new Uint8Array(Buffer.from(company.logo!.dataBase64, 'base64'))
  }
}

/** The bytes of the logo a document names. */
export function logoBytes(books: Books, ref: LogoRef | undefined): Uint8Array | undefined {
  return ref ? logoByHash(books, ref.sha256)?.bytes : undefined
}
