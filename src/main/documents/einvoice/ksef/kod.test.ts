import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ksefCode, recordKsefNumber } from '../../../books/ksef'
import { invoicePdfFor } from '../../logo'
import { exportEinvoice } from '../export'
import { einvoiceMatrix } from '../test-matrix'
import { base64UrlOfHex, kodIUrl } from './kod'
import { crc8 } from './numbers'

/**
 * KOD I on the printout: the link of ksef-docs' example reproduced, and a real round trip — the
 * invoice PDF rendered by poppler and its code read back by zbarimg, labelled OFFLINE and then
 * with the KSeF number. Renders are kept in test-results/einvoice/ksef to look at.
 */

const has = (command: string, flag: string): boolean => {
  try {
    execFileSync(command, [flag], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const TOOLS = has('pdftoppm', '-v') && has('zbarimg', '--version') && has('pdftotext', '-v')
if (!TOOLS) console.warn('KOD I render tests skipped: poppler-utils or zbar-tools not installed')
const OUT = resolve(import.meta.dirname, '../../../../../test-results/einvoice/ksef')

describe('KOD I', () => {
  it('is the link of the seller NIP, the issue date and the file hash in Base64URL', () => {
    // ksef-docs, kody-qr.md: the hash UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE, from its hex
    const hex = Buffer.from('UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE', 'base64url').toString(
      'hex'
    )
    expect(base64UrlOfHex(hex)).toBe('UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE')
    expect(kodIUrl('1111111111', '2026-02-01', hex, 'https://qr-test.ksef.mf.gov.pl')).toBe(
      'https://qr-test.ksef.mf.gov.pl/invoice/1111111111/01-02-2026/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE'
    )
  })

  it.skipIf(!TOOLS)(
    'is printed on the PDF and read back: OFFLINE, then the KSeF number',
    async () => {
      const { books, documents } = await einvoiceMatrix()
      const invoice = documents.domestic
      const file = exportEinvoice(books, invoice.id, 'ksef')
      mkdirSync(OUT, { recursive: true })
      const read = async (name: string) => {
        const pdf = join(OUT, `${name}.pdf`)
        writeFileSync(pdf, await invoicePdfFor(books, invoice, 'pl'))
        execFileSync('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', pdf, join(OUT, name)])
        const png = join(OUT, `${name}-1.png`)
        const codes = execFileSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8' })
        return {
          codes: codes.trim().split('\n'),
          text: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
        }
      }
      const offline = await read('kod-offline')
      const url = `https://qr.ksef.mf.gov.pl/invoice/1234563218/02-01-2026/${base64UrlOfHex(file.sha256)}`
      expect(offline.codes).toContain(url)
      expect(offline.text).toContain('OFFLINE')
      expect(offline.text).toContain('Sprawdź w KSeF')

      const head = '1234563218-20260105-0100004C2D71'
      recordKsefNumber(books, invoice.id, `${head}-${crc8(head)}`)
      expect(ksefCode(books, invoice)!.label).toBe(`${head}-${crc8(head)}`)
      const accepted = await read('kod-accepted')
      expect(accepted.codes).toContain(url)
      expect(accepted.text).toContain(`${head}-${crc8(head)}`)
      expect(accepted.text).not.toContain('OFFLINE')
    },
    60_000
  )
})
