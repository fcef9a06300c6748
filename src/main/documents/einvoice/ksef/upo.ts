import type { Element } from '@xmldom/xmldom'
import { childElements, childText, xmlRoot, XmlReadError } from '../read-xml'

/**
 * UPO, KSeF's official receipt (Urzędowe Poświadczenie Odbioru, schema upo-v4-3): one
 * `Dokument` per accepted invoice, with its KSeF number, the invoice number and date, the
 * seller's NIP and the SHA-256 of the file KSeF received. Read by namespace-free local names (an
 * invoice UPO and a session UPO share the root) and never validated against the XSD: MF's own
 * samples break its fixed values. Pure: the text in, the documents or a reason out.
 */

export interface UpoDocument {
  nip: string
  ksefNumber: string
  invoiceNumber: string
  issueDate: string
  /** SHA-256 of the FA(3) file, as hex (the UPO carries Base64). */
  sha256: string | null
  mode: string | null
}

export class UpoError extends Error {}

const child = (parent: Element, name: string): string => childText(parent, name)

export function parseUpo(text: string): UpoDocument[] {
  let root: Element
  try {
    root = xmlRoot(text)
  } catch (error) {
    if (error instanceof XmlReadError) throw new UpoError(error.message)
    throw error
  }
  if (!root || root.localName !== 'Potwierdzenie')
    throw new UpoError(
      `is not a KSeF UPO: its root is <${root?.localName ?? '?'}>, not <Potwierdzenie>`
    )
  const documents = childElements(root, 'Dokument')
  if (!documents.length) throw new UpoError('is a UPO without any <Dokument>')
  return documents.map((d, i) => {
    const get = (name: string) => {
      const value = child(d, name)
      if (!value) throw new UpoError(`Dokument ${i + 1} has no <${name}>`)
      return value
    }
    const digest = child(d, 'SkrotDokumentu')
    const bytes = digest ? Buffer.from(digest, 'base64') : null
    return {
      nip: get('NipSprzedawcy'),
      ksefNumber: get('NumerKSeFDokumentu'),
      invoiceNumber: get('NumerFaktury'),
      issueDate: get('DataWystawieniaFaktury'),
      sha256: bytes && bytes.length === 32 ? bytes.toString('hex') : null,
      mode: child(d, 'TrybWysylki') || null
    }
  })
}
