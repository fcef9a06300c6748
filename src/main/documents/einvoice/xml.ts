import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces'

/**
 * A thin layer over xmlbuilder2 for the e-invoice writers: an element is written only when it
 * has something to say (Peppol forbids empty elements, PEPPOL-EN16931-R008), and every
 * document comes out the same way: UTF-8, two-space indent, one trailing newline.
 */

export type Node = XMLBuilder

export type Attributes = Record<string, string>

/** A new document with its root element and namespace declarations. */
export function xmlDocument(root: string, namespaces: Attributes, attributes: Attributes = {}) {
  return create({ version: '1.0', encoding: 'UTF-8' }).ele(root, { ...namespaces, ...attributes })
}

/** A child element with text; nothing when the text is empty or missing. */
export function leaf(
  parent: Node,
  name: string,
  text: string | null | undefined,
  attributes?: Attributes
): void {
  if (text === null || text === undefined || text.trim() === '') return
  parent.ele(name, attributes).txt(text)
}

/** A child element holding others. */
export const branch = (parent: Node, name: string, attributes?: Attributes): Node =>
  parent.ele(name, attributes)

/** The document as text, the same bytes for the same content. */
export const xmlText = (root: Node): string => `${root.end({ prettyPrint: true, indent: '  ' })}\n`
