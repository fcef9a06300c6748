/**
 * KOD I, the QR code every KSeF invoice's printout carries (ksef-docs, "Kody weryfikujące QR"):
 * a link to the invoice in KSeF by the seller's NIP, the issue date and the SHA-256 of the FA(3)
 * file, labelled with the KSeF number once KSeF has given it, and "OFFLINE" until then. Pure.
 */

export const KSEF_QR_BASE = 'https://qr.ksef.mf.gov.pl'

/** SHA-256 (hex, as Facturo records files) as unpadded Base64URL, as the link carries it. */
export const base64UrlOfHex = (hex: string): string => Buffer.from(hex, 'hex').toString('base64url')

/** The link KOD I encodes. */
export function kodIUrl(nip: string, issueDate: string, sha256Hex: string, base = KSEF_QR_BASE) {
  const [y, m, d] = issueDate.split('-')
  return `${base}/invoice/${nip}/${d}-${m}-${y}/${base64UrlOfHex(sha256Hex)}`
}

/** What is printed under the code. */
export const kodILabel = (ksefNumber: string | null): string => ksefNumber ?? 'OFFLINE'
