import { DOMParser, type Document, type Element } from '@xmldom/xmldom'

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

function parse(text: string): Document {
  let failure: string | null = null
  let doc: Document | undefined
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning' && failure === null) failure = message
      }
    }).parseFromString(text, 'application/xml')
  } catch (error) {
    failure ??= (error as Error).message
  }
  if (failure || !doc)
    throw new UpoError(`is not well-formed XML: ${String(failure).replace(/\s+/g, ' ')}`)
  return doc
}

const child = (parent: Element, name: string): string => {
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === node.ELEMENT_NODE && (node as Element).localName === name)
      return (node.textContent ?? '').trim()
  }
  return ''
}

export function parseUpo(text: string): UpoDocument[] {
  const doc = parse(text.replace(/^\uFEFF/, ''))
  const root = doc.documentElement
  if (!root || root.localName !== 'Potwierdzenie')
    throw new UpoError(
      `is not a KSeF UPO: its root is <${root?.localName ?? '?'}>, not <Potwierdzenie>`
    )
  const documents = Array.from(root.childNodes).filter(
    (n): n is Element => n.nodeType === n.ELEMENT_NODE && (n as Element).localName === 'Dokument'
  )
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
