import { DOMParser, type Element } from '@xmldom/xmldom'

/**
 * XML that comes in (UPO receipts, SuministroLR files) read with @xmldom/xmldom: strictly, a
 * malformed file refused with the parser's own words and position, never repaired; entities of
 * a DTD are not expanded. Elements are found by local name, whatever their prefix.
 */

export class XmlReadError extends Error {}

/** The document's root element, or an XmlReadError saying why the text is not well-formed XML. */
export function xmlRoot(text: string): Element {
  let failure: string | null = null
  let root: Element | null = null
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning' && failure === null) failure = message
      }
    }).parseFromString(text.replace(/^\uFEFF/, ''), 'application/xml')
    root = doc.documentElement
  } catch (error) {
    failure ??= (error as Error).message
  }
  if (failure || !root)
    throw new XmlReadError(`is not well-formed XML: ${String(failure).replace(/\s+/g, ' ')}`)
  return root
}

/** The child elements of `parent` with this local name, in order. */
export const childElements = (parent: Element, name: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (n): n is Element => n.nodeType === n.ELEMENT_NODE && (n as Element).localName === name
  )

/** The trimmed text at a path of local names below `parent`; '' when it is not there. */
export function childText(parent: Element | undefined, ...path: string[]): string {
  let node = parent
  for (const name of path) node = node ? childElements(node, name)[0] : undefined
  return (node?.textContent ?? '').trim()
}
