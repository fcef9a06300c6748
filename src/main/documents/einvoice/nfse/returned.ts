import type { Element } from '@xmldom/xmldom'
import { childElements, childText, xmlRoot, XmlReadError } from '../read-xml'
import { NFSE_NAMESPACE } from './dps'

/**
 * The NFS-e the Sefin Nacional returns for a DPS (national layout), read for what the books keep:
 * its number, access key, when it was generated and its status, and the DPS it was made from
 * (its Id, series, number and provider), by which it finds its invoice. Pure: text in, documents
 * out; a file that is no NFS-e is refused with the reason.
 */

export class NfseReadError extends Error {}

export interface ReturnedNfse {
  /** The chave de acesso: the infNFSe Id without "NFS" (50 digits). */
  accessKey: string
  nfseNumber: string
  /** dhProc, as the NFS-e states it (with its offset). */
  processedAt: string
  /** cStat: 100 generated, 102 by court order, 103 avulsa, 107 … */
  status: string
  dpsId: string
  serie: string
  nDps: string
  /** The provider's CNPJ or CPF, from the DPS inside. */
  provider: string
  /** tpAmb of the DPS: 1 production, 2 the test environment (produção restrita). */
  environment: string
  /** dCompet of the DPS (YYYY-MM-DD). */
  competence: string
  /** vServ of the DPS, as its decimal text ("1620.00"). */
  value: string
}

/** Every element with this local name below `node`, depth first, in document order. */
function descendants(node: Element, name: string, found: Element[] = []): Element[] {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType !== child.ELEMENT_NODE) continue
    const element = child as Element
    if (element.localName === name) found.push(element)
    else descendants(element, name, found)
  }
  return found
}

function required(value: string, field: string, pattern: RegExp): string {
  if (!pattern.test(value))
    throw new NfseReadError(
      value
        ? `has ${field} "${value}", which is not what the national layout allows`
        : `has an NFS-e without ${field}`
    )
  return value
}

function readOne(nfse: Element): ReturnedNfse {
  const inf = childElements(nfse, 'infNFSe')[0]
  if (!inf) throw new NfseReadError('has an NFSe element without infNFSe')
  const id = required(inf.getAttribute('Id') ?? '', 'the Id of infNFSe', /^NFS\d{50}$/)
  const dps = childElements(childElements(inf, 'DPS')[0] ?? inf, 'infDPS')[0]
  if (!dps) throw new NfseReadError(`has NFS-e ${id} without the DPS it was made from`)
  const prest = childElements(dps, 'prest')[0]
  const provider = childText(prest, 'CNPJ') || childText(prest, 'CPF')
  return {
    accessKey: id.slice(3),
    nfseNumber: required(childText(inf, 'nNFSe'), 'nNFSe', /^[1-9]\d{0,12}$/),
    processedAt: required(childText(inf, 'dhProc'), 'dhProc', /^\d{4}-\d{2}-\d{2}T/),
    status: required(childText(inf, 'cStat'), 'cStat', /^\d{3}$/),
    dpsId: required(dps.getAttribute('Id') ?? '', 'the Id of infDPS', /^DPS\d{42}$/),
    serie: required(childText(dps, 'serie'), 'serie', /^\d{1,5}$/),
    nDps: required(childText(dps, 'nDPS'), 'nDPS', /^[1-9]\d{0,14}$/),
    provider: required(provider, 'the provider’s CNPJ or CPF', /^(\d{11}|\d{14})$/),
    environment: required(childText(dps, 'tpAmb'), 'tpAmb', /^[12]$/),
    competence: required(childText(dps, 'dCompet'), 'dCompet', /^\d{4}-\d{2}-\d{2}$/),
    value: required(
      childText(dps, 'valores', 'vServPrest', 'vServ'),
      'vServ',
      /^\d{1,15}(\.\d{2})?$/
    )
  }
}

/** The NFS-e of a file: one NFSe root, or any wrapper holding several. */
export function parseNfse(text: string): ReturnedNfse[] {
  let root: Element
  try {
    root = xmlRoot(text)
  } catch (error) {
    if (error instanceof XmlReadError) throw new NfseReadError(error.message)
    throw error
  }
  const documents = root.localName === 'NFSe' ? [root] : descendants(root, 'NFSe')
  if (documents.length === 0)
    throw new NfseReadError(
      `is not an NFS-e of the national layout: its root is <${root.localName}> and it holds no <NFSe>`
    )
  const foreign = documents.find((d) => d.namespaceURI !== NFSE_NAMESPACE)
  if (foreign)
    throw new NfseReadError(
      `has an <NFSe> in namespace "${foreign.namespaceURI ?? ''}", not the national layout's ${NFSE_NAMESPACE}`
    )
  return documents.map(readOne)
}
